import { createWooCommerceAdapter, type WooOrder } from '../../core/channels/woocommerce';
import type { ChannelAdapter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { OrderValidationError } from '../../core/model/validate';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const keys = { consumerKey: 'ck_test', consumerSecret: 'cs_test' };
const basic = (k: string, s: string) => ({ authorization: `Basic ${Buffer.from(`${k}:${s}`).toString('base64')}` });
const { retry } = tinyRetry();

let sim: WooCommerceSimulator;
const adapterWith = (headers = basic(keys.consumerKey, keys.consumerSecret), timeoutMs = 5000): ChannelAdapter<WooOrder> =>
	createWooCommerceAdapter({ transport: createFetchTransport(headers, timeoutMs), baseUrl: sim.baseUrl, account: 'shop.example.com', retry });

const listAll = listAllBy((o: WooOrder) => o.id as number);

const at = (minute: number, second = 0) => `2024-05-01T12:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}`;

beforeEach(async () => {
	sim = new WooCommerceSimulator(keys);
	await sim.start();
});
afterEach(() => sim.stop());

describe('WooCommerce listing through the simulator', () => {
	it('lists a window over several pages, each order once, newest first, keyed on creation time', async () => {
		for (let i = 1; i <= 23; i++) sim.put(wooOrder({ id: 1000 + i, modifiedGmt: at(i), createdGmt: at(i) }));
		const { ids, pages } = await listAll(adapterWith(), '2024-05-01T12:00:00.000Z', '2024-05-01T13:00:00.000Z', 10);
		expect(pages).toBe(3);
		// The oldest order of a page opens the next one (ties in its second must not be lost); the poller drops it.
		expect([...new Set(ids)]).toEqual(Array.from({ length: 23 }, (_, i) => 1023 - i));
		expect(ids).toHaveLength(25);
		const [first, second] = sim.requests(/orders/).map((r) => Object.fromEntries(r.query));
		expect(first).toMatchObject({ dates_are_gmt: 'true', order: 'desc', orderby: 'date', per_page: '10', page: '1' });
		expect(first.before).toBeUndefined();
		// The next page is "created before the second after the oldest order listed", not page 2.
		expect(second).toMatchObject({ before: '2024-05-01T12:14:01', page: '1', per_page: '10' });
	});

	it('pages within one creation second when a whole page was created in it', async () => {
		for (let i = 1; i <= 25; i++) sim.put(wooOrder({ id: 2000 + i, modifiedGmt: at(30), createdGmt: at(5) }));
		const { ids } = await listAll(adapterWith(), '2024-05-01T12:00:00.000Z', '2024-05-01T13:00:00.000Z', 10);
		expect(new Set(ids).size).toBe(25);
		// The first page names no bound yet: the bound it yields is the same second, so paging goes on within it.
		expect(sim.requests(/orders/).map((r) => r.query.get('page'))).toEqual(['1', '1', '2', '3']);
	});

	it('returns exactly the orders modified in [since, until), in GMT', async () => {
		sim.put(
			wooOrder({ id: 1, modifiedGmt: at(9, 59) }),
			wooOrder({ id: 2, modifiedGmt: at(10, 0) }), // since's second: included
			wooOrder({ id: 3, modifiedGmt: at(15) }),
			wooOrder({ id: 4, modifiedGmt: at(19, 59) }),
			wooOrder({ id: 5, modifiedGmt: at(20, 0) }), // until: excluded
			// Modified 3 h later in GMT but at 12:15 local: a filter read in local time would wrongly include it.
			wooOrder({ id: 6, modifiedGmt: '2024-05-01T15:15:00' }),
		);
		const { ids } = await listAll(adapterWith(), '2024-05-01T12:10:00.000Z', '2024-05-01T12:20:00.000Z', 100);
		expect(ids.sort()).toEqual([2, 3, 4]);
	});

	it('covers sub-second window bounds by widening to whole seconds', async () => {
		sim.put(wooOrder({ id: 7, modifiedGmt: at(10, 0) }), wooOrder({ id: 8, modifiedGmt: at(20, 0) }));
		const { ids } = await listAll(adapterWith(), '2024-05-01T12:10:00.400Z', '2024-05-01T12:20:00.300Z', 100);
		// The poller de-duplicates the extra second on each side.
		expect(ids.sort()).toEqual([7, 8]);
	});

	it('an empty window is one empty page', async () => {
		const page = await adapterWith().listChanged({ since: '2024-05-01T12:00:00Z', until: '2024-05-01T13:00:00Z', pageSize: 50 });
		expect(page).toEqual({ items: [], nextPageToken: undefined });
	});

	it('500 and truncated JSON are retried; a hang times out into a ChannelHttpError', async () => {
		sim.put(wooOrder({ id: 10, modifiedGmt: at(5) }));
		sim.injectFault({ kind: 'status', status: 500 }).injectFault({ kind: 'truncated' });
		const page = await adapterWith().listChanged({ since: '2024-05-01T12:00:00Z', until: '2024-05-01T13:00:00Z', pageSize: 10 });
		expect(page.items).toHaveLength(1);
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'hang', ms: 300 });
		await expect(adapterWith(undefined, 50).listChanged({ since: at(0), until: at(59), pageSize: 10 })).rejects.toMatchObject({
			name: 'ChannelHttpError',
			httpCode: undefined,
		});
	});

	it('a malformed listed order fails normalize naming order and field', async () => {
		const broken = wooOrder({ id: 11, modifiedGmt: at(5), lines: [{ sku: 'A', quantity: 1, subtotal: 'R$ 10,00' }] });
		sim.put(broken);
		const adapter = adapterWith();
		const [raw] = (await adapter.listChanged({ since: '2024-05-01T12:00:00Z', until: '2024-05-01T13:00:00Z', pageSize: 10 })).items;
		expect(adapter.identify(raw)).toEqual({ channelOrderId: '11', updatedAt: '2024-05-01T12:05:00.000Z' });
		expect(() => adapter.normalize(raw)).toThrow(OrderValidationError);
		expect(() => adapter.normalize(raw)).toThrow(/woocommerce:11.*line_items\[0\]\.subtotal/);
	});
});
