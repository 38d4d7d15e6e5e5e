import type { OmsStore, StockLevel } from '../../core/store/types';
import type { WebhookDelivery } from '../../core/webhooks/types';
import { nuvemshopDelivery, wooDelivery } from '../webhooks/deliveries';
import { SECRETS, SKUS, nuvemshopSale, wooSale, type Channels } from './channels';
import { dropNodes, UNSIMULATED } from './templates';

/**
 * Template 5 (webhook import and stock sync) in the real n8n, with template 1 as its poll reconciler:
 * forged deliveries refused, sale → channels latency over signed deliveries, a dropped webhook reconciled.
 * The suite's state (n8n, simulators, store) is passed in by pipeline.e2e.ts.
 */

interface N8n {
	baseUrl: string;
	activate(id: string): Promise<unknown>;
	deactivate(id: string): Promise<unknown>;
	getWorkflow(id: string): Promise<{ id: string; versionId: string; nodes: Array<{ name: string; webhookId?: string }>; connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }> | null> }> }>;
	rest(method: string, path: string, body?: object): Promise<unknown>;
	executions(workflowId: string): Promise<Array<{ id: string; status: string }>>;
}

export interface WebhookSuite {
	n8n: N8n;
	channels: Channels;
	store: () => OmsStore;
	level(sku: string): Promise<StockLevel | undefined>;
	levelIs(sku: string, want: Partial<StockLevel>): Promise<StockLevel>;
	tplId(file: string): Promise<string>;
	timings: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls every `everyMs` (fine-grained: the latency measured must not be rounded up to a coarse poll). */
async function until(what: string, probe: () => boolean, timeoutMs = 30_000, everyMs = 5): Promise<void> {
	const t0 = Date.now();
	while (!probe()) {
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export const TEMPLATE_5 = '05-webhook-import-and-stock-sync.json';
export const TEMPLATE_1 = '01-multichannel-import-and-stock-sync.json';
export const SALES = 24;

export function webhookTemplateTests(s: WebhookSuite) {
	let id: string;
	const url: Record<'woocommerce' | 'nuvemshop', string> = { woocommerce: '', nuvemshop: '' };
	/** POSTs the delivery as the channel would; a 404 right after activation (not registered yet) ran nothing and is retried. */
	const post = async (channel: 'woocommerce' | 'nuvemshop', d: WebhookDelivery) => {
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(d.headers)) if (typeof v === 'string') headers[k] = v;
		const t0 = Date.now();
		for (;;) {
			const res = await fetch(url[channel], { method: 'POST', headers, body: new Uint8Array(d.rawBody) });
			if (res.status !== 404 || Date.now() - t0 > 15_000) return res.status;
			await sleep(200);
		}
	};
	const shows = (sku: string, quantity: number) => () => {
		const st = s.channels.stock(sku);
		return st.woocommerce === quantity && st.nuvemshop === quantity;
	};

	test('template 5 (Webhook Import and Stock Sync) activates and registers its webhooks on WooCommerce and Nuvemshop', async () => {
		id = await s.tplId(TEMPLATE_5);
		const kept = await dropNodes(s.n8n, id);
		expect(kept.filter((n) => UNSIMULATED.test(n))).toEqual([]);
		expect(kept).toEqual(expect.arrayContaining(['WooCommerce Order Webhook', 'Nuvemshop Order Webhook', 'Apply Orders to Stock', 'Push Stock to WooCommerce', 'Push Stock to Nuvemshop', 'Report Malformed Order', 'Report Push Failure']));
		const nodes = (await s.n8n.getWorkflow(id)).nodes;
		for (const ch of ['woocommerce', 'nuvemshop'] as const) {
			const hookId = nodes.find((n) => n.name === `${ch === 'woocommerce' ? 'WooCommerce' : 'Nuvemshop'} Order Webhook`)?.webhookId;
			expect(hookId).toBeTruthy();
			url[ch] = `${s.n8n.baseUrl}/webhook/${hookId}/webhook`;
		}
		const t0 = Date.now();
		await s.n8n.activate(id);
		s.timings.template5ActivateMs = Date.now() - t0;
		// Registered through the channels' APIs with the node's production URL (n8n's WEBHOOK_URL, https).
		expect(s.channels.hooks.woo.hooks.map((h) => [h.topic, h.status, h.url.endsWith(new URL(url.woocommerce).pathname)])).toEqual(
			expect.arrayContaining([['order.created', 'active', true], ['order.updated', 'active', true]]),
		);
		expect(s.channels.hooks.nuvemshop.hooks.map((h) => h.topic)).toEqual(expect.arrayContaining(['order/created', 'order/updated', 'order/cancelled']));
	});

	test('a forged or unsigned delivery to each webhook node is refused (401) and moves no stock', async () => {
		const before = await s.level(SKUS.cap);
		const woo = wooSale(9401, SKUS.cap, 1, 'processing');
		const nuvem = nuvemshopSale(450789401, SKUS.cap, 1, 'paid');
		// Real orders on the channels: a delivery that got through would reserve them.
		s.channels.woo.put(woo);
		s.channels.nuvemshop.put(nuvem);
		const unsigned = (d: WebhookDelivery, header: string) => ({ ...d, headers: Object.fromEntries(Object.entries(d.headers).filter(([k]) => k !== header)) });
		const forgedWoo = wooDelivery(woo, { secret: 'not-the-secret', topic: 'order.created', deliveryId: 'forged-9401' });
		const forgedNuvem = nuvemshopDelivery({ store_id: Number(SECRETS.nuvemshop.storeId), event: 'order/created', id: 450789401 }, 'not-the-secret');
		expect([
			await post('woocommerce', forgedWoo),
			await post('woocommerce', unsigned(forgedWoo, 'x-wc-webhook-signature')),
			await post('nuvemshop', forgedNuvem),
			await post('nuvemshop', unsigned(forgedNuvem, 'x-linkedstore-hmac-sha256')),
		]).toEqual([401, 401, 401, 401]);
		await sleep(1000);
		expect(await s.level(SKUS.cap)).toEqual(before);
		expect((await s.store().listReservations()).filter((r) => /:(9401|450789401)$/.test(r.orderKey))).toEqual([]);
		expect(await s.n8n.executions(id)).toEqual([]);
		// Cancelled on the channels, so the reconciler later finds nothing to reserve for them.
		s.channels.woo.put(wooSale(9401, SKUS.cap, 1, 'cancelled', new Date(Date.now() + 1000)));
		s.channels.nuvemshop.put(nuvemshopSale(450789401, SKUS.cap, 1, 'paid', 'cancelled', new Date(Date.now() + 1000)));
	});

	test(`${SALES} sales delivered as signed webhooks each reach every simulated channel's stock (p50/p95 printed)`, async () => {
		// Room for the sales (template 4's test left the SKU oversold); not pushed: the first sale publishes it.
		await s.store().adjustStock([{ sku: SKUS.cap, delta: SALES + 10, ref: 'e2e-webhook-room', reason: 'e2e webhook sales' }]);
		const start = (await s.level(SKUS.cap))!;
		const ms: number[] = [];
		for (let i = 0; i < SALES; i++) {
			let delivery: WebhookDelivery;
			let channel: 'woocommerce' | 'nuvemshop';
			if (i % 2 === 0) {
				const sale = wooSale(9500 + i, SKUS.cap, 1, 'processing');
				s.channels.woo.put(sale);
				channel = 'woocommerce';
				delivery = s.channels.hooks.woo.deliveryFor('order.created', sale, `e2e-delivery-${9500 + i}`);
			} else {
				s.channels.nuvemshop.put(nuvemshopSale(450789500 + i, SKUS.cap, 1, 'paid'));
				channel = 'nuvemshop';
				delivery = s.channels.hooks.nuvemshop.deliveryFor('order/paid', 450789500 + i);
			}
			const t0 = Date.now();
			expect(await post(channel, delivery)).toBe(200);
			await until(`sale ${i + 1} on both channels`, shows(SKUS.cap, start.available - (i + 1)));
			ms.push(Date.now() - t0);
		}
		expect(await s.level(SKUS.cap)).toMatchObject({ onHand: start.onHand, reserved: start.reserved + SALES, available: start.available - SALES });
		// The drain ran the sales in executions of its own; the last may still be saving when its pushes landed.
		let runs = await s.n8n.executions(id);
		for (const t0 = Date.now(); runs.some((e) => ['new', 'running'].includes(e.status)) && Date.now() - t0 < 30_000; runs = await s.n8n.executions(id)) await sleep(200);
		expect(runs.length).toBeGreaterThan(0);
		expect(runs.filter((e) => e.status !== 'success')).toEqual([]);
		const sorted = [...ms].sort((a, b) => a - b);
		const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
		Object.assign(s.timings, { webhookSaleToChannelsP50Ms: p50, webhookSaleToChannelsP95Ms: p95, webhookSaleToChannelsMaxMs: sorted[sorted.length - 1] });
		process.stdout.write(`\n[e2e] webhook sale → WooCommerce and Nuvemshop stock: ${SALES} sales, p50 ${p50} ms, p95 ${p95} ms, max ${sorted[sorted.length - 1]} ms\n`);
	});

	test("a sale whose webhook was dropped is picked up by template 1's poll triggers (the reconciler)", async () => {
		const shirt = (await s.level(SKUS.shirt))!;
		const cap = await s.level(SKUS.cap);
		s.channels.woo.put(wooSale(9601, SKUS.shirt, 1, 'processing')); // on the channel; its delivery never comes
		await sleep(1000);
		expect(await s.level(SKUS.shirt)).toEqual(shirt);
		const reconciler = await s.tplId(TEMPLATE_1);
		const t0 = Date.now();
		await s.n8n.activate(reconciler); // the activation poll is the forced tick; its cursor is template 1's last poll
		try {
			await s.levelIs(SKUS.shirt, { onHand: shirt.onHand, reserved: shirt.reserved + 1, available: shirt.available - 1 });
			await until('the reconciled sale on both channels', shows(SKUS.shirt, shirt.available - 1), 90_000, 50);
			s.timings.webhookDroppedReconciledMs = Date.now() - t0;
		} finally {
			await s.n8n.deactivate(reconciler);
		}
		// The webhook sales and the forged (now cancelled) orders it polled again changed nothing else.
		expect(await s.level(SKUS.cap)).toEqual(cap);
		expect((await s.store().listReservations()).filter((r) => /:(9401|450789401)$/.test(r.orderKey))).toEqual([]);
		await s.n8n.deactivate(id);
	});
}
