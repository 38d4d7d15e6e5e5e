import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readViaList } from '../../core/channels/via/api';
import { normalizeViaOrder } from '../../core/channels/via/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Via (ex-CNova) API v2 answers as published in gpupo/cnova-sdk@5dab39eb28d4bd6db87722b166aa69f675beeab0
 * (Resources/fixture/Order/OrderId.json: GET /orders/{orderId}; Resources/fixture/Order/Orders.json: GET
 * /orders/status/new with its metadata), copied unchanged. That SDK is not Via's own: its fixtures are answers of
 * the CNova sandbox (customer e-mails @mktp.extra.com.br). Via publishes no example response in a repository;
 * the field meanings are those of CNova's "API Lojista v2" SDK models (ballke-dev/ViaVarejoSDK@90875423).
 */
type Json = Record<string, any>;
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/via', name), 'utf8')) as Json;
const byId = load('order-by-id.json');
const listed = load('orders-status-new.json');
const normalize = (raw: unknown) => normalizeViaOrder(raw, '12345');
const edit = (change: (o: Json) => void): Json => {
	const copy = structuredClone(byId);
	change(copy);
	return copy;
};

describe('Via published payloads', () => {
	it('GET /orders/{orderId}: a PEN order, one line per unit sold, freight in the total, the shipping address', () => {
		const order = normalize(byId);
		expect(order).toMatchObject({
			channel: 'via',
			account: '12345',
			channelOrderId: '975101',
			createdAt: '2015-04-30T17:54:29.000Z',
			// updatedAt is null here: the purchase is the latest change.
			updatedAt: '2015-04-30T17:54:29.000Z',
			status: 'pending_payment',
			paymentStatus: 'pending',
			channelStatusRaw: 'PEN',
			currency: 'BRL',
			paymentMethod: 'credit_card',
			customer: { name: 'João da Silva', document: '11111111111', email: 'atendimento+OS_905000700110@mktp.extra.com.br', phone: '11399977721' },
			lines: [
				{ sku: '14080', quantity: 1, unitPriceCents: 13900, channelLineId: '23236199-1' },
				{ sku: '14080', quantity: 1, unitPriceCents: 13900, channelLineId: '23236199-2' },
			],
			shippingAddress: {
				name: 'João da Silva',
				street: 'Rua da Chaleira',
				number: '01',
				complement: 'Na hora do Chá',
				district: 'Ingleses',
				city: 'NãoSeiLândia',
				state: 'SP',
				postalCode: '50000000',
				country: 'BR',
			},
			shipments: [],
		});
		expect(order.totals).toEqual({ itemsCents: 27800, shippingCents: 1000, discountCents: 0, totalCents: 28800 });
		expect(order.flags).toBeUndefined();
	});

	it('GET /orders/status/new: the orders and metadata totalRows; new orders carry no shipping address', () => {
		const { rows: orders, total } = readViaList(listed);
		expect(total).toBe(2);
		const [first, second] = orders.map(normalize);
		expect(first).toMatchObject({ channelOrderId: '975101', updatedAt: '2015-04-30T22:06:18.462Z' });
		expect(first.shippingAddress).toBeUndefined();
		expect(second).toMatchObject({ channelOrderId: '975001', lines: [{ sku: '14080', quantity: 1 }], totals: { totalCents: 14900 } });
	});

	it('tolerates a line without SKU (unmapped), numbers as strings, an unknown status; trackings give shipments and the NF-e', () => {
		const order = normalize(
			edit((o) => {
				o.items[0].skuSellerId = '';
				o.items[1].salePrice = '139.00';
				o.totalAmount = '288';
				o.status = 'XYZ';
				o.trackings = [
					{
						controlPoint: 'NFS',
						occurredAt: '2015-05-04T14:54:29.000-03:00',
						invoice: { number: '2456', serie: '1', accessKey: '35150511111111111111550010000024561000024566', issuedAt: '2015-05-04T14:54:29.000-03:00' },
					},
					{ controlPoint: 'SHP', occurredAt: '2015-05-05T10:00:00.000-03:00', number: 'PE327842878BR', carrier: { name: 'ECT' }, url: '' },
				];
			}),
		);
		expect(order.lines[0]).toMatchObject({ unmapped: true });
		expect(order.lines[1]).toMatchObject({ unitPriceCents: 13900 });
		expect(order).toMatchObject({
			status: 'paid',
			flags: expect.arrayContaining(['unmapped_lines', 'status_unknown']),
			updatedAt: '2015-05-05T13:00:00.000Z',
			shipments: [{ carrier: 'ECT', trackingCode: 'PE327842878BR', shippedAt: '2015-05-05T13:00:00.000Z' }],
			invoice: { nfeKey: '35150511111111111111550010000024561000024566', number: '2456', series: '1' },
		});
	});

	it('an order without an id or without items is an error naming the order and the field', () => {
		expect(() => normalize(edit((o) => delete o.id))).toThrow(OrderValidationError);
		expect(() => normalize(edit((o) => (o.items = [])))).toThrow(/via:975101.*items/);
	});
});
