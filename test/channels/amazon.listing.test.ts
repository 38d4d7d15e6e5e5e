import { createAmazonAdapter, LWA_TOKEN_PATH, LwaTokenProvider, withLwaAuth, type AmazonOrder } from '../../core/channels/amazon';
import type { ChannelAdapter } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport, type HttpTransport } from '../../core/http/transport';
import { AmazonSpApiSimulator, amazonOrder } from '../simulators/amazon';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const { retry, sleeps } = tinyRetry();

let sim: AmazonSpApiSimulator;
const signed = (timeoutMs = 5000): HttpTransport => {
	const plain = createFetchTransport({}, timeoutMs);
	return withLwaAuth(plain, new LwaTokenProvider(lwa, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry }));
};
const adapterWith = (transport: HttpTransport = signed()): ChannelAdapter<AmazonOrder> =>
	createAmazonAdapter({ transport, baseUrl: sim.baseUrl, account: 'A3SELLER', retry, options: { marketplaceIds: 'A2Q3Y263D00KWC' } });

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const listAll = listAllBy((o: AmazonOrder) => o.AmazonOrderId as string);

beforeEach(async () => {
	sim = new AmazonSpApiSimulator(lwa);
	await sim.start();
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('Amazon listing through the simulator', () => {
	it('pages a window with NextToken, each order once, and one token for all calls', async () => {
		for (let i = 0; i < 7; i++) sim.put(amazonOrder({ id: `702-000000${i}-0000000`, lastUpdate: minutesAgo(60 - i) }));
		const { ids, pages } = await listAll(adapterWith(), minutesAgo(90), new Date().toISOString(), 3);
		expect(pages).toBe(3);
		expect(ids).toEqual(Array.from({ length: 7 }, (_, i) => `702-000000${i}-0000000`));
		const first = Object.fromEntries(sim.requests(/\/orders\/v0\/orders$/)[0].query);
		expect(first).toMatchObject({ MarketplaceIds: 'A2Q3Y263D00KWC', MaxResultsPerPage: '3' });
		expect(sim.requests(/auth\/o2\/token/)).toHaveLength(1);
		expect(sim.requests(/orders/).every((r) => String(r.headers['x-amz-access-token']).startsWith('Atza|'))).toBe(true);
	});

	it('filters on LastUpdateDate within the window and the marketplace', async () => {
		sim.put(
			amazonOrder({ id: 'early', lastUpdate: minutesAgo(31) }),
			amazonOrder({ id: 'inside', lastUpdate: minutesAgo(20) }),
			amazonOrder({ id: 'late', lastUpdate: minutesAgo(9) }),
			amazonOrder({ id: 'other-marketplace', lastUpdate: minutesAgo(20), marketplaceId: 'ATVPDKIKX0DER' }),
		);
		const { ids } = await listAll(adapterWith(), minutesAgo(30), minutesAgo(10), 100);
		expect(ids).toEqual(['inside']);
	});

	it('keeps LastUpdatedBefore two minutes in the past, which the channel enforces with 400', async () => {
		const adapter = adapterWith();
		const now = new Date();
		expect(now.getTime() - adapter.latestUntil(now).getTime()).toBeGreaterThanOrEqual(120_000);
		sim.put(amazonOrder({ id: 'recent', lastUpdate: minutesAgo(5) }));
		// A window ending now (as a careless caller might ask) is clamped instead of rejected.
		await expect(listAll(adapter, minutesAgo(10), now.toISOString(), 10)).resolves.toMatchObject({ ids: ['recent'] });
		const before = Date.parse(sim.requests(/\/orders\/v0\/orders$/)[0].query.get('LastUpdatedBefore')!);
		expect(before).toBeLessThanOrEqual(Date.now() - 120_000);
		const direct = await signed()({
			method: 'GET',
			url: `${sim.baseUrl}/orders/v0/orders`,
			query: { MarketplaceIds: 'A2Q3Y263D00KWC', LastUpdatedAfter: minutesAgo(10), LastUpdatedBefore: minutesAgo(1) },
		});
		expect(direct).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidInput' }] } });
	});

	it('getDetails pages getOrderItems and combines order and items', async () => {
		sim.itemsPageSize = 2;
		const items = [1, 2, 3, 4, 5].map((n) => ({ sku: `SKU-${n}`, quantity: n, itemPrice: (n * 2.5).toFixed(2) }));
		sim.put(amazonOrder({ id: '702-1111111-2222222', lastUpdate: minutesAgo(20), items }));
		const adapter = adapterWith();
		const [summary] = (await adapter.listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 })).items;
		const order = adapter.normalize(await adapter.getDetails!(summary));
		expect(sim.requests(/orderItems/)).toHaveLength(3);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual(items.map((i) => [i.sku, i.quantity, 250]));
	});

	it('sample returns the most recently updated order with its items', async () => {
		sim.put(amazonOrder({ id: 'older', lastUpdate: minutesAgo(600) }), amazonOrder({ id: 'newest', lastUpdate: minutesAgo(30) }));
		const raw = await adapterWith().sample!();
		expect(raw).toMatchObject({ AmazonOrderId: 'newest', OrderItems: [{ SellerSKU: 'SKU-1' }] });
	});
});

describe('Amazon auth and faults', () => {
	it('a request without an access token fails with ChannelHttpError 403, not retried', async () => {
		const error = await adapterWith(createFetchTransport()).listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 }).catch((e) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 403, responseBody: { errors: [{ code: 'Unauthorized' }] } });
		expect(sim.requests(/orders/)).toHaveLength(1);
	});

	it('a rejected refresh token fails with the LWA error code and no secret in the message', async () => {
		const plain = createFetchTransport();
		const bad = new LwaTokenProvider({ ...lwa, refreshToken: 'Atzr|revoked' }, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry });
		const error = await adapterWith(withLwaAuth(plain, bad)).listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 }).catch((e) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 400, responseBody: { error: 'invalid_grant' } });
		expect(error.message).not.toContain('revoked');
		expect(error.message).not.toContain(lwa.clientSecret);
	});

	it('an expired token (403) is refreshed once and the call succeeds', async () => {
		sim.put(amazonOrder({ id: 'x', lastUpdate: minutesAgo(20) }));
		const adapter = adapterWith();
		await adapter.listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 });
		sim.expireTokens();
		const page = await adapter.listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 });
		expect(page.items).toHaveLength(1);
		expect(sim.requests(/auth\/o2\/token/)).toHaveLength(2);
	});

	it('429 with Retry-After, then success, through sendWithRetry', async () => {
		sim.put(amazonOrder({ id: 'x', lastUpdate: minutesAgo(20) }));
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '2', body: { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] } }, /\/orders\/v0\/orders$/);
		const page = await adapterWith().listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 });
		expect(page.items).toHaveLength(1);
		expect(sleeps).toEqual([2000]);
	});

	it('500, truncated JSON and a hang are retried; the last failure surfaces with its code', async () => {
		sim.put(amazonOrder({ id: 'x', lastUpdate: minutesAgo(20) }));
		sim.injectFault({ kind: 'status', status: 500 }, /orderItems/).injectFault({ kind: 'truncated' }, /orderItems/);
		const adapter = adapterWith(signed(300));
		const [summary] = (await adapter.listChanged({ since: minutesAgo(30), until: minutesAgo(10), pageSize: 10 })).items;
		await expect(adapter.getDetails!(summary)).resolves.toMatchObject({ OrderItems: [{ SellerSKU: 'SKU-1' }] });
		sim.injectFault({ kind: 'hang', ms: 1000 }, /orderItems/);
		await expect(adapter.getDetails!(summary)).resolves.toMatchObject({ AmazonOrderId: 'x' });
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 503 }, /orderItems/);
		await expect(adapter.getDetails!(summary)).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 503 });
	});
});
