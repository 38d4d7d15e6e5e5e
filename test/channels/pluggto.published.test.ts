import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readListing } from '../../core/channels/common/listing';
import { normalizePluggToOrder } from '../../core/channels/pluggto/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Plugg.To's own examples, values unchanged, from developers.plugg.to (as the pages corpus stores them): the order
 * fields of "Create order" (developers.plugg.to/reference/create-order, its request body up to `auto_reserve`; the
 * page's e-mail addresses are shown there as "[email protected]") and the `payments` and first two `items` of "Get
 * one order" (developers.plugg.to/reference/get-one-order). The stored copies of both pages stop part-way (the
 * rest of each example could not be read), so test/fixtures/published/pluggto/order-example.json joins those two
 * verbatim parts. An order as the API stores it also has its `id`, `created` and `modified`: the tests add them.
 * The example's numbers do not add up (items 70, shipping 10.21, total 18): they are kept as published.
 */
type Json = Record<string, any>;
const published = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/pluggto/order-example.json'), 'utf8')) as Json;
const normalize = (raw: unknown) => normalizePluggToOrder(raw, 'loja-plugg', '-03:00');
const stored = (change: (o: Json) => void = () => undefined): Json => {
	const copy = { id: '6042121bb71e3422dafd2400', created: '2016-11-03T10:00:00.000Z', modified: '2016-11-03 12:30:00', ...structuredClone(published) };
	change(copy);
	return copy;
};

describe('Plugg.To published payloads', () => {
	it('the documented order: hub and origin (channel), lines by sku, receiver address, payer, ship-by, credit payment', () => {
		const order = normalize(stored());
		expect(order).toMatchObject({
			channel: 'pluggto',
			account: 'loja-plugg',
			channelOrderId: '6042121bb71e3422dafd2400',
			originMarketplace: 'Pluggto',
			createdAt: '2016-11-03T10:00:00.000Z',
			// No zone: Brasília time.
			updatedAt: '2016-11-03T15:30:00.000Z',
			status: 'pending_payment',
			channelStatusRaw: 'pending',
			currency: 'BRL',
			paymentMethod: 'credit_card',
			shipBy: '2016-11-06T02:59:59.000Z',
			customer: { name: 'Luizo Santos', email: '[email protected]', phone: '2233-1111', document: '00000000000' },
			shippingAddress: {
				name: 'Andre Teste2',
				street: 'Rua do Bosque',
				number: '440',
				complement: 'Ap 22',
				district: 'Barra funda',
				city: 'São Paulo',
				state: 'SP',
				postalCode: '4457-115',
				country: 'BR',
			},
			lines: [
				{ sku: '486086', quantity: 2, unitPriceCents: 3000, title: 'Camiseta Básica Azul', channelListingId: '486086' },
				{ sku: '486078', quantity: 1, unitPriceCents: 1000, title: 'PRODUTO XYZ', channelListingId: '486078' },
			],
			shipments: [],
		});
		expect(order.totals).toEqual({ itemsCents: 7000, shippingCents: 1021, discountCents: 7000 + 1021 - 1800, totalCents: 1800 });
	});

	it('as POSTed (no id yet): an error naming the order and the field', () => {
		let error: unknown;
		try {
			normalize(published);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(OrderValidationError);
		expect(error).toMatchObject({ orderRef: 'pluggto:(no id)', field: 'id' });
	});

	it('a line without sku (unmapped), numbers as strings, empty optional fields; the variation sku wins over the item sku', () => {
		const order = normalize(
			stored((o) => {
				o.items[0].sku = '';
				o.items[0].quantity = '2';
				o.items[0].price = '30.00';
				o.items[1].variation.sku = 'VAR-486078-P';
				o.total = '18.00';
				o.shipping = '';
				o.channel = '';
				o.payer_email = '';
				o.payments = [];
			}),
		);
		expect(order.lines[0]).toEqual({ unmapped: true, quantity: 2, unitPriceCents: 3000, title: 'Camiseta Básica Azul', channelListingId: '486086' });
		expect(order.lines[1].sku).toBe('VAR-486078-P');
		expect(order.flags).toEqual(['unmapped_lines']);
		expect(order.totals.shippingCents).toBe(0);
		expect(order).not.toHaveProperty('originMarketplace');
		expect(order).not.toHaveProperty('paymentMethod');
		expect(order.customer.email).toBe('[email protected]'); // the receiver's, when the payer has none
	});

	it('the documented tracking update read back: shipment and NF-e from shipments[]', () => {
		const tracking = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/pluggto/tracking-update.json'), 'utf8')) as Json;
		const order = normalize(
			stored((o) =>
				Object.assign(o, tracking, {
					shipments: [{ ...tracking.shipments[0], nfe_key: '31210617888732102479550010005269381003054430', nfe_number: '5269322', nfe_serie: '1' }],
				}),
			),
		);
		expect(order).toMatchObject({
			status: 'shipped',
			shipments: [{ carrier: 'Correios', trackingCode: 'QC123456729BR', trackingUrl: 'https://correios.com.br', shippedAt: '2024-07-17T18:14:00.000Z' }],
			invoice: { nfeKey: '31210617888732102479550010005269381003054430', number: '5269322', series: '1' },
		});
	});

	it('the list answer {result: [{Order}]} is unwrapped', () => {
		const body = { total: 1, showing: 1, limit: 1, result: [{ Order: stored() }] };
		const { items, total } = readListing({ status: 200, headers: {}, body }, { method: 'GET', url: 'https://api.plugg.to/orders' }, 'result', 'Order');
		expect(items.map((o) => o.id)).toEqual(['6042121bb71e3422dafd2400']);
		expect(total).toBe(1);
	});
});
