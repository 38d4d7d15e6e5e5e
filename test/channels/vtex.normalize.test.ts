import { createVtexAdapter, VTEX_STATUS_MAP } from '../../core/channels/vtex';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';
import { vtexOrder, type VtexOrderSpec } from '../simulators/vtex';
import { expectInvalidOrder } from './helpers/channel-test';

const adapter = createVtexAdapter({ transport: createFetchTransport(), baseUrl: 'https://luxstore.vtexcommercestable.com.br', account: 'luxstore' });
const base: VtexOrderSpec = { orderId: '1172452900788-01', status: 'handling', lastChange: '2024-02-06T20:46:11.7010747+00:00', creationDate: '2024-02-04T20:09:43.899958+00:00' };
const NFE_KEY = '35201100063960001504590006629690333214542150';

const expectInvalid = (raw: unknown, field: string, orderRef = 'vtex:1172452900788-01') => expectInvalidOrder(adapter, raw, orderRef, field);

const awaiting = ['pending_payment', 'pending', 'unfulfilled'];
const paid = ['paid', 'paid', 'unfulfilled'];
const invoiced = ['invoiced', 'paid', 'unfulfilled'];
const cancelled = ['cancelled', 'unknown', 'unfulfilled'];
const EXPECTED: Record<string, string[]> = {
	'order-created': awaiting, 'order-accepted': awaiting, 'on-order-completed': awaiting, 'on-order-completed-ffm': awaiting,
	'waiting-for-sellers-confirmation': awaiting, 'waiting-for-seller-decision': awaiting, 'payment-pending': awaiting,
	'waiting-for-order-authorization': awaiting, 'approve-payment': awaiting, 'waiting-for-authorization': awaiting,
	'waiting-for-manual-authorization': awaiting, 'waiting-for-mkt-authorization': awaiting, 'waiting-ffmt-authorization': awaiting,
	'payment-approved': paid, 'authorize-fulfillment': paid, 'window-to-cancel': paid, 'window-to-change-seller': paid,
	'waiting-seller-handling': paid, 'ready-for-handling': paid, 'start-handling': paid, handling: paid,
	invoice: invoiced, invoiced, 'invoice-after-cancellation-deny': invoiced,
	'request-cancel': cancelled, 'cancellation-requested': cancelled, cancel: cancelled, canceled: cancelled, replaced: cancelled,
	'order-create-error': ['cancelled', 'failed', 'unfulfilled'], 'order-creation-error': ['cancelled', 'failed', 'unfulfilled'],
};

describe('VTEX normalize: statuses', () => {
	it('the exported table has exactly the statuses tested here', () => {
		expect(Object.keys(VTEX_STATUS_MAP).sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(Object.entries(EXPECTED))('%s → %j', (status, [canonical, payment, fulfillment]) => {
		const order = adapter.normalize(vtexOrder({ ...base, status }));
		expect(order).toMatchObject({ status: canonical, paymentStatus: payment, fulfillmentStatus: fulfillment, channelStatusRaw: status });
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it.each([
		['an NF-e without tracking', [{ invoiceKey: `NFe${NFE_KEY}` }], 'invoiced', 'unfulfilled'],
		['one of two packages tracked', [{ trackingNumber: 'TRK-1' }, { invoiceNumber: '2' }], 'shipped', 'partial'],
		['all packages tracked', [{ trackingNumber: 'TRK-1' }], 'shipped', 'fulfilled'],
		['all packages delivered', [{ trackingNumber: 'TRK-1', delivered: true }], 'delivered', 'delivered'],
		['a return (Input) invoice', [{ trackingNumber: 'TRK-1', delivered: true }, { type: 'Input' as const }], 'returned', 'returned'],
	])('invoiced with %s → %s / %s', (_label, packages, status, fulfillmentStatus) => {
		const order = adapter.normalize(vtexOrder({ ...base, status: 'invoiced', packages }));
		expect(order).toMatchObject({ status, fulfillmentStatus, paymentStatus: 'paid' });
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it('an unknown status imports the order with its units reserved, flagged status_unknown', () => {
		const order = adapter.normalize(vtexOrder({ ...base, status: 'teleported' }));
		expect(order).toMatchObject({ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', channelStatusRaw: 'teleported', flags: ['status_unknown'] });
	});
});

describe('VTEX normalize: fields and money', () => {
	it('keeps integer cents as they are, discounts positive, dates in UTC', () => {
		const order = adapter.normalize(
			vtexOrder({
				...base,
				items: [{ refId: 'A-1', quantity: 3, price: 1999, skuId: '18', productId: '6' }, { refId: 'B-2', quantity: 1, price: 1, skuId: '19', productId: '7' }],
				shipping: 1590,
				discounts: 500,
			}),
		);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.channelVariantId, l.channelListingId])).toEqual([
			['A-1', 3, 1999, '18', '6'],
			['B-2', 1, 1, '19', '7'],
		]);
		expect(order.totals).toEqual({ itemsCents: 5998, shippingCents: 1590, discountCents: 500, totalCents: 7088 });
		expect(order).toMatchObject({
			channelOrderId: '1172452900788-01',
			account: 'luxstore',
			currency: 'BRL',
			createdAt: '2024-02-04T20:09:43.899Z',
			updatedAt: '2024-02-06T20:46:11.701Z',
			customer: { name: 'Rodrigo Smith', email: 'rodrigo.smith@email.com', document: '84513427019' },
			shippingAddress: { street: 'Avenida Lúcio Costa', number: '126', district: 'Barra da Tijuca', city: 'Rio de Janeiro', state: 'RJ', country: 'BRA' },
		});
	});

	it('reads the NF-e key without its model prefix, and tracking', () => {
		const order = adapter.normalize(vtexOrder({ ...base, status: 'invoiced', packages: [{ invoiceKey: `CFe${NFE_KEY}`, invoiceNumber: '24382', trackingNumber: 'TRK-48960684' }] }));
		expect(order.invoice).toEqual({ nfeKey: NFE_KEY, number: '24382', issuedAt: '2024-02-06T20:46:11.701Z' });
		expect(order.shipments).toEqual([{ carrier: 'PAC Correios', trackingCode: 'TRK-48960684', trackingUrl: 'https://tracking.example.com/TRK-48960684' }]);
	});

	it('an item without RefId is an unmapped line, not an error', () => {
		const order = adapter.normalize(vtexOrder({ ...base, items: [{ refId: 'A', quantity: 1, price: 100 }, { refId: null, quantity: 1, price: 100, skuId: '19', productId: '7' }] }));
		expect(order.lines.map((l) => [l.sku, l.unmapped, l.channelVariantId, l.channelListingId])).toEqual([['A', undefined, '18', '6'], [undefined, true, '19', '7']]);
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('the SKU field is configurable (VTEX sku id instead of RefId)', () => {
		const bySkuId = createVtexAdapter({ transport: createFetchTransport(), baseUrl: 'https://x', account: 'luxstore', options: { skuField: 'id' } });
		expect(bySkuId.normalize(vtexOrder({ ...base, items: [{ refId: null, quantity: 1, price: 100, skuId: '18' }] })).lines[0].sku).toBe('18');
	});

	it('a malformed order names the order and field', () => {
		expectInvalid(vtexOrder({ ...base, items: [{ refId: 'A', quantity: 1, price: 9.9 }] }), 'items[0].price');
		// Numeric strings are tolerated ("990"); a decimal where cents are expected is not.
		expectInvalid({ ...vtexOrder(base), totals: [{ id: 'Items', value: '9.90' }] }, 'totals[0].value');
		expectInvalid({ ...vtexOrder(base), lastChange: 'yesterday' }, 'lastChange');
	});

	it('a feed item is not an order: normalize asks for getDetails', () => {
		expectInvalid({ eventId: 'E1', handle: 'h', orderId: '1172452900788-01', state: 'handling', currentChange: '2024-02-06T20:46:11Z' }, 'items');
	});
});
