import { createMercadoLivreAdapter, ML_ORDER_STATUS_MAP, type MlOrder } from '../../core/channels/mercadolivre';
import type { HttpTransport } from '../../core/http/transport';
import { OrderValidationError } from '../../core/model/validate';
import { mlOrder, mlShipment } from '../simulators/mercadolivre';

const offline: HttpTransport = async () => {
	throw new Error('normalize must not call the API');
};
const adapter = createMercadoLivreAdapter({ transport: offline, baseUrl: '', account: '' });
const normalize = (o: Record<string, unknown>) => adapter.normalize(o as unknown as MlOrder);
const base = { id: 2000003508419013 % 1e12, lastUpdated: '2026-01-10T15:03:12.000Z', created: '2026-01-10T14:12:41.000Z' };

describe('Mercado Livre normalisation', () => {
	it.each([
		['confirmed', 'pending_payment', 'pending', 'unfulfilled'],
		['payment_required', 'pending_payment', 'pending', 'unfulfilled'],
		['payment_in_process', 'pending_payment', 'pending', 'unfulfilled'],
		['partially_paid', 'pending_payment', 'pending', 'unfulfilled'],
		['paid', 'paid', 'paid', 'unfulfilled'],
		['partially_refunded', 'paid', 'partially_refunded', 'unfulfilled'],
		['pending_cancel', 'cancelled', 'unknown', 'unknown'],
		['cancelled', 'cancelled', 'unknown', 'unknown'],
		['invalid', 'cancelled', 'failed', 'unknown'],
	])('order status %s → %s / payment %s / fulfilment %s', (status, canonical, payment, fulfilment) => {
		const order = normalize(mlOrder({ ...base, status, tags: [] }));
		expect(order).toMatchObject({ status: canonical, paymentStatus: payment, fulfillmentStatus: fulfilment, channelStatusRaw: status });
	});

	it('covers every documented order status', () => {
		expect(Object.keys(ML_ORDER_STATUS_MAP).sort()).toEqual(
			['cancelled', 'confirmed', 'invalid', 'paid', 'partially_paid', 'partially_refunded', 'payment_in_process', 'payment_required', 'pending_cancel'].sort(),
		);
	});

	it.each([
		['pending', null, 'paid', 'unfulfilled'],
		['handling', null, 'paid', 'unfulfilled'],
		['ready_to_ship', 'invoice_pending', 'paid', 'unfulfilled'],
		['ready_to_ship', 'ready_to_print', 'invoiced', 'unfulfilled'],
		['ready_to_ship', 'printed', 'invoiced', 'unfulfilled'],
		['shipped', 'in_hub', 'shipped', 'fulfilled'],
		['delivered', null, 'delivered', 'delivered'],
		['not_delivered', 'returned', 'returned', 'returned'],
		['not_delivered', 'returning_to_sender', 'shipped', 'unknown'],
		['not_verified', null, 'paid', 'unknown'],
		['cancelled', null, 'paid', 'unknown'],
	])('paid order, shipment %s/%s → %s / fulfilment %s', (status, substatus, canonical, fulfilment) => {
		const order = normalize({ ...mlOrder(base), shipment: mlShipment(1, status, substatus) });
		expect(order).toMatchObject({ status: canonical, paymentStatus: 'paid', fulfillmentStatus: fulfilment });
		expect(order.channelStatusRaw).toBe(`paid | ${[status, substatus].filter(Boolean).join('/')}`);
	});

	it('a cancelled order stays cancelled whatever its shipment says', () => {
		expect(normalize({ ...mlOrder({ ...base, status: 'cancelled' }), shipment: mlShipment(1, 'shipped') }).status).toBe('cancelled');
	});

	it('without a shipment, the delivered tag is the fulfilment hint', () => {
		expect(normalize(mlOrder({ ...base, tags: ['paid', 'delivered'] }))).toMatchObject({ status: 'delivered', fulfillmentStatus: 'delivered' });
	});

	it('converts money to exact cents (0.29 × 3, 19.9 freight, a coupon) and dates to UTC', () => {
		const order = normalize(
			mlOrder({ ...base, lines: [{ sku: 'A', quantity: 3, unitPrice: 0.29 }, { sku: 'B', quantity: 1, unitPrice: 87.9, variationId: 180 }], shippingCost: 19.9, couponAmount: 5.1 }),
		);
		expect(order.lines).toEqual([
			{ sku: 'A', channelListingId: 'MLB1234567890', title: 'Camiseta Básica Azul', quantity: 3, unitPriceCents: 29 },
			{ sku: 'B', channelListingId: 'MLB1234567891', channelVariantId: '180', title: 'Camiseta Básica Azul', quantity: 1, unitPriceCents: 8790 },
		]);
		expect(order.totals).toEqual({ itemsCents: 8877, shippingCents: 1990, discountCents: 510, totalCents: 10357 });
		expect(order).toMatchObject({ createdAt: '2026-01-10T14:12:41.000Z', updatedAt: '2026-01-10T15:03:12.000Z', currency: 'BRL', account: '987654321' });
	});

	it('counts freight only on approved payments, so a pack charges it once', () => {
		const [a, b] = [mlOrder({ ...base, id: 1, packId: 2000000000001 }), mlOrder({ ...base, id: 2, packId: 2000000000001, shippingCost: 0 })];
		expect(normalize(a).totals.shippingCents + normalize(b).totals.shippingCents).toBe(1990);
		expect(normalize(mlOrder({ ...base, paymentStatus: 'rejected', status: 'payment_required' })).totals.shippingCents).toBe(0);
	});

	it('reads the older shipment format (receiver_address) as well', () => {
		const s = mlShipment(1, 'handling') as { destination: { shipping_address: object; receiver_name: string } };
		const { destination, ...rest } = s;
		const order = normalize({ ...mlOrder(base), shipment: { ...rest, receiver_address: { ...destination.shipping_address, receiver_name: 'Maria Silva' } } });
		expect(order.shippingAddress).toEqual({
			name: 'Maria Silva', street: 'Avenida Paulista', number: '1000', complement: 'Apto 12', district: 'Bela Vista',
			city: 'São Paulo', state: 'SP', postalCode: '01310100', country: 'BR',
		});
	});

	it('imports a line without SELLER_SKU as unmapped, keeping its listing and variation ids', () => {
		const order = normalize(mlOrder({ ...base, lines: [{ sku: null, quantity: 2, unitPrice: 10, variationId: 180 }] }));
		expect(order.lines).toEqual([{ unmapped: true, channelListingId: 'MLB1234567890', channelVariantId: '180', title: 'Camiseta Básica Azul', quantity: 2, unitPriceCents: 1000 }]);
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('an unknown status imports the order with its units reserved, flagged status_unknown', () => {
		expect(normalize(mlOrder({ ...base, status: 'shipped' }))).toMatchObject({ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] });
	});

	it('without last_updated, the order is dated by date_closed', () => {
		expect(normalize({ ...mlOrder(base), last_updated: undefined }).updatedAt).toBe(base.created);
	});

	it.each([
		['a price with three decimals', mlOrder({ ...base, lines: [{ sku: 'A', quantity: 1, unitPrice: 10.005 }] }), 'order_items[0].unit_price'],
		['a fractional quantity', mlOrder({ ...base, lines: [{ sku: 'A', quantity: 1.5, unitPrice: 10 }] }), 'order_items[0].quantity'],
		['no lines', mlOrder({ ...base, lines: [] }), 'lines'],
		['no date at all', { ...mlOrder(base), last_updated: undefined, date_created: undefined, date_closed: undefined }, 'last_updated'],
	])('rejects %s naming the order and the field', (_what, raw, field) => {
		const error = (() => {
			try {
				normalize(raw);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(OrderValidationError);
		expect(error).toMatchObject({ orderRef: `mercadolivre:${base.id}`, field });
	});
});
