/**
 * `npm run test:queue`: the package on n8n's queue mode with the PostgreSQL store, under a Black-Friday-shaped
 * burst (test/queue/burst.ts), one worker SIGKILLed half-way; then the same burst on one regular n8n process.
 * Prints one JSON object last. QUEUE_BURST_ORDERS (default 5000) and QUEUE_BURST_SECONDS (default 100) scale it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createStore } from '../../core/store/open';
import { SECRETS, SKUS, startChannels, type Channels } from '../e2e/channels';
import { connect, node, pushNodes, PUSHES, type Creds } from '../e2e/workflows';
import { channelOrderIdOf, FINAL, planBurst, putOnChannel, recordPushes, recordWooPolls, type ChannelName } from './burst';
import { startCluster, type Cluster, type N8n } from './cluster';

/* eslint-disable @typescript-eslint/no-require-imports */
const { ensureN8n } = require('../../scripts/n8n-cache');
const { buildAndPack } = require('../../scripts/pack-and-install');
/* eslint-enable @typescript-eslint/no-require-imports */

const ORDERS = Number(process.env.QUEUE_BURST_ORDERS || 5000);
const SECONDS = Number(process.env.QUEUE_BURST_SECONDS || 100);
const P = 'n8n-nodes-oms.';
const MAX_IN_FLIGHT = 32;
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-queue-'));
const report: Record<string, number> = {};
let pg: { url: string };
let tarball: string;

beforeAll(async () => {
	ensureN8n();
	tarball = buildAndPack(work);
	if (!process.env.OMS_TEST_PG_URL) throw new Error(`PostgreSQL did not start: ${process.env.OMS_TEST_PG_ERROR}`);
	pg = { url: process.env.OMS_TEST_PG_URL };
}, 20 * 60_000);

afterAll(async () => {
	if (!process.env.OMS_QUEUE_KEEP) fs.rmSync(work, { recursive: true, force: true });
	else process.stdout.write(`[queue] work folder ${work}\n`);
	// The last line: the figures (the issue's keys).
	if (Object.keys(report).length) process.stdout.write(`${JSON.stringify(report)}\n`);
});

async function setUp(c: Cluster, channels: Channels, since: string) {
	const cred = async (name: string, type: string, data: object) => ({ id: String((await c.main.createCredential(name, type, data)).id), name });
	const creds: Creds = {
		store: await cred('OMS Store', 'omsStoreApi', { storeType: 'postgres', ...c.storeDb, ssl: 'disable', maxConnections: 4 }),
		woo: await cred('WooCommerce account', 'wooCommerceOmsApi', { siteUrl: channels.woo.baseUrl, ...SECRETS.woo }),
		nuvemshop: await cred('Nuvemshop account', 'nuvemshopOmsApi', {
			storeId: SECRETS.nuvemshop.storeId, accessToken: SECRETS.nuvemshop.accessToken, appSecret: SECRETS.nuvemshop.appSecret, userAgent: 'OMS queue (q@oms.local)', platform: 'nuvemshop', baseUrl: `${channels.nuvemshop.baseUrl}/v1`,
		}),
		vtex: await cred('VTEX account', 'vtexOmsApi', { accountName: 'e2estore', ...SECRETS.vtex, environment: 'vtexcommercestable', baseUrl: channels.vtex.baseUrl }),
	};
	const apply = (y: number) => node('Apply Orders to Stock', P + 'omsStore', [300, y], { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: { omsStoreApi: creds.store } });
	const hookOptions = { batchSize: 50, executionsAtOnce: 4 };
	const hooks = {
		name: 'Queue Webhooks',
		nodes: [
			node('WooCommerce Order Webhook', P + 'omsWebhookTrigger', [0, 0], { channel: 'woocommerce', options: hookOptions }, { credentials: { wooCommerceOmsApi: creds.woo, omsStoreApi: creds.store }, webhookId: 'bf000000-0000-4000-8000-000000000001' }),
			node('Nuvemshop Order Webhook', P + 'omsWebhookTrigger', [0, 200], { channel: 'nuvemshop', options: hookOptions }, { credentials: { nuvemshopOmsApi: creds.nuvemshop, omsStoreApi: creds.store }, webhookId: 'bf000000-0000-4000-8000-000000000002' }),
			apply(100),
			...pushNodes(creds, 'fromInput', 600),
		],
		connections: connect([['WooCommerce Order Webhook', 'Apply Orders to Stock'], ['Nuvemshop Order Webhook', 'Apply Orders to Stock'], ...PUSHES.map((p) => ['Apply Orders to Stock', p] as [string, string])]),
		settings: { executionOrder: 'v1' },
	};
	const polls = {
		name: 'Queue Polls',
		nodes: [
			node('VTEX Orders', P + 'vtexOmsTrigger', [0, 0], { pollTimes: EVERY_MINUTE, options: { importSince: since } }, { credentials: { vtexOmsApi: creds.vtex } }),
			node('WooCommerce Orders', P + 'wooCommerceOmsTrigger', [0, 200], { pollTimes: EVERY_MINUTE, options: { importSince: since } }, { credentials: { wooCommerceOmsApi: creds.woo } }),
			node('Nuvemshop Orders', P + 'nuvemshopOmsTrigger', [0, 400], { pollTimes: EVERY_MINUTE, options: { importSince: since } }, { credentials: { nuvemshopOmsApi: creds.nuvemshop } }),
			apply(100),
			...pushNodes(creds, 'fromInput', 600),
		],
		connections: connect([['VTEX Orders', 'Apply Orders to Stock'], ['WooCommerce Orders', 'Apply Orders to Stock'], ['Nuvemshop Orders', 'Apply Orders to Stock'], ...PUSHES.map((p) => ['Apply Orders to Stock', p] as [string, string])]),
		settings: { executionOrder: 'v1' },
	};
	const create = async (wf: object) => String(((await c.main.rest('POST', '/rest/workflows', wf)) as { id: string }).id);
	return { hooks: await create(hooks), polls: await create(polls) };
}

async function post(n8n: N8n, hookId: string, d: { headers: Record<string, unknown>; rawBody: Buffer | Uint8Array }) {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(d.headers)) if (typeof v === 'string') headers[k] = v;
	// A channel retries a failed delivery (here for about a minute, with backoff).
	for (let attempt = 0; ; attempt++) {
		try {
			const res = await fetch(`${n8n.baseUrl}/webhook/${hookId}/webhook`, { method: 'POST', headers, body: new Uint8Array(d.rawBody) });
			if (res.status === 200 || attempt >= 12) return res.status;
		} catch {
			if (attempt >= 12) return 0;
		}
		await sleep(Math.min(10_000, 250 * 2 ** attempt));
	}
}

interface RunFigures {
	orders: number;
	ordersPerS: number;
	p95: number;
	lost: number;
	duplicated: number;
	drift: number;
	stale: number;
	oversoldUnflagged: number;
	doublePolls: number;
	peakRssMb: number;
	failedDeliveries: number;
}

async function runBurst(name: string, queue: boolean, killWorker: boolean): Promise<RunFigures> {
	const channels = await startChannels();
	const pushes = recordPushes(channels);
	const wooPolls = recordWooPolls(channels);
	const since = new Date(Date.now() - 60_000).toISOString();
	const cluster = await startCluster({ work, pgUrl: pg.url, tarball, name, queue, workers: 2, webhookUrl: 'https://oms-queue.example.com/' });
	const store = createStore({ driver: 'postgres', connectionString: cluster.storeUrl, maxConnections: 2 });
	const db = new Client({ connectionString: cluster.storeUrl });
	try {
		const ids = await setUp(cluster, channels, since);
		const sales = planBurst(ORDERS, SECONDS);
		// Enough stock for the whole burst: any oversell is a defect here.
		const need = (sku: string) => sales.filter((s) => s.sku === sku).reduce((n, s) => n + s.quantity, 0);
		await store.setOnHand(Object.values(SKUS).map((sku) => ({ sku, onHand: need(sku) + 100 })));
		await cluster.main.activate(ids.hooks);
		await cluster.main.activate(ids.polls);
		await db.connect();

		const hookIds: Record<string, string> = { woocommerce: 'bf000000-0000-4000-8000-000000000001', nuvemshop: 'bf000000-0000-4000-8000-000000000002' };
		const events = sales.flatMap((s) => [{ s, at: s.at, status: s.first }, ...(s.later ? [{ s, at: s.later.at, status: s.later.to }] : [])]).sort((a, b) => a.at - b.at);
		let failedDeliveries = 0;
		let killed = false;
		const inFlight = new Set<Promise<void>>();
		const t0 = Date.now();
		for (const e of events) {
			const wait = t0 + e.at - Date.now();
			if (wait > 0) await sleep(wait);
			if (killWorker && !killed && e.at >= (SECONDS * 1000) / 2) {
				cluster.workers[0].proc?.kill('SIGKILL'); // no shutdown: its running jobs die with it
				killed = true;
			}
			const d = putOnChannel(channels, e.s, e.status, new Date());
			if (e.status === e.s.first) e.s.sentAt = Date.now();
			// Channels send from a bounded pool of connections, not one per order at once.
			while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
			if (d) {
				const p: Promise<void> = post(cluster.webhook, hookIds[d.channel], d.delivery).then((status) => {
					if (status !== 200) failedDeliveries++;
					inFlight.delete(p);
				});
				inFlight.add(p);
			}
		}
		await Promise.all(inFlight);
		const sentS = (Date.now() - t0) / 1000;
		// One more poll for what the last minute left on the polled channels (activation polls once); the polls
		// are also the reconciler of webhook deliveries whose execution died with the worker.
		const tick = async () => {
			await cluster.main.deactivate(ids.polls);
			await cluster.main.activate(ids.polls);
		};
		await tick();
		let ticked = Date.now();

		// Until every order is in the store with its final status (or 5 minutes pass).
		const want = new Map(sales.map((s) => [`${s.channel}|${channelOrderIdOf(s)}`, FINAL[s.channel][s.later?.to ?? s.first]]));
		let rows: Array<{ channel: string; channel_order_id: string; status: string; n: string }> = [];
		const byKey = () => new Map(rows.map((r) => [`${r.channel}|${r.channel_order_id}`, r]));
		for (const deadline = Date.now() + 240_000; ; await sleep(2000)) {
			rows = (await db.query('SELECT channel, channel_order_id, status, count(*) OVER (PARTITION BY channel, channel_order_id) AS n FROM oms_orders')).rows;
			const m = byKey();
			if ([...want].every(([k, st]) => m.get(k)?.status === st) || Date.now() > deadline) break;
			if (Date.now() - ticked > 60_000) {
				await tick();
				ticked = Date.now();
			}
		}
		const doneS = (Date.now() - t0) / 1000;
		// Let running executions (their pushes) finish.
		for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(1000)) {
			const running = [...(await cluster.main.executions(ids.hooks)), ...(await cluster.main.executions(ids.polls))].filter((x) => ['new', 'running'].includes(x.status));
			if (running.length === 0) break;
		}
		await sleep(3000);

		const m = byKey();
		const lostKeys = [...want].filter(([k, st]) => m.get(k)?.status !== st);
		const lost = lostKeys.length;
		if (lost) process.stdout.write(`[queue] ${name}: not in the store with their final status: ${lostKeys.slice(0, 10).map(([k, st]) => `${k} want ${st} got ${m.get(k)?.status ?? 'nothing'}`).join('; ')}\n`);
		const duplicated = rows.filter((r) => Number(r.n) > 1).length + (await db.query(
			// One application per order: the ledger's net movement of an order never exceeds what it holds.
			`SELECT l.order_key FROM oms_ledger l WHERE l.order_key IS NOT NULL GROUP BY l.order_key, l.sku HAVING abs(sum(l.delta_reserved)) > 2 OR abs(sum(l.delta_on_hand)) > 2`,
		)).rowCount!;
		const drift = (await store.reconcile(false)).drift.length;
		const levels = await store.getAvailability();
		const oversoldUnflagged = levels.filter((l) => l.available < 0).length;
		let stale = 0;
		for (const sku of Object.values(SKUS)) {
			const l = levels.find((x) => x.sku === sku && x.warehouse === 'default');
			const published = channels.stock(sku);
			for (const v of [published.woocommerce, published.nuvemshop, published.vtex]) if (v !== Math.max(0, l?.available ?? 0)) stale++;
		}
		// Sale → every channel: from the first delivery to the first stock write on each channel after the order's
		// first ledger row (webhook sales; polled ones wait for their minute tick).
		const applied = new Map<string, number>(
			(await db.query(`SELECT o.channel, o.channel_order_id, extract(epoch from min(l.at)) * 1000 AS at FROM oms_ledger l JOIN oms_orders o ON o.order_key = l.order_key GROUP BY 1, 2`)).rows.map((r) => [`${r.channel}|${r.channel_order_id}`, Number(r.at)]),
		);
		const lat: number[] = [];
		for (const s of sales.filter((x) => x.channel !== 'vtex' && x.sentAt)) {
			const at = applied.get(`${s.channel}|${channelOrderIdOf(s)}`);
			if (at === undefined) continue;
			const reach = (['woocommerce', 'nuvemshop', 'vtex'] as ChannelName[]).map((c) => pushes[c].find((p) => p.at >= at)?.at);
			if (reach.every((x) => x !== undefined)) lat.push(Math.max(...(reach as number[])) - s.sentAt!);
		}
		lat.sort((a, b) => a - b);
		const p95 = lat.length ? lat[Math.min(lat.length - 1, Math.ceil(0.95 * lat.length) - 1)] : -1;
		// A double poll: the same WooCommerce order read (same query: same cursor) twice within 20 s, which one
		// poller never does (ticks are a minute apart; a poll's pages differ) and two processes polling would.
		const doublePolls = wooPolls.filter((r, i) => wooPolls.some((o, j) => j < i && o.query === r.query && r.at - o.at < 20_000)).length;
		process.stdout.write(
			`[queue] ${name}: ${sales.length} orders (${events.length} channel events) sent in ${sentS.toFixed(0)} s, all applied after ${doneS.toFixed(0)} s; lost ${lost}, duplicated ${duplicated}, drift ${drift}, stale ${stale}, oversold ${oversoldUnflagged}, failed deliveries ${failedDeliveries}, woo polls ${wooPolls.length} (double ${doublePolls}), p95 sale→channels ${p95} ms over ${lat.length} webhook sales, peak RSS ${cluster.peakRssMb()} MB\n`,
		);
		return { orders: sales.length, ordersPerS: sales.length / doneS, p95, lost, duplicated, drift, stale, oversoldUnflagged, doublePolls, peakRssMb: cluster.peakRssMb(), failedDeliveries };
	} finally {
		await db.end().catch(() => undefined);
		await store.close();
		await cluster.stop();
		await channels.stop();
	}
}

let q: RunFigures;

test(`queue mode (main, 2 workers, webhook process): ${ORDERS} orders, one worker SIGKILLed half-way`, async () => {
	q = await runBurst('queue', true, true);
	Object.assign(report, { orders: q.orders, orders_per_s: Number(q.ordersPerS.toFixed(1)), p95_sale_to_channels_ms: q.p95, lost: q.lost, duplicated: q.duplicated, drift: q.drift, stale_channel_values: q.stale, workers: 2 });
	expect({ lost: q.lost, duplicated: q.duplicated, drift: q.drift, stale: q.stale, oversold: q.oversoldUnflagged, doublePolls: q.doublePolls }).toEqual({ lost: 0, duplicated: 0, drift: 0, stale: 0, oversold: 0, doublePolls: 0 });
});

test(`the same burst on one regular n8n process`, async () => {
	const s = await runBurst('single', false, false);
	Object.assign(report, { single_main_orders_per_s: Number(s.ordersPerS.toFixed(1)), peak_rss_mb: Math.max(q?.peakRssMb ?? 0, s.peakRssMb), single_main_lost: s.lost });
	expect({ lost: s.lost, duplicated: s.duplicated, drift: s.drift }).toEqual({ lost: 0, duplicated: 0, drift: 0 });
});
