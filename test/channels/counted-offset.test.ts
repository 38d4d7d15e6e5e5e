import { createMiraklAdapter } from '../../core/channels/mirakl';
import { readPage } from '../../core/channels/anymarket/api';
import { readListing } from '../../core/channels/common/listing';
import { formatCountedOffset, nextCountedOffset, parseCountedOffset, reportedTotal } from '../../core/channels/common/paging';
import { readOrders } from '../../core/channels/mirakl/api';
import type { HttpRequest, HttpResponse } from '../../core/http/transport';

/**
 * Offset paging "with a total" (Mirakl, AnyMarket, Americanas' catch-up, Tray, Via, the HTTP channel): a page
 * that leaves the total out (an optional field, or null) must not end the listing. Before, each reader took the
 * page's own length for the total, so a full first page looked like the whole set and the orders after it
 * were never read.
 */
const req: HttpRequest = { method: 'GET', url: 'https://channel.example/orders' };
const res = (body: unknown): HttpResponse => ({ status: 200, headers: {}, body });

describe('nextCountedOffset', () => {
	test('without a total: the next offset after a full page, the end after a short one', () => {
		expect(nextCountedOffset(parseCountedOffset(undefined), 50, undefined, 50)).toBe(formatCountedOffset({ offset: 50 }));
		expect(nextCountedOffset(parseCountedOffset('o50'), 50, undefined, 50)).toBe(formatCountedOffset({ offset: 100 }));
		expect(nextCountedOffset(parseCountedOffset('o100'), 50, undefined, 7)).toBeUndefined();
		expect(nextCountedOffset(parseCountedOffset('o100'), 50, undefined, 0)).toBeUndefined();
	});

	test('with a total: as before (more while the total says so; a smaller total starts over)', () => {
		expect(nextCountedOffset(parseCountedOffset(undefined), 50, 120, 50)).toBe(formatCountedOffset({ offset: 50, total: 120 }));
		expect(nextCountedOffset(parseCountedOffset('o100t120'), 50, 120, 20)).toBeUndefined();
		expect(nextCountedOffset(parseCountedOffset('o50t120'), 50, 110, 50)).toBe(formatCountedOffset({ offset: 0, total: 110 }));
	});
});

test('reportedTotal: a count as a number or numeric string; absent, null, blank, negative or fractional is none', () => {
	expect([120, '120', ' 7 ', 0, '0'].map(reportedTotal)).toEqual([120, 120, 7, 0, 0]);
	expect([undefined, null, '', ' ', -1, '1.5', 'n/a', {}, true].map(reportedTotal)).toEqual(Array(9).fill(undefined));
});

describe('list readers report an absent total as absent, not as the page length', () => {
	const fifty = Array.from({ length: 50 }, (_, i) => ({ id: i }));
	test.each([
		['Mirakl OR11 without total_count', () => readOrders(res({ orders: fifty }), req).total],
		['Mirakl OR11 with total_count null', () => readOrders(res({ orders: fifty, total_count: null }), req).total],
		['AnyMarket without page', () => readPage(res({ content: fifty }), req).total],
		['AnyMarket with page.totalElements absent', () => readPage(res({ content: fifty, page: { size: 50 } }), req).total],
		['a wrapped listing (Tray, Plugg.To) without paging.total', () => readListing(res({ Orders: fifty.map((o) => ({ Order: o })), paging: {} }), req, 'Orders', 'Order').total],
	])('%s', (_name, total) => expect(total()).toBeUndefined());

	test('a reported total is still read (numbers as strings too)', () => {
		expect(readOrders(res({ orders: fifty, total_count: '120' }), req).total).toBe(120);
		expect(readPage(res({ content: fifty, page: { totalElements: 120 } }), req).total).toBe(120);
		expect(readListing(res({ Orders: [], paging: { total: '0' } }), req, 'Orders', 'Order').total).toBe(0);
	});
});

test('Mirakl: an OR11 that leaves total_count out is listed page after page to its short last page', async () => {
	const orders = Array.from({ length: 230 }, (_, i) => ({ order_id: `M-${i}`, order_state: 'SHIPPING', last_updated_date: '2026-11-27T10:00:00Z' }));
	const offsets: number[] = [];
	const adapter = createMiraklAdapter({
		baseUrl: 'https://mirakl.example',
		account: 'shop',
		transport: async (r) => {
			const offset = Number(r.query?.offset ?? 0);
			const max = Number(r.query?.max ?? 100);
			offsets.push(offset);
			return res({ orders: orders.slice(offset, offset + max) });
		},
	});
	const ids: string[] = [];
	let pageToken: string | undefined;
	do {
		const page = await adapter.listChanged({ since: '2026-11-27T09:00:00Z', until: '2026-11-27T11:00:00Z', pageToken, pageSize: 100 });
		ids.push(...page.items.map((o) => String(o.order_id)));
		pageToken = page.nextPageToken;
	} while (pageToken !== undefined);
	expect(offsets).toEqual([0, 100, 200]);
	expect(ids).toEqual(orders.map((o) => o.order_id));
});
