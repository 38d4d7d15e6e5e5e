import { createWooCommerceAdapter, WOOCOMMERCE_STATUS_MAP } from '../../core/channels/woocommerce';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';
import { wooOrder } from '../simulators/woocommerce';
import { expectInvalidOrder } from './helpers/channel-test';

const adapter = createWooCommerceAdapter({ transport: createFetchTransport(), baseUrl: 'https://shop.example.com', account: 'shop.example.com' });
const base = { id: 727, modifiedGmt: '2024-03-22T19:28:08', createdGmt: '2024-03-22T19:28:02' };

const expectInvalid = (raw: unknown, orderRef: string, field: string) => expectInvalidOrder(adapter, raw, orderRef, field);

describe('WooCommerce normalize: statuses', () => {
	it.each([
		['pending', 'pending_payment', 'pending', 'unfulfilled'],
		['on-hold', 'pending_payment', 'pending', 'unfulfilled'],
		['checkout-draft', 'pending_payment', 'pending', 'unfulfilled'],
		['processing', 'paid', 'paid', 'unfulfilled'],
		['completed', 'shipped', 'paid', 'fulfilled'],
		['cancelled', 'cancelled', 'unknown', 'unfulfilled'],
		['failed', 'cancelled', 'failed', 'unfulfilled'],
		['refunded', 'returned', 'refunded', 'unknown'],
		['trash', 'cancelled', 'unknown', 'unknown'],
	])('%s → %s / %s / %s', (raw, status, paymentStatus, fulfillmentStatus) => {
		const order = adapter.normalize(wooOrder({ ...base, status: raw }));
		expect(order).toMatchObject({ status, paymentStatus, fulfillmentStatus, channelStatusRaw: raw });
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it('covers every status of the exported table', () => {
		expect(Object.keys(WOOCOMMERCE_STATUS_MAP).sort()).toEqual(
			['cancelled', 'checkout-draft', 'completed', 'failed', 'on-hold', 'pending', 'processing', 'refunded', 'trash'],
		);
	});

	it('a plugin status imports the order with its units reserved, flagged status_unknown (never a silent guess)', () => {
		expect(adapter.normalize(wooOrder({ ...base, status: 'wc-faturado' }))).toMatchObject({ ...{ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] }, channelStatusRaw: 'wc-faturado' });
	});
});

describe('WooCommerce normalize: fields, money and quantities', () => {
	it('maps ids, GMT dates, customer, address and lines', () => {
		const order = adapter.normalize(wooOrder(base));
		expect(order).toMatchObject({
			channel: 'woocommerce',
			account: 'shop.example.com',
			channelOrderId: '727',
			createdAt: '2024-03-22T19:28:02.000Z',
			updatedAt: '2024-03-22T19:28:08.000Z',
			currency: 'BRL',
			customer: { name: 'João Silva', email: 'joao.silva@example.com', document: '84513427019' },
			shippingAddress: { street: 'Av. Brasil, 432', city: 'Rio de Janeiro', state: 'RJ', postalCode: '12345-000', country: 'BR' },
			lines: [{ sku: 'Bar3', quantity: 1, unitPriceCents: 1200, channelListingId: '22', channelVariantId: '23', title: 'Ship Your Idea' }],
		});
	});

	it('converts decimal strings to cents exactly (no float error)', () => {
		const order = adapter.normalize(
			wooOrder({
				...base,
				lines: [
					{ sku: 'A', quantity: 3, subtotal: '0.30' },
					{ sku: 'B', quantity: 7, subtotal: '139.93' },
					{ sku: 'C', quantity: 1, subtotal: '1234567.89' },
				],
				shippingTotal: '0.10',
				discountTotal: '0.20',
				total: '1234708.02',
			}),
		);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([
			['A', 3, 10],
			['B', 7, 1999],
			['C', 1, 123456789],
		]);
		expect(order.totals).toEqual({ itemsCents: 123470812, shippingCents: 10, discountCents: 20, totalCents: 123470802 });
	});

	it('rounds a subtotal that does not split into cents half-up, keeping the exact line total in itemsCents', () => {
		const order = adapter.normalize(wooOrder({ ...base, lines: [{ sku: 'A', quantity: 3, subtotal: '10.00' }], total: '20.00' }));
		expect(order.lines[0].unitPriceCents).toBe(333);
		expect(order.totals.itemsCents).toBe(1000);
	});

	it('leaves channelVariantId out for simple products (variation_id 0)', () => {
		const order = adapter.normalize(wooOrder({ ...base, lines: [{ sku: 'A', quantity: 1, subtotal: '1.00', variationId: 0 }] }));
		expect(order.lines[0].channelVariantId).toBeUndefined();
	});
});

describe('WooCommerce normalize: malformed orders', () => {
	// Issue 7: a product without SKU is common in Woo; the order is imported, the line unmapped (was rejected).
	it('a line without SKU is imported unmapped, with its product and line ids', () => {
		const raw = wooOrder({ ...base, lines: [{ sku: 'A', quantity: 1, subtotal: '1.00' }, { sku: '', quantity: 2, subtotal: '3.00', productId: 55 }] });
		const order = adapter.normalize(raw);
		expect(order.lines[1]).toEqual({ unmapped: true, quantity: 2, unitPriceCents: 150, channelListingId: '55', channelLineId: '301' });
		expect('sku' in order.lines[1]).toBe(false);
		expect(order.lines[0]).toMatchObject({ sku: 'A', channelLineId: '300' });
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it.each([
		['a non-numeric amount', 'abc'],
		['more than two decimals', '1.234'],
		['a negative amount', '-1.00'],
	])('%s is rejected with the field', (_label, subtotal) => {
		expectInvalid(wooOrder({ ...base, lines: [{ sku: 'A', quantity: 1, subtotal }] }), 'woocommerce:727', 'line_items[0].subtotal');
	});

	it('a fractional quantity is rejected', () => {
		expectInvalid(wooOrder({ ...base, lines: [{ sku: 'A', quantity: 1.5, subtotal: '1.00' }] }), 'woocommerce:727', 'line_items[0].quantity');
	});

	it('a broken total is named', () => {
		expectInvalid({ ...wooOrder(base), total: '29,35' }, 'woocommerce:727', 'total');
	});

	// Issue 7: a missing *_gmt date no longer rejects the order: the local date is read in the site's zone
	// (the simulator's site runs at UTC-3, as America/Sao_Paulo does) and flagged.
	it('without date_modified_gmt the local date_modified is used and flagged', () => {
		const order = adapter.normalize({ ...wooOrder(base), date_modified_gmt: null });
		expect(order.updatedAt).toBe('2024-03-22T19:28:08.000Z');
		expect(order.flags).toEqual(['time_zone_assumed']);
	});

	it('an order without id or not an object still fails as a validation error', () => {
		expectInvalid({ ...wooOrder(base), id: undefined }, 'woocommerce:(no id)', 'id');
		expectInvalid('nope', 'woocommerce:(no id)', '(order)');
	});
});
