import { createNuvemshopAdapter, type NuvemshopOrder } from '../../core/channels/nuvemshop';
import type { ChannelAdapter } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport } from '../../core/http/transport';
import { OrderValidationError } from '../../core/model/validate';
import { NuvemshopSimulator, nuvemshopOrder } from '../simulators/nuvemshop';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const auth = { storeId: '123456', accessToken: 'tok_61fa' };
const UA = 'OMS n8n nodes (oms@example.com)';
const headers = (token = auth.accessToken, userAgent = UA) => ({ authentication: `bearer ${token}`, 'user-agent': userAgent });
const { retry } = tinyRetry();

let sim: NuvemshopSimulator;
const adapterWith = (h = headers(), storeId = auth.storeId): ChannelAdapter<NuvemshopOrder> =>
	createNuvemshopAdapter({ transport: createFetchTransport(h, 5000), baseUrl: `${sim.baseUrl}/v1/`, account: storeId, retry });

const listAll = listAllBy((o: NuvemshopOrder) => o.id as number);

const at = (minute: number) => `2024-05-01T09:${String(minute).padStart(2, '0')}:00-03:00`;
const WINDOW = ['2024-05-01T12:00:00.000Z', '2024-05-01T13:00:00.000Z'] as const;

beforeEach(async () => {
	sim = new NuvemshopSimulator(auth);
	await sim.start();
});
afterEach(() => sim.stop());

describe('Nuvemshop listing through the simulator', () => {
	it('follows the Link header over several pages, then lists the voided/refunded/abandoned groups', async () => {
		for (let i = 1; i <= 12; i++) sim.put(nuvemshopOrder({ id: 1000 + i, updatedAt: at(i) }));
		sim.put(
			nuvemshopOrder({ id: 2001, updatedAt: at(20), status: 'cancelled', paymentStatus: 'voided' }),
			nuvemshopOrder({ id: 2002, updatedAt: at(21), paymentStatus: 'refunded' }),
			nuvemshopOrder({ id: 2003, updatedAt: at(22), paymentStatus: 'abandoned' }),
		);
		const { ids, pages } = await listAll(adapterWith(), ...WINDOW, 5);
		expect([...new Set(ids)].sort()).toEqual([...Array.from({ length: 12 }, (_, i) => 1001 + i), 2001, 2002, 2003]);
		// Pages are keyed on creation time: the oldest order of a page opens the next (ties in its second must
		// not be lost), so 1008 and 1004 are listed twice; the poller drops the repeats.
		expect(ids).toHaveLength(17);
		expect(pages).toBe(3 + 3);
		expect(sim.requests(/orders/)[1].query.get('created_at_max')).toBe('2024-05-01T12:08:01Z');
		const first = sim.requests(/orders/)[0];
		expect(first.path).toBe('/v1/123456/orders');
		expect(Object.fromEntries(first.query)).toMatchObject({ per_page: '5', page: '1', updated_at_min: '2024-05-01T12:00:00Z' });
	});

	it('returns the orders updated inside the window only', async () => {
		sim.put(
			nuvemshopOrder({ id: 1, updatedAt: '2024-05-01T09:09:59-03:00' }),
			nuvemshopOrder({ id: 2, updatedAt: '2024-05-01T09:10:00-03:00' }),
			nuvemshopOrder({ id: 3, updatedAt: '2024-05-01T09:19:59-03:00' }),
			nuvemshopOrder({ id: 4, updatedAt: '2024-05-01T09:20:01-03:00' }),
			nuvemshopOrder({ id: 5, updatedAt: '2024-05-01T12:15:00-03:00', createdAt: '2024-05-01T09:15:00-03:00' }),
		);
		const { ids } = await listAll(adapterWith(), '2024-05-01T12:10:00.000Z', '2024-05-01T12:20:00.000Z', 50);
		expect(ids.sort()).toEqual([2, 3]);
	});

	it('an empty window (404 "Last page is 0") is an empty listing, not an error', async () => {
		const { ids, pages } = await listAll(adapterWith(), ...WINDOW, 50);
		expect(ids).toEqual([]);
		expect(pages).toBe(4);
	});

	it.each([
		['a wrong token', 401, headers('wrong'), auth.storeId],
		['another store', 401, headers(), '999'],
		['no contact in the User-Agent', 400, headers(auth.accessToken, 'node'), auth.storeId],
	])('%s → ChannelHttpError %i', async (_label, code, h, storeId) => {
		const promise = adapterWith(h, storeId).listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 });
		await expect(promise).rejects.toBeInstanceOf(ChannelHttpError);
		await expect(promise).rejects.toMatchObject({ httpCode: code });
	});

	it('a malformed listed order fails normalize naming order and field', async () => {
		sim.put(nuvemshopOrder({ id: 9, updatedAt: at(5), products: [{ sku: 'A', quantity: 1, price: '5,00' }] }));
		const adapter = adapterWith();
		const [raw] = (await adapter.listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).items;
		expect(adapter.identify(raw)).toEqual({ channelOrderId: '9', updatedAt: '2024-05-01T12:05:00.000Z' });
		expect(() => adapter.normalize(raw)).toThrow(OrderValidationError);
		expect(() => adapter.normalize(raw)).toThrow(/nuvemshop:9.*products\[0\]\.price/);
	});
});
