import { isRestShopifyOrder, normalizeShopifyOrder, shopifyOrderIdentity } from '../../core/channels/shopify/normalize';
import type { CanonicalOrder } from '../../core/model/order';
import { shopifyOrder, shopifyRestOrder, type ShopifyOrderSpec } from '../simulators/shopify';

/**
 * The REST / webhook order shape next to the GraphQL one. The published payloads are in
 * shopify.published.test.ts; here the simulator writes one order in both shapes, over the status and line
 * cases both APIs can express, and the REST reader's own edge cases are checked on small variations.
 */
const SHOP = 'bob-norman.myshopify.com';
const base: ShopifyOrderSpec = { id: 450789469, updatedAt: '2026-01-10T15:03:12Z' };
const bothShapes = (spec: Partial<ShopifyOrderSpec>) => {
	const full = { ...base, ...spec };
	const strip = (o: CanonicalOrder) => ({ ...o, channelStatusRaw: '' });
	return [strip(normalizeShopifyOrder(shopifyOrder(full), SHOP)), strip(normalizeShopifyOrder(shopifyRestOrder(full), SHOP))];
};
const rest = (patch: Record<string, unknown> = {}, spec: Partial<ShopifyOrderSpec> = {}) => ({ ...shopifyRestOrder({ ...base, ...spec }), ...patch });
const normalizeRest = (raw: unknown, currency?: string) => normalizeShopifyOrder(raw, SHOP, { currency });

describe('Shopify: one order, GraphQL node and REST/webhook order', () => {
	it.each([
		['PENDING', 'UNFULFILLED'],
		['AUTHORIZED', 'UNFULFILLED'],
		['AUTHORIZED', 'FULFILLED'],
		['AUTHORIZED', 'PARTIALLY_FULFILLED'],
		['PARTIALLY_PAID', 'UNFULFILLED'],
		['PAID', 'PARTIALLY_FULFILLED'],
		['PARTIALLY_REFUNDED', 'FULFILLED'],
		['REFUNDED', 'UNFULFILLED'],
		['REFUNDED', 'FULFILLED'],
		['VOIDED', 'UNFULFILLED'],
		['PAID', 'RESTOCKED'],
		[null, 'UNFULFILLED'],
	])('financial %s, fulfilment %s: the same canonical order', (financial, fulfillment) => {
		const [graphql, restOrder] = bothShapes({ financial, fulfillment });
		expect(restOrder).toEqual(graphql);
	});

	it('the same lines (current quantities, no SKU, removed lines), totals, customer, address and tracking', () => {
		const [graphql, restOrder] = bothShapes({
			financial: 'PAID',
			fulfillment: 'FULFILLED',
			lines: [
				{ sku: 'A', quantity: 3, current: 2, price: '129.95' },
				{ sku: null, quantity: 1, price: '10.00', title: 'Gift wrap' },
				{ sku: 'C', quantity: 2, current: 0, price: '5.00' },
			],
			shipping: '19.90',
			discounts: '12.99',
			total: '276.81',
			fulfillments: [{ displayStatus: 'DELIVERED', tracking: 'BR1' }, { displayStatus: 'DELIVERED', tracking: 'BR2' }],
		});
		expect(restOrder).toEqual(graphql);
		expect(restOrder).toMatchObject({
			status: 'delivered',
			totals: { itemsCents: 26990, shippingCents: 1990, discountCents: 1299, totalCents: 27681 },
			flags: ['unmapped_lines'],
			shipments: [{ carrier: 'Correios', trackingCode: 'BR1' }, { trackingCode: 'BR2' }],
		});
		expect(restOrder.lines.map((l) => [l.sku, l.quantity, l.channelLineId])).toEqual([
			['A', 2, '45078946900'],
			[undefined, 1, '45078946901'],
		]);
	});

	it('a cancelled order in both shapes', () => {
		const [graphql, restOrder] = bothShapes({ financial: 'REFUNDED', cancelledAt: '2026-01-10T15:00:00Z', lines: [{ sku: 'A', quantity: 1, current: 0, price: '1.00' }] });
		expect(restOrder).toEqual(graphql);
		expect(restOrder).toMatchObject({ status: 'cancelled', lines: [] });
	});

	it('tells the shapes apart and reads the identity of both', () => {
		expect(isRestShopifyOrder(rest())).toBe(true);
		expect(isRestShopifyOrder({ order: rest() })).toBe(true);
		expect(isRestShopifyOrder(shopifyOrder(base))).toBe(false);
		expect(shopifyOrderIdentity(rest())).toEqual({ channelOrderId: '450789469', updatedAt: '2026-01-10T15:03:12Z' });
		expect(shopifyOrderIdentity(shopifyOrder(base))).toEqual({ channelOrderId: '450789469', updatedAt: '2026-01-10T15:03:12Z' });
	});
});

describe('Shopify REST order reading', () => {
	it.each([
		['financial_status', { financial_status: 'settled' }],
		['fulfillment_status', { fulfillment_status: 'pending' }],
	])('an unknown %s imports the order with its units reserved, flagged status_unknown', (_field, patch) => {
		expect(normalizeRest(rest(patch))).toMatchObject({ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] });
	});

	it('reads numbers sent as strings and quantities sent as numeric strings', () => {
		const line = { ...(rest().line_items as Array<Record<string, unknown>>)[0], quantity: '2', current_quantity: '2.0', price: '129.95', price_set: undefined, product_id: '7000000' };
		const order = normalizeRest(rest({ line_items: [line], total_price: '269.90' }));
		expect(order.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 12995, channelListingId: '7000000' });
		expect(order.totals).toMatchObject({ itemsCents: 25990, totalCents: 26990 });
	});

	it('without currency reads the shop money code, then presentment_currency, then the account', () => {
		const fromBag = normalizeRest(rest({ currency: undefined }), 'ARS');
		expect([fromBag.currency, fromBag.flags]).toEqual(['BRL', undefined]);
		expect(normalizeRest(rest({ currency: undefined, total_price_set: undefined, presentment_currency: 'USD' })).currency).toBe('USD');
		const none = normalizeRest(rest({ currency: undefined, total_price_set: undefined, presentment_currency: undefined }), 'ARS');
		expect(none).toMatchObject({ currency: 'ARS', flags: ['currency_from_account'] });
		expect(normalizeRest(rest({ currency: null, total_price_set: null, presentment_currency: null })).currency).toBe('BRL');
	});

	it('a date without offset is read as UTC and flagged', () => {
		const order = normalizeRest(rest({ created_at: '2026-01-10 12:00:00' }));
		expect(order).toMatchObject({ createdAt: '2026-01-10T12:00:00.000Z', flags: ['time_zone_assumed'] });
		expect(normalizeRest(rest({ updated_at: '2026-01-10T12:00:00-03:00' })).updatedAt).toBe('2026-01-10T15:00:00.000Z');
	});

	it('totals fall back to the original ones, then to shipping lines and discount codes', () => {
		const order = normalizeRest(
			rest({
				total_shipping_price_set: undefined,
				shipping_lines: [{ price: '12.00' }, { price: '5.00', is_removed: true }],
				total_discounts: undefined,
				discount_codes: [{ code: 'TENOFF', amount: '10.00' }],
				current_total_price: undefined,
				total_price: '201.00',
			}),
		);
		expect(order.totals).toEqual({ itemsCents: 19900, shippingCents: 1200, discountCents: 1000, totalCents: 20100 });
	});

	it('a digital or POS order without customer and shipping address', () => {
		const order = normalizeRest(rest({ customer: null, shipping_address: null, email: '', contact_email: null }));
		expect(order.customer).toEqual({ name: '' });
		expect(order.shippingAddress).toBeUndefined();
	});

	it.each([
		['a negative price', { line_items: [{ id: 1, sku: 'A', quantity: 1, current_quantity: 1, price: '-1.00' }] }, 'line_items[0].price'],
		['a missing total', { total_price: undefined, total_price_set: undefined }, 'total_price'],
		['a missing updated_at', { updated_at: undefined }, 'updated_at'],
		['no id at all', { id: undefined, admin_graphql_api_id: undefined }, 'id'],
	])('rejects %s naming the order and the field', (_what, patch, field) => {
		expect(() => normalizeRest(rest(patch))).toThrow(expect.objectContaining({ field }));
	});
});
