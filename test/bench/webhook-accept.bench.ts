/**
 * The OMS Order Webhook Trigger's own cost per delivery (npm run bench:webhook-accept): webhook() called in
 * this process through n8n-core's real WebhookContext (the test harness), on signed WooCommerce deliveries,
 * with no HTTP server, no n8n database and no credential decryption in the way — what is left is ours:
 * reading the node's parameters and credentials, verifying, and writing the delivery to the store's queue.
 * Sequential calls give the per-call time; BENCH_CONCURRENCY calls at a time give the throughput when calls
 * overlap. Set BENCH_APPLY=1 to run OMS Store Apply transactions on the same store while the burst runs (the
 * drain's executions do that in n8n). Prints one JSON object on stdout.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { WebhookDelivery } from '../../core/webhooks/types';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { WooWebhooks } from '../simulators/webhook-registrations';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import fs from 'node:fs';
import path from 'node:path';
import { OmsWebhookTrigger } from '../../nodes/OmsWebhookTrigger/OmsWebhookTrigger.node';
import { WebhookHarness } from '../harness/n8n-webhook-harness';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const APPLY = process.env.BENCH_APPLY === '1';
const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? Number(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)].toFixed(2)) : null;
};

async function main() {
	const loadAtStart = Number(os.loadavg()[0].toFixed(1));
	const keys = { consumerKey: 'ck_bench', consumerSecret: 'cs_bench' };
	const sim = new WooCommerceSimulator(keys);
	const hooks = new WooWebhooks(sim, keys);
	await sim.start();
	const storePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-accept-bench-')), 'oms.sqlite');
	const trigger = new WebhookHarness({
		nodeType: new OmsWebhookTrigger(),
		parameters: { channel: 'woocommerce' },
		credentials: { omsStoreApi: { storeType: 'sqlite', sqlitePath: storePath }, wooCommerceOmsApi: { siteUrl: sim.baseUrl, ...keys } },
		authenticate: (type, c, req) => (type === 'wooCommerceOmsApi' ? { ...req, auth: { username: String(c.consumerKey), password: String(c.consumerSecret) } } : req),
	});
	try {
		await trigger.activate();
		let id = 100_000;
		const make = (n: number): WebhookDelivery[] =>
			Array.from({ length: n }, () => {
				id++;
				const order = wooOrder({ id, status: 'processing', modifiedGmt: '2026-11-27T22:00:00', lines: [{ sku: 'CAP-01', quantity: 1, subtotal: '49.90' }] });
				return hooks.deliveryFor('order.created', order, `bench-${id}`);
			});
		const call = async (d: WebhookDelivery) => {
			const t = performance.now();
			const out = await trigger.post(d);
			if (out.status !== 200) throw new Error(`delivery answered ${out.status}`);
			return performance.now() - t;
		};
		for (const d of make(20)) await call(d);

		// Apply transactions on the same store, as the drain's executions run them during a burst.
		const store = getSharedStore({ driver: 'sqlite', path: storePath });
		let applying = APPLY;
		let applied = 0;
		const applier = (async () => {
			let n = 0;
			while (applying) {
				const orders = Array.from({ length: 100 }, () => {
					n++;
					return {
						channel: 'woocommerce', account: 'bench', channelOrderId: `a-${n}`, createdAt: '2026-11-27T22:00:00Z', updatedAt: '2026-11-27T22:00:00Z',
						status: 'paid' as const, paymentStatus: 'paid' as const, fulfillmentStatus: 'unfulfilled' as const, channelStatusRaw: 'processing', currency: 'BRL',
						totals: { itemsCents: 4990, shippingCents: 0, discountCents: 0, totalCents: 4990 }, customer: { name: 'x' }, lines: [{ sku: 'CAP-01', quantity: 1, unitPriceCents: 4990 }], shipments: [],
					};
				});
				await store.applyOrders(orders);
				applied += orders.length;
				await new Promise((r) => setImmediate(r));
			}
		})();

		const sequential = make(Math.max(50, Math.floor(DELIVERIES / 4)));
		const seqMs: number[] = [];
		const t0 = performance.now();
		for (const d of sequential) seqMs.push(await call(d));
		const seqTotal = performance.now() - t0;

		const burst = make(DELIVERIES);
		const burstMs: number[] = [];
		let next = 0;
		const t1 = performance.now();
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < burst.length) burstMs.push(await call(burst[next++]));
			}),
		);
		const burstTotal = performance.now() - t1;
		applying = false;
		await applier;
		process.stdout.write(
			JSON.stringify({
				benchmark: 'webhook-accept (in-process, WooCommerce, SQLite store)',
				node: process.version, cpus: os.cpus().length, loadAverage1m: { atStart: loadAtStart, atEnd: Number(os.loadavg()[0].toFixed(1)) },
				applyRunning: APPLY, ordersAppliedMeanwhile: applied,
				sequential: { deliveries: sequential.length, perSec: Math.round((sequential.length / seqTotal) * 1000), callP50Ms: pct(seqMs, 50), callP95Ms: pct(seqMs, 95) },
				concurrent: { deliveries: burst.length, concurrency: CONCURRENCY, perSec: Math.round((burst.length / burstTotal) * 1000), callP50Ms: pct(burstMs, 50), callP95Ms: pct(burstMs, 95) },
			}) + '\n',
		);
	} finally {
		await closeSharedStores();
		await sim.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
