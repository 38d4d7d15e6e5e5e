import { createNuvemshopAdapter, NUVEMSHOP_PAYMENT_STATUS, NUVEMSHOP_SHIPPING_STATUS } from '../../core/channels/nuvemshop';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';
import { nuvemshopOrder } from '../simulators/nuvemshop';
import { expectInvalidOrder } from './helpers/channel-test';

const adapter = createNuvemshopAdapter({ transport: createFetchTransport(), baseUrl: 'https://api.nuvemshop.com.br/v1', account: '123456' });
const base = { id: 450789469, updatedAt: '2024-05-01T09:05:00-03:00', createdAt: '2024-05-01T08:00:00-03:00' };

const expectInvalid = (raw: unknown, field: string, orderRef = 'nuvemshop:450789469') => expectInvalidOrder(adapter, raw, orderRef, field);

describe('Nuvemshop normalize: the three statuses', () => {
	it.each([
		// status, payment_status, shipping_status → status, paymentStatus, fulfillmentStatus
		['open', 'pending', 'unpacked', 'pending_payment', 'pending', 'unfulfilled'],
		['open', 'authorized', 'unpacked', 'pending_payment', 'authorized', 'unfulfilled'],
		['open', 'paid', 'unpacked', 'paid', 'paid', 'unfulfilled'],
		['open', 'paid', 'unshipped', 'paid', 'paid', 'unfulfilled'],
		['open', 'paid', 'unfulfilled', 'paid', 'paid', 'unfulfilled'],
		['open', 'paid', 'shipped', 'shipped', 'paid', 'fulfilled'],
		['closed', 'paid', 'fulfilled', 'shipped', 'paid', 'fulfilled'],
		['closed', 'pending', 'shipped', 'shipped', 'pending', 'fulfilled'],
		['open', 'abandoned', 'unpacked', 'cancelled', 'failed', 'unfulfilled'],
		['open', 'voided', 'unpacked', 'cancelled', 'failed', 'unfulfilled'],
		['open', 'refunded', 'shipped', 'returned', 'refunded', 'fulfilled'],
		['cancelled', 'paid', 'unpacked', 'cancelled', 'paid', 'unfulfilled'],
		['cancelled', 'refunded', 'unpacked', 'cancelled', 'refunded', 'unfulfilled'],
		['cancelled', 'voided', 'shipped', 'cancelled', 'failed', 'fulfilled'],
	])('%s / %s / %s → %s, %s, %s', (status, paymentStatus, shippingStatus, canonical, payment, fulfillment) => {
		const order = adapter.normalize(nuvemshopOrder({ ...base, status, paymentStatus, shippingStatus }));
		expect(order).toMatchObject({ status: canonical, paymentStatus: payment, fulfillmentStatus: fulfillment });
		expect(order.channelStatusRaw).toBe(`${status}/${paymentStatus}/${shippingStatus}`);
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it('the tables cover every documented value', () => {
		expect(Object.keys(NUVEMSHOP_PAYMENT_STATUS).sort()).toEqual(['abandoned', 'authorized', 'paid', 'pending', 'refunded', 'voided']);
		expect(Object.keys(NUVEMSHOP_SHIPPING_STATUS).sort()).toEqual(['fulfilled', 'shipped', 'unfulfilled', 'unpacked', 'unshipped']);
	});

	it.each([
		['status', { status: 'archived' }],
		['payment_status', { paymentStatus: 'chargeback' }],
		['shipping_status', { shippingStatus: 'lost' }],
	])('an unknown %s imports the order with its units reserved, flagged status_unknown', (_field, spec) => {
		const order = adapter.normalize(nuvemshopOrder({ ...base, ...spec }));
		expect(order).toMatchObject({ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] });
		expect(order.channelStatusRaw).toContain(Object.values(spec)[0] as string);
	});
});

describe('Nuvemshop normalize: fields and money', () => {
	it('maps ids as strings, dates to UTC, customer, address, lines and tracking', () => {
		const order = adapter.normalize(nuvemshopOrder({ ...base, shippingStatus: 'shipped', trackingNumber: 'AA123456789BR' }));
		expect(order).toMatchObject({
			channel: 'nuvemshop',
			account: '123456',
			channelOrderId: '450789469',
			createdAt: '2024-05-01T11:00:00.000Z',
			updatedAt: '2024-05-01T12:05:00.000Z',
			customer: { name: 'Maria Souza', email: 'maria.souza@example.com', document: '84513427019' },
			shippingAddress: { street: 'Rua Augusta', number: '742', complement: 'apto 12', district: 'Consolação', postalCode: '01305-000', country: 'BR' },
			lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 1900, channelListingId: '1234', channelVariantId: '101' }],
			shipments: [{ carrier: 'Correios - PAC', trackingCode: 'AA123456789BR', shippedAt: '2024-05-01T12:05:00.000Z' }],
		});
		expect(order.totals).toEqual({ itemsCents: 3800, shippingCents: 2000, discountCents: 0, totalCents: 5800 });
	});

	it('converts decimal strings and numbers to cents exactly', () => {
		const order = adapter.normalize({
			...nuvemshopOrder({
				...base,
				products: [{ sku: 'A', quantity: 3, price: '0.10' }, { sku: 'B', quantity: 1, price: '9999999.99' }],
				subtotal: '10000000.29',
				discount: '0.20',
				shippingCost: '0.30',
				total: '10000000.39',
			}),
			shipping_cost_customer: 0.3,
		});
		expect(order.lines.map((l) => l.unitPriceCents)).toEqual([10, 999999999]);
		expect(order.totals).toEqual({ itemsCents: 1000000029, shippingCents: 30, discountCents: 20, totalCents: 1000000039 });
	});

	// Issue 7: a product without SKU no longer rejects the order (it was an error on products[1].sku).
	it('a product without SKU is imported unmapped, with its product, variant and line ids', () => {
		const order = adapter.normalize(
			nuvemshopOrder({ ...base, products: [{ sku: 'A', quantity: 1, price: '1.00' }, { sku: ' ', quantity: 1, price: '1.00', productId: 77, variantId: 88 }] }),
		);
		expect(order.lines[1]).toEqual({ unmapped: true, quantity: 1, unitPriceCents: 100, channelListingId: '77', channelVariantId: '88', channelLineId: '9001', title: 'Camiseta  ' });
		expect('sku' in order.lines[1]).toBe(false);
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('a non-numeric price, a zero quantity and an order without products name the order and field', () => {
		expectInvalid(nuvemshopOrder({ ...base, products: [{ sku: 'A', quantity: 1, price: 'grátis' }] }), 'products[0].price');
		expectInvalid(nuvemshopOrder({ ...base, products: [{ sku: 'A', quantity: 0, price: '1.00' }] }), 'products[0].quantity');
		expectInvalid({ ...nuvemshopOrder(base), products: [] }, 'products');
	});
});
