import fs from 'node:fs';
import { Client } from 'pg';
import { createStore } from '../../core/store/open';
import { SECRETS, SKUS, startChannels, type Channels } from '../e2e/channels';
import { connect, node, pushNodes, PUSHES, type Creds } from '../e2e/workflows';
import { planBurst, putOnChannel, recordPushes, recordWooPolls } from './burst';
import { describeStale, pushLeftovers } from './diagnose';
import { killWorkerWhilePushing } from './kill';
import { processNamer } from './procs';
import { check, extraPollTicks, missing, orderRows, staleValues, wanted, type Checked } from './checks';
import type { Cluster, N8n } from './cluster';

/**
 * One burst against one n8n (queue cluster or a single process): the workflows, the burst sent on schedule,
 * the wait until every order is in the store with its final status, the end checks.
 */

const P = 'n8n-nodes-oms.';
/** Connections a channel sends deliveries from at once. */
const MAX_IN_FLIGHT = 32;
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
const HOOK_IDS: Record<string, string> = { woocommerce: 'bf000000-0000-4000-8000-000000000001', nuvemshop: 'bf000000-0000-4000-8000-000000000002' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const log = (line: string) => process.stdout.write(`[queue] ${line}\n`);

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
	const hookOptions = { batchSize: 100, executionsAtOnce: 4 };
	const hooks = {
		name: 'Queue Webhooks',
		nodes: [
			node('WooCommerce Order Webhook', P + 'omsWebhookTrigger', [0, 0], { channel: 'woocommerce', options: hookOptions }, { credentials: { wooCommerceOmsApi: creds.woo, omsStoreApi: creds.store }, webhookId: HOOK_IDS.woocommerce }),
			node('Nuvemshop Order Webhook', P + 'omsWebhookTrigger', [0, 200], { channel: 'nuvemshop', options: hookOptions }, { credentials: { nuvemshopOmsApi: creds.nuvemshop, omsStoreApi: creds.store }, webhookId: HOOK_IDS.nuvemshop }),
			apply(100),
			...pushNodes(creds, 'fromInput', 600),
		],
		connections: connect([['WooCommerce Order Webhook', 'Apply Orders to Stock'], ['Nuvemshop Order Webhook', 'Apply Orders to Stock'], ...PUSHES.map((p) => ['Apply Orders to Stock', p] as [string, string])]),
		settings: { executionOrder: 'v1' },
	};
	// VTEX only by its feed poll; WooCommerce and Nuvemshop polls reconcile the webhooks (template 1's role).
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

/** A channel retries a failed delivery (here for about a minute, with backoff). */
async function post(n8n: N8n, hookId: string, d: { headers: Record<string, unknown>; rawBody: Buffer | Uint8Array }) {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(d.headers)) if (typeof v === 'string') headers[k] = v;
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

export interface RunFigures extends Checked {
	orders: number;
	ordersPerS: number;
	doublePolls: number;
	peakRssMb: number;
	failedDeliveries: number;
}

export async function runBurst(cluster: Cluster, name: string, o: { orders: number; seconds: number; killWorker: boolean }): Promise<RunFigures> {
	// The feed's clock is the wall clock here: a lot read by a tick that then failed (a timeout under load)
	// comes back after the visibility timeout, as on VTEX (60 s: the feed configuration allows it).
	const channels = await startChannels({ vtexVisibilityTimeoutSeconds: 60 });
	channels.vtex.now = Date.now();
	const clock = setInterval(() => (channels.vtex.now = Date.now()), 1000);
	const sender = processNamer(() => ({ main: cluster.main.proc?.pid, webhook: cluster.webhook.proc?.pid, ...Object.fromEntries(cluster.workers.map((w, i) => [`worker${i + 1}`, w.proc?.pid])) }));
	const pushes = recordPushes(channels, sender);
	const wooPolls = recordWooPolls(channels);
	const since = new Date(Date.now() - 60_000).toISOString();
	const store = createStore({ driver: 'postgres', connectionString: cluster.storeUrl, maxConnections: 2 });
	const db = new Client({ connectionString: cluster.storeUrl });
	try {
		const ids = await setUp(cluster, channels, since);
		const sales = planBurst(o.orders, o.seconds);
		// Enough stock for the whole burst: any oversell is a defect here.
		const need = (sku: string) => sales.filter((s) => s.sku === sku).reduce((n, s) => n + s.quantity, 0);
		await store.setOnHand(Object.values(SKUS).map((sku) => ({ sku, onHand: need(sku) + 100 })));
		await cluster.main.activate(ids.hooks);
		await cluster.main.activate(ids.polls);
		await db.connect();

		const events = sales.flatMap((s) => [{ s, at: s.at, status: s.first }, ...(s.later ? [{ s, at: s.later.at, status: s.later.to }] : [])]).sort((a, b) => a.at - b.at);
		let failedDeliveries = 0;
		let killed = false;
		const inFlight = new Set<Promise<void>>();
		const t0 = Date.now();
		for (const e of events) {
			const wait = t0 + e.at - Date.now();
			if (wait > 0) await sleep(wait);
			if (o.killWorker && !killed && e.at >= (o.seconds * 1000) / 2) {
				const how = await killWorkerWhilePushing(cluster, channels, pushes);
				killed = true;
				log(`${name}: worker 1 SIGKILLed at ${((Date.now() - t0) / 1000).toFixed(0)} s ${how}; load ${loadavg()}`);
			}
			const d = putOnChannel(channels, e.s, e.status, new Date());
			if (e.status === e.s.first) e.s.sentAt = Date.now();
			while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
			if (d) {
				const p: Promise<void> = post(cluster.webhook, HOOK_IDS[d.channel], d.delivery).then((status) => {
					if (status !== 200) failedDeliveries++;
					inFlight.delete(p);
				});
				inFlight.add(p);
			}
		}
		await Promise.all(inFlight);
		const sentS = (Date.now() - t0) / 1000;

		// Until every order is in the store with its final status; given up after 7 minutes without progress.
		// Polled orders wait for the next minute tick; a killed worker's executions fail as stalled (~30-60 s),
		// then the drain and the poll triggers emit their orders again (a poll emission never heard of again:
		// after 5 minutes).
		const want = wanted(sales);
		let left = missing(want, await orderRows(db)).length;
		for (let progressAt = Date.now(); left > 0 && Date.now() - progressAt < 7 * 60_000; ) {
			await sleep(2000);
			const now = missing(want, await orderRows(db)).length;
			if (now < left) progressAt = Date.now();
			left = now;
		}
		const doneAt = Date.now();
		const doneS = (doneAt - t0) / 1000;
		// The last pushes: until every channel shows the store's value and no write came for 3 s. A push that
		// died with the killed worker is repaired by the next push of its SKU (its lease outwaited) or by its
		// execution run again (webhook drain; poll trigger at most 5 minutes later): given up after 7 minutes
		// without a stock write.
		const lastPush = () => Math.max(0, ...Object.values(pushes).flatMap((l) => l.slice(-1).map((p) => p.at)));
		for (let stale = await staleValues(store, channels); stale > 0 || Date.now() - lastPush() <= 3000; stale = await staleValues(store, channels)) {
			if (Date.now() - Math.max(lastPush(), doneAt) > 7 * 60_000) break;
			await sleep(1000);
		}
		const c = await check({ db, store, channels, sales, pushes });
		log(`${name}: ${await pushLeftovers(db)}`);
		if (c.stale) for (const line of await describeStale({ db, store, channels, pushes, t0 })) log(`${name}: stale: ${line}`);
		if (c.lost) {
			log(`${name}: not in the store with their final status: ${c.lostKeys.slice(0, 10).map(([k, st]) => `${k} want ${st} got ${c.rows.get(k)?.status ?? 'nothing'}`).join('; ')}`);
			const feed = channels.vtex.feed;
			const reads = channels.vtex.log.filter((r) => r.path === '/api/orders/feed');
			log(`${name}: VTEX feed: ${feed.length} events left (${feed.filter((e) => e.handle).length} read, not committed); ${reads.filter((r) => r.method === 'GET').length} reads, ${reads.filter((r) => r.method === 'POST').length} commits`);
			// Did the poll workflow's executions end, and how (a tick's orders are committed only after success)?
			const runs = await cluster.main.executions(ids.polls).catch(() => []);
			const byStatus = runs.reduce<Record<string, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
			log(`${name}: poll workflow executions (latest ${runs.length}): ${JSON.stringify(byStatus)}; VTEX orders read by id ${channels.vtex.log.filter((r) => /\/api\/oms\/pvt\/orders\/[^/]+$/.test(r.path)).length} times`);
		}
		const polls = extraPollTicks(wooPolls, Date.now() - t0);
		log(
			`${name}: ${sales.length} orders (${events.length} channel events) sent in ${sentS.toFixed(0)} s, all applied after ${doneS.toFixed(0)} s; lost ${c.lost}, duplicated ${c.duplicated}, drift ${c.drift}, stale ${c.stale}, oversold ${c.oversoldUnflagged}, failed deliveries ${failedDeliveries}, woo poll ticks ${polls.ticks} (beyond one poller ${polls.extra}), p95 sale→channels ${c.p95} ms over ${c.latencies} webhook sales, peak RSS ${cluster.peakRssMb()} MB; load ${loadavg()}`,
		);
		return { ...c, orders: sales.length, ordersPerS: sales.length / doneS, doublePolls: polls.extra, peakRssMb: cluster.peakRssMb(), failedDeliveries };
	} finally {
		clearInterval(clock);
		await db.end().catch(() => undefined);
		await store.close();
		await channels.stop();
	}
}
