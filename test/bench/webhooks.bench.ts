/**
 * Webhook storm benchmark in a real n8n (npm run bench:webhooks): one n8n, one run, side by side —
 *  - n8n's floor: bursts of deliveries to Webhook (respond immediately) → No-Op, one execution each;
 *  - the OMS path (OMS Order Webhook Trigger → Apply → Push Stock to WooCommerce and Nuvemshop) under the same
 *    bursts of signed WooCommerce and Nuvemshop order deliveries;
 *  - then one more pair, the OMS burst with Nuvemshop's stock endpoint stalled for its first part.
 * The machine is shared, so the two paths take turns: BENCH_ROUNDS rounds of a floor burst and an OMS burst
 * (the order alternating), each path's figures summed over its bursts; each burst starts once the previous one
 * is fully processed. Figures: deliveries accepted per second (HTTP 200s over burst time), the answer's latency,
 * executions, the n8n process's peak RSS; for the OMS path also sale → channels latency (p50/p95), the most
 * deliveries waiting in the store, and whether every accepted delivery was applied exactly once. Prints one
 * JSON object on stdout; progress goes to stderr. BENCH_CPU_PROFILE=<folder> profiles each burst.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { SECRETS, SKUS, nuvemshopSale, startChannels, wooSale, type Channels } from '../e2e/channels';
import { floorWorkflow, omsWorkflow } from './workflows';
import { connectProfiler } from './cpu-profile';
import { burst, rssProbe, sleep, summed, type BurstResult, type Post } from './burst';
import { omsSummary, runOms, type OmsRun, type OmsRunContext } from './oms-run';

/* eslint-disable @typescript-eslint/no-require-imports */
const ROOT = process.cwd();
const { ensureN8n } = require(path.join(ROOT, 'scripts/n8n-cache'));
const { packAndInstall } = require(path.join(ROOT, 'scripts/pack-and-install'));
const { N8nInstance } = require(path.join(ROOT, 'scripts/lib/n8n-instance'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** Deliveries per path over all healthy rounds; the stalled pair gets one round's share each. */
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 10_000);
/** The OMS Order Webhook Trigger's type version in the benchmark workflow (2 by default; 1 as older workflows). */
const NODE_VERSION = Number(process.env.BENCH_WEBHOOK_NODE_VERSION ?? 2);
/** Extra n8n settings for the run, as KEY=value pairs separated by spaces (e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true). */
const N8N_ENV = Object.fromEntries((process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
/** A folder: each burst is CPU-profiled in n8n (a .cpuprofile per burst, its summary on stderr). */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const IDS = { floor: 'omsBenchFloor001', oms: 'omsBenchWebhook1' };
const HOOK = { floor: '0b5e11a6-c7f0-4c1e-9f0e-000000000f10', woo: '0b5e11a6-c7f0-4c1e-9f0e-00000000045a', nuvemshop: '0b5e11a6-c7f0-4c1e-9f0e-00000000045b' };
const log = (...a: unknown[]) => process.stderr.write(`[bench:webhooks ${new Date().toISOString().slice(11, 23)}] ${a.join(' ')}\n`);
const load1m = () => Number(os.loadavg()[0].toFixed(1));

async function main() {
	const loadAtStart = load1m();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-bench-webhooks-'));
	const userFolder = path.join(work, 'n8n');
	const storePath = path.join(work, 'oms.sqlite');
	ensureN8n();
	packAndInstall(userFolder);
	const channels: Channels = await startChannels();
	const n8n = new N8nInstance({ userFolder, logFile: path.join(work, 'n8n.log'), env: { WEBHOOK_URL: 'https://oms-bench.example.com/', N8N_LOG_LEVEL: 'warn', ...N8N_ENV } });
	let store: OmsStore | undefined;
	try {
		await n8n.start();
		await n8n.signIn();
		const cred = async (name: string, type: string, data: object) => ({ id: String((await n8n.createCredential(name, type, data)).id), name });
		const creds = {
			store: await cred('OMS Store', 'omsStoreApi', { storeType: 'sqlite', sqlitePath: storePath }),
			woo: await cred('WooCommerce account', 'wooCommerceOmsApi', { siteUrl: channels.woo.baseUrl, ...SECRETS.woo }),
			nuvemshop: await cred('Nuvemshop account', 'nuvemshopOmsApi', {
				storeId: SECRETS.nuvemshop.storeId, accessToken: SECRETS.nuvemshop.accessToken, appSecret: SECRETS.nuvemshop.appSecret, userAgent: 'OMS bench (bench@oms.local)', platform: 'nuvemshop', baseUrl: `${channels.nuvemshop.baseUrl}/v1`,
			}),
		};
		await n8n.stop();
		const oms = omsWorkflow({ woo: HOOK.woo, nuvemshop: HOOK.nuvemshop }, creds, {}, NODE_VERSION);
		const files = { floor: path.join(work, 'floor.json'), oms: path.join(work, 'oms.json') };
		fs.writeFileSync(files.floor, JSON.stringify({ id: IDS.floor, ...floorWorkflow(HOOK.floor) }));
		fs.writeFileSync(files.oms, JSON.stringify({ id: IDS.oms, ...oms }));
		for (const f of Object.values(files)) await n8n.cli(['import:workflow', `--input=${f}`]);
		const inspectPort = 9300 + (process.pid % 500);
		if (PROFILE_DIR) n8n.extraEnv = { ...n8n.extraEnv, NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` };
		await n8n.start();
		const profiler = PROFILE_DIR ? await connectProfiler(inspectPort) : undefined;
		const profiled = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
			await profiler?.start();
			const out = await run();
			if (profiler) log(`${label} profile: ${JSON.stringify(await profiler.stop(PROFILE_DIR!, label))}`);
			return out;
		};
		await n8n.signIn();
		await n8n.activate(IDS.floor);
		await n8n.activate(IDS.oms);
		store = createStore({ driver: 'sqlite', path: storePath });
		const queues = [`${IDS.oms}:${oms.nodes[0].id}`, `${IDS.oms}:${oms.nodes[1].id}`];
		const url = { woo: `${n8n.baseUrl}/webhook/${HOOK.woo}/webhook`, nuvemshop: `${n8n.baseUrl}/webhook/${HOOK.nuvemshop}/webhook` };
		let orderId = 700_000;
		const countExecutions = async (workflowId: string) => {
			const r = await n8n.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId, status: ['success'] }))}&limit=1`);
			return Number(r.count);
		};

		// Warm-up (not measured): the first calls load modules and open the store.
		const post = (u: string, headers: Record<string, string>, body: Uint8Array) => fetch(u, { method: 'POST', headers, body }).then((r) => r.arrayBuffer());
		const signed = (i: number): Post => {
			const id = ++orderId;
			let d;
			if (i % 2 === 0) d = channels.hooks.woo.deliveryFor('order.created', wooSale(id, SKUS.cap, 1, 'processing'), `bench-${id}`);
			else {
				channels.nuvemshop.put(nuvemshopSale(id, SKUS.shirt, 1, 'paid'));
				d = channels.hooks.nuvemshop.deliveryFor('order/paid', id);
			}
			const headers: Record<string, string> = {};
			for (const [k, v] of Object.entries(d.headers)) if (typeof v === 'string') headers[k] = v;
			return { url: i % 2 === 0 ? url.woo : url.nuvemshop, headers, body: new Uint8Array(d.rawBody) };
		};
		await store.setOnHand(Object.values(SKUS).map((sku) => ({ sku, onHand: 1_000_000, ref: `bench-count-${sku}` })));
		for (let i = 0; i < 6; i++) {
			await post(`${n8n.baseUrl}/webhook/bench-floor`, { 'content-type': 'application/json' }, new TextEncoder().encode('{"warm":true}'));
			const w = signed(i);
			await post(w.url, w.headers, w.body);
		}
		const idle = async () => (await Promise.all(queues.map((q) => store!.queueStatus(q)))).every((q) => q.pending + q.claimed === 0);
		for (let t = Date.now(); !(await idle()) && Date.now() - t < 120_000; ) await sleep(200);
		await sleep(2000);

		// n8n's floor: one burst, until every accepted delivery's execution ended.
		const floorUrl = `${n8n.baseUrl}/webhook/bench-floor`;
		const body = (i: number) => new TextEncoder().encode(JSON.stringify({ id: i, sku: SKUS.cap, quantity: 1 }));
		let floorBursts = 0;
		const runFloor = async (deliveries: number) => {
			const label = `floor-${++floorBursts}`;
			log(`${label}: ${deliveries} deliveries to Webhook → No-Op, ${CONCURRENCY} at a time`);
			const before = await countExecutions(IDS.floor);
			const probe = rssProbe(n8n.proc.pid);
			const b = await profiled(label, () => burst(Array.from({ length: deliveries }, (_, i) => ({ url: floorUrl, headers: { 'content-type': 'application/json' }, body: body(i) })), CONCURRENCY));
			const t0 = Date.now() - b.ms;
			while ((await countExecutions(IDS.floor)) < before + (b.statuses[200] ?? 0)) await sleep(100);
			const run = { burst: b, allExecutedMs: Date.now() - t0, peakRssMb: probe.stop() };
			log(`${label}: ${JSON.stringify({ statuses: b.statuses, ms: b.ms, allExecutedMs: run.allExecutedMs, peakRssMb: run.peakRssMb })}`);
			return run;
		};
		const context: OmsRunContext = { store, storePath, channels, queues, pid: n8n.proc.pid, concurrency: CONCURRENCY, signed, executions: () => countExecutions(IDS.oms), profiled, log };
		const perRound = Math.ceil(DELIVERIES / ROUNDS);
		const floors: Array<Awaited<ReturnType<typeof runFloor>>> = [];
		const omsRuns: OmsRun[] = [];
		const rounds: Array<{ loadAverage1m: number; floorAcceptedPerSec: number; omsAcceptedPerSec: number }> = [];
		const perSec = (b: BurstResult) => Math.round(((b.statuses[200] ?? 0) / b.ms) * 10_000) / 10;
		for (let r = 0; r < ROUNDS; r++) {
			const loadAverage1m = load1m();
			const floorFirst = r % 2 === 0;
			if (floorFirst) floors.push(await runFloor(perRound));
			omsRuns.push(await runOms(context, `oms-${r + 1}`, perRound, 0));
			if (!floorFirst) floors.push(await runFloor(perRound));
			rounds.push({ loadAverage1m, floorAcceptedPerSec: perSec(floors[r].burst), omsAcceptedPerSec: perSec(omsRuns[r].burst) });
		}
		// One more pair: the floor beside the OMS path with Nuvemshop stalled.
		const loadBesideStall = load1m();
		const floorBesideStall = await runFloor(perRound);
		const stalled = await runOms(context, 'oms-stalled', perRound, STALL_MS);
		profiler?.close();
		const floorFigures = (runs: typeof floors) => {
			const executed = runs.reduce((n, f) => n + (f.burst.statuses[200] ?? 0), 0);
			const executedMs = runs.reduce((n, f) => n + f.allExecutedMs, 0);
			return { ...summed(runs.map((f) => f.burst)), executions: executed, executionsPerSec: Math.round((executed / executedMs) * 10_000) / 10, peakRssMb: Math.max(...runs.map((f) => f.peakRssMb)) };
		};
		const floor = floorFigures(floors);
		const healthy = { ...summed(omsRuns.map((o) => o.burst)), ...omsSummary(omsRuns) };
		const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${n8n.proc.pid}/status`, 'utf8'));
		process.stdout.write(
			JSON.stringify({
				benchmark: 'webhooks',
				n8n: '2.41.1', n8nSettings: N8N_ENV, webhookNodeVersion: NODE_VERSION, cpus: os.cpus().length, loadAverage1m: { atStart: loadAtStart, atEnd: load1m() }, node: process.version,
				deliveriesPerPath: perRound * ROUNDS, rounds: ROUNDS, concurrency: CONCURRENCY,
				acceptFasterThanFloor: healthy.acceptedPerSec > floor.acceptedPerSec,
				floor: { workflow: 'Webhook (respond immediately) → No-Op', ...floor },
				oms: { workflow: 'OMS Order Webhook Trigger (WooCommerce: order in the body; Nuvemshop: id, read by the drain) → Apply → Push Stock to WooCommerce + Nuvemshop; batch 100, 1 execution at once per node', ...healthy },
				perRound: rounds,
				stalledPair: {
					loadAverage1m: loadBesideStall,
					floor: floorFigures([floorBesideStall]),
					omsStalled: { stalledChannel: 'nuvemshop', stallMs: STALL_MS, ...summed([stalled.burst]), ...omsSummary([stalled]) },
				},
				n8nPeakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : null,
			}) + '\n',
		);
	} finally {
		await store?.close();
		await n8n.stop();
		await channels.stop();
		if (!process.env.OMS_BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
		else log(`work folder ${work}`);
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
