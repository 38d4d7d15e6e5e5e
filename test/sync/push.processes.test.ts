import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, freshPgConfig } from '../store/stores';
import { rng, startScript } from '../store/workers/spawn';

/**
 * Four OS processes (own connection / pool each) sell and push the same three SKUs at once to one shared
 * channel, whose answers come back after random delays (0-15 ms), so requests overtake each other as on a
 * real network. Each step applies a sale and pushes its SKUs, as template 1 does per trigger. However the
 * processes interleave, pushes of one SKU never overlap, and when all are done the channel shows exactly
 * what the store has: no older value was published last.
 */

const WORKERS = 4;
const STEPS = 25;
const HOT = ['HOT-1', 'HOT-2', 'HOT-3'];
const CHANNEL = 'shopify:loja.myshopify.com';
const SEED = Number(process.env.OMS_TEST_SEED ?? 20261127);
const PUSH_WORKER = path.join(__dirname, '..', 'store', 'workers', 'push-worker.js');

/** The shared channel: applies each update after a random delay, and counts requests of one SKU in flight at once. */
function fakeChannel() {
	const shown = new Map<string, number>();
	const inFlight = new Map<string, number>();
	let maxInFlight = 0;
	let requests = 0;
	let open = 0;
	let maxOpen = 0;
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const updates = JSON.parse(body) as Array<{ sku: string; listing: string; quantity: number }>;
			requests++;
			maxOpen = Math.max(maxOpen, ++open);
			for (const u of updates) {
				inFlight.set(u.sku, (inFlight.get(u.sku) ?? 0) + 1);
				maxInFlight = Math.max(maxInFlight, inFlight.get(u.sku)!);
			}
			setTimeout(() => {
				for (const u of updates) {
					shown.set(`${u.sku}@${u.listing}`, u.quantity);
					inFlight.set(u.sku, inFlight.get(u.sku)! - 1);
				}
				open--;
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			}, Math.random() * 15);
		});
	});
	const reset = () => {
		shown.clear();
		inFlight.clear();
		maxInFlight = maxOpen = requests = open = 0;
	};
	return { server, shown, reset, stats: () => ({ maxInFlight, maxOpen, requests }) };
}

describe.each(DRIVERS)('%s: four processes push the same SKUs at once', (driver) => {
	let dir: string;
	let store: OmsStore;
	const channel = fakeChannel();
	beforeAll(() => new Promise<void>((resolve) => channel.server.listen(0, '127.0.0.1', resolve)));
	afterAll(() => new Promise<void>((resolve) => channel.server.close(() => resolve())));
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-push-'));
	});
	afterEach(async () => {
		await store?.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/**
	 * With rules, HOT-1 is sold under two listings, one of them with its own rule (half of what is available),
	 * and HOT-2's only listing has a cap of its own: each listing is its own target, ordered as a SKU is.
	 */
	test.each([
		['pushes of one SKU never overlap, and the channel ends showing what the store has', false],
		['with listing rules: pushes of one SKU never overlap, and every listing ends showing its own number', true],
	])('%s', async (_title, withRules) => {
		const config: StoreConfig = driver === 'sqlite' ? { driver: 'sqlite', path: path.join(dir, 'shared.sqlite') } : await freshPgConfig();
		store = createStore(config);
		await store.setOnHand(HOT.map((sku) => ({ sku, onHand: 1000 })));
		if (withRules) {
			const link = (listingId: string, sku: string) => ({ channel: 'shopify', account: 'loja.myshopify.com', listingId, sku });
			await store.linkListings([link('L-HOT-1', 'HOT-1'), link('HALF-1', 'HOT-1'), link('L-HOT-2', 'HOT-2')]);
			await store.setListingRule(CHANNEL, { listingId: 'HALF-1' }, { sharePercent: 50 });
			await store.setListingRule(CHANNEL, { listingId: 'L-HOT-2' }, { maxQuantity: 900 });
		}
		channel.reset();
		const random = rng(SEED);
		const pick = () => HOT[Math.floor(random() * HOT.length)];
		const plans = Array.from({ length: WORKERS }, (_v, w) => ({
			config,
			channel: CHANNEL,
			channelUrl: `http://127.0.0.1:${(channel.server.address() as AddressInfo).port}/stock`,
			batchSize: 2,
			gapMs: 4,
			steps: Array.from({ length: STEPS }, (_s, i) => {
				const sold = [...new Set([pick(), pick()])];
				// Every third step also pushes a SKU it did not sell (an unchanged value, or one another process moved).
				return { orders: [order(`w${w}-${i}`, 'paid', sold.map((sku) => [sku, 1 + Math.floor(random() * 3)]))], push: i % 3 ? sold : [...new Set([...sold, pick()])] };
			}),
		}));

		const workers = plans.map((p, i) => startScript(PUSH_WORKER, p, dir, `pusher-${i}`));
		await Promise.all(workers.map((w) => w.next('ready')));
		for (const w of workers) w.child.send('go');
		const exits = await Promise.all(workers.map((w) => w.exited));
		expect(workers.map((w) => w.messages.filter((m) => m.type === 'error'))).toEqual(plans.map(() => []));
		expect(exits).toEqual(plans.map(() => ({ code: 0, signal: null })));

		// They really ran at once: every process pushed while another one was pushing too. (Not "all four at
		// once": on a loaded machine one process may start its first step after another has ended.)
		const pushes = workers.flatMap((w, i) => w.messages.filter((m) => m.type === 'pushed').map((m) => ({ at: m.at!, i, statuses: m.statuses! }))).sort((a, b) => a.at - b.at);
		expect(pushes).toHaveLength(WORKERS * STEPS);
		const spans = workers.map((_w, i) => pushes.filter((p) => p.i === i).map((p) => p.at)).map((t) => [t[0], t[t.length - 1]]);
		const alone = spans.filter(([from, to], i) => !spans.some(([f, t], j) => j !== i && from < t && f < to));
		expect(alone).toEqual([]);
		expect(pushes.filter((p, k) => k > 0 && p.i !== pushes[k - 1].i).length).toBeGreaterThan(WORKERS);
		const statuses = pushes.flatMap((p) => p.statuses.map((s) => s.split(':')[1]));
		expect(statuses.filter((s) => s === 'pushed').length).toBeGreaterThan(0);
		// With the default 10 s wait, no push gave a SKU up to the retry set (which would leave it for a later run).
		expect(statuses.filter((s) => s === 'deferred' || s === 'failed')).toEqual([]);
		// Requests of different SKUs did overlap on the channel; requests of one SKU never did.
		expect(channel.stats().maxOpen).toBeGreaterThan(1);
		expect(channel.stats().maxInFlight).toBe(1);

		const levels = await store.getVersionedLevels(HOT);
		const available = new Map(levels.map((l) => [l.sku, Math.max(0, l.available)]));
		expect(levels.every((l) => l.available < 1000)).toBe(true);
		const expected = new Map(HOT.map((sku) => [`${sku}@L-${sku}`, available.get(sku)!]));
		if (withRules) {
			expected.set('HOT-1@HALF-1', Math.floor(available.get('HOT-1')! / 2));
			expected.set('HOT-2@L-HOT-2', Math.min(900, available.get('HOT-2')!));
		}
		expect(new Map([...channel.shown].sort())).toEqual(new Map([...expected].sort()));
		expect(await store.getPushed(CHANNEL, HOT)).toEqual(withRules ? new Map(['HOT-1', 'HOT-3'].map((sku) => [sku, available.get(sku)])) : available);
		if (withRules) {
			const own = await store.getListingPushStates(CHANNEL, HOT);
			expect(own.map((s) => [s.sku, s.value])).toEqual([['HOT-1', expected.get('HOT-1@HALF-1')], ['HOT-2', expected.get('HOT-2@L-HOT-2')]]);
			// Each recorded value came from the SKU's last change.
			for (const s of own) expect(s.changeSeq).toBe(levels.find((l) => l.sku === s.sku)!.changeSeq);
		}
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	}, 180_000);
});
