import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli';
import { publishedVtex } from './helpers/vtex-published';

/**
 * The CLI takes a response exactly as the channel's API returns it (core/channels/responses.ts knows the
 * wrappers). Published responses only; sources:
 * - VTEX: see helpers/vtex-published.ts (vtex/openapi-schemas@0d207e53…:"VTEX - Orders API.json").
 * - Mercado Livre orders-search.json and WooCommerce wp-api-v3-list-orders.json: see the SOURCES notes and
 *   tests of those channels (mercadolivre/SOURCES.md, woocommerce.published.test.ts).
 */
const published = (channel: string, name: string): string => readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8');

async function run(channel: string, stdin: string) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(['normalize', '--channel', channel, '--account', 'acct-1'], { readStdin: async () => stdin, out: (t) => out.push(t), err: (t) => err.push(t) });
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

	it('a list with one bad order prints the good ones and names the bad one (exit 1)', async () => {
		const [good, bad] = publishedVtex('order-group');
		bad.items = [];
		const r = await run('vtex', JSON.stringify([good, bad]));
		expect(r.code).toBe(1);
		expect(r.out.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual(['v71425090str-01']);
		expect(r.err).toEqual(['Malformed vtex order: Order vtex:v71425090str-02: field "items" has no item with a quantity above 0']);
	});
});
