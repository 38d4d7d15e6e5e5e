import { createVtexAdapter, type VtexRaw } from '../../core/channels/vtex';
import type { ChannelAdapter } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport } from '../../core/http/transport';
import { OrderValidationError } from '../../core/model/validate';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { tinyRetry } from './helpers/channel-test';

const creds = { appKey: 'vtexappkey-luxstore-ABCDEF', appToken: 'secret-token' };
const headers = (token = creds.appToken) => ({ 'x-vtex-api-appkey': creds.appKey, 'x-vtex-api-apptoken': token });
const { retry, sleeps } = tinyRetry();
// The feed ignores the window; any values do.
const WINDOW = { since: '2024-05-01T00:00:00Z', until: '2024-05-01T01:00:00Z' };

let sim: VtexSimulator;
const adapterWith = (h = headers()): ChannelAdapter<VtexRaw> =>
	createVtexAdapter({ transport: createFetchTransport(h, 5000), baseUrl: sim.baseUrl, account: 'luxstore', retry });
const order = (n: number, status = 'ready-for-handling', minute = n) =>
	vtexOrder({ orderId: `11724529007${String(n).padStart(2, '0')}-01`, status, lastChange: `2024-05-01T12:${String(minute).padStart(2, '0')}:00.1234567Z` });
const ids = (items: VtexRaw[]) => items.map((i) => i.orderId).sort();

beforeEach(async () => {
	sim = new VtexSimulator({ ...creds, visibilityTimeoutSeconds: 250 });
	await sim.start();
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('VTEX Feed v3 through the simulator', () => {
	it('reads lots of at most maxlot, returns handles as acks, and signals more when the lot is full', async () => {
		for (let i = 1; i <= 13; i++) sim.setOrder(order(i));
		const adapter = adapterWith();
		const first = await adapter.listChanged({ ...WINDOW, pageSize: 50 });
		expect(first.items).toHaveLength(10);
		expect(first.acks).toHaveLength(10);
		expect(first.nextPageToken).toBeDefined();
		expect(sim.requests(/feed/)[0].query.get('maxlot')).toBe('10');
		const second = await adapter.listChanged({ ...WINDOW, pageSize: 50, pageToken: first.nextPageToken });
		expect(second.items).toHaveLength(3);
		expect(second.nextPageToken).toBeUndefined();
		expect(new Set([...ids(first.items), ...ids(second.items)]).size).toBe(13);
	});

	it('getDetails fetches the order; identify works on the summary and the order', async () => {
		sim.setOrder(order(1, 'payment-approved'));
		const adapter = adapterWith();
		const [summary] = (await adapter.listChanged({ ...WINDOW, pageSize: 10 })).items;
		expect(summary).toMatchObject({ orderId: '1172452900701-01', state: 'payment-approved', domain: 'Fulfillment' });
		expect(adapter.identify(summary)).toEqual({ channelOrderId: '1172452900701-01', updatedAt: '2024-05-01T12:01:00.123Z' });
		const full = await adapter.getDetails!(summary);
		expect(adapter.identify(full)).toEqual(adapter.identify(summary));
		expect(adapter.normalize(full)).toMatchObject({ channel: 'vtex', status: 'paid', lines: [{ sku: 'BIGBML', unitPriceCents: 990 }] });
		expect(sim.requests(/\/api\/oms\/pvt\/orders\//)).toHaveLength(1);
	});

	it('several events of one order in a lot: the latest is kept, every handle is acknowledged', async () => {
		sim.setOrder(order(1, 'payment-approved', 1)).setOrder(order(1, 'ready-for-handling', 2)).setOrder(order(2));
		const page = await adapterWith().listChanged({ ...WINDOW, pageSize: 10 });
		expect(page.items.map((i) => [i.orderId, i.state])).toEqual([
			['1172452900701-01', 'ready-for-handling'],
			['1172452900702-01', 'ready-for-handling'],
		]);
		expect(page.acks).toHaveLength(3);
	});

	it('committed handles are gone; uncommitted ones come back after the visibility timeout', async () => {
		for (let i = 1; i <= 4; i++) sim.setOrder(order(i));
		const adapter = adapterWith();
		const lot = await adapter.listChanged({ ...WINDOW, pageSize: 10 });
		// Emitted and committed: orders 1 and 2. Orders 3 and 4 "crashed" before emission.
		const committed = lot.items.slice(0, 2).map((i) => i.handle as string);
		await adapter.acknowledge!(committed);
		expect(sim.requests(/feed/).at(-1)).toMatchObject({ method: 'POST', body: { handles: committed } });

		expect((await adapter.listChanged({ ...WINDOW, pageSize: 10 })).items).toEqual([]);
		sim.advance(249_000);
		expect((await adapter.listChanged({ ...WINDOW, pageSize: 10 })).items).toEqual([]);
		sim.advance(2_000);
		const again = await adapter.listChanged({ ...WINDOW, pageSize: 10 });
		expect(ids(again.items)).toEqual(['1172452900703-01', '1172452900704-01']);

		await adapter.acknowledge!(again.acks!);
		sim.advance(1_000_000);
		expect((await adapter.listChanged({ ...WINDOW, pageSize: 10 })).items).toEqual([]);
	});

	it('a stale handle (from a delivery that timed out) commits nothing', async () => {
		sim.setOrder(order(1));
		const adapter = adapterWith();
		const stale = (await adapter.listChanged({ ...WINDOW, pageSize: 10 })).acks!;
		sim.advance(251_000);
		const fresh = await adapter.listChanged({ ...WINDOW, pageSize: 10 });
		await adapter.acknowledge!(stale);
		sim.advance(251_000);
		expect(ids((await adapter.listChanged({ ...WINDOW, pageSize: 10 })).items)).toEqual(ids(fresh.items));
	});

	it('a wrong app token → ChannelHttpError 401; no feed configuration → 404', async () => {
		await expect(adapterWith(headers('wrong')).listChanged({ ...WINDOW, pageSize: 10 })).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 401 });
		sim.feedConfigured = false;
		const promise = adapterWith().listChanged({ ...WINDOW, pageSize: 10 });
		await expect(promise).rejects.toBeInstanceOf(ChannelHttpError);
		await expect(promise).rejects.toMatchObject({ httpCode: 404 });
	});

	it('429 with Retry-After then success; 500 then success on getDetails; a commit is retried only on 429', async () => {
		sim.setOrder(order(1));
		const adapter = adapterWith();
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '3' }, /feed/);
		const page = await adapter.listChanged({ ...WINDOW, pageSize: 10 });
		expect(sleeps).toEqual([3000]);
		sim.injectFault({ kind: 'status', status: 500 }, /pvt\/orders/);
		expect((await adapter.getDetails!(page.items[0])).items).toBeDefined();
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '0' }, /feed/);
		await adapter.acknowledge!(page.acks!);
		expect(sim.feed).toHaveLength(0);
		sim.injectFault({ kind: 'status', status: 500 }, /feed/);
		await expect(adapter.acknowledge!(['h'])).rejects.toMatchObject({ httpCode: 500 });
	});

	it('a malformed order fails normalize naming order and field', async () => {
		sim.setOrder(vtexOrder({ orderId: '999-01', status: 'handling', lastChange: '2024-05-01T12:00:00Z', items: [{ refId: 'A', quantity: 1, price: 9.9 }] }));
		const adapter = adapterWith();
		const full = await adapter.getDetails!((await adapter.listChanged({ ...WINDOW, pageSize: 10 })).items[0]);
		expect(() => adapter.normalize(full)).toThrow(OrderValidationError);
		expect(() => adapter.normalize(full)).toThrow(/vtex:999-01.*items\[0\]\.price/);
	});

	it('sample() reads the newest order without touching the feed', async () => {
		sim.setOrder(order(1)).setOrder(order(2));
		const sample = await adapterWith().sample!();
		expect(sample?.orderId).toBe('1172452900702-01');
		expect(sim.requests(/feed/)).toHaveLength(0);
		expect(sim.feed.every((e) => e.handle === undefined)).toBe(true);
	});
});
