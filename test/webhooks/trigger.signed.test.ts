import { withFormattedMoney } from '../../core/model/money';
import { normalizeShopifyOrder } from '../../core/channels/shopify/normalize';
import { normalizeWooOrder } from '../../core/channels/woocommerce/normalize';
import { closeSharedStores } from '../../core/store/open';
import { ShopifySimulator, shopifyRestOrder } from '../simulators/shopify';
import { NuvemshopSimulator, nuvemshopOrder } from '../simulators/nuvemshop';
import { NuvemshopWebhooks, ShopifyWebhooks, WooWebhooks } from '../simulators/webhook-registrations';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import { delivery, shopifyDelivery, wooDelivery, nuvemshopDelivery } from './deliveries';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { webhookTrigger } from './trigger-helpers';

/**
 * The OMS Order Webhook Trigger through n8n's own WebhookContext and HookContext, on the channels that sign
 * their deliveries: registration on activation, a valid delivery emits the canonical order the poll trigger
 * would, a forged one gets 401 and starts nothing, a repeat gets 200 and starts nothing.
 */

afterAll(() => closeSharedStores());

describe('Shopify', () => {
	const SHOP = 'bob-norman.myshopify.com';
	const app = { shop: SHOP, clientSecret: 'shpss_client_secret' };
	let sim: ShopifySimulator;
	let hooks: ShopifyWebhooks;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new ShopifySimulator('shpat_token');
		hooks = new ShopifyWebhooks(sim, app);
		await sim.start();
		trigger = webhookTrigger({
			parameters: { channel: 'shopify' },
			credentialType: 'shopifyOmsApi',
			credentials: { shopSubdomain: 'bob-norman', accessToken: 'shpat_token', apiVersion: '2026-01', baseUrl: sim.baseUrl, clientSecret: app.clientSecret },
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, 'X-Shopify-Access-Token': String(c.accessToken) } }),
		});
	});
	afterEach(() => sim.stop());

	const order = shopifyRestOrder({ id: 450789469, updatedAt: '2026-11-20T14:05:40Z', financial: 'PAID', lines: [{ sku: 'CAM-AZ-M', quantity: 2, price: '49.90' }] });

	it('activation subscribes ORDERS_CREATE and ORDERS_UPDATED to the node URL once; deactivation removes them', async () => {
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('create')).toBe(true);
		expect(hooks.subscriptions.map((s) => [s.topic, s.callbackUrl, s.format])).toEqual([
			['ORDERS_CREATE', trigger.url, 'JSON'],
			['ORDERS_UPDATED', trigger.url, 'JSON'],
		]);
		expect(trigger.staticData.webhookIds).toEqual(hooks.subscriptions.map((s) => s.id));
		expect(await trigger.activate()).toBe(true);
		expect(hooks.subscriptions).toHaveLength(2);
		expect(await trigger.hook('delete')).toBe(true);
		expect(hooks.subscriptions).toEqual([]);
		expect(trigger.staticData.webhookIds).toBeUndefined();
	});

	it('a valid delivery is acknowledged and emits the canonical order; its repeat and a forgery emit nothing', async () => {
		await trigger.activate();
		const valid = await trigger.deliver(hooks.deliveryFor('ORDERS_UPDATED', order, 'evt-1'));
		expect(valid.status).toBe(200);
		expect(valid.response.noWebhookResponse).toBe(true);
		// The canonical order with each amount also as text beside its cents (R$ 49,90 beside 4990).
		expect(valid.items).toEqual([JSON.parse(JSON.stringify(withFormattedMoney(normalizeShopifyOrder(order, SHOP))))]);
		expect(valid.items![0]).toMatchObject({ totals: { itemsCents: 9980, items: 'R$ 99,80' }, lines: [expect.objectContaining({ unitPriceCents: 4990, unitPrice: 'R$ 49,90' })] });
		expect(valid.items![0]).toMatchObject({ channel: 'shopify', account: SHOP, channelOrderId: '450789469', status: 'paid', lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 4990 }] });

		const repeat = await trigger.deliver(hooks.deliveryFor('ORDERS_UPDATED', order, 'evt-1'));
		expect(repeat).toMatchObject({ status: 200, items: undefined });

		const forged = await trigger.deliver(shopifyDelivery({ ...order, financial_status: 'refunded' }, { secret: 'not-the-app-secret', shop: SHOP, eventId: 'evt-9' }));
		expect(forged).toMatchObject({ status: 401, body: 'Unauthorized', items: undefined });
		const otherShop = await trigger.deliver(shopifyDelivery(order, { secret: app.clientSecret, shop: 'other.myshopify.com', eventId: 'evt-10' }));
		expect(otherShop).toMatchObject({ status: 401, items: undefined });
	});

	it('orders/create and orders/updated of one version (two event ids) emit it once; a new version again', async () => {
		await trigger.activate();
		expect((await trigger.deliver(hooks.deliveryFor('ORDERS_CREATE', order, 'evt-a'))).items).toHaveLength(1);
		expect(await trigger.deliver(hooks.deliveryFor('ORDERS_UPDATED', order, 'evt-b'))).toMatchObject({ status: 200, items: undefined });
		const cancelled = { ...order, cancelled_at: '2026-11-20T15:00:00Z', updated_at: '2026-11-20T15:00:00Z', financial_status: 'voided' };
		const next = await trigger.deliver(hooks.deliveryFor('ORDERS_UPDATED', cancelled, 'evt-c'));
		expect(next.items).toEqual([expect.objectContaining({ channelOrderId: '450789469', status: 'cancelled' })]);
	});

	it('a delivery without the client secret in the credential is refused', async () => {
		const t = webhookTrigger({
			parameters: { channel: 'shopify' },
			credentialType: 'shopifyOmsApi',
			credentials: { shopSubdomain: 'bob-norman', accessToken: 'shpat_token', baseUrl: sim.baseUrl },
			authenticate: (_c, req) => req,
		});
		expect(await t.deliver(shopifyDelivery(order, { secret: '', shop: SHOP, eventId: 'x' }))).toMatchObject({ status: 401, items: undefined });
	});
});

describe('WooCommerce', () => {
	const keys = { consumerKey: 'ck_test', consumerSecret: 'cs_test' };
	let sim: WooCommerceSimulator;
	let hooks: WooWebhooks;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new WooCommerceSimulator(keys);
		hooks = new WooWebhooks(sim, keys);
		await sim.start();
		trigger = webhookTrigger({
			parameters: { channel: 'woocommerce' },
			credentialType: 'wooCommerceOmsApi',
			credentials: { siteUrl: sim.baseUrl, ...keys },
			authenticate: (c, req) => ({ ...req, auth: { username: String(c.consumerKey), password: String(c.consumerSecret) } }),
		});
	});
	afterEach(() => sim.stop());

	const order = wooOrder({ id: 727, status: 'processing', modifiedGmt: '2026-11-20T14:05:40', lines: [{ sku: 'CAM-AZ-M', quantity: 2, subtotal: '99.80' }] });

	it('activation creates order.created, order.updated and order.deleted with a secret; deliveries signed with it are taken', async () => {
		expect(await trigger.activate()).toBe(true);
		expect(hooks.hooks.map((h) => [h.topic, h.url, h.status])).toEqual([
			['order.created', trigger.url, 'active'],
			['order.updated', trigger.url, 'active'],
			['order.deleted', trigger.url, 'active'],
		]);
		expect(hooks.hooks.every((h) => /^[0-9a-f]{64}$/.test(h.secret ?? ''))).toBe(true);
		const valid = await trigger.deliver(hooks.deliveryFor('order.updated', order, 'd-1'));
		expect(valid.status).toBe(200);
		expect(valid.items).toEqual([JSON.parse(JSON.stringify(withFormattedMoney(normalizeWooOrder(order, new URL(sim.baseUrl).host))))]);
		expect(valid.items![0]).toMatchObject({ channel: 'woocommerce', channelOrderId: '727', status: 'paid', lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 4990 }] });
	});

	it('a repeat is 200 with nothing; a forgery is 401; the activation ping is 200 with nothing', async () => {
		await trigger.activate();
		expect((await trigger.deliver(hooks.deliveryFor('order.updated', order, 'd-1'))).items).toHaveLength(1);
		expect(await trigger.deliver(hooks.deliveryFor('order.updated', order, 'd-1'))).toMatchObject({ status: 200, items: undefined });
		expect(await trigger.deliver(wooDelivery({ ...order, status: 'cancelled' }, { secret: 'guessed', deliveryId: 'd-2' }))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(delivery('webhook_id=31', { 'content-type': 'application/x-www-form-urlencoded' }))).toMatchObject({ status: 200, items: undefined });
	});

	it('order.deleted names the order only: it is read from the store (trashed → cancelled); a purged one emits nothing', async () => {
		await trigger.activate();
		sim.put({ ...order, status: 'trash', date_modified_gmt: '2026-11-20T15:00:00' });
		const deleted = await trigger.deliver(hooks.deliveryFor('order.deleted', { id: 727 }, 'd-3'));
		expect(deleted.items).toEqual([expect.objectContaining({ channelOrderId: '727', status: 'cancelled', channelStatusRaw: 'trash' })]);
		expect(sim.requests(/\/orders\/727$/).map((r) => r.method)).toEqual(['GET']);
		expect(await trigger.deliver(hooks.deliveryFor('order.deleted', { id: 999 }, 'd-4'))).toMatchObject({ status: 200, items: undefined });
	});

	it('a webhook WooCommerce disabled (failed deliveries) is found stale on activation and created again', async () => {
		await trigger.activate();
		hooks.disable('order.updated');
		const before = hooks.hooks.find((h) => h.topic === 'order.updated')!.id;
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('create')).toBe(true);
		const updated = hooks.hooks.filter((h) => h.topic === 'order.updated');
		expect(updated).toHaveLength(1);
		expect(updated[0]).toMatchObject({ status: 'active' });
		expect(updated[0].id).not.toBe(before);
		expect(hooks.hooks).toHaveLength(3);
		expect(await trigger.hook('delete')).toBe(true);
		expect(hooks.hooks).toEqual([]);
	});
});

describe('Nuvemshop', () => {
	const auth = { storeId: '123456', accessToken: 'nuvem-token', appSecret: 'nuvem-app-secret' };
	let sim: NuvemshopSimulator;
	let hooks: NuvemshopWebhooks;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new NuvemshopSimulator(auth);
		hooks = new NuvemshopWebhooks(sim, auth);
		await sim.start();
		trigger = webhookTrigger({
			parameters: { channel: 'nuvemshop' },
			credentialType: 'nuvemshopOmsApi',
			credentials: { ...auth, userAgent: 'OMS tests (ops@example.com)', platform: 'nuvemshop', baseUrl: `${sim.baseUrl}/v1` },
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, Authentication: `bearer ${String(c.accessToken)}`, 'User-Agent': String(c.userAgent) } }),
		});
	});
	afterEach(() => sim.stop());

	it('activation registers every order event; a notification reads the order from the API', async () => {
		expect(await trigger.activate()).toBe(true);
		expect(hooks.hooks.map((h) => h.topic)).toEqual(['order/created', 'order/updated', 'order/paid', 'order/packed', 'order/fulfilled', 'order/cancelled']);
		expect(await trigger.hook('checkExists')).toBe(true);
		sim.put(nuvemshopOrder({ id: 450789469, updatedAt: '2026-11-20T14:05:40-0300', paymentStatus: 'paid' }));
		const paid = await trigger.deliver(hooks.deliveryFor('order/paid', 450789469));
		expect(paid.status).toBe(200);
		expect(paid.items).toEqual([expect.objectContaining({ channel: 'nuvemshop', account: '123456', channelOrderId: '450789469', status: 'paid' })]);
		expect(paid.items![0].lines).toEqual([expect.objectContaining({ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 1900 })]);
	});

	it('no event id: a notification about an unchanged order emits nothing, a changed order emits again', async () => {
		await trigger.activate();
		sim.put(nuvemshopOrder({ id: 450789469, updatedAt: '2026-11-20T14:05:40-0300', paymentStatus: 'pending' }));
		expect((await trigger.deliver(hooks.deliveryFor('order/created', 450789469))).items).toHaveLength(1);
		expect(await trigger.deliver(hooks.deliveryFor('order/updated', 450789469))).toMatchObject({ status: 200, items: undefined });
		sim.put(nuvemshopOrder({ id: 450789469, updatedAt: '2026-11-20T14:09:00-0300', paymentStatus: 'paid' }));
		// The same body again (Nuvemshop sends one body per order and event): the order changed, so it is emitted.
		const again = await trigger.deliver(hooks.deliveryFor('order/updated', 450789469));
		expect(again.items).toEqual([expect.objectContaining({ status: 'paid' })]);
	});

	it('another app secret or another store is refused; an order the store does not have emits nothing', async () => {
		await trigger.activate();
		expect(await trigger.deliver(nuvemshopDelivery({ store_id: 123456, event: 'order/paid', id: 1 }, 'other-secret'))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(nuvemshopDelivery({ store_id: 654321, event: 'order/paid', id: 1 }, auth.appSecret))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(hooks.deliveryFor('order/paid', 1))).toMatchObject({ status: 200, items: undefined });
		expect(await trigger.hook('delete')).toBe(true);
		expect(hooks.hooks).toEqual([]);
	});
});
