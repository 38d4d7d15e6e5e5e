import { createMagaluAdapter, MAGALU_DEFAULT_CHANNEL_ID, type MagaluOrder } from '../../core/channels/magalu';
import type { ChannelAdapter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { MagaluSimulator, magaluOrder } from '../simulators/magalu';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const auth = { accessToken: 'jwt-sim-access', channelId: MAGALU_DEFAULT_CHANNEL_ID };
const { retry } = tinyRetry();

let sim: MagaluSimulator;
const adapterWith = (token = auth.accessToken, timeoutMs = 5000): ChannelAdapter<MagaluOrder> =>
	createMagaluAdapter({ transport: createFetchTransport({ authorization: `Bearer ${token}` }, timeoutMs), baseUrl: sim.baseUrl, account: 'loja', retry });

const listAll = listAllBy((o: MagaluOrder) => o.id as string);

const at = (minute: number) => `2024-07-04T19:${String(minute).padStart(2, '0')}:00.000Z`;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
	sim = new MagaluSimulator(auth);
	await sim.start();
});
afterEach(() => sim.stop());

describe('Magalu listing through the simulator', () => {
	it('pages a window by offset, each order once, with X-Channel-Id and the documented paging names', async () => {
		for (let i = 1; i <= 12; i++) sim.put(magaluOrder({ id: id(i), updatedAt: at(i), createdAt: at(i) }));
		const { ids, pages } = await listAll(adapterWith(), at(0), at(59), 5);
		expect(pages).toBe(3);
		expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => id(i + 1)));
		const [first, second] = sim.requests(/orders/);
		expect(Object.fromEntries(first.query)).toMatchObject({ _limit: '5', _offset: '0', _sort: 'created_at:asc' });
		// Each next page starts one order earlier: that order must still be the one the last page ended with.
		expect(Object.fromEntries(second.query)).toMatchObject({ _offset: '4', _limit: '6' });
		expect(first.headers['x-channel-id']).toBe(MAGALU_DEFAULT_CHANNEL_ID);
	});

	it('an order that leaves the window between two pages makes the listing start over, skipping none', async () => {
		for (let i = 1; i <= 6; i++) sim.put(magaluOrder({ id: id(i), updatedAt: at(i), createdAt: at(i) }));
		const adapter = adapterWith();
		const first = await adapter.listChanged({ since: at(0), until: at(59), pageSize: 3 });
		// The first order is paid after the window's end: it leaves, and every later order moves down one place.
		sim.put(magaluOrder({ id: id(1), updatedAt: '2024-05-01T13:30:00.000Z', createdAt: at(1) }));
		const second = await adapter.listChanged({ since: at(0), until: at(59), pageSize: 3, pageToken: first.nextPageToken });
		expect(second.nextPageToken).toBe('0');
		const third = await adapter.listChanged({ since: at(0), until: at(59), pageSize: 3, pageToken: second.nextPageToken });
		const listed = new Set([...first.items, ...second.items, ...third.items].map((o) => o.id));
		// id(4) would have been skipped by offset 3 of the moved list.
		expect(listed).toContain(id(4));
	});

	it('a full last page costs one more, empty request', async () => {
		for (let i = 1; i <= 4; i++) sim.put(magaluOrder({ id: id(i), updatedAt: at(i) }));
		expect(await listAll(adapterWith(), at(0), at(59), 2)).toEqual({ ids: [id(1), id(2), id(3), id(4)], pages: 3 });
	});

	it('filters on updated_at within the window', async () => {
		sim.put(
			magaluOrder({ id: id(1), updatedAt: at(9), createdAt: at(1) }),
			magaluOrder({ id: id(2), updatedAt: at(10), createdAt: at(1) }),
			magaluOrder({ id: id(3), updatedAt: at(15), createdAt: at(1) }),
			magaluOrder({ id: id(4), updatedAt: at(21), createdAt: at(1) }),
		);
		const { ids } = await listAll(adapterWith(), at(10), at(20), 100);
		expect(ids).toEqual([id(2), id(3)]);
		expect(Object.fromEntries(sim.requests(/orders/)[0].query)).toMatchObject({ updated_at__gte: at(10), updated_at__lte: at(20) });
	});

	it('caps _limit at the documented max_limit of 100, one slot kept for the check order', async () => {
		await adapterWith().listChanged({ since: at(0), until: at(59), pageSize: 500 });
		expect(sim.requests(/orders/)[0].query.get('_limit')).toBe('99');
	});
});

describe('Magalu auth and faults', () => {
	it('500, truncated JSON and a hang are retried; persistent 5xx surfaces with its code', async () => {
		sim.put(magaluOrder({ id: id(1), updatedAt: at(5) }));
		sim.injectFault({ kind: 'status', status: 500 }).injectFault({ kind: 'truncated' });
		const adapter = adapterWith(auth.accessToken, 300);
		await expect(adapter.listChanged({ since: at(0), until: at(59), pageSize: 10 })).resolves.toMatchObject({ items: [{ id: id(1) }] });
		sim.injectFault({ kind: 'hang', ms: 1000 });
		await expect(adapter.listChanged({ since: at(0), until: at(59), pageSize: 10 })).resolves.toMatchObject({ items: [{ id: id(1) }] });
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 502 });
		await expect(adapter.listChanged({ since: at(0), until: at(59), pageSize: 10 })).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 502 });
	});
});
