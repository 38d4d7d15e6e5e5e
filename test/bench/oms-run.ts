import { DatabaseSync } from 'node:sqlite';
import type { OmsStore } from '../../core/store/types';
import { SKUS, type Channels } from '../e2e/channels';
import { burst, pct, rssProbe, sleep, type BurstResult, type Post } from './burst';

/**
 * One burst on the OMS path of the webhook benchmark, followed until every accepted sale is on both channels:
 * alternately a WooCommerce delivery (the order in the body, CAP-01) and a Nuvemshop one (only the id, read by
 * the drain; SHIRT-M). Measures acceptance, sale → channels latency, the deliveries waiting in the store, and
 * checks that every accepted delivery was applied exactly once (the store's availability moved by exactly the
 * accepted sales) and nothing was left in the queue.
 */
export interface OmsRunContext {
	store: OmsStore;
	storePath: string;
	channels: Channels;
	queues: string[];
	pid: number;
	concurrency: number;
	signed(i: number): Post;
	executions(): Promise<number>;
	profiled<T>(label: string, run: () => Promise<T>): Promise<T>;
	log(...a: unknown[]): void;
}

export async function runOms(c: OmsRunContext, label: string, deliveries: number, stallMs: number) {
	const { store, channels } = c;
	const skus = Object.values(SKUS);
	const availability = async () => new Map((await store.getAvailability(skus)).filter((l) => l.warehouse === 'default').map((l) => [l.sku, l.available]));
	const startAvail = await availability();
	const posts: Post[] = [];
	const skuOf: string[] = [];
	for (let i = 0; i < deliveries; i++) {
		posts.push(c.signed(i));
		skuOf.push(i % 2 === 0 ? SKUS.cap : SKUS.shirt);
	}
	// The r-th accepted sale of a SKU (in posting order) is on a channel once it shows start − r or less; a
	// delivery n8n refused (not 200) is not counted. Ranks are filled in once the burst is over.
	const rankOf = new Map<string, number>();
	const rank: number[] = new Array(posts.length).fill(0);
	const expected = new Map<string, number>(skus.map((sku) => [sku, posts.length / skus.length]));
	const seenAt = { all: new Map<string, number[]>(), woo: new Map<string, number[]>() };
	// A value outside [start − sales, start] is not from this burst (a channel never pushed to shows 0).
	const reflected = (v: number | null | undefined, sku: string) => {
		const start = startAvail.get(sku)!;
		return typeof v === 'number' && v <= start && v >= start - (expected.get(sku) ?? 0) ? start - v : 0;
	};
	let sampling = true;
	let maxQueued = 0;
	const sampler = (async () => {
		while (sampling) {
			const now = Date.now();
			for (const sku of skus) {
				const st = channels.stock(sku);
				const both = Math.min(reflected(st.woocommerce, sku), reflected(st.nuvemshop, sku));
				for (const [key, n] of [['all', both], ['woo', reflected(st.woocommerce, sku)]] as const) {
					const times = seenAt[key].get(sku) ?? [];
					while (times.length < n) times.push(now);
					seenAt[key].set(sku, times);
				}
			}
			await sleep(2);
		}
	})();
	const queueSampler = setInterval(() => {
		void Promise.all(c.queues.map((q) => store.queueStatus(q))).then((qs) => (maxQueued = Math.max(maxQueued, qs.reduce((n, q) => n + q.pending + q.claimed, 0))));
	}, 100);
	let release = () => {};
	if (stallMs > 0) {
		channels.nuvemshop.stall(/\/variants\/stock$/, new Promise<void>((r) => (release = r)));
		setTimeout(() => release(), stallMs);
	}
	const executionsBefore = await c.executions();
	c.log(`${label}: ${deliveries} signed deliveries (WooCommerce and Nuvemshop alternately) to the OMS webhook triggers${stallMs ? `, Nuvemshop stalled for ${stallMs} ms` : ''}`);
	const probe = rssProbe(c.pid);
	const b: BurstResult = await c.profiled(label.replace(/\W+/g, '-'), () => burst(posts, c.concurrency));
	const t1 = Date.now() - b.ms;
	for (let i = 0; i < posts.length; i++) {
		if (b.status[i] !== 200) continue;
		const r = (rankOf.get(skuOf[i]) ?? 0) + 1;
		rankOf.set(skuOf[i], r);
		rank[i] = r;
	}
	for (const sku of skus) expected.set(sku, rankOf.get(sku) ?? 0);
	const done = () => skus.every((sku) => (seenAt.all.get(sku)?.length ?? 0) >= (rankOf.get(sku) ?? 0));
	const deadline = Date.now() + 180_000;
	while (!done() && Date.now() < deadline) await sleep(20);
	const allOnChannelsMs = Date.now() - t1;
	sampling = false;
	await sampler;
	clearInterval(queueSampler);
	release();
	const peakRssMb = probe.stop();
	const latency = (key: 'all' | 'woo') => posts.map((_, i) => (rank[i] ? (seenAt[key].get(skuOf[i])?.[rank[i] - 1] ?? NaN) : NaN) - b.started[i]).filter((x) => Number.isFinite(x));
	await sleep(1000);
	const left = await Promise.all(c.queues.map((q) => store.queueStatus(q)));
	const endAvail = await availability();
	const appliedExactlyOnce = skus.every((sku) => startAvail.get(sku)! - endAvail.get(sku)! === (rankOf.get(sku) ?? 0));
	const result = {
		burst: b,
		latency: { all: latency('all'), woo: latency('woo') },
		complete: done(),
		appliedExactlyOnce,
		leftInStore: left.reduce((n, q) => n + q.pending + q.claimed + q.failed, 0),
		executions: (await c.executions()) - executionsBefore,
		allOnChannelsMs,
		maxWaitingInStore: maxQueued,
		peakRssMb,
	};
	c.log(`${label}: ${JSON.stringify({ ...result, burst: { statuses: b.statuses, ms: b.ms, answerP50Ms: pct(b.answerMs, 50) }, latency: { p50: pct(result.latency.all, 50), p95: pct(result.latency.all, 95) } })}`);
	if (result.leftInStore > 0 || !appliedExactlyOnce) {
		const db = new DatabaseSync(c.storePath);
		c.log(`store: ${JSON.stringify({ startAvail: [...startAvail], endAvail: [...endAvail], accepted: [...rankOf], queue: db.prepare('SELECT queue, attempts, parked, last_error, COUNT(*) AS n FROM oms_webhook_queue GROUP BY 1, 2, 3, 4').all() })}`);
		db.close();
	}
	return result;
}

export type OmsRun = Awaited<ReturnType<typeof runOms>>;

/** Several OMS runs as one figure. */
export function omsSummary(runs: OmsRun[]) {
	const all = runs.flatMap((r) => r.latency.all);
	const woo = runs.flatMap((r) => r.latency.woo);
	return {
		complete: runs.every((r) => r.complete),
		appliedExactlyOnce: runs.every((r) => r.appliedExactlyOnce),
		leftInStore: runs.reduce((n, r) => n + r.leftInStore, 0),
		executions: runs.reduce((n, r) => n + r.executions, 0),
		saleToChannelsP50Ms: pct(all, 50), saleToChannelsP95Ms: pct(all, 95), saleToChannelsMaxMs: pct(all, 100),
		saleToWooCommerceP50Ms: pct(woo, 50), saleToWooCommerceP95Ms: pct(woo, 95),
		allOnChannelsMs: Math.max(...runs.map((r) => r.allOnChannelsMs)),
		maxWaitingInStore: Math.max(...runs.map((r) => r.maxWaitingInStore)),
		peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
	};
}
