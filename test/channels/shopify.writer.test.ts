import { createShopifyWriter } from '../../core/channels/shopify/writer';
import type { AdapterContext, ChannelWriter, StockUpdate } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { ShopifySimulator, shopifyOrder } from '../simulators/shopify';
import { tinyRetry } from './helpers/channel-test';

const TOKEN = 'shpat_writer';
const { retry, sleeps } = tinyRetry();
let sim: ShopifySimulator;
const writer = (options: AdapterContext['options'] = { apiVersion: '2026-04' }, token = TOKEN): ChannelWriter =>
	createShopifyWriter({ transport: createFetchTransport({ 'x-shopify-access-token': token }, 5000), baseUrl: sim.baseUrl, account: 'bob-norman.myshopify.com', retry, options });

const item = (n: number) => `gid://shopify/InventoryItem/${n}`;
const update = (sku: string, quantity: number, n: number): StockUpdate => ({ sku, quantity, listing: { listingId: 'p', inventoryItemId: item(n) } });
type SetStockBody = { query: string; variables: { key?: string; input: { name: string; reason: string; ignoreCompareQuantity?: boolean; quantities: Array<Record<string, unknown>> } } };
const stockCalls = () => sim.requests().map((r) => r.body as SetStockBody).filter((b) => /OmsSetStock/.test(b.query));

beforeEach(async () => {
	sim = new ShopifySimulator(TOKEN);
	await sim.start();
	sim.putVariant(4001, 'IPOD-PINK', 5).putVariant(4002, 'IPOD-BLUE', 5).putVariant(4003, 'IPOD "X"', 1);
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('Shopify writer: listings by barcode', () => {
	it('finds variants by exact barcode (GTIN/EAN) in one search; a barcode nobody has is absent', async () => {
		sim.variants.get('gid://shopify/ProductVariant/4002')!.barcode = '7891000315507';
		const refs = await writer().resolveListingsByGtin!(['7891000315507', '036000291452']);
		expect(Object.fromEntries(refs)).toEqual({
			'7891000315507': { listingId: 'gid://shopify/Product/4000', variantId: 'gid://shopify/ProductVariant/4002', inventoryItemId: item(4002) },
		});
		const [call] = sim.requests(/graphql\.json$/);
		expect((call.body as { variables: { query: string } }).variables.query).toBe('barcode:"7891000315507" OR barcode:"036000291452"');
	});
});

describe('Shopify writer: listings and stock', () => {
	it('resolves variant and inventory item ids by exact SKU in one search', async () => {
		const refs = await writer().resolveListings(['IPOD-PINK', 'IPOD "X"', 'NOPE']);
		expect(Object.fromEntries(refs)).toEqual({
			'IPOD-PINK': { listingId: 'gid://shopify/Product/4000', variantId: 'gid://shopify/ProductVariant/4001', inventoryItemId: item(4001) },
			'IPOD "X"': { listingId: 'gid://shopify/Product/4000', variantId: 'gid://shopify/ProductVariant/4003', inventoryItemId: item(4003) },
		});
		expect(sim.requests()).toHaveLength(1);
	});

	it('Shopify does not make SKUs unique: every variant carrying a SKU is answered', async () => {
		sim.putVariant(4009, 'IPOD-PINK', 2);
		const refs = await writer().resolveListings(['IPOD-PINK']);
		expect(refs.get('IPOD-PINK')).toEqual([
			{ listingId: 'gid://shopify/Product/4000', variantId: 'gid://shopify/ProductVariant/4001', inventoryItemId: item(4001) },
			{ listingId: 'gid://shopify/Product/4000', variantId: 'gid://shopify/ProductVariant/4009', inventoryItemId: item(4009) },
		]);
	});

	it('2026-04+: one keyed inventorySetQuantities with changeFromQuantity null at the primary location', async () => {
		const results = await writer().pushStock([update('IPOD-PINK', 7, 4001), update('IPOD-BLUE', 0, 4002)]);
		expect(results).toEqual([{ sku: 'IPOD-PINK', ok: true }, { sku: 'IPOD-BLUE', ok: true }]);
		expect([sim.available('IPOD-PINK'), sim.available('IPOD-BLUE')]).toEqual([7, 0]);
		const [call] = stockCalls();
		expect(call.query).toMatch(/@idempotent\(key: \$key\)/);
		expect(call.variables.key).toMatch(/^[0-9a-f-]{36}$/);
		expect(call.variables.input).toEqual({
			name: 'available',
			reason: 'correction',
			quantities: [
				{ inventoryItemId: item(4001), locationId: sim.locations[0], quantity: 7, changeFromQuantity: null },
				{ inventoryItemId: item(4002), locationId: sim.locations[0], quantity: 0, changeFromQuantity: null },
			],
		});
	});

	it('before 2026-04: ignoreCompareQuantity, and options.locationId instead of the look-up', async () => {
		sim.levels.set(`${item(4001)}|${sim.locations[1]}`, 2);
		const w = writer({ apiVersion: '2026-01', locationId: sim.locations[1] });
		expect(await w.pushStock([update('IPOD-PINK', 9, 4001)])).toEqual([{ sku: 'IPOD-PINK', ok: true }]);
		expect(sim.available('IPOD-PINK', sim.locations[1])).toBe(9);
		const [call] = stockCalls();
		expect(call.variables.input.ignoreCompareQuantity).toBe(true);
		expect(call.variables.input.quantities[0]).not.toHaveProperty('changeFromQuantity');
		expect(sim.requests().some((r) => /OmsPrimaryLocation/.test((r.body as { query: string }).query))).toBe(false);
	});

	it('a userError on one quantity fails that SKU alone; the rest is sent again and applied', async () => {
		sim.levels.delete(`${item(4002)}|${sim.locations[0]}`);
		const results = await writer().pushStock([update('IPOD-PINK', 3, 4001), update('IPOD-BLUE', 4, 4002), update('NOITEM', 1, 9999)]);
		expect(results[0]).toEqual({ sku: 'IPOD-PINK', ok: true });
		expect(results[1]).toMatchObject({ sku: 'IPOD-BLUE', ok: false, error: { message: expect.stringMatching(/ITEM_NOT_STOCKED_AT_LOCATION/) } });
		expect(results[2]).toMatchObject({ sku: 'NOITEM', ok: false, error: { message: expect.stringMatching(/INVALID_INVENTORY_ITEM/) } });
		expect(sim.available('IPOD-PINK')).toBe(3);
		const calls = stockCalls();
		expect(calls.map((c) => c.variables.input.quantities.length)).toEqual([3, 1]);
		expect(calls[0].variables.key).not.toBe(calls[1].variables.key);
	});

	it('THROTTLED then success: retried with the same idempotency key, applied once', async () => {
		sim.throttle(1);
		const w = writer({ apiVersion: '2026-04', locationId: sim.locations[0] });
		expect(await w.pushStock([update('IPOD-PINK', 8, 4001)])).toEqual([{ sku: 'IPOD-PINK', ok: true }]);
		expect(sleeps).toEqual([1000]);
		const calls = stockCalls();
		expect(calls).toHaveLength(2);
		expect(calls[0].variables.key).toBe(calls[1].variables.key);
		expect(sim.available('IPOD-PINK')).toBe(8);
	});

	it('500 on every attempt → every SKU of the batch ok:false with 500', async () => {
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 500 });
		const results = await writer({ apiVersion: '2026-04', locationId: sim.locations[0] }).pushStock([update('IPOD-PINK', 6, 4001), update('IPOD-BLUE', 6, 4002)]);
		expect(results.map((r) => [r.ok, r.error?.httpCode])).toEqual([[false, 500], [false, 500]]);
		expect(sim.available('IPOD-PINK')).toBe(5);
	});
});

describe('Shopify writer: orders', () => {
	const ORDER = 'gid://shopify/Order/450789469';
	beforeEach(() => {
		sim.put(shopifyOrder({ id: 450789469, updatedAt: '2026-03-10T14:00:00Z' }));
		sim.fulfillmentOrders.set(ORDER, [{ id: 'gid://shopify/FulfillmentOrder/1', status: 'OPEN' }, { id: 'gid://shopify/FulfillmentOrder/2', status: 'CLOSED' }]);
	});
	const order = () => sim.orders.get(ORDER)!;

	it('fulfils the open fulfillment orders with tracking', async () => {
		await writer().pushShipment!({ channelOrderId: '450789469', carrier: 'Correios', trackingCode: 'BR1', trackingUrl: 'https://rastreio/BR1' });
		const body = sim.requests().map((r) => r.body as { query: string; variables: Record<string, unknown> }).find((b) => /OmsFulfill\(/.test(b.query))!;
		expect(body.variables.fulfillment).toEqual({
			lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1' }],
			trackingInfo: { company: 'Correios', number: 'BR1', url: 'https://rastreio/BR1' },
			notifyCustomer: true,
		});
		expect(order().displayFulfillmentStatus).toBe('FULFILLED');
		await expect(writer().pushShipment!({ channelOrderId: '450789469', carrier: 'Correios', trackingCode: 'BR1' })).rejects.toThrow(/no open fulfillment order/);
	});

	it('cancels without refund or restock, reason mapped, text kept as staff note', async () => {
		await writer().cancelOrder!({ channelOrderId: '450789469', reason: 'fraud' });
		expect(order()).toMatchObject({ cancelReason: 'FRAUD', staffNote: 'fraud' });
		expect(order().cancelledAt).toBeTruthy();
		await expect(writer().cancelOrder!({ channelOrderId: '450789469' })).rejects.toMatchObject({ httpCode: 422, message: expect.stringMatching(/already been cancelled/) });
	});

	it('cancels at the credential default version (2026-01) with refundMethod, before 2025-07 with refund', async () => {
		const cancelQuery = () => (sim.requests().map((r) => r.body as { query: string }).filter((b) => /OmsCancel/.test(b.query)).at(-1) as { query: string }).query;
		await writer({}).cancelOrder!({ channelOrderId: '450789469', reason: 'customer' });
		expect(sim.requests().at(-1)!.path).toBe('/admin/api/2026-01/graphql.json');
		expect(cancelQuery()).toMatch(/orderCancel\(orderId: \$orderId, reason: \$reason, refundMethod: \{ originalPaymentMethodsRefund: false \}, restock: false, notifyCustomer: false/);
		expect(cancelQuery()).not.toMatch(/\brefund:/);
		expect(order()).toMatchObject({ cancelReason: 'CUSTOMER' });
		Object.assign(order(), { cancelledAt: null });
		await writer({ apiVersion: '2025-04' }).cancelOrder!({ channelOrderId: '450789469', reason: 'staff' });
		expect(cancelQuery()).toMatch(/reason: \$reason, refund: false, restock: false/);
		expect(order()).toMatchObject({ cancelReason: 'STAFF' });
	});

	it('the simulator refuses the previous mutation (refund: false) from 2025-07, as a GraphQL error, cancelling nothing', async () => {
		const previous = `mutation OmsCancel($orderId: ID!, $reason: OrderCancelReason!, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, refund: false, restock: false, notifyCustomer: false, staffNote: $staffNote) {
    job { id } orderCancelUserErrors { field message code }
  }
}`;
		const res = await fetch(`${sim.baseUrl}/admin/api/2026-01/graphql.json`, {
			method: 'POST',
			headers: { 'x-shopify-access-token': TOKEN, 'content-type': 'application/json' },
			body: JSON.stringify({ query: previous, variables: { orderId: ORDER, reason: 'OTHER', staffNote: null } }),
		});
		expect(res.status).toBe(200);
		expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe("Field 'orderCancel' doesn't accept argument 'refund'");
		expect(order().cancelledAt).toBeFalsy();
	});

	it('stores the NF-e as nfe.* order metafields', async () => {
		await writer().pushInvoice!({ channelOrderId: '450789469', nfeKey: '3'.repeat(44), number: '123', series: '1', issuedAt: '2026-03-10T15:00:00Z', url: 'https://nfe/x.xml' });
		expect(sim.metafields.get(ORDER)).toEqual({
			'nfe.key': { type: 'single_line_text_field', value: '3'.repeat(44) },
			'nfe.number': { type: 'single_line_text_field', value: '123' },
			'nfe.series': { type: 'single_line_text_field', value: '1' },
			'nfe.url': { type: 'url', value: 'https://nfe/x.xml' },
		});
	});
});
