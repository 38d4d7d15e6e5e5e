/**
 * `npm run test:queue`: the package on n8n's queue mode with the PostgreSQL store, under a Black-Friday-shaped
 * burst (test/queue/burst.ts), one worker SIGKILLed half-way; then the same burst on one regular n8n process.
 * Prints one JSON object last. QUEUE_BURST_ORDERS (default 5000) and QUEUE_BURST_SECONDS (default 60) scale it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster, type Cluster } from './cluster';
import { runBurst, type RunFigures } from './run';

/* eslint-disable @typescript-eslint/no-require-imports */
const { ensureN8n } = require('../../scripts/n8n-cache');
const { buildAndPack } = require('../../scripts/pack-and-install');
/* eslint-enable @typescript-eslint/no-require-imports */

const ORDERS = Number(process.env.QUEUE_BURST_ORDERS || 5000);
const SECONDS = Number(process.env.QUEUE_BURST_SECONDS || 60);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-queue-'));
const report: Record<string, number> = {};
const t0 = Date.now();
const log = (line: string) => process.stdout.write(`[queue] ${((Date.now() - t0) / 1000).toFixed(0)} s: ${line}\n`);
let queue: Cluster | undefined;
let single: Cluster | undefined;

beforeAll(async () => {
	ensureN8n();
	const tarball = buildAndPack(work);
	log('package built and packed');
	if (!process.env.OMS_TEST_PG_URL) throw new Error(`PostgreSQL did not start: ${process.env.OMS_TEST_PG_ERROR}`);
	const common = { work, pgUrl: process.env.OMS_TEST_PG_URL, tarball, webhookUrl: 'https://oms-queue.example.com/' };
	// Both start together (n8n's migrations on two databases at once); the single process idles until its turn.
	const started = await Promise.allSettled([startCluster({ ...common, name: 'queue', queue: true, workers: 2 }), startCluster({ ...common, name: 'single', queue: false })]);
	[queue, single] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
	const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
	if (failed) throw failed.reason;
	log(`n8n up: queue cluster ${queue!.startupS()}, single process ${single!.startupS()}`);
}, 15 * 60_000);

afterAll(async () => {
	await Promise.all([queue?.stop(), single?.stop()]);
	if (!process.env.OMS_QUEUE_KEEP) fs.rmSync(work, { recursive: true, force: true });
	else log(`work folder ${work}`);
	// The last line: the figures (the keys).
	if (Object.keys(report).length) process.stdout.write(`${JSON.stringify(report)}\n`);
});

let q: RunFigures | undefined;

test(`queue mode (main, 2 workers, webhook process): ${ORDERS} orders, one worker SIGKILLed half-way`, async () => {
	q = await runBurst(queue!, 'queue', { orders: ORDERS, seconds: SECONDS, killWorker: true });
	log('queue burst checked');
	await queue!.stop();
	Object.assign(report, { orders: q.orders, orders_per_s: Number(q.ordersPerS.toFixed(1)), p95_sale_to_channels_ms: q.p95, lost: q.lost, duplicated: q.duplicated, drift: q.drift, stale_channel_values: q.stale, workers: 2 });
	expect({ lost: q.lost, duplicated: q.duplicated, drift: q.drift, stale: q.stale, oversold: q.oversoldUnflagged, doublePolls: q.doublePolls }).toEqual({ lost: 0, duplicated: 0, drift: 0, stale: 0, oversold: 0, doublePolls: 0 });
});

test(`the same burst on one regular n8n process`, async () => {
	const s = await runBurst(single!, 'single', { orders: ORDERS, seconds: SECONDS, killWorker: false });
	log('single-process burst checked');
	Object.assign(report, { single_main_orders_per_s: Number(s.ordersPerS.toFixed(1)), peak_rss_mb: Math.max(q?.peakRssMb ?? 0, s.peakRssMb) });
	expect({ lost: s.lost, duplicated: s.duplicated, drift: s.drift, stale: s.stale, oversold: s.oversoldUnflagged }).toEqual({ lost: 0, duplicated: 0, drift: 0, stale: 0, oversold: 0 });
});
