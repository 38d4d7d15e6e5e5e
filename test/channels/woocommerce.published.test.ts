import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeWooOrder } from '../../core/channels/woocommerce/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * WooCommerce orders exactly as WooCommerce publishes them in its REST API docs:
 * - wp-api-v3-list-orders.json: woocommerce/woocommerce-rest-api-docs@13d61967911cb312a27be2dc57b12d5949f40016
 *   :source/includes/wp-api-v3/_orders.md, "List all orders" JSON response example (orders 727 and 723).
 * - wp-api-v1-create-order.json: same repository and commit, source/includes/wp-api-v1/_orders.md, "Create an
 *   order" JSON response example (order 154; wc/v1 has local dates only, no *_gmt).
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/woocommerce', name), 'utf8'));
const [order727, order723] = load('wp-api-v3-list-orders.json') as Json[];
const order154 = load('wp-api-v1-create-order.json') as Json;
const normalize = (raw: unknown, options?: Record<string, string>) => normalizeWooOrder(raw, 'example.com', options);
/** A published order with some fields replaced (a deep copy: the fixture stays as published). */
const edit = (raw: Json, change: (o: Json) => void): Json => {
	const copy = structuredClone(raw);
	change(copy);
	return copy;
};
/** Woo's own arithmetic (see normalize.ts): total = items + shipping − discount + tax + surcharges. */
const cents = (v: string) => Math.round(Number(v) * 100);

describe('WooCommerce published payloads (REST API docs, wp-api-v3 "List all orders")', () => {
	it('order 727: a line without SKU is imported unmapped next to a variation with SKU; tax is in the total', () => {
		const order = normalize(order727);
		expect(order).toMatchObject({
			channel: 'woocommerce',
			channelOrderId: '727',
			createdAt: '2017-03-22T19:28:02.000Z',
			updatedAt: '2017-03-22T19:28:08.000Z',
			status: 'paid',
			paymentStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			channelStatusRaw: 'processing',
			currency: 'USD',
			customer: { name: 'John Doe', email: 'john.doe@example.com', phone: '(555) 555-5555' },
			shippingAddress: { name: 'John Doe', street: '969 Market', city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'US' },
			flags: ['unmapped_lines'],
		});
		expect(order.lines).toEqual([
			{ unmapped: true, quantity: 2, unitPriceCents: 300, channelListingId: '93', channelLineId: '315', title: 'Woo Single #1' },
			{
				sku: 'Bar3', quantity: 1, unitPriceCents: 1200, channelListingId: '22', channelVariantId: '23', channelLineId: '316',
				title: 'Ship Your Idea &ndash; Color: Black, Size: M Test',
			},
		]);
		expect(order.totals).toEqual({ itemsCents: 1800, shippingCents: 1000, discountCents: 0, totalCents: 2935 });
		const { itemsCents, shippingCents, discountCents, totalCents } = order.totals;
		expect(itemsCents + shippingCents - discountCents + cents(order727.total_tax)).toBe(totalCents);
	});

	it('order 723: every line without SKU; refunds leave the total as Woo reports it', () => {
		const order = normalize(order723);
		expect(order).toMatchObject({
			channelOrderId: '723',
			createdAt: '2017-03-21T19:16:00.000Z',
			updatedAt: '2017-03-21T19:54:51.000Z',
			status: 'shipped',
			fulfillmentStatus: 'fulfilled',
			currency: 'USD',
			customer: { name: 'João Silva', email: 'joao.silva@example.com' },
			shippingAddress: { street: 'Av. Brasil, 432', city: 'Rio de Janeiro', state: 'RJ', postalCode: '12345-000', country: 'BR' },
		});
		expect(order.lines.map((l) => [l.sku, l.unmapped, l.channelListingId, l.channelLineId, l.quantity, l.unitPriceCents])).toEqual([
			[undefined, true, '87', '311', 1, 900],
			[undefined, true, '34', '313', 1, 2000],
		]);
		expect(order.totals).toEqual({ itemsCents: 2900, shippingCents: 1000, discountCents: 0, totalCents: 3900 });
	});
});

describe('WooCommerce published payloads (wp-api-v1 "Create an order": local dates only)', () => {
	it('reads the local dates in the timeZone option (default America/Sao_Paulo) and flags them', () => {
		const order = normalize(order154);
		expect(order).toMatchObject({ channelOrderId: '154', currency: 'USD', createdAt: '2016-05-31T01:35:16.000Z', updatedAt: '2016-05-31T01:35:16.000Z' });
		expect(order.flags).toEqual(['unmapped_lines', 'time_zone_assumed']);
		expect(normalize(order154, { timeZone: 'America/Los_Angeles' }).createdAt).toBe('2016-05-31T05:35:16.000Z');
		expect(order.lines.map((l) => [l.channelListingId, l.channelVariantId, l.quantity, l.unitPriceCents])).toEqual([
			['93', undefined, 2, 300],
			['22', '23', 1, 2000],
		]);
		expect(order.totals).toEqual({ itemsCents: 2600, shippingCents: 1000, discountCents: 0, totalCents: 3795 });
		expect(2600 + 1000 - 0 + cents(order154.total_tax)).toBe(3795);
	});

	it('a time zone option that is not an IANA zone is a configuration error, not an order error', () => {
		expect(() => normalize(order154, { timeZone: 'Brasília' })).toThrow(/timeZone/);
		expect(() => normalize(order154, { timeZone: 'Brasília' })).not.toThrow(OrderValidationError);
	});
});

// Variants of the published order 723 (the docs publish no order with coupons, fees or missing fields).
describe('WooCommerce normalize: discounts, fees and empty fields on the published order', () => {
	it('coupons and negative fees are discounts; a positive fee stays in the total only', () => {
		const raw = edit(order723, (o) => {
			o.coupon_lines = [{ id: 1, code: '10off', discount: '2.90', discount_tax: '0.00', meta_data: [] }];
			o.discount_total = '2.90';
			o.fee_lines = [
				{ id: 2, name: 'Desconto PIX', tax_class: '', tax_status: 'none', total: '-1.81', total_tax: '0.00', taxes: [], meta_data: [] },
				{ id: 3, name: 'Embalagem para presente', tax_class: '', tax_status: 'none', total: '5.00', total_tax: '0.00', taxes: [], meta_data: [] },
			];
			o.total = '39.29'; // 29.00 − 2.90 + 10.00 − 1.81 + 5.00, as Woo computes it
		});
		const order = normalize(raw);
		expect(order.totals).toEqual({ itemsCents: 2900, shippingCents: 1000, discountCents: 471, totalCents: 3929 });
		expect(order.totals.itemsCents + order.totals.shippingCents - order.totals.discountCents + 500).toBe(order.totals.totalCents);
		// unitPriceCents is before discounts: the coupon does not lower it.
		expect(order.lines.map((l) => l.unitPriceCents)).toEqual([900, 2000]);
	});

	it('a float price that is not whole cents is not read; the subtotal gives the unit price', () => {
		const raw = edit(order727, (o) => Object.assign(o.line_items[0], { quantity: 3, subtotal: '10.00', total: '10.00', price: 10 / 3 }));
		expect(normalize(raw).lines[0]).toMatchObject({ quantity: 3, unitPriceCents: 333 });
	});

	it('a deleted product (sku null, product_id 0) keeps its line id', () => {
		const raw = edit(order727, (o) => Object.assign(o.line_items[1], { sku: null, product_id: 0, variation_id: 0 }));
		expect(normalize(raw).lines[1]).toEqual({
			unmapped: true, quantity: 1, unitPriceCents: 1200, channelLineId: '316', title: 'Ship Your Idea &ndash; Color: Black, Size: M Test',
		});
	});

	it('no currency: the account currency option (default BRL), flagged', () => {
		const raw = edit(order727, (o) => delete o.currency);
		expect(normalize(raw)).toMatchObject({ currency: 'BRL', flags: ['unmapped_lines', 'currency_from_account'] });
		expect(normalize(raw, { currency: 'ARS' }).currency).toBe('ARS');
	});

	it('an empty shipping block, an empty phone and no modification date are imported', () => {
		const raw = edit(order727, (o) => {
			for (const k of Object.keys(o.shipping)) o.shipping[k] = '';
			o.billing.phone = '';
			o.date_modified = null;
			o.date_modified_gmt = null;
		});
		const order = normalize(raw);
		expect(order.shippingAddress).toBeUndefined();
		expect(order.customer).toEqual({ name: 'John Doe', email: 'john.doe@example.com' });
		expect(order.updatedAt).toBe(order.createdAt);
	});

	it('only an order without id or without lines is rejected', () => {
		const reject = (raw: Json, field: string) => {
			expect(() => normalize(raw)).toThrow(OrderValidationError);
			expect(() => normalize(raw)).toThrow(expect.objectContaining({ field }));
		};
		reject(edit(order727, (o) => delete o.id), 'id');
		reject(edit(order727, (o) => (o.line_items = [])), 'line_items');
	});
});
