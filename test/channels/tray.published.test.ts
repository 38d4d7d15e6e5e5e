import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readListing } from '../../core/channels/tray/api';
import { normalizeTrayOrder } from '../../core/channels/tray/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Tray payloads as Tray publishes them.
 * - order-complete-15.json, orders-list.json: developers.tray.com.br's source, mirrored in
 *   NelsonEspadoto/api-doc@ce3e57196c40b24abf67ebd3d5f91fecdadeef65:source/includes/_pedidos.md ("Dados Completo
 *   do Pedido" and "Listagem de Pedidos" responses). Two syntax slips of the page were mended and nothing else:
 *   a missing closing quote after "Notebook Alienware Gamer", and the listing's stray opening "{" and unclosed
 *   "Orders" array.
 * - products-list.json: Tray's own PHP client, tray-tecnologia/tray-api-php-client@ae0c259304790aef7e619811bffc740f6e2703ac:
 *   tests/Unit/Services/Catalog/__mocks__/products.json (GET /products).
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/tray', name), 'utf8'));
const complete = (load('order-complete-15.json') as Json).Order as Json;
const listed = load('orders-list.json') as Json;
const normalize = (raw: unknown) => normalizeTrayOrder(raw, '391250', '-03:00');
const edit = (raw: Json, change: (o: Json) => void): Json => {
	const copy = structuredClone(raw);
	change(copy);
	return copy;
};

describe('Tray published payloads', () => {
	it('GET /orders/:id/complete: a FINALIZADO order, dates at the store\'s -03:00, a line without reference', () => {
		const order = normalize(complete);
		expect(order).toMatchObject({
			channel: 'tray',
			account: '391250',
			channelOrderId: '15',
			createdAt: '2021-02-10T14:28:21.000Z',
			updatedAt: '2021-05-06T13:38:45.000Z',
			status: 'delivered',
			paymentStatus: 'paid',
			fulfillmentStatus: 'delivered',
			channelStatusRaw: 'FINALIZADO',
			currency: 'BRL',
			paymentMethod: 'boleto',
			customer: { name: 'Nome Cliente', email: 'email@tray.com.br', document: '12442673177', phone: '1434546185' },
			shippingAddress: { street: 'Rua Teste', number: '55', complement: 'Casa 26', district: 'Centro', city: 'Marília', state: 'SP', postalCode: '17500-000', country: 'BR' },
			shipments: [],
		});
		// "reference": "" — the product has no seller SKU: imported unmapped, with its ids.
		expect(order.lines).toEqual([{ unmapped: true, quantity: 1, unitPriceCents: 5990000, channelListingId: '13', channelVariantId: '25', channelLineId: '17', title: 'Notebook Alienware Gamer' }]);
		expect(order.flags).toEqual(['unmapped_lines']);
		// total 62935.86 = partial 59900.00 + frete 38.91 + payment_method_rate 2996.95 (a fee): no discount.
		expect(order.totals).toEqual({ itemsCents: 5990000, shippingCents: 3891, discountCents: 0, totalCents: 6293586 });
	});

	it('a reference on the line maps the SKU; quantities and prices as strings', () => {
		const order = normalize(edit(complete, (o) => Object.assign(o.ProductsSold[0].ProductsSold, { reference: 'NB-AW-51M', quantity: '2.00', price: '29950.00' })));
		expect(order.lines[0]).toMatchObject({ sku: 'NB-AW-51M', quantity: 2, unitPriceCents: 2995000 });
		expect(order.flags).toBeUndefined();
	});

	it('the listing summary: coupon outside `discount` becomes the discount; a summary is not an order', () => {
		const [entry] = listed.Orders as Json[];
		const summary = entry.Order as Json;
		expect(summary).toMatchObject({ id: '5', modified: '2020-12-21 11:21:52', ProductsSold: [{ id: '5' }] });
		// The summary lists product ids only: normalising it names the missing field.
		expect(() => normalize(summary)).toThrow(OrderValidationError);
		expect(() => normalize(summary)).toThrow(/tray:5.*ProductsSold\[0\]\.quantity/);
		// With its product filled in (as /complete would), 35999.00 − coupon 8999.75 + 28.35 = 27027.60.
		const order = normalize(edit(summary, (o) => (o.ProductsSold = [{ ProductsSold: { id: '5', product_id: '3', quantity: '1', price: '35999.00', reference: '' } }])));
		expect(order).toMatchObject({ status: 'paid', paymentMethod: 'boleto', createdAt: '2020-12-07T03:00:00.000Z' });
		expect(order.totals).toEqual({ itemsCents: 3599900, shippingCents: 2835, discountCents: 899975, totalCents: 2702760 });
	});

	it('status texts: custom gateway suffix, cancelled by type, unknown flagged, "delivered" = 1', () => {
		const withStatus = (status: string, type = 'open', extra: Json = {}) =>
			normalize(edit(complete, (o) => Object.assign(o, { status, ...extra }, { OrderStatus: { ...o.OrderStatus, status, type } })));
		expect(withStatus('A ENVIAR YAPAY')).toMatchObject({ status: 'paid', paymentStatus: 'paid' });
		expect(withStatus('Aguardando pagamento')).toMatchObject({ status: 'pending_payment' });
		expect(withStatus('Cancelado pelo lojista', 'canceled')).toMatchObject({ status: 'cancelled' });
		expect(withStatus('A ENVIAR', 'open', { delivered: '1' })).toMatchObject({ status: 'shipped', fulfillmentStatus: 'fulfilled' });
		const unknown = withStatus('EM SEPARAÇÃO');
		expect(unknown).toMatchObject({ status: 'paid', paymentStatus: 'unknown', channelStatusRaw: 'EM SEPARAÇÃO' });
		expect(unknown.flags).toContain('status_unknown');
	});

	it('tracking and the NF-e as the complete order carries them', () => {
		const order = normalize(edit(complete, (o) => {
			Object.assign(o, { status: 'ENVIADO', sending_code: 'BR123456789BR', sending_date: '2021-02-11', tracking_url: 'https://rastreio/BR123456789BR' });
			o.OrderInvoice = [{ OrderInvoice: { id: '7', issue_date: '2021-02-11', number: '213123213213', serie: '123', key: '1'.repeat(44), link: 'https://nfe/1' } }];
		}));
		expect(order.shipments).toEqual([{ carrier: 'Correios Expresso', trackingCode: 'BR123456789BR', trackingUrl: 'https://rastreio/BR123456789BR', shippedAt: '2021-02-11T03:00:00.000Z' }]);
		expect(order.invoice).toEqual({ nfeKey: '1'.repeat(44), number: '213123213213', series: '123', issuedAt: '2021-02-11T03:00:00.000Z', url: 'https://nfe/1' });
	});

	it('an order without products, or without id, is an error naming the field', () => {
		expect(() => normalize(edit(complete, (o) => (o.ProductsSold = [])))).toThrow(/tray:15.*ProductsSold/);
		expect(() => normalize(edit(complete, (o) => delete o.id))).toThrow(/tray:\(no id\).*id/);
	});

	it('the listing envelope of Tray\'s own products mock: {paging, Products: [{Product}]}', () => {
		const req = { method: 'GET' as const, url: 'https://loja.example/web_api/products' };
		const { items, total } = readListing({ status: 200, headers: {}, body: load('products-list.json') }, req, 'Products', 'Product');
		expect(total).toBe(11);
		expect(items).toHaveLength(11);
		expect(items[0]).toMatchObject({ id: '1', reference: '1234567', stock: '-7' });
	});
});
