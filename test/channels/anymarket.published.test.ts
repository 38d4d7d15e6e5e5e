import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPage } from '../../core/channels/anymarket/api';
import { normalizeAnyMarketOrder } from '../../core/channels/anymarket/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * AnyMarket's own example: the order JSON of developers.anymarket.com.br/en/integration_guides/sandbox/test_order
 * ("Creation of Test Orders", the body POSTed to sandbox-api.anymarket.com.br/v2/orders), copied unchanged into
 * test/fixtures/published/anymarket/test-order.json — Postman's {{$randomInt}} placeholders included. It is a
 * creation body: AnyMarket answers (and later lists) it with the `id` it assigns, which the tests add.
 */
type Json = Record<string, any>;
const published = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/anymarket/test-order.json'), 'utf8')) as Json;
const normalize = (raw: unknown) => normalizeAnyMarketOrder(raw, 'loja-hub');
const stored = (change: (o: Json) => void = () => undefined): Json => {
	const copy = { id: 13762, ...structuredClone(published) };
	change(copy);
	return copy;
};

describe('AnyMarket published payloads', () => {
	it('the documented test order, as AnyMarket stores it (with its id): hub and origin, line, buyer, address, totals', () => {
		expect(normalize(stored())).toMatchObject({
			channel: 'anymarket',
			account: 'loja-hub',
			channelOrderId: '13762',
			originMarketplace: 'ECOMMERCE',
			createdAt: '2018-01-02T12:01:08.000Z',
			// No lastUpdate in the example: the latest step date (paymentDate) is the version.
			updatedAt: '2018-01-02T12:02:03.000Z',
			status: 'paid',
			paymentStatus: 'paid',
			channelStatusRaw: 'PAID_WAITING_SHIP',
			currency: 'BRL',
			paymentMethod: 'credit_card',
			totals: { itemsCents: 31000, shippingCents: 0, discountCents: 0, totalCents: 31000 },
			customer: { name: 'Rick Sanches', email: 'email322@email3.com', document: '57814258707', phone: '(43) 99927-4719' },
			shippingAddress: {
				street: 'Rua Emiliano Perneta',
				number: '1010',
				complement: '42 andar',
				district: 'Joao Bosco',
				city: 'Maringá',
				state: 'PR',
				postalCode: '10120-080',
				country: 'BR',
			},
			lines: [{ sku: 'impala67', quantity: 1, unitPriceCents: 31000, title: 'CHEVROLET IMPALA 1967' }],
			shipments: [],
		});
	});

	it('as POSTed (no id yet): an error naming the order and the field', () => {
		const error = (() => {
			try {
				normalize(published);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(OrderValidationError);
		expect(error).toMatchObject({ orderRef: 'anymarket:(no id)', field: 'id' });
	});

	it('accepts a line without partnerId (unmapped), numbers as strings and empty optional fields', () => {
		const order = normalize(
			stored((o) => {
				o.items[0].sku.partnerId = '';
				o.items[0].amount = '2';
				o.items[0].unit = '155.00';
				o.total = '310.00';
				o.freight = '';
				o.marketPlace = '';
				o.buyer.email = '';
				o.payments = [];
			}),
		);
		expect(order.lines).toEqual([{ unmapped: true, quantity: 2, unitPriceCents: 15500, title: 'CHEVROLET IMPALA 1967' }]);
		expect(order.flags).toEqual(['unmapped_lines']);
		expect(order.totals).toMatchObject({ itemsCents: 31000, shippingCents: 0, totalCents: 31000 });
		expect(order).not.toHaveProperty('originMarketplace');
		expect(order).not.toHaveProperty('paymentMethod');
		expect(order.customer).not.toHaveProperty('email');
	});

	it('an unknown hub status is imported as paid and flagged; the marketplace status is kept beside the hub one', () => {
		const unknown = normalize(stored((o) => (o.status = 'WAITING_SOMETHING')));
		expect(unknown).toMatchObject({ status: 'paid', flags: ['status_unknown'] });
		expect(normalize(stored((o) => (o.marketPlaceStatus = 'approved'))).channelStatusRaw).toBe('PAID_WAITING_SHIP (approved)');
	});

	it('the list answer {links, content, page} gives its orders and total', () => {
		const body = { links: [], content: [stored()], page: { size: 1, totalElements: 7, totalPages: 7, number: 0 } };
		const { content, total } = readPage({ status: 200, headers: {}, body }, { method: 'GET', url: 'https://api.anymarket.com.br/v2/orders' });
		expect(content.map((o) => o.id)).toEqual([13762]);
		expect(total).toBe(7);
	});
});
