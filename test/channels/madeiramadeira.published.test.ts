import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeMadeiraMadeiraOrder } from '../../core/channels/madeiramadeira/normalize';
import { MADEIRAMADEIRA_STATUS } from '../../core/channels/madeiramadeira/status';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { OrderValidationError } from '../../core/model/validate';

/**
 * MadeiraMadeira payloads as MadeiraMadeira publishes them: the "Marketplace MadeiraMadeira" Postman collection
 * (documenter.getpostman.com/view/3341659/RztmqU19), folder Pedido, read through the OpenAPI that copies its
 * examples, api-evangelist/madeiramadeira@1eb3be33f2e9a4dab5d6283eeee613e0411d12b9:openapi/madeiramadeira-pedido-api-openapi.yml
 * (YAML → JSON; values the YAML leaves unquoted but the API sends as text with leading zeros — cep "07111080",
 * numero "000008261" — kept as text):
 * - pedido-por-id.json: GET /v1/pedido/id/49 ("Consulta pedido por ID");
 * - pedidos-entre-datas.json: GET /v1/pedido/from={from}&to={to}&limit={limit}&offset={offset} (the same body as
 *   "Lista de todos os pedidos");
 * - pedido-invoiced-request.json, pedido-shipped-request.json: the request examples of PUT /v1/pedido/invoiced
 *   and PUT /v1/pedido/shipped (first element).
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/madeiramadeira', name), 'utf8'));
const byId = (load('pedido-por-id.json') as Json).data as Json;
const listed = (load('pedidos-entre-datas.json') as Json).data as Json[];
const normalize = (raw: unknown) => normalizeMadeiraMadeiraOrder(raw, '3', '-03:00');
const edit = (raw: Json, change: (o: Json) => void): Json => {
	const copy = structuredClone(raw);
	change(copy);
	return copy;
};

describe('MadeiraMadeira published payloads', () => {
	it('GET /v1/pedido/id: a shipped order (status "7"), numbers as numbers, zone-less dates read at -03:00', () => {
		const order = normalize(byId);
		expect(order).toMatchObject({
			channel: 'madeiramadeira',
			account: '3',
			channelOrderId: '6051652',
			createdAt: '2023-09-18T12:06:01.000Z',
			updatedAt: '2023-09-18T19:45:30.000Z',
			status: 'shipped',
			paymentStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			channelStatusRaw: '7',
			currency: 'BRL',
			totals: { itemsCents: 34191, shippingCents: 10470, discountCents: 0, totalCents: 44661 },
			customer: { name: 'NOME DO CLIENTE', document: '12345678910', phone: '11998887778' },
			shippingAddress: {
				street: 'Avenida Reginaldo mews',
				number: '289',
				district: 'Centro',
				city: 'Curitiba',
				state: 'SC',
				postalCode: '80230010',
				country: 'BR',
			},
			invoice: { nfeKey: '41230918739399000192550010001349651701411422', number: '134965', issuedAt: '2023-09-18T03:00:00.000Z' },
			shipments: [{ carrier: 'TRANSPORTADORA', trackingCode: '134965', shippedAt: '2023-09-18T03:00:00.000Z' }],
			shipBy: '2023-09-21T02:59:59.000Z',
			paymentMethod: 'credit_card',
		});
		// The seller's SKU is skuseller; MadeiraMadeira's own sku is the listing id.
		expect(order.lines).toEqual([
			expect.objectContaining({ sku: 'COD_SKU', quantity: 1, unitPriceCents: 34191, channelListingId: '1000221', channelLineId: '6184000' }),
		]);
		expect(order.flags).toBeUndefined();
	});

	it('the date-range listing: quantities and amounts as strings, several order numbers, statuses "8" and "1"', () => {
		const orders = listed.map(normalize);
		expect(orders.map((o) => [o.channelOrderId, o.status, o.totals.totalCents])).toEqual([
			['5807775', 'delivered', 78416],
			['5807882', 'delivered', 101139],
			['5808036', 'delivered', 228144],
			['6033246', 'pending_payment', 63932],
		]);
		// "4.00000" units at "499.90": the products' "1999.60".
		expect(orders[2].lines[0]).toMatchObject({ sku: 'SKU_39045', quantity: 4, unitPriceCents: 49990 });
		expect(orders[2].totals.itemsCents).toBe(199960);
		// An NF-e number with leading zeros stays text; a placeholder key of 44 "1"s is kept as given.
		expect(orders[1].invoice).toMatchObject({ number: '000008261', series: '001', nfeKey: '1'.repeat(44), issuedAt: '2023-08-11T03:00:00.000Z' });
		// A new order: no NF-e, no shipment, faturamento and envio null, CEP with its leading zero.
		expect(orders[3]).toMatchObject({ shipments: [], shippingAddress: { postalCode: '07111080', city: 'Guarulhos' }, customer: { phone: '1122334455' } });
		expect(orders[3].invoice).toBeUndefined();
		// pedido_mm / pedido_wd are not the order's id: id_pedido is.
		expect(orders.map((o) => o.channelOrderId)).not.toContain(listed[0].pedido_mm);
	});

	it('a line without seller SKU is unmapped, an unknown status code is flagged, empty optional fields are absent', () => {
		const order = normalize(
			edit(listed[3], (o) => {
				delete o.skus[0].skuseller;
				o.status = '9';
				o.comprador.email = '';
				o.dados_entrega.complemento = '';
			}),
		);
		expect(order.lines[0]).toMatchObject({ unmapped: true, channelListingId: '2256043' });
		expect(order.lines[0].sku).toBeUndefined();
		expect(order.flags).toEqual(expect.arrayContaining(['status_unknown', 'unmapped_lines']));
		expect(order.customer.email).toBeUndefined();
		expect(order.shippingAddress?.complement).toBeUndefined();
	});

	it('an order without id or without items is an error naming the order and field', () => {
		expect(() => normalize(edit(listed[0], (o) => delete o.id_pedido))).toThrow(OrderValidationError);
		expect(() => normalize(edit(listed[0], (o) => (o.skus = [])))).toThrow(/madeiramadeira:5807775.*skus/);
		expect(() => normalize(edit(listed[0], (o) => (o.skus[0].quantidade = '1.5')))).toThrow(/skus\[0\]\.quantidade/);
	});

	it('README shows the status table the normaliser uses', () => {
		expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(statusTableMarkdown('status', MADEIRAMADEIRA_STATUS));
	});
});
