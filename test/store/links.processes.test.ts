import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LinkResult } from '../../core/catalog/types';
import type { CanonicalOrder, CanonicalStatus } from '../../core/model/order';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { link, listingOrder } from '../fixtures/unlinked';
import { DRIVERS, freshPgConfig, type DriverName } from './stores';
import { checkInvariants } from './workers/invariants';
import { rng, startWorker, type Worker } from './workers/spawn';

/**
 * Two OS processes, each with its own connection/pool, link listings while orders wait for them (and while
 * more orders arrive): every waiting line is reserved, or committed by its order's stage, exactly once.
 */

const LISTINGS = ['P1', 'P2', 'P3', 'P4'];
const skuOf = (listing: string) => `SKU-${listing}`;
const STATUSES: CanonicalStatus[] = ['pending_payment', 'paid', 'invoiced'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitingOrders(from: number, count: number, random: () => number): CanonicalOrder[] {
	return Array.from({ length: count }, (_, i) => {
		const listings = LISTINGS.filter(() => random() < 0.5);
		const lines = (listings.length ? listings : [LISTINGS[i % 4]]).map((listing) => ({ listing, quantity: 1 + Math.floor(random() * 3) }));
		return listingOrder(String(from + i), STATUSES[Math.floor(random() * 3)], lines);
	});
}

/** What the orders must hold once every listing is linked: reserved before the commit point, deducted after. */
function expectedLevels(orders: CanonicalOrder[]): Map<string, { onHand: number; reserved: number }> {
	const out = new Map(LISTINGS.map((l) => [skuOf(l), { onHand: 1000, reserved: 0 }]));
	for (const o of orders) {
		for (const line of o.lines) {
			const level = out.get(skuOf(line.channelListingId!))!;
			if (o.status === 'invoiced') level.onHand -= line.quantity;
			else level.reserved += line.quantity;
		}
	}
	return out;
}

async function checkAllReservedOnce(store: OmsStore, orders: CanonicalOrder[]): Promise<void> {
	const { levels, ledger } = await checkInvariants(store);
	const expected = expectedLevels(orders);
	expect(new Map(levels.map((l) => [l.sku, { onHand: l.onHand, reserved: l.reserved }]))).toEqual(expected);
	// Per order and SKU, the ledger moved exactly the line's units, once.
	for (const o of orders) {
		for (const line of o.lines) {
			const rows = ledger.filter((e) => e.orderKey === `shopify:loja-teste:${o.channelOrderId}` && e.sku === skuOf(line.channelListingId!));
			const moved = rows.reduce((n, e) => n + (o.status === 'invoiced' ? -e.deltaOnHand : e.deltaReserved), 0);
			expect([o.channelOrderId, line.channelListingId, moved]).toEqual([o.channelOrderId, line.channelListingId, line.quantity]);
		}
	}
	expect(await store.listUnlinked()).toEqual([]);
}

describe.each(DRIVERS)('%s: two processes link listings at once', (driver) => {
	let dir: string;
	let store: OmsStore;
	let workers: Worker[] = [];
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-links-'));
	});
	afterEach(async () => {
		for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
		workers = [];
		await store?.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function open(d: DriverName): Promise<StoreConfig> {
		const config: StoreConfig = d === 'sqlite' ? { driver: 'sqlite', path: path.join(dir, 'shared.sqlite') } : await freshPgConfig();
		store = createStore(config);
		await store.setOnHand(LISTINGS.map((l) => ({ sku: skuOf(l), onHand: 1000 })));
		return config;
	}

	test('the same links from two processes, one held open inside its transaction: the waiting lines move once', async () => {
		const config = await open(driver);
		const orders = waitingOrders(1, 30, rng(7));
		await store.applyOrders(orders);
		expect((await store.listUnlinked()).length).toBe(4);

		const a = startWorker({ config, steps: [{ link: LISTINGS.map((l) => link(l, skuOf(l))) }], holdLinkAtStep: 0 }, dir, 'a');
		const b = startWorker({ config, steps: [{ link: [...LISTINGS].reverse().map((l) => link(l, skuOf(l))) }] }, dir, 'b');
		workers = [a, b];
		await Promise.all([a.next('ready'), b.next('ready')]);
		a.child.send('go');
		await a.next('in-tx'); // a holds the listings' locks, its links inserted, not committed
		b.child.send('go');
		await b.next('begun');
		await sleep(400);
		// b waits for a's listings (advisory locks / the database's write lock): it cannot have committed.
		expect(b.messages.some((m) => m.type === 'committed')).toBe(false);
		a.child.send('release');
		const [committedA, committedB] = await Promise.all([a.next('committed'), b.next('committed')]);
		expect(await Promise.all([a.exited, b.exited])).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);

		const resultsA = committedA.results as LinkResult[];
		const resultsB = committedB.results as LinkResult[];
		expect(resultsA.map((r) => r.outcome)).toEqual(['linked', 'linked', 'linked', 'linked']);
		expect(resultsB.map((r) => [r.outcome, r.orders.length])).toEqual(LISTINGS.map(() => ['unchanged', 0]));
		const resolved = new Set(resultsA.flatMap((r) => r.orders.map((o) => o.orderKey)));
		expect(resolved.size).toBe(30);
		await checkAllReservedOnce(store, orders);
	}, 120_000);

	test('links land while another process applies orders naming the same listings: none is left waiting, none moves twice', async () => {
		const config = await open(driver);
		const random = rng(11);
		const early = waitingOrders(1, 20, random);
		await store.applyOrders(early);
		const streamA = waitingOrders(100, 80, random);
		const streamB = waitingOrders(200, 30, random);
		const batches = (orders: CanonicalOrder[], size: number) => Array.from({ length: Math.ceil(orders.length / size) }, (_, i) => ({ orders: orders.slice(i * size, i * size + size) }));
		// b interleaves the four links, one listing at a time, with its own orders.
		const stepsB = batches(streamB, 3).flatMap((step, i) => (i < LISTINGS.length ? [{ link: [link(LISTINGS[i], skuOf(LISTINGS[i]))] }, step] : [step]));
		const a = startWorker({ config, steps: batches(streamA, 4), gapMs: 8 }, dir, 'a');
		const b = startWorker({ config, steps: stepsB, gapMs: 6 }, dir, 'b');
		workers = [a, b];
		await Promise.all([a.next('ready'), b.next('ready')]);
		a.child.send('go');
		await a.next('committed'); // a is streaming when b begins
		b.child.send('go');
		const exits = await Promise.all([a.exited, b.exited]);
		expect([...a.messages, ...b.messages].filter((m) => m.type === 'error')).toEqual([]);
		expect(exits).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
		// The streams really overlapped: a committed orders both before and after b's first link.
		const firstLink = b.messages.find((m) => m.type === 'committed' && m.results)!.at!;
		const commitsA = a.messages.filter((m) => m.type === 'committed').map((m) => m.at!);
		expect(commitsA.some((t) => t < firstLink) && commitsA.some((t) => t > firstLink)).toBe(true);
		await checkAllReservedOnce(store, [...early, ...streamA, ...streamB]);
	}, 120_000);
});
