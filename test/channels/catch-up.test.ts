import { catchUpOrders } from '../../core/channels/catch-up';
import { isErrorItem } from '../../core/channels/poller';
import { createVtexAdapter } from '../../core/channels/vtex';
import { createWooCommerceAdapter } from '../../core/channels/woocommerce';
import { createFetchTransport } from '../../core/http/transport';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import { tinyRetry } from './helpers/channel-test';

const { retry } = tinyRetry();
const ids = (items: Awaited<ReturnType<typeof catchUpOrders>>['items']) => items.map((i) => (isErrorItem(i) ? i.error.orderRef : i.channelOrderId));

describe('catch-up (re-reading a window, stateless)', () => {
	it('VTEX: the feed cannot be read again, so the order list is read by creation time, past its 30-page cap', async () => {
		const keys = { appKey: 'k', appToken: 't' };
		const sim = new VtexSimulator(keys);
		await sim.start();
		try {
			const base = Date.parse('2026-03-10T10:00:00.000Z');
			// 3,100 orders (31 pages of 100), 150 of them created in the same millisecond.
			for (let n = 0; n < 3100; n++) {
				const created = new Date(n < 150 ? base : base + n * 1000).toISOString();
				sim.setOrder(vtexOrder({ orderId: `v${1000000 + n}-01`, status: 'ready-for-handling', lastChange: created, creationDate: created }), false);
			}
			const adapter = createVtexAdapter({ transport: createFetchTransport({ 'X-VTEX-API-AppKey': keys.appKey, 'X-VTEX-API-AppToken': keys.appToken }, 5000), baseUrl: sim.baseUrl, account: 'luxstore', retry });
			const { items, pages } = await catchUpOrders(adapter, { since: new Date(base - 1000), until: new Date(base + 3200 * 1000), pageSize: 100 });
			expect(items.filter(isErrorItem)).toEqual([]);
			expect(new Set(ids(items)).size).toBe(3100);
			expect(items).toHaveLength(3100);
			expect(pages).toBeGreaterThan(31);
			// No request went past the documented 30 pages.
			expect(Math.max(...sim.requests(/\/api\/oms\/pvt\/orders$/).map((r) => Number(r.query.get('page'))))).toBeLessThanOrEqual(30);
		} finally {
			await sim.stop();
		}
	});

	it('a changed-since channel re-reads its own listing: orders already emitted by a trigger come out again', async () => {
		const keys = { consumerKey: 'ck', consumerSecret: 'cs' };
		const sim = new WooCommerceSimulator(keys);
		await sim.start();
		try {
			for (let n = 1; n <= 7; n++) sim.put(wooOrder({ id: n, modifiedGmt: `2026-03-10T12:0${n}:00`, createdGmt: `2026-03-09T12:0${n}:00` }));
			const auth = { authorization: `Basic ${Buffer.from('ck:cs').toString('base64')}` };
			const adapter = createWooCommerceAdapter({ transport: createFetchTransport(auth, 5000), baseUrl: sim.baseUrl, account: 'shop', retry });
			const window = { since: new Date('2026-03-10T12:02:00Z'), until: new Date('2026-03-10T12:06:00Z'), pageSize: 2 };
			expect(ids((await catchUpOrders(adapter, window)).items).sort()).toEqual(['2', '3', '4', '5']);
			expect(ids((await catchUpOrders(adapter, window)).items).sort()).toEqual(['2', '3', '4', '5']);
		} finally {
			await sim.stop();
		}
	});
});
