import { createMagaluAdapter, MAGALU_DELIVERY_STATUS_MAP, MAGALU_ORDER_STATUS_MAP } from '../../core/channels/magalu';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';
import { magaluOrder, type MagaluDeliverySpec, type MagaluOrderSpec } from '../simulators/magalu';
import { expectInvalidOrder } from './helpers/channel-test';

const adapter = createMagaluAdapter({ transport: createFetchTransport(), baseUrl: 'https://api.magalu.com', account: 'loja-do-edu' });
const base: MagaluOrderSpec = { id: 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee', updatedAt: '2024-07-04T19:30:28.993Z' };
const ref = 'magalu:c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee';
const item = { sku: 'livro_01', quantity: 1, unitPrice: 10000 };
const deliveries = (...statuses: string[]): MagaluDeliverySpec[] => statuses.map((status) => ({ status, items: [item] }));

const expectInvalid = (raw: unknown, orderRef: string, field: string) => expectInvalidOrder(adapter, raw, orderRef, field);

describe('Magalu normalize: statuses', () => {
	it.each([
		['new', ['new'], 'pending_payment', 'pending', 'unfulfilled'],
		['approved', ['approved'], 'paid', 'paid', 'unfulfilled'],
		['approved', ['new'], 'paid', 'paid', 'unfulfilled'],
		['approved', ['frozen'], 'paid', 'paid', 'unfulfilled'],
		['approved', ['invoiced'], 'invoiced', 'paid', 'unfulfilled'],
		['approved', ['shipped'], 'shipped', 'paid', 'fulfilled'],
		['approved', ['delivered'], 'delivered', 'paid', 'delivered'],
		['approved', ['invoiced', 'shipped'], 'invoiced', 'paid', 'partial'],
		['approved', ['delivered', 'shipped'], 'shipped', 'paid', 'fulfilled'],
		['finished', ['delivered', 'cancelled'], 'delivered', 'paid', 'delivered'],
		['finished', ['cancelled', 'cancelled'], 'cancelled', 'unknown', 'unfulfilled'],
		['cancelled', ['cancelled'], 'cancelled', 'unknown', 'unfulfilled'],
	])('order %s, deliveries %j → %s / %s / %s', (status, ds, canonical, paymentStatus, fulfillmentStatus) => {
		const order = adapter.normalize(magaluOrder({ ...base, status, deliveries: deliveries(...ds) }));
		expect(order).toMatchObject({ status: canonical, paymentStatus, fulfillmentStatus, channelStatusRaw: `${status}; deliveries: ${ds.join(', ')}` });
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it('covers the documented order and delivery statuses', () => {
		expect(Object.keys(MAGALU_ORDER_STATUS_MAP).sort()).toEqual(['approved', 'cancelled', 'finished', 'new']);
		expect(Object.keys(MAGALU_DELIVERY_STATUS_MAP).sort()).toEqual(['approved', 'cancelled', 'delivered', 'frozen', 'invoiced', 'new', 'shipped']);
	});
});

describe('Magalu normalize: money, lines and the rest', () => {
	it('maps the documented example order', () => {
		const order = adapter.normalize(magaluOrder({ ...base, freight: 1590, discount: 500 }));
		expect(order).toMatchObject({
			channel: 'magalu',
			account: 'loja-do-edu',
			channelOrderId: base.id,
			createdAt: '2024-07-04T19:30:28.993Z',
			updatedAt: '2024-07-04T19:30:28.993Z',
			currency: 'BRL',
			totals: { itemsCents: 10000, shippingCents: 1590, discountCents: 500, totalCents: 11090 },
			lines: [{ sku: 'livro_01', quantity: 1, unitPriceCents: 10000, title: 'Produto livro_01', channelListingId: 'prod-livro_01' }],
			customer: { name: 'Fulano de Tal', email: 'user@mail.com', document: '12312312311', phone: '5511991232233' },
			shippingAddress: { street: 'Rua Voluntários da Franca', number: '1465', city: 'Franca', state: 'SP', postalCode: '14400000', country: 'BR' },
			shipments: [],
		});
	});

	it('sums lines over deliveries and leaves out cancelled deliveries of a live order', () => {
		const order = adapter.normalize(
			magaluOrder({
				...base,
				deliveries: [
					{ status: 'approved', items: [{ sku: 'A', quantity: 3, unitPrice: 2599 }, { sku: 'B', quantity: 1, unitPrice: 10 }] },
					{ status: 'cancelled', items: [{ sku: 'C', quantity: 1, unitPrice: 5000 }] },
				],
			}),
		);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['A', 3, 2599], ['B', 1, 10]]);
		expect(order.totals.itemsCents).toBe(3 * 2599 + 10);
	});

	it('converts amounts with a normalizer other than 100 exactly', () => {
		expect(adapter.normalize(magaluOrder({ ...base, total: 123450, normalizer: 1000 })).totals.totalCents).toBe(12345);
		expectInvalid(magaluOrder({ ...base, total: 123455, normalizer: 1000 }), ref, 'amounts.total');
	});

	it('reads shipments and a valid NF-e key from the deliveries', () => {
		const key = '35240714200166000187550010000000071123456786';
		const order = adapter.normalize(
			magaluOrder({ ...base, deliveries: [{ status: 'shipped', items: [item], tracking: { code: 'MG123', url: 'https://t.example/MG123' }, invoiceKey: key }] }),
		);
		expect(order.shipments).toEqual([{ carrier: 'Magalog', trackingCode: 'MG123', trackingUrl: 'https://t.example/MG123', shippedAt: '2024-07-05T10:00:00.000Z' }]);
		expect(order.invoice).toEqual({ nfeKey: key, issuedAt: '2024-07-04T20:00:00.000Z' });
	});
});

describe('Magalu normalize: unknown statuses', () => {
	it.each([
		['order', (o: Record<string, any>) => (o.status = 'paid')],
		['delivery', (o: Record<string, any>) => (o.deliveries[0].status = 'lost')],
	])('an unknown %s status imports the order with its units reserved, flagged status_unknown', (_what, mutate) => {
		const raw = magaluOrder(base) as Record<string, any>;
		mutate(raw);
		expect(adapter.normalize(raw as never)).toMatchObject({ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] });
	});
});

describe('Magalu normalize: malformed orders name the order and the field', () => {
	const broken = (mutate: (o: Record<string, any>) => void) => {
		const raw = magaluOrder(base) as Record<string, any>;
		mutate(raw);
		return raw;
	};

	it.each([
		['deliveries[0].items[0].quantity', (o: Record<string, any>) => (o.deliveries[0].items[0].quantity = 1.5)],
		['deliveries[0].items[0].unit_price.value', (o: Record<string, any>) => (o.deliveries[0].items[0].unit_price.value = '100.5')],
		['amounts', (o: Record<string, any>) => delete o.amounts],
		['updated_at', (o: Record<string, any>) => (o.updated_at = 'yesterday')],
		['deliveries', (o: Record<string, any>) => delete o.deliveries],
	])('%s', (field, mutate) => expectInvalid(broken(mutate), ref, field));

	it('an order without id', () => expectInvalid(broken((o) => delete o.id), 'magalu:(no id)', 'id'));

	it('a line without info.sku is not an error: it is imported unmapped with its product id', () => {
		const order = adapter.normalize(broken((o) => delete o.deliveries[0].items[0].info.sku));
		expect(order.lines).toEqual([{ unmapped: true, channelListingId: 'prod-livro_01', title: 'Produto livro_01', quantity: 1, shippedQuantity: 0, unitPriceCents: 10000 }]);
		expect(order.flags).toEqual(['unmapped_lines']);
	});
});
