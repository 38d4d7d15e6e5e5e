import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { RetryPolicy } from '../../core/http/retry';
import { orderTriggerPoll, POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import { ShopifyTrigger } from '../../nodes/ShopifyTrigger/ShopifyTrigger.node';
import { ShopifySimulator, shopifyOrder } from '../simulators/shopify';
import { PollHarness } from '../harness/n8n-poll-harness';
import { shopifyAuthenticate } from './shopify-authenticate';

const TOKEN = 'shpat_0123456789abcdef';
const T0 = Date.parse('2026-03-10T14:20:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString().replace('.000Z', 'Z');

let sim: ShopifySimulator;
let clock: number;
let sleeps: number[];
const retry: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5000, sleep: async (ms) => void sleeps.push(ms) };

const authenticate = shopifyAuthenticate;

function harness(parameters: INodeParameters = {}, accessToken = TOKEN): PollHarness {
	const nodeType = new ShopifyTrigger();
	nodeType.poll = orderTriggerPoll('shopify', { retry, timeoutMs: 300, now: () => new Date(clock) });
	return new PollHarness({
		nodeType,
		parameters,
		credentials: { shopSubdomain: 'bob-norman', accessToken, apiVersion: '2026-01', baseUrl: sim.baseUrl },
		authenticate,
	});
}

const ids = (items: IDataObject[] | null) => (items ?? []).map((i) => i.channelOrderId ?? (i.error as IDataObject).orderRef);
const listCalls = () => sim.requests().filter((r) => /OmsChangedOrders/.test((r.body as { query: string }).query));

beforeEach(async () => {
	sim = new ShopifySimulator(TOKEN);
	await sim.start();
	clock = T0;
	sleeps = [];
});
afterEach(() => sim.stop());

describe('Shopify trigger through n8n PollContext', () => {
	it('seeds, then emits new and changed orders once, with payment and fulfilment kept apart', async () => {
		sim.put(shopifyOrder({ id: 1001, updatedAt: at(-30) }));
		const h = harness();
		expect(await h.poll()).toBeNull();
		sim.put(shopifyOrder({ id: 1002, updatedAt: at(4), financial: 'PAID', fulfillment: 'FULFILLED', fulfillments: [{ displayStatus: 'DELIVERED', tracking: 'BR1' }] }));
		clock = T0 + 15 * 60_000;
		const items = (await h.poll())!;
		expect(ids(items)).toEqual(['1002']);
		expect(items[0]).toMatchObject({ account: 'bob-norman.myshopify.com', status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'delivered' });
		sim.put(shopifyOrder({ id: 1001, updatedAt: at(20), financial: 'REFUNDED', cancelledAt: at(20) }));
		clock = T0 + 30 * 60_000;
		expect(ids(await h.poll())).toEqual(['1001']);
		clock = T0 + 45 * 60_000;
		expect(await h.poll()).toBeNull();
		const q = (listCalls().at(-1)!.body as { variables: { query: string } }).variables.query;
		expect(q).toBe(`updated_at:>='${at(25)}' AND updated_at:<'${at(45)}'`);
		expect(sim.requests()[0].path).toBe('/admin/api/2026-01/graphql.json');
	});

	it('pages with cursors over three pages and fetches details only for versions not yet emitted', async () => {
		const h = harness({ options: { maxOrdersPerPoll: 500 } });
		await h.poll();
		for (let i = 0; i < 120; i++) sim.put(shopifyOrder({ id: 2000 + i, updatedAt: at(1 + (i % 10)) }));
		clock = T0 + 15 * 60_000;
		expect(new Set(ids(await h.poll())).size).toBe(120);
		const afters = listCalls().map((r) => (r.body as { variables: { after: string | null } }).variables.after);
		expect(afters).toHaveLength(3);
		expect(afters[0]).toBeNull();
		const detailsBefore = sim.requests().length - listCalls().length;
		clock = T0 + 20 * 60_000;
		expect(await h.poll()).toBeNull();
		expect(sim.requests().length - listCalls().length).toBe(detailsBefore);
	});

	it('retries THROTTLED answers after the time the bucket needs, and HTTP 429 after Retry-After', async () => {
		const h = harness();
		await h.poll();
		sim.put(shopifyOrder({ id: 3001, updatedAt: at(2) }));
		sim.throttle(1);
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '3' });
		clock = T0 + 15 * 60_000;
		expect(ids(await h.poll())).toEqual(['3001']);
		expect(sleeps).toEqual([3000, 1000]);
	});

	it('retries a 500, a hang and a truncated body although GraphQL is a POST', async () => {
		const h = harness();
		await h.poll();
		sim.put(shopifyOrder({ id: 3002, updatedAt: at(2) }));
		sim.injectFault({ kind: 'status', status: 500 }).injectFault({ kind: 'hang', ms: 1000 });
		sim.injectFault({ kind: 'truncated' });
		clock = T0 + 15 * 60_000;
		expect(ids(await h.poll())).toEqual(['3002']);
	});

	it('a wrong access token fails with NodeApiError 401 and leaves the state', async () => {
		const h = harness({}, 'shpat_wrong');
		await h.poll();
		const before = h.staticData;
		clock = T0 + 15 * 60_000;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '401' });
		expect(h.staticData).toEqual(before);
		// 401 is also how an expired client-credentials token is answered (tokenExpiredStatus), so the request
		// goes out once more through n8n's refresh path (the sent-again request, then n8n's resend after its
		// preAuthentication, a no-op for a static token); nothing is retried beyond that.
		expect(sim.requests()).toHaveLength(3);
		expect(sim.requests(/access_token/)).toHaveLength(0);
	});

	it('reads every page of line items of a large order', async () => {
		const h = harness();
		await h.poll();
		const lines = Array.from({ length: 130 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1, price: '1.10' }));
		sim.put(shopifyOrder({ id: 3003, updatedAt: at(2), lines }));
		clock = T0 + 15 * 60_000;
		const [order] = (await h.poll())!;
		expect((order.lines as unknown[]).length).toBe(130);
		expect(order.totals).toMatchObject({ itemsCents: 14300 });
	});

	// A line without SKU is imported unmapped since issue 7, so an unknown status stands in for a bad order.
	it('emits a malformed order as an error item and keeps going', async () => {
		const h = harness();
		await h.poll();
		sim.put(shopifyOrder({ id: 3004, updatedAt: at(2), lines: [{ sku: 'A', quantity: 1.5, price: '1.00' }] }), shopifyOrder({ id: 3005, updatedAt: at(3) }));
		clock = T0 + 15 * 60_000;
		const items = (await h.poll())!;
		expect(items[0]).toMatchObject({ error: { orderRef: 'shopify:3004', field: expect.stringMatching(/^lineItems\.nodes\[0\]\./) }, raw: { legacyResourceId: '3004' } });
		expect(ids(items)).toEqual(['shopify:3004', '3005']);
		expect((h.staticData[POLL_STATE_KEY] as IDataObject).cursor).toBe(new Date(clock).toISOString());
	});

	it('manual mode samples the most recently updated order and leaves the state', async () => {
		const h = harness();
		await h.poll();
		const before = h.staticData;
		sim.put(shopifyOrder({ id: 3006, updatedAt: at(-100) }), shopifyOrder({ id: 3007, updatedAt: at(-50) }), shopifyOrder({ id: 3008, updatedAt: at(-70) }));
		expect(ids(await h.poll('manual'))).toEqual(['3007']);
		expect((listCalls()[0].body as { variables: { reverse: boolean } }).variables.reverse).toBe(true);
		expect(h.staticData).toEqual(before);
	});
});
