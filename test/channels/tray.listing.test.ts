import { createTrayAdapter, type TrayOrder } from '../../core/channels/tray';
import type { ChannelAdapter } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport } from '../../core/http/transport';
import { TraySimulator, trayOrder } from '../simulators/tray';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const app = { consumerKey: 'ck', consumerSecret: 'cs', code: 'code' };
const { retry, sleeps } = tinyRetry();
let sim: TraySimulator;

/** The transport the n8n credential plays: ?access_token= on every request. */
function adapter(token = sim.token()): ChannelAdapter<TrayOrder> {
	const fetchTransport = createFetchTransport({}, 5000);
	return createTrayAdapter({
		transport: (req) => fetchTransport({ ...req, query: { ...req.query, access_token: token } }),
		baseUrl: sim.apiAddress,
		account: '391250',
		retry,
	});
}
const listAll = listAllBy((o: TrayOrder) => String(o.id));
const WINDOW = ['2026-03-10T12:00:00.000Z', '2026-03-10T13:00:00.000Z'] as const;
const at = (minute: number) => new Date(Date.parse(WINDOW[0]) + minute * 60_000).toISOString();

beforeEach(async () => {
	sim = new TraySimulator(app);
	await sim.start();
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('Tray listing through the simulator', () => {
	it('asks for the window\'s days in store time, ids ascending, and keeps the orders changed inside the window', async () => {
		sim.put(
			trayOrder({ id: 1, modifiedAt: at(-1) }),
			trayOrder({ id: 2, modifiedAt: at(0) }),
			trayOrder({ id: 3, modifiedAt: at(59) }),
			trayOrder({ id: 4, modifiedAt: at(60) }),
			trayOrder({ id: 5, modifiedAt: '2026-03-09T12:30:00Z' }),
		);
		const { ids } = await listAll(adapter(), ...WINDOW, 50);
		expect(ids).toEqual(['2', '3']);
		expect(Object.fromEntries(sim.requests(/orders$/)[0].query)).toMatchObject({ modified: '2026-03-10,2026-03-10', sort: 'id_asc', limit: '50', page: '1' });
	});

	it('a window across the store\'s midnight asks for both days; page size is capped at 50', async () => {
		await adapter().listChanged({ since: '2026-03-10T02:30:00Z', until: '2026-03-10T03:30:00Z', pageSize: 200 });
		expect(Object.fromEntries(sim.requests(/orders$/)[0].query)).toMatchObject({ modified: '2026-03-09,2026-03-10', limit: '50' });
	});

	it('pages by id over several pages', async () => {
		for (let i = 1; i <= 12; i++) sim.put(trayOrder({ id: 100 + i, modifiedAt: at(i) }));
		const { ids, pages } = await listAll(adapter(), ...WINDOW, 5);
		expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => String(101 + i)));
		expect(pages).toBe(3);
		expect(sim.requests(/orders$/).map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
	});

	it('a carried-over window whose orders change meanwhile (they leave its days): starts over, nothing skipped', async () => {
		// Yesterday's window, listed today: orders 201..210 were changed yesterday.
		const yesterday = ['2026-03-09T12:00:00.000Z', '2026-03-09T13:00:00.000Z'] as const;
		for (let i = 1; i <= 10; i++) sim.put(trayOrder({ id: 200 + i, modifiedAt: new Date(Date.parse(yesterday[0]) + i * 60_000).toISOString() }));
		// After the first page (201..204), 202 changes today: it leaves yesterday's set and 205 moves onto page 1.
		sim.afterNext((r) => /orders$/.test(r.path), () => sim.put(trayOrder({ id: 202, modifiedAt: '2026-03-10T12:00:00Z' })));
		const { ids } = await listAll(adapter(), ...yesterday, 4);
		expect(new Set(ids)).toEqual(new Set(['201', '202', '203', '204', '205', '206', '207', '208', '209', '210']));
		// The total dropped from 10 to 9 on page 2: the listing went back to page 1.
		expect(sim.requests(/orders$/).map((r) => r.query.get('page'))).toEqual(['1', '2', '1', '2', '3']);
	});

	it('an empty window is an empty listing; getDetails reads /orders/:id/complete', async () => {
		expect(await listAll(adapter(), ...WINDOW, 50)).toEqual({ ids: [], pages: 1 });
		sim.put(trayOrder({ id: 9, modifiedAt: at(5) }));
		const a = adapter();
		const [summary] = (await a.listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).items;
		expect(summary.ProductsSold).toEqual([{ id: '900' }]);
		expect(a.identify(summary)).toEqual({ channelOrderId: '9', updatedAt: '2026-03-10T12:05:00.000Z' });
		const full = await a.getDetails!(summary);
		expect(a.normalize(full)).toMatchObject({ channelOrderId: '9', lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 4990 }] });
		await expect(a.getOrder!('404')).rejects.toMatchObject({ httpCode: 404 });
	});

	it('a wrong token is ChannelHttpError 401; 429 and 500 are retried', async () => {
		await expect(adapter('wrong').listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).rejects.toBeInstanceOf(ChannelHttpError);
		sim.put(trayOrder({ id: 8, modifiedAt: at(5) }));
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '1' }).injectFault({ kind: 'status', status: 503 });
		expect((await adapter().listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).items.map((o) => o.id)).toEqual(['8']);
		expect(sleeps[0]).toBe(1000);
	});
});
