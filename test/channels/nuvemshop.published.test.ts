import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeNuvemshopOrder } from '../../core/channels/nuvemshop/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Nuvemshop / Tiendanube orders exactly as the platform publishes them in its API docs,
 * TiendaNube/api-docs@4058823422f89f94e0b68660a43b13ec65457cec:
 * - order-get-orders.json: resources/order.md, "GET /orders" response (one order; "+0000" offsets,
 *   quantity "1" as a string, discount_coupon / discount_gateway / promotional_discount).
 * - order-get-order-450789469.json: resources/order.md, "GET /orders/450789469" response (older shape: no sku,
 *   no total but `price`, "-05:00" offsets).
 * - draft-order-confirm.json: resources/draft_order.md, "POST /draft_orders/39138283/confirm" response, documented
 *   to "return an Order" (sku null, shipping_address "", no status fields).
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/nuvemshop', name), 'utf8'));
const [listed] = load('order-get-orders.json') as Json[];
const single = load('order-get-order-450789469.json') as Json;
const confirmed = load('draft-order-confirm.json') as Json;
const normalize = (raw: unknown, options?: Record<string, string>) => normalizeNuvemshopOrder(raw, '271146', options);
/** A published order with some fields replaced (a deep copy: the fixture stays as published). */
const edit = (raw: Json, change: (o: Json) => void): Json => {
	const copy = structuredClone(raw);
	change(copy);
	return copy;
};
const addsUp = ({ itemsCents, shippingCents, discountCents, totalCents }: { itemsCents: number; shippingCents: number; discountCents: number; totalCents: number }) =>
	itemsCents + shippingCents - discountCents === totalCents;

describe('Nuvemshop published payloads (resources/order.md, draft_order.md)', () => {
	it('GET /orders: "+0000" dates, quantity "1", a SKU, shipping and totals', () => {
		const order = normalize(listed);
		expect(order).toMatchObject({
			channel: 'nuvemshop',
			channelOrderId: '450789469',
			createdAt: '2022-02-23T12:25:18.000Z',
			updatedAt: '2022-02-23T19:58:44.000Z',
			status: 'paid',
			paymentStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			channelStatusRaw: 'open/paid/unshipped',
			currency: 'USD',
			customer: { name: 'John Doe', email: 'john.doe@example.com', phone: '+5491126653230', document: '41913703' },
			shippingAddress: { name: 'John Doe', street: 'Evergreen Terrace', number: '742', city: 'Springfield', state: 'Oregon', postalCode: '97475', country: 'US' },
		});
		expect(order.lines).toEqual([
			{ sku: '12331471', quantity: 1, unitPriceCents: 519000, channelListingId: '58208779', channelVariantId: '169164456', channelLineId: '972900182', title: 'Pokeball' },
		]);
		expect(order.totals).toEqual({ itemsCents: 519000, shippingCents: 47000, discountCents: 0, totalCents: 566000 });
		expect(addsUp(order.totals)).toBe(true);
		// shipped_at is set but the order is "unshipped": no shipment.
		expect(order.shipments).toEqual([]);
		expect(order.flags).toBeUndefined();
	});

	it('GET /orders/{id}: a product without sku is unmapped; the total comes from `price`', () => {
		const order = normalize(single);
		expect(order).toMatchObject({
			channelOrderId: '450789469',
			createdAt: '2008-01-10T16:00:00.000Z',
			updatedAt: '2008-01-10T16:00:00.000Z',
			status: 'pending_payment',
			paymentStatus: 'pending',
			currency: 'USD',
			customer: { name: 'John Doe', email: 'john.doe@example.com', phone: '555-123-0413' },
			flags: ['unmapped_lines'],
		});
		expect(order.lines).toEqual([{ unmapped: true, quantity: 2, unitPriceCents: 1900, channelListingId: '1234', channelVariantId: '101' }]);
		expect(order.totals).toEqual({ itemsCents: 3800, shippingCents: 2000, discountCents: 0, totalCents: 5800 });
	});

	it('a confirmed draft order: sku null, an empty shipping address, no status fields', () => {
		const order = normalize(confirmed);
		expect(order).toMatchObject({
			channelOrderId: '39138283',
			createdAt: '2020-11-28T02:45:31.000Z',
			updatedAt: '2020-11-28T02:49:11.000Z',
			// No status sent: stock is reserved (pending_payment), nothing is claimed about payment or shipping.
			status: 'pending_payment',
			paymentStatus: 'unknown',
			fulfillmentStatus: 'unknown',
			channelStatusRaw: '(none)/(none)/(none)',
			currency: 'ARS',
			customer: { name: 'Pedro Alfonso', email: 'pedro.alfonso@gmail.com', phone: '2930495', document: '37894333' },
			flags: ['unmapped_lines'],
		});
		expect(order.shippingAddress).toBeUndefined();
		expect(order.lines).toEqual([
			{ unmapped: true, quantity: 1, unitPriceCents: 71200, channelListingId: '17310749', channelVariantId: '33739143', channelLineId: '32720575', title: 'Oleo Esencial Barba' },
		]);
		expect(order.totals).toEqual({ itemsCents: 71200, shippingCents: 0, discountCents: 0, totalCents: 71200 });
	});
});

// Variants of the published GET /orders order: the docs publish no order with discounts or missing fields.
describe('Nuvemshop normalize: discounts and empty fields on the published order', () => {
	it('a coupon: discountCents is what the buyer was discounted, and the totals add up', () => {
		const raw = edit(listed, (o) => Object.assign(o, { coupon: [{ code: 'SUPERDISCOUNT' }], discount: '519.00', discount_coupon: '519.00', total: '5141.00' }));
		const order = normalize(raw);
		expect(order.totals).toEqual({ itemsCents: 519000, shippingCents: 47000, discountCents: 51900, totalCents: 514100 });
		expect(order.lines[0].unitPriceCents).toBe(519000);
	});

	it('a payment-method discount and a promotion together count once each', () => {
		const raw = edit(listed, (o) => {
			Object.assign(o, { discount: '150.00', discount_gateway: '50.00', total: '5510.00' });
			o.promotional_discount.total_discount_amount = '100.00';
		});
		const order = normalize(raw);
		expect(order.totals).toMatchObject({ discountCents: 15000, totalCents: 551000 });
		expect(addsUp(order.totals)).toBe(true);
	});

	it('without a total, the total is computed from the named reductions', () => {
		const raw = edit(listed, (o) => {
			delete o.total;
			o.discount_coupon = '10.00';
		});
		expect(normalize(raw).totals).toEqual({ itemsCents: 519000, shippingCents: 47000, discountCents: 1000, totalCents: 565000 });
	});

	it('prices like "4.00000" and quantities as strings are exact', () => {
		const raw = edit(listed, (o) => {
			Object.assign(o.products[0], { price: '4.00000', quantity: '3' });
			Object.assign(o, { subtotal: '12.00000', shipping_cost_customer: '0.00000', total: '12.00000' });
		});
		const order = normalize(raw);
		expect(order.lines[0]).toMatchObject({ quantity: 3, unitPriceCents: 400 });
		expect(order.totals).toEqual({ itemsCents: 1200, shippingCents: 0, discountCents: 0, totalCents: 1200 });
	});

	it('customer null: the contact_* fields; shipping_address null: no address', () => {
		const order = normalize(edit(confirmed, (o) => Object.assign(o, { customer: null, shipping_address: null })));
		expect(order.customer).toEqual({ name: 'Pedro Alfonso', email: 'pedro.alfonso@gmail.com', phone: '2930495', document: '37894333' });
		expect(order.shippingAddress).toBeUndefined();
		expect(normalize(edit(listed, (o) => (o.customer = null))).customer).toEqual({ name: 'John Doe', phone: '555-123-0413' });
	});

	it('a flat draft-style address (street in shipping_address, the rest in shipping_*) is read', () => {
		const raw = edit(confirmed, (o) => Object.assign(o, { shipping_address: 'Av. Corrientes', shipping_number: '1234', shipping_city: 'CABA', shipping_zipcode: '1043' }));
		expect(normalize(raw).shippingAddress).toEqual({ name: 'Pedro', street: 'Av. Corrientes', number: '1234', city: 'CABA', postalCode: '1043', country: 'AR' });
	});

	it('a date without offset is read as UTC and flagged; no currency uses the account option, flagged', () => {
		const order = normalize(edit(listed, (o) => (o.updated_at = '2022-02-23 19:58:44')));
		expect(order).toMatchObject({ updatedAt: '2022-02-23T19:58:44.000Z', flags: ['time_zone_assumed'] });
		const noCurrency = edit(listed, (o) => delete o.currency);
		expect(normalize(noCurrency)).toMatchObject({ currency: 'BRL', flags: ['currency_from_account'] });
		expect(normalize(noCurrency, { currency: 'ARS' }).currency).toBe('ARS');
	});

	it('a shipped order with shipped_at and tracking has one shipment', () => {
		const raw = edit(listed, (o) => Object.assign(o, { shipping_status: 'fulfilled', shipping_tracking_number: 'AA123456789BR' }));
		expect(normalize(raw).shipments).toEqual([{ carrier: 'Synthetics', trackingCode: 'AA123456789BR', shippedAt: '2022-02-23T19:58:30.000Z' }]);
	});

	it('only an order without id or without products is rejected', () => {
		const reject = (raw: Json, field: string) => expect(() => normalize(raw)).toThrow(expect.objectContaining({ field, name: 'OrderValidationError' }));
		reject(edit(listed, (o) => delete o.id), 'id');
		reject(edit(listed, (o) => (o.products = [])), 'products');
		expect(() => normalize(edit(listed, (o) => (o.products = [])))).toThrow(OrderValidationError);
	});
});
