import { createShopifyAdapter, SHOPIFY_FINANCIAL_STATUS_MAP, SHOPIFY_FULFILLMENT_STATUS_MAP, type ShopifyOrder } from '../../core/channels/shopify';
import type { HttpTransport } from '../../core/http/transport';
import { OrderValidationError } from '../../core/model/validate';
import { shopifyOrder, type ShopifyOrderSpec } from '../simulators/shopify';

const offline: HttpTransport = async () => {
	throw new Error('normalize must not call the API');
};
const adapter = createShopifyAdapter({ transport: offline, baseUrl: '', account: 'bob-norman.myshopify.com' });
const normalize = (spec: Partial<ShopifyOrderSpec>) => adapter.normalize(shopifyOrder({ id: 450789469, updatedAt: '2026-01-10T15:03:12Z', ...spec }) as unknown as ShopifyOrder);

describe('Shopify normalisation', () => {
	it.each([
		['financial', { financial: 'SETTLED' }],
		['fulfilment', { fulfillment: 'SHIPPED' }],
	])('an unknown %s status imports the order with its units reserved, flagged status_unknown', (_what, spec) => {
		expect(normalize(spec as Partial<ShopifyOrderSpec>)).toMatchObject({ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] });
	});

	it.each([
		['PENDING', 'pending_payment', 'pending'],
		// Manual capture holds the payment for the shop: paid-equivalent (was pending_payment before issue 7).
		['AUTHORIZED', 'paid', 'authorized'],
		['PARTIALLY_PAID', 'pending_payment', 'pending'],
		['PAID', 'paid', 'paid'],
		['PARTIALLY_REFUNDED', 'paid', 'partially_refunded'],
		['REFUNDED', 'cancelled', 'refunded'],
		['VOIDED', 'cancelled', 'failed'],
		['EXPIRED', 'pending_payment', 'failed'],
		[null, 'paid', 'unknown'],
	])('financial %s (unfulfilled) → %s / payment %s', (financial, status, payment) => {
		expect(normalize({ financial })).toMatchObject({ status, paymentStatus: payment, fulfillmentStatus: 'unfulfilled' });
	});

	it.each([
		['UNFULFILLED', 'paid', 'unfulfilled'],
		['IN_PROGRESS', 'paid', 'unfulfilled'],
		['ON_HOLD', 'paid', 'unfulfilled'],
		['SCHEDULED', 'paid', 'unfulfilled'],
		['REQUEST_DECLINED', 'paid', 'unfulfilled'],
		['PARTIALLY_FULFILLED', 'shipped', 'partial'],
		['FULFILLED', 'shipped', 'fulfilled'],
		['FULFILLMENT_NOT_REQUIRED', 'delivered', 'fulfilled'],
		['OPEN', 'paid', 'unfulfilled'],
		['PENDING_FULFILLMENT', 'paid', 'unfulfilled'],
		['RESTOCKED', 'returned', 'returned'],
	])('paid, fulfilment %s → %s / %s', (fulfillment, status, fulfilmentStatus) => {
		expect(normalize({ fulfillment })).toMatchObject({ status, paymentStatus: 'paid', fulfillmentStatus: fulfilmentStatus });
	});

	it('covers every documented financial and fulfilment status', () => {
		expect(Object.keys(SHOPIFY_FINANCIAL_STATUS_MAP)).toHaveLength(8);
		expect(Object.keys(SHOPIFY_FULFILLMENT_STATUS_MAP)).toHaveLength(11);
	});

	it.each([
		['UNFULFILLED', 'paid', 'unfulfilled'],
		['PARTIALLY_FULFILLED', 'shipped', 'partial'],
		['FULFILLED', 'shipped', 'fulfilled'],
		['FULFILLMENT_NOT_REQUIRED', 'delivered', 'fulfilled'],
	])('an authorized payment follows fulfilment like a paid one: %s → %s / %s', (fulfillment, status, fulfilmentStatus) => {
		expect(normalize({ financial: 'AUTHORIZED', fulfillment })).toMatchObject({ status, paymentStatus: 'authorized', fulfillmentStatus: fulfilmentStatus });
	});

	it('keeps payment and fulfilment apart: an unpaid order can be fulfilled', () => {
		expect(normalize({ financial: 'PENDING', fulfillment: 'FULFILLED' })).toMatchObject({ status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'fulfilled' });
	});

	it('delivered once every fulfillment is delivered; returned when a shipped order is refunded', () => {
		const f = (displayStatus: string) => ({ displayStatus, tracking: 'BR1' });
		expect(normalize({ fulfillment: 'FULFILLED', fulfillments: [f('DELIVERED'), f('DELIVERED')] })).toMatchObject({ status: 'delivered', fulfillmentStatus: 'delivered' });
		expect(normalize({ fulfillment: 'FULFILLED', fulfillments: [f('DELIVERED'), f('IN_TRANSIT')] })).toMatchObject({ status: 'shipped' });
		expect(normalize({ financial: 'REFUNDED', fulfillment: 'FULFILLED' })).toMatchObject({ status: 'returned', paymentStatus: 'refunded' });
	});

	it('cancelledAt wins over everything', () => {
		expect(normalize({ fulfillment: 'FULFILLED', cancelledAt: '2026-01-10T15:00:00Z' }).status).toBe('cancelled');
	});

	it('maps money exactly, ids, customer, address and tracking', () => {
		const order = normalize({
			lines: [{ sku: 'A', quantity: 3, price: '0.29' }, { sku: 'B', quantity: 2, price: '10.10' }],
			shipping: '19.90',
			discounts: '1.07',
			total: '39.90',
			fulfillment: 'FULFILLED',
			fulfillments: [{ displayStatus: 'IN_TRANSIT', tracking: 'BR123' }],
		});
		expect(order).toMatchObject({
			channel: 'shopify',
			account: 'bob-norman.myshopify.com',
			channelOrderId: '450789469',
			currency: 'BRL',
			totals: { itemsCents: 2107, shippingCents: 1990, discountCents: 107, totalCents: 3990 },
			customer: { name: 'Bob Norman', email: 'bob.norman@mail.example.com', phone: '+5511999990000' },
			shippingAddress: { street: 'Rua Augusta, 500', complement: 'Sala 3', city: 'São Paulo', state: 'SP', postalCode: '01305-000', country: 'BR' },
			shipments: [{ carrier: 'Correios', trackingCode: 'BR123' }],
		});
		// channelLineId (the line item id, for write-back) is new with issue 7.
		expect(order.lines[0]).toEqual({ sku: 'A', quantity: 3, unitPriceCents: 29, channelListingId: '7000000', channelVariantId: '4000000', channelLineId: '45078946900', title: 'Product 1' });
		expect(order.flags).toBeUndefined();
	});

	it('counts current quantities: a removed line is dropped, a reduced one reserves less', () => {
		const order = normalize({
			lines: [
				{ sku: 'A', quantity: 3, current: 2, price: '10.00' },
				{ sku: 'B', quantity: 1, current: 0, price: '5.00' },
			],
		});
		expect(order.lines.map((l) => [l.sku, l.quantity])).toEqual([['A', 2]]);
		expect(order.totals.itemsCents).toBe(2000);
	});

	it('a cancelled order whose lines are all gone still imports, with no line', () => {
		const order = normalize({ financial: 'REFUNDED', cancelledAt: '2026-01-10T15:00:00Z', lines: [{ sku: 'A', quantity: 2, current: 0, price: '10.00' }] });
		expect(order).toMatchObject({ status: 'cancelled', lines: [] });
	});

	it('a refunded, shipped order with no unit left keeps the units it sold', () => {
		const order = normalize({ financial: 'REFUNDED', fulfillment: 'FULFILLED', lines: [{ sku: 'A', quantity: 2, current: 0, price: '10.00' }] });
		expect(order).toMatchObject({ status: 'returned', lines: [{ sku: 'A', quantity: 2 }] });
	});

	it('an open order whose every unit was removed is imported without lines (all_lines_removed); one that never had a unit is an error item naming the lines', () => {
		expect(normalize({ lines: [{ sku: 'A', quantity: 2, current: 0, price: '10.00' }] })).toMatchObject({ lines: [], flags: ['all_lines_removed'] });
		expect(() => normalize({ lines: [{ sku: 'A', quantity: 0, current: 0, price: '10.00' }] })).toThrow(
			expect.objectContaining({ orderRef: 'shopify:450789469', field: 'lineItems.nodes' }),
		);
	});

	it.each([null, '', '   '])('a line with SKU %j is imported unmapped, keeping its listing, variant and line ids', (sku) => {
		const order = normalize({ lines: [{ sku, quantity: 1, price: '1.00' }, { sku: 'B', quantity: 1, price: '2.00' }] });
		expect(order.lines[0]).toEqual({ unmapped: true, quantity: 1, unitPriceCents: 100, channelListingId: '7000000', channelVariantId: '4000000', channelLineId: '45078946900', title: 'Product 1' });
		expect(order.lines[1]).toMatchObject({ sku: 'B' });
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('failed or cancelled fulfillments ship nothing and do not make an order delivered', () => {
		const order = normalize({
			fulfillment: 'FULFILLED',
			fulfillments: [
				{ displayStatus: 'DELIVERED', tracking: 'BR1' },
				{ displayStatus: 'FAILURE', tracking: 'BR2', status: 'FAILURE' },
			],
		});
		expect(order).toMatchObject({ status: 'delivered', shipments: [{ trackingCode: 'BR1' }] });
		expect(order.shipments).toHaveLength(1);
	});

	it("a node without currency takes the adapter's currency option and is flagged", () => {
		const raw = shopifyOrder({ id: 450789469, updatedAt: '2026-01-10T15:03:12Z' });
		delete raw.currencyCode;
		delete raw.totalPriceSet;
		raw.currentTotalPriceSet = { shopMoney: { amount: '209.00' } };
		const usd = createShopifyAdapter({ transport: offline, baseUrl: '', account: 'bob-norman.myshopify.com', options: { currency: 'USD' } });
		expect(usd.normalize(raw as unknown as ShopifyOrder)).toMatchObject({ currency: 'USD', flags: ['currency_from_account'], totals: { totalCents: 20900 } });
		expect(adapter.normalize(raw as unknown as ShopifyOrder)).toMatchObject({ currency: 'BRL', flags: ['currency_from_account'] });
	});

	it.each([
		['a fractional quantity', { lines: [{ sku: 'A', quantity: 1.5, price: '1.00' }] }, 'lineItems.nodes[0].quantity'],
		['an amount with three decimals', { total: '10.005' }, 'totalPriceSet.shopMoney.amount'],
	])('rejects %s naming the order and the field', (_what, spec, field) => {
		expect(() => normalize(spec as Partial<ShopifyOrderSpec>)).toThrow(OrderValidationError);
		try {
			normalize(spec as Partial<ShopifyOrderSpec>);
		} catch (e) {
			expect(e).toMatchObject({ orderRef: 'shopify:450789469', field });
		}
	});
});
