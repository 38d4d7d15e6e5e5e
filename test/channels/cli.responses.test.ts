import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli';
import { ordersInResponse } from '../../core/channels/responses';
import { magaluOrder } from '../simulators/magalu';
import { publishedVtex } from './helpers/vtex-published';

/**
 * The CLI takes a response exactly as the channel's API returns it (core/channels/responses.ts knows the
 * wrappers). Published responses only; sources:
 * - VTEX: see helpers/vtex-published.ts (vtex/openapi-schemas@0d207e53…:"VTEX - Orders API.json").
 * - Mercado Livre, WooCommerce, Shopify, Nuvemshop, Amazon: the files those channels' published tests use, with
 *   their sources there (mercadolivre/SOURCES.md, <channel>.published.test.ts).
 */
const published = (channel: string, name: string): string => readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8');

async function run(channel: string, stdin: string, extra: string[] = []) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(['normalize', '--channel', channel, '--account', 'acct-1', ...extra], { readStdin: async () => stdin, out: (t) => out.push(t), err: (t) => err.push(t) });
	return { code, out: out.length > 0 ? JSON.parse(out.join('\n')) : undefined, err };
}

describe('cli normalize: responses as the APIs return them', () => {
	it('VTEX Get order (the order itself) → one canonical order', async () => {
		const r = await run('vtex', JSON.stringify(publishedVtex('get-order')));
		expect(r).toMatchObject({ code: 0, err: [] });
		expect(r.out).toMatchObject({ channel: 'vtex', channelOrderId: '1172452900788-01', currency: 'BRL', lines: [{ sku: 'BIGBML', quantity: 1, unitPriceCents: 990 }] });
	});

	it('VTEX order-group (a bare array) → a list of both orders', async () => {
		const r = await run('vtex', JSON.stringify(publishedVtex('order-group')));
		expect(r).toMatchObject({ code: 0, err: [] });
		expect(r.out.map((o: { channelOrderId: string; totals: { totalCents: number } }) => [o.channelOrderId, o.totals.totalCents])).toEqual([
			['v71425090str-01', 5458],
			['v71425090str-02', 6208],
		]);
	});

	it('VTEX List orders ({list: summaries}) → an empty list, and each summary named on stderr (exit 1)', async () => {
		const response = publishedVtex('list-orders');
		const r = await run('vtex', JSON.stringify(response));
		expect(r.code).toBe(1);
		expect(r.out).toEqual([]);
		expect(r.err).toHaveLength(response.list.length);
		expect(r.err[0]).toBe(
			`Malformed vtex order: Order vtex:${response.list[0].orderId}: field "items" is missing: this is a List orders summary, fetch the order with GET /api/oms/pvt/orders/{orderId}`,
		);
	});

	it('Mercado Livre /orders/search ({results, paging}) → the list of its orders', async () => {
		const response = JSON.parse(published('mercadolivre', 'orders-search.json'));
		const r = await run('mercadolivre', JSON.stringify(response));
		expect(r).toMatchObject({ code: 0, err: [] });
		expect(r.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(response.results.map((o: { id: number }) => String(o.id)));
	});

	it('WooCommerce GET /orders (a bare array) → the list of its orders', async () => {
		const r = await run('woocommerce', published('woocommerce', 'wp-api-v3-list-orders.json'));
		expect(r).toMatchObject({ code: 0, err: [] });
		expect(r.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(['727', '723']);
	});

	it('Nuvemshop GET /orders (a bare array) → the list of its orders', async () => {
		const r = await run('nuvemshop', published('nuvemshop', 'order-get-orders.json'));
		expect(r).toMatchObject({ code: 0, err: [] });
		expect(r.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(['450789469']);
	});

	it('Shopify REST orders.json ({orders}) → a list; orders/{id}.json after a cancel ({order, notice}) → one order', async () => {
		const list = await run('shopify', published('shopify', 'rest-orders-authorized.json'));
		expect(list).toMatchObject({ code: 0, err: [] });
		expect(list.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(['450789469']);
		const one = await run('shopify', published('shopify', 'rest-order-450789469-cancelled.json'));
		expect(one).toMatchObject({ code: 0, err: [], out: { channelOrderId: '450789469', status: 'cancelled' } });
	});

	it('Amazon Orders API v2026-01-01: getOrder ({order}) → one order; searchOrders ({orders, pagination}) → a list', async () => {
		const one = await run('amazon', published('amazon', 'getOrder.example.json'));
		expect(one).toMatchObject({ code: 0, err: [], out: { channelOrderId: '202-1234567-8901234', currency: 'GBP' } });
		const list = await run('amazon', published('amazon', 'searchOrders.example.json'));
		expect(list).toMatchObject({ code: 0, err: [] });
		expect(list.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(['123-4567890-1234567']);
	});

	it('--currency is the account currency for an order that names none (WooCommerce order 727 without currency)', async () => {
		const [order] = JSON.parse(published('woocommerce', 'wp-api-v3-list-orders.json'));
		delete order.currency;
		const r = await run('woocommerce', JSON.stringify(order), ['--currency', 'USD']);
		expect(r).toMatchObject({ code: 0, err: [], out: { channelOrderId: '727', currency: 'USD' } });
		expect(r.out.flags).toContain('currency_from_account');
	});

	it('a list with one bad order prints the good ones and names the bad one (exit 1)', async () => {
		const [good, bad] = publishedVtex('order-group');
		bad.items = [];
		const r = await run('vtex', JSON.stringify([good, bad]));
		expect(r.code).toBe(1);
		expect(r.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(['v71425090str-01']);
		expect(r.err).toEqual(['Malformed vtex order: Order vtex:v71425090str-02: field "items" has no item with a quantity above 0']);
	});
});

describe('ordersInResponse: the wrappers', () => {
	it('Shopify GraphQL: {data: {order}} as the API answers, {order} as shopify.dev prints it', () => {
		const example = JSON.parse(published('shopify', 'graphql-order-53613399-tax-information.json'));
		expect(ordersInResponse('shopify', { data: example })).toEqual({ orders: [example.order], list: false });
		expect(ordersInResponse('shopify', example)).toEqual({ orders: [example.order], list: false });
	});

	// Not published as responses (the docs show the fields, not a whole answer): shapes as documented.
	it('Shopify GraphQL connections: nodes and edges[].node', () => {
		const [a, b] = [{ id: 'gid://shopify/Order/1' }, { id: 'gid://shopify/Order/2' }];
		expect(ordersInResponse('shopify', { data: { orders: { nodes: [a, b], pageInfo: {} } } })).toEqual({ orders: [a, b], list: true });
		expect(ordersInResponse('shopify', { data: { orders: { edges: [{ node: a, cursor: 'c1' }, { node: b }] } } })).toEqual({ orders: [a, b], list: true });
	});

	it('Magalu GET /seller/v1/orders ({meta, results}); GET /seller/v1/orders/{id} is the order itself', () => {
		const order = magaluOrder({ id: 'e3d0f7a2-0001', updatedAt: '2026-01-10T15:00:00.000Z' });
		expect(ordersInResponse('magalu', { meta: { page: { limit: 20, offset: 0, count: 1, max_limit: 100 } }, results: [order] })).toEqual({ orders: [order], list: true });
		expect(ordersInResponse('magalu', order)).toEqual({ orders: [order], list: false });
	});

	it('an order is never mistaken for a wrapper; a bare array is a list everywhere, of wrapped responses too', () => {
		const order = publishedVtex('get-order');
		expect(ordersInResponse('vtex', order)).toEqual({ orders: [order], list: false });
		expect(ordersInResponse('amazon', [{ order: { orderId: 'A' } }, { orders: [{ orderId: 'B' }] }])).toEqual({ orders: [{ orderId: 'A' }, { orderId: 'B' }], list: true });
		expect(ordersInResponse('woocommerce', [])).toEqual({ orders: [], list: true });
	});
});
