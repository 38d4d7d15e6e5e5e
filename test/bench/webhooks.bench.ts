/**
 * Webhook storm benchmark in a real n8n (npm run bench:webhooks): one n8n, one run, side by side —
 *  1. n8n's floor: a burst of deliveries to Webhook (respond immediately) → No-Op, one execution each;
 *  2. the OMS path (OMS Order Webhook Trigger → Apply → Push Stock to WooCommerce and Nuvemshop) under the
 *     same burst of signed WooCommerce order deliveries;
 *  3. the same again with Nuvemshop's stock endpoint stalled for the first part of the burst.
 * For each: deliveries accepted per second (HTTP 200s over the burst), the answer's latency, executions, the
 * peak RSS of the n8n process while it ran; for the OMS path also sale → channels latency (p50/p95) and the
 * most deliveries waiting in the store. Prints one JSON object on stdout; progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createStore } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { SECRETS, SKUS, nuvemshopSale, startChannels, wooSale, type Channels } from '../e2e/channels';
import { floorWorkflow, omsWorkflow } from './workflows';

/* eslint-disable @typescript-eslint/no-require-imports */
const ROOT = process.cwd();
const { ensureN8n } = require(path.join(ROOT, 'scripts/n8n-cache'));
const { packAndInstall } = require(path.join(ROOT, 'scripts/pack-and-install'));
const { N8nInstance } = require(path.join(ROOT, 'scripts/lib/n8n-instance'));
/* eslint-enable @typescript-eslint/no-require-imports */

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 10_000);
/** The OMS Order Webhook Trigger's type version in the benchmark workflow (2 by default; 1 as older workflows). */
const NODE_VERSION = Number(process.env.BENCH_WEBHOOK_NODE_VERSION ?? 2);
/** Extra n8n settings for the run, as KEY=value pairs separated by spaces (e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true). */
const N8N_ENV = Object.fromEntries((process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const IDS = { floor: 'omsBenchFloor001', oms: 'omsBenchWebhook1' };
const HOOK = { floor: '0b5e11a6-c7f0-4c1e-9f0e-000000000f10', woo: '0b5e11a6-c7f0-4c1e-9f0e-00000000045a', nuvemshop: '0b5e11a6-c7f0-4c1e-9f0e-00000000045b' };
const log = (...a: unknown[]) => process.stderr.write(`[bench:webhooks] ${a.join(' ')}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};

/** Samples the n8n process's resident memory (VmRSS) every 100 ms. */
function rssProbe(pid: number) {
	let peakKb = 0;
	const read = () => {
		const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		if (m) peakKb = Math.max(peakKb, Number(m[1]));
	};
	read();
	const timer = setInterval(read, 100);
	return { stop: () => (clearInterval(timer), read(), Math.round(peakKb / 1024)) };
}

interface Post {
	url: string;
	headers: Record<string, string>;
	body: Uint8Array;
}

/** Posts every delivery, `CONCURRENCY` at a time; answers when each was posted and how long each answer took. */
async function burst(posts: Post[]) {
	const started: number[] = new Array(posts.length);
	const answerMs: number[] = new Array(posts.length);
	const status: number[] = new Array(posts.length);
	const statuses: Record<number, number> = {};
	let next = 0;
	const t0 = Date.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < posts.length) {
				const i = next++;
				started[i] = Date.now();
				const res = await fetch(posts[i].url, { method: 'POST', headers: posts[i].headers, body: posts[i].body });
				await res.arrayBuffer();
				answerMs[i] = Date.now() - started[i];
				statuses[res.status] = (statuses[res.status] ?? 0) + 1;
				status[i] = res.status;
			}
		}),
	);
	const ms = Date.now() - t0;
	return { started, status, statuses, ms, acceptedPerSec: Math.round(((statuses[200] ?? 0) / ms) * 1000), answerP50Ms: pct(answerMs, 50), answerP95Ms: pct(answerMs, 95) };
}

async function main() {
	const loadAtStart = Number(os.loadavg()[0].toFixed(1));
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
		await n8n.start();
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
		const signed = (i: number) => {
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
		const warmFloor = await countExecutions(IDS.floor);

		// 1. n8n's floor.
		log(`floor: ${DELIVERIES} deliveries to Webhook → No-Op, ${CONCURRENCY} at a time`);
		const floorUrl = `${n8n.baseUrl}/webhook/bench-floor`;
		let probe = rssProbe(n8n.proc.pid);
		const body = (i: number) => new TextEncoder().encode(JSON.stringify({ id: i, sku: SKUS.cap, quantity: 1 }));
		const floorBurst = await burst(Array.from({ length: DELIVERIES }, (_, i) => ({ url: floorUrl, headers: { 'content-type': 'application/json' }, body: body(i) })));
		const t0 = Date.now() - floorBurst.ms;
		while ((await countExecutions(IDS.floor)) < warmFloor + DELIVERIES) await sleep(100);
		const floorDoneMs = Date.now() - t0;
		const floor = { ...floorBurst, started: undefined, status: undefined, executions: DELIVERIES, allExecutedMs: floorDoneMs, executionsPerSec: Math.round((DELIVERIES / floorDoneMs) * 1000), peakRssMb: probe.stop() };
		log(`floor: ${JSON.stringify(floor)}`);

		// 2 and 3. The OMS path, then with Nuvemshop stalled.
		const runOms = async (label: string, stallMs: number) => {
			const skus = Object.values(SKUS);
			const startAvail = new Map<string, number>();
			for (const l of await store!.getAvailability(skus)) if (l.warehouse === 'default') startAvail.set(l.sku, l.available);
			const posts: Post[] = [];
			const skuOf: string[] = [];
			for (let i = 0; i < DELIVERIES; i++) {
				// Alternately a WooCommerce delivery (the order in the body, CAP-01) and a Nuvemshop one (the id, read by the drain; SHIRT-M).
				const sku = i % 2 === 0 ? SKUS.cap : SKUS.shirt;
				posts.push(signed(i));
				skuOf.push(sku);
			}
			// The r-th accepted sale of a SKU (in posting order) is on a channel once it shows start − r or less;
			// a delivery n8n refused (not 200) is not counted. Ranks are filled in once the burst is over.
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
				void Promise.all(queues.map((q) => store!.queueStatus(q))).then((qs) => (maxQueued = Math.max(maxQueued, qs.reduce((n, q) => n + q.pending + q.claimed, 0))));
			}, 100);
			let release = () => {};
			if (stallMs > 0) {
				channels.nuvemshop.stall(/\/variants\/stock$/, new Promise<void>((r) => (release = r)));
				setTimeout(() => release(), stallMs);
			}
			const executionsBefore = await countExecutions(IDS.oms);
			log(`${label}: ${DELIVERIES} signed deliveries (WooCommerce and Nuvemshop alternately) to the OMS webhook triggers${stallMs ? `, Nuvemshop stalled for ${stallMs} ms` : ''}`);
			probe = rssProbe(n8n.proc.pid);
			const b = await burst(posts);
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
			const all = latency('all');
			const woo = latency('woo');
			await sleep(1000);
			const left = await Promise.all(queues.map((q) => store!.queueStatus(q)));
			const result = {
				...b, started: undefined, status: undefined, complete: done(), leftInStore: left.reduce((n, q) => n + q.pending + q.claimed + q.failed, 0),
				executions: (await countExecutions(IDS.oms)) - executionsBefore,
				saleToChannelsP50Ms: pct(all, 50), saleToChannelsP95Ms: pct(all, 95), saleToChannelsMaxMs: pct(all, 100),
				saleToWooCommerceP50Ms: pct(woo, 50), saleToWooCommerceP95Ms: pct(woo, 95),
				allOnChannelsMs, maxWaitingInStore: maxQueued, peakRssMb,
			};
			log(`${label}: ${JSON.stringify(result)}`);
			if (result.leftInStore > 0) {
				const db = new DatabaseSync(storePath);
				log(`left in the store: ${JSON.stringify(db.prepare('SELECT queue, attempts, parked, last_error, COUNT(*) AS n FROM oms_webhook_queue GROUP BY 1, 2, 3, 4').all())}`);
				db.close();
			}
			return result;
		};
		const healthy = await runOms('oms', 0);
		const stalled = await runOms('oms with Nuvemshop stalled', STALL_MS);
		const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${n8n.proc.pid}/status`, 'utf8'));
		process.stdout.write(
			JSON.stringify({
				benchmark: 'webhooks',
				n8n: '2.41.1', n8nSettings: N8N_ENV, webhookNodeVersion: NODE_VERSION, cpus: os.cpus().length, loadAverage1m: { atStart: loadAtStart, atEnd: Number(os.loadavg()[0].toFixed(1)) }, node: process.version, deliveriesPerBurst: DELIVERIES, concurrency: CONCURRENCY,
				floor: { workflow: 'Webhook (respond immediately) → No-Op', ...floor },
				oms: { workflow: 'OMS Order Webhook Trigger (WooCommerce: order in the body; Nuvemshop: id, read by the drain) → Apply → Push Stock to WooCommerce + Nuvemshop; batch 100, 1 execution at once per node', ...healthy },
				omsStalled: { stalledChannel: 'nuvemshop', stallMs: STALL_MS, ...stalled },
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
