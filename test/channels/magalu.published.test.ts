import { normalizeMagaluOrder } from '../../core/channels/magalu/normalize';
import { OrderValidationError } from '../../core/model/validate';
import { publishedMagalu as published, publishedMagaluOrder as publishedOrder } from './helpers/magalu-published';

/** Magalu's published get_order / get_delivery excerpts (helpers/magalu-published.ts, SOURCES.md). */
const normalize = (raw: unknown, options = {}) => normalizeMagaluOrder(raw, 'loja-do-edu', options);

function errorOf(raw: unknown): unknown {
	try {
		normalize(raw);
	} catch (e) {
		return e;
	}
	return undefined;
}

describe('Magalu published example (get_order + get_delivery excerpts)', () => {
	it('maps id, line (SKU, product id, quantity, unit price), totals and currency', () => {
		const order = normalize(publishedOrder());
		expect(order).toMatchObject({
			channel: 'magalu',
			channelOrderId: 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee',
			createdAt: '2024-07-04T19:30:28.993Z',
			updatedAt: '2024-07-04T19:30:28.993Z',
			status: 'paid',
			currency: 'BRL',
			customer: { name: 'Fulano de Tal', email: 'user@mail.com', document: '12312312311', phone: '5511991232233' },
		});
		expect(order.lines).toEqual([{ sku: 'livro_01', channelListingId: '00839163-486f-4557-8173-c454d22edd64', title: 'Livro XYZ', quantity: 1, shippedQuantity: 0, unitPriceCents: 10000 }]);
		// amounts {total 10000, discount.total 5000, normalizer 100}; the excerpt stops before amounts.freight.
		// The docs' numbers are placeholders: items − discount + freight does not give their total.
		expect(order.totals).toEqual({ itemsCents: 10000, shippingCents: 0, discountCents: 5000, totalCents: 10000 });
		expect(order.flags).toBeUndefined();
	});

	it('reads the amount integers and normalizers when sent as numeric strings', () => {
		const raw = publishedOrder();
		Object.assign(raw.amounts, { total: '10000', normalizer: '100' });
		raw.deliveries[0].items[0].quantity = '2';
		raw.deliveries[0].items[0].unit_price = { currency: 'BRL', normalizer: '100', value: '4990' };
		const order = normalize(raw);
		expect(order.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 4990 });
		expect(order.totals.totalCents).toBe(10000);
	});

	it('a line without info.sku is imported unmapped, keeping Magalu product id', () => {
		const raw = publishedOrder();
		raw.deliveries[0].items[0].info.sku = '';
		const order = normalize(raw);
		expect(order.lines).toEqual([{ unmapped: true, channelListingId: '00839163-486f-4557-8173-c454d22edd64', title: 'Livro XYZ', quantity: 1, shippedQuantity: 0, unitPriceCents: 10000 }]);
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('without amounts.currency, takes another block currency; with none at all, the account currency, flagged', () => {
		const raw = publishedOrder();
		delete raw.amounts.currency;
		expect(normalize(raw)).toMatchObject({ currency: 'BRL' });
		expect(normalize(raw).flags).toBeUndefined();
		const strip = (v: unknown): void => {
			if (Array.isArray(v)) v.forEach(strip);
			else if (v && typeof v === 'object') {
				delete (v as Record<string, unknown>).currency;
				Object.values(v).forEach(strip);
			}
		};
		strip(raw);
		expect(normalize(raw)).toMatchObject({ currency: 'BRL', flags: ['currency_from_account'] });
		expect(normalize(raw, { currency: 'USD' })).toMatchObject({ currency: 'USD', flags: ['currency_from_account'] });
	});

	it('reads a date without a zone as UTC (the zone of every Magalu example) and flags it', () => {
		const raw = { ...publishedOrder(), created_at: '2024-07-04 19:30:28', updated_at: '2024-07-04T19:30:28.993' };
		expect(normalize(raw)).toMatchObject({ createdAt: '2024-07-04T19:30:28.000Z', updatedAt: '2024-07-04T19:30:28.993Z', flags: ['time_zone_assumed'] });
	});

	it('imports empty optional fields: blank customer, no phones, no shipping, no payments', () => {
		const raw: Record<string, any> = { ...publishedOrder(), customer: { name: '', email: '', document_number: '', phones: [] }, payments: null };
		raw.deliveries[0].shipping = null;
		const order = normalize(raw);
		expect(order.customer).toEqual({ name: '' });
		expect(order.shippingAddress).toBeUndefined();
		expect(normalize({ ...publishedOrder(), customer: null }).customer).toEqual({ name: '' });
	});

	it.each([
		['no id', (o: Record<string, any>) => delete o.id, 'magalu:(no id)', 'id'],
		['no deliveries', (o: Record<string, any>) => delete o.deliveries, 'magalu:c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee', 'deliveries'],
		['no items', (o: Record<string, any>) => (o.deliveries[0].items = []), 'magalu:c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee', 'lines'],
	])('an order with %s is the error item, naming the order and the field', (_what, mutate, orderRef, field) => {
		const raw = publishedOrder();
		mutate(raw);
		const error = errorOf(raw);
		expect(error).toBeInstanceOf(OrderValidationError);
		expect(error).toMatchObject({ orderRef, field });
	});
});

describe('Magalu deliveries: per-line shipped units and the delivery as the group', () => {
	it('the one open delivery is the order\'s group (its NF-e goes there); its lines ship with it', () => {
		const order = normalize(publishedOrder());
		expect(order.groupId).toBe(published('get_delivery.excerpt.json').id);
		const shipped = publishedOrder();
		shipped.deliveries[0].status = 'shipped';
		expect(normalize(shipped).lines.map((l) => [l.quantity, l.shippedQuantity])).toEqual([[1, 1]]);
	});

	it('derived: two deliveries, one shipped: only its lines count as shipped, and no single group is named', () => {
		const raw = publishedOrder();
		const second = { ...raw.deliveries[0], id: `${String(raw.deliveries[0].id)}-2`, status: 'shipped' };
		raw.deliveries = [raw.deliveries[0], second];
		const order = normalize(raw);
		expect(order.lines.map((l) => [l.quantity, l.shippedQuantity])).toEqual([[1, 0], [1, 1]]);
		expect(order.groupId).toBeUndefined();
	});
});
