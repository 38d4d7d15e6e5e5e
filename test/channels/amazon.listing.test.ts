import { AMAZON_INCLUDED_DATA, createAmazonAdapter, LWA_TOKEN_PATH, LwaTokenProvider, withLwaAuth, type AmazonOrder } from '../../core/channels/amazon';
import type { ChannelAdapter } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport, type HttpTransport } from '../../core/http/transport';
import { AmazonSpApiSimulator, amazonOrder } from '../simulators/amazon';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const { retry } = tinyRetry();

let sim: AmazonSpApiSimulator;
const signed = (timeoutMs = 5000): HttpTransport => {
	const plain = createFetchTransport({}, timeoutMs);
	return withLwaAuth(plain, new LwaTokenProvider(lwa, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry }));
};
const adapterWith = (transport: HttpTransport = signed()): ChannelAdapter<AmazonOrder> =>
	createAmazonAdapter({ transport, baseUrl: sim.baseUrl, account: 'A3SELLER', retry, options: { marketplaceIds: 'A2Q3Y263D00KWC' } });

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const listAll = listAllBy((o: AmazonOrder) => o.orderId as string);
const LISTING = /\/orders\/2026-01-01\/orders$/;
const window30to10 = () => ({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 });

beforeEach(async () => {
	sim = new AmazonSpApiSimulator(lwa);
	await sim.start();
});
afterEach(() => sim.stop());

describe('Amazon listing through the simulator (searchOrders)', () => {
	it('pages a window with Amazon’s own paginationToken, each order once, whole (items inline), one LWA token', async () => {
		for (let i = 0; i < 7; i++) sim.put(amazonOrder({ id: `702-000000${i}-0000000`, lastUpdate: minutesAgo(60 - i) }));
		const since = minutesAgo(90);
		const { ids, pages } = await listAll(adapterWith(), since, minutesAgo(5), 3);
		expect(pages).toBe(3);
		expect(ids).toEqual(Array.from({ length: 7 }, (_, i) => `702-000000${i}-0000000`));
		const [first, second] = sim.requests(LISTING).map((r) => Object.fromEntries(r.query));
		expect(first).toEqual({
			marketplaceIds: 'A2Q3Y263D00KWC', lastUpdatedAfter: since, lastUpdatedBefore: expect.any(String),
			maxResultsPerPage: '3', includedData: AMAZON_INCLUDED_DATA,
		});
		// The filters repeat unchanged with the token, which is Amazon's own.
		expect(second).toEqual({ ...first, paginationToken: expect.any(String) });
		expect(sim.requests(/\/orders\/2026-01-01\/orders\//)).toHaveLength(0);
		expect(sim.requests(/auth\/o2\/token/)).toHaveLength(1);
		expect(sim.requests(/orders/).every((r) => String(r.headers['x-amz-access-token']).startsWith('Atza|'))).toBe(true);
	});

	it('the page token continues at another page size (the poller shrinks the last page of a tick)', async () => {
		for (let i = 0; i < 6; i++) sim.put(amazonOrder({ id: `702-000000${i}-0000000`, lastUpdate: minutesAgo(60 - i) }));
		const adapter = adapterWith();
		const req = { since: minutesAgo(90), until: minutesAgo(5) };
		const first = await adapter.listChanged({ ...req, pageSize: 2 });
		const rest = await adapter.listChanged({ ...req, pageSize: 50, pageToken: first.nextPageToken });
		expect([...first.items, ...rest.items].map((o) => o.orderId)).toEqual(Array.from({ length: 6 }, (_, i) => `702-000000${i}-0000000`));
		expect(rest.nextPageToken).toBeUndefined();
	});

	it('an expired page token (24 h) re-lists the window from its start instead of failing forever', async () => {
		for (let i = 0; i < 4; i++) sim.put(amazonOrder({ id: `702-000000${i}-0000000`, lastUpdate: minutesAgo(60 - i) }));
		const adapter = adapterWith();
		const req = { since: minutesAgo(90), until: minutesAgo(5), pageSize: 2 };
		const first = await adapter.listChanged(req);
		sim.expirePaginationTokens();
		const again = await adapter.listChanged({ ...req, pageToken: first.nextPageToken });
		expect(again.items.map((o) => o.orderId)).toEqual(['702-0000000-0000000', '702-0000001-0000000']);
		const [, refused, restarted] = sim.requests(LISTING);
		expect(refused.query.has('paginationToken')).toBe(true);
		expect(restarted.query.has('paginationToken')).toBe(false);
		// A 400 that is not about the token is not masked: the restart gets it too, and it surfaces.
		const bad = { status: 400, body: { errors: [{ code: 'InvalidInput', message: 'Invalid Input' }] } } as const;
		sim.injectFault({ kind: 'status', ...bad }, LISTING).injectFault({ kind: 'status', ...bad }, LISTING);
		await expect(adapter.listChanged({ ...req, pageToken: again.nextPageToken })).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 400 });
		expect(sim.requests(LISTING)).toHaveLength(5);
	});

	it('filters on lastUpdatedTime within the window and the marketplace', async () => {
		sim.put(
			amazonOrder({ id: 'early', lastUpdate: minutesAgo(31) }),
			amazonOrder({ id: 'inside', lastUpdate: minutesAgo(20) }),
			amazonOrder({ id: 'late', lastUpdate: minutesAgo(9) }),
			amazonOrder({ id: 'other-marketplace', lastUpdate: minutesAgo(20), marketplaceId: 'ATVPDKIKX0DER' }),
		);
		const { ids } = await listAll(adapterWith(), minutesAgo(30), minutesAgo(10), 100);
		expect(ids).toEqual(['inside']);
	});

	it('keeps lastUpdatedBefore 2½ minutes in the past: a later window end is refused before Amazon is asked', async () => {
		const adapter = adapterWith();
		const now = new Date();
		expect(now.getTime() - adapter.latestUntil(now).getTime()).toBe(150_000);
		// Refused, not clamped: a clamp taken per page would change the filters Amazon binds its token to.
		await expect(adapter.listChanged({ since: minutesAgo(10), until: now.toISOString(), pageSize: 10 })).rejects.toThrow(/at least 2½ minutes in the past/);
		expect(sim.requests(LISTING)).toHaveLength(0);
		sim.put(amazonOrder({ id: 'recent', lastUpdate: minutesAgo(5) }));
		await expect(listAll(adapter, minutesAgo(10), adapter.latestUntil(new Date()).toISOString(), 10)).resolves.toMatchObject({ ids: ['recent'] });
		// The channel enforces the 2 minutes itself (orders_2026-01-01.json, lastUpdatedBefore).
		const direct = await signed()({
			method: 'GET',
			url: `${sim.baseUrl}/orders/2026-01-01/orders`,
			query: { marketplaceIds: 'A2Q3Y263D00KWC', lastUpdatedAfter: minutesAgo(10), lastUpdatedBefore: minutesAgo(1) },
		});
		expect(direct).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidInput' }] } });
	});

	it('one request per page: the listed order is already whole and normalises as is', async () => {
		const items = [1, 2, 3, 4, 5].map((n) => ({ sku: `SKU-${n}`, quantity: n, unitPrice: '2.50' }));
		sim.put(amazonOrder({ id: '702-1111111-2222222', lastUpdate: minutesAgo(20), items }));
		const adapter = adapterWith();
		expect(adapter.getDetails).toBeUndefined();
		const [listed] = (await adapter.listChanged(window30to10())).items;
		const order = adapter.normalize(listed);
		expect(sim.log.filter((r) => /orders/.test(r.path))).toHaveLength(1);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual(items.map((i) => [i.sku, i.quantity, 250]));
		expect(order.customer.name).toBe('Maria Silva Santos');
	});

	it('sample returns the most recently updated order, whole', async () => {
		sim.put(amazonOrder({ id: 'older', lastUpdate: minutesAgo(600) }), amazonOrder({ id: 'newest', lastUpdate: minutesAgo(30) }));
		const raw = await adapterWith().sample!();
		expect(raw).toMatchObject({ orderId: 'newest', orderItems: [{ product: { sellerSku: 'SKU-1' } }], fulfillment: { fulfillmentStatus: 'UNSHIPPED' } });
	});
});

describe('Amazon auth and faults', () => {
	it('a rejected refresh token fails with the LWA error code and no secret in the message', async () => {
		const plain = createFetchTransport();
		const bad = new LwaTokenProvider({ ...lwa, refreshToken: 'Atzr|revoked' }, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry });
		const error = await adapterWith(withLwaAuth(plain, bad)).listChanged(window30to10()).catch((e) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 400, responseBody: { error: 'invalid_grant' } });
		expect(error.message).not.toContain('revoked');
		expect(error.message).not.toContain(lwa.clientSecret);
	});

	it('an expired token (403) is refreshed once and the call succeeds', async () => {
		sim.put(amazonOrder({ id: 'x', lastUpdate: minutesAgo(20) }));
		const adapter = adapterWith();
		await adapter.listChanged(window30to10());
		sim.expireTokens();
		const page = await adapter.listChanged(window30to10());
		expect(page.items).toHaveLength(1);
		expect(sim.requests(/auth\/o2\/token/)).toHaveLength(2);
	});

	it('500, truncated JSON and a hang are retried; the last failure surfaces with its code', async () => {
		sim.put(amazonOrder({ id: 'x', lastUpdate: minutesAgo(20) }));
		sim.injectFault({ kind: 'status', status: 500 }, LISTING).injectFault({ kind: 'truncated' }, LISTING);
		const adapter = adapterWith(signed(300));
		await expect(adapter.listChanged(window30to10())).resolves.toMatchObject({ items: [{ orderId: 'x' }] });
		sim.injectFault({ kind: 'hang', ms: 1000 }, LISTING);
		await expect(adapter.listChanged(window30to10())).resolves.toMatchObject({ items: [{ orderId: 'x' }] });
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 503 }, LISTING);
		await expect(adapter.listChanged(window30to10())).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 503 });
	});

	it('a 200 without the required orders array is a channel fault, not an empty page', async () => {
		const transport: HttpTransport = async () => ({ status: 200, headers: {}, body: { payload: { Orders: [] } } });
		await expect(adapterWith(transport).listChanged(window30to10())).rejects.toMatchObject({ name: 'ChannelHttpError', message: expect.stringMatching(/orders array/) });
	});
});
