import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeAmericanasOrder } from '../../core/channels/americanas/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * SkyHub's own examples (Americanas' seller API):
 * - order-resource-example.json: the orders resource's example order, skyhub.gelato.io/docs/versions/1.0/
 *   resources/orders ("orders Overview"; its opening fields read as stored in the search index), complete as
 *   reproduced in dilowagner/skyhub-client@87d0194976586fa59a8c229255d57efbde9404bc:src/Api/Order.php (the
 *   doc comment of create(); PHP float noise written back as the decimals the page shows: 107.68, 2.69...).
 * - queue-example-head.json: the head of the GET /queues/orders response example on
 *   desenvolvedores.skyhub.com.br/integracao-pedido/consumo-de-pedidos-queues, unchanged up to payments[0]
 *   ("method": "CREDIT_CARD"); the rest of the page (code, items...) was not retrievable here, so the test
 *   completes it with the resource example's code and items.
 */
type Json = Record<string, any>;
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/americanas', name), 'utf8')) as Json;
const resource = load('order-resource-example.json');
const head = load('queue-example-head.json');
const normalize = (raw: unknown) => normalizeAmericanasOrder(raw, 'loja@exemplo.com.br');
const edit = (change: (o: Json) => void): Json => {
	const copy = structuredClone(resource);
	change(copy);
	return copy;
};

describe('Americanas (SkyHub) published payloads', () => {
	it('the orders resource example: a SHIPPED order at its sale price, interest in the total, NF-e and tracking', () => {
		const order = normalize(resource);
		expect(order).toMatchObject({
			channel: 'americanas',
			account: 'loja@exemplo.com.br',
			channelOrderId: 'Marketplace-000000001',
			createdAt: '2016-06-10T12:46:04.000Z',
			updatedAt: '2016-06-15T12:46:04.000Z',
			status: 'shipped',
			paymentStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			channelStatusRaw: 'SHIPPED / shipped',
			currency: 'BRL',
			paymentMethod: 'credit_card',
			customer: { name: 'Comprador Exemplo', email: 'comprador@exemplo.com.br', document: '76860543817', phone: '2137223902' },
			lines: [{ sku: 'sku001-01', quantity: 1, unitPriceCents: 8999, channelListingId: 'SEU SKU', title: 'Produto exemplo' }],
			invoice: { nfeKey: '44444444444444444444444444444444444444444444', number: '444444444', series: '444', issuedAt: '2016-06-13T19:43:07.000Z' },
			shipments: [{ carrier: 'Direct Express logistica Integrada S/A', trackingCode: 'SS123456789BR' }],
			shippingAddress: {
				street: 'Rua Sacadura Cabral',
				number: '130',
				complement: 'Bloco A - Apto 53',
				district: 'Centro',
				city: 'Rio de Janeiro',
				state: 'RJ',
				postalCode: '20081262',
				country: 'BR',
				name: 'Comprador Exemplo',
			},
		});
		// 89.99 + 15.00 shipping + 2.69 interest = 107.68: the interest shows as a total above items + shipping.
		expect(order.totals).toEqual({ itemsCents: 8999, shippingCents: 1500, discountCents: 0, totalCents: 10768 });
		expect(order.flags).toBeUndefined();
	});

	it("the queue example's head: APPROVED, empty optional fields, a null payment status, the receiver's full_name", () => {
		const order = normalize({ ...head, code: resource.code, items: resource.items });
		expect(order).toMatchObject({
			status: 'paid',
			paymentStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			channelStatusRaw: 'APPROVED / payment_received',
			updatedAt: '2019-10-16T20:45:38.000Z',
			paymentMethod: 'credit_card',
			shipments: [],
			shippingAddress: {
				name: 'marco antonio',
				street: 'Av Central da Praia do Rosa',
				number: '01',
				district: 'Ibiraquera',
				city: 'Imbituba',
				state: 'SC',
				postalCode: '88780000',
			},
		});
		expect(order.totals).toMatchObject({ shippingCents: 2425, totalCents: 39145 });
	});

	it('tolerates a line without SKU (unmapped), numbers as strings, a status code without type, an unknown status', () => {
		const order = normalize(
			edit((o) => {
				o.items[0].id = '';
				o.items[0].qty = '2';
				o.items[0].special_price = '';
				o.items[0].original_price = '99.99';
				o.status = { code: 'order_invoiced' };
				o.total_ordered = '214.98';
				o.invoices = [];
				o.customer.phones = [];
			}),
		);
		expect(order.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 9999, unmapped: true });
		expect(order).toMatchObject({ status: 'invoiced', channelStatusRaw: 'order_invoiced', flags: ['unmapped_lines'] });
		expect(order.invoice).toBeUndefined();
		const unknown = normalize(edit((o) => (o.status = { type: 'SOMETHING_NEW', code: 'x' })));
		expect(unknown).toMatchObject({ status: 'paid', paymentStatus: 'unknown', flags: ['status_unknown'] });
	});

	it('an order without a code or without items is an error naming the order and the field', () => {
		expect(() => normalize(edit((o) => delete o.code))).toThrow(OrderValidationError);
		expect(() => normalize(edit((o) => (o.items = [])))).toThrow(/americanas:Marketplace-000000001.*items/);
		expect(() => normalize(edit((o) => delete o.items))).toThrow(/items.*is required/);
	});
});
