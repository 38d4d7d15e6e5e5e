import { NodeApiError, type IDataObject, type INodeParameters } from 'n8n-workflow';
import type { RetryPolicy } from '../../core/http/retry';
import { MercadoLivreTrigger } from '../../nodes/MercadoLivreTrigger/MercadoLivreTrigger.node';
import { orderTriggerPoll, POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import { MercadoLivreSimulator, mlOrder, mlShipment } from '../simulators/mercadolivre';
import { PollHarness } from '../harness/n8n-poll-harness';

const TOKEN = 'APP_USR-1234567890-test';
const T0 = Date.parse('2026-03-10T14:20:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

let sim: MercadoLivreSimulator;
let clock: number;
let sleeps: number[];
const retry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5000, sleep: async (ms) => void sleeps.push(ms) };

function harness(parameters: INodeParameters = {}, token = TOKEN, depots = ''): PollHarness {
	const nodeType = new MercadoLivreTrigger();
	nodeType.poll = orderTriggerPoll('mercadolivre', { retry, timeoutMs: 300, now: () => new Date(clock) });
	return new PollHarness({
		nodeType,
		parameters,
		credentials: { baseUrl: sim.baseUrl, sellerId: '', depots, oauthTokenData: { access_token: token, user_id: sim.sellerId } },
		authenticate: (c, req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${(c.oauthTokenData as IDataObject).access_token}` } }),
	});
}

const ids = (items: IDataObject[] | null) => (items ?? []).map((i) => i.channelOrderId ?? (i.error as IDataObject).orderRef);
const stateOf = (h: PollHarness) => h.staticData[POLL_STATE_KEY] as IDataObject;
const searches = () => sim.requests(/\/orders\/search/);

beforeEach(async () => {
	sim = new MercadoLivreSimulator(TOKEN);
	await sim.start();
	clock = T0;
	sleeps = [];
});
afterEach(() => sim.stop());

describe('Mercado Livre trigger through n8n PollContext', () => {
	it('first activation seeds the cursor and emits nothing, without calling the API', async () => {
		sim.put(mlOrder({ id: 2000001, lastUpdated: at(-10) }));
		const h = harness();
		expect(await h.poll()).toBeNull();
		expect(sim.log).toHaveLength(0);
		expect(stateOf(h)).toMatchObject({ cursor: at(0), seenSince: at(0), seen: {} });
	});

	it('next ticks emit exactly the new and the changed orders, each change once', async () => {
		sim.put(mlOrder({ id: 2000001, lastUpdated: at(-30) }), mlOrder({ id: 2000002, lastUpdated: at(-40) }));
		const h = harness();
		await h.poll();
		sim.put(mlOrder({ id: 2000003, lastUpdated: at(5) }), mlOrder({ id: 2000004, lastUpdated: at(8) }));
		clock = T0 + 15 * 60_000;
		expect(ids(await h.poll())).toEqual(['2000003', '2000004']);
		// The hour-wide overlap re-lists everything above; only the changed order comes out.
		sim.put(mlOrder({ id: 2000001, lastUpdated: at(20), status: 'cancelled' }));
		clock = T0 + 30 * 60_000;
		const second = await h.poll();
		expect(ids(second)).toEqual(['2000001']);
		expect(second![0]).toMatchObject({ status: 'cancelled', channel: 'mercadolivre', account: String(sim.sellerId) });
		clock = T0 + 45 * 60_000;
		expect(await h.poll()).toBeNull();
		expect(searches().at(-1)!.query.get('order.date_last_updated.from')).toBe('2026-03-10T13:50:00.000-00:00');
	});

	it('multi-origin: the credential\'s Depots put the depot\'s OMS warehouse on the line and the order', async () => {
		const h = harness({}, TOKEN, '54936888=sp');
		await h.poll();
		sim.put(
			mlOrder({ id: 2000011, lastUpdated: at(5), lines: [{ sku: 'CAM-AZ-M', quantity: 1, unitPrice: 87.9, storeId: '54936888' }] }),
			mlOrder({ id: 2000012, lastUpdated: at(6), lines: [{ sku: 'CAM-AZ-M', quantity: 1, unitPrice: 87.9, storeId: '999' }] }),
		);
		clock = T0 + 15 * 60_000;
		const items = (await h.poll())!;
		expect(items.map((o) => [o.channelOrderId, o.warehouse, (o.lines as IDataObject[])[0].warehouse])).toEqual([
			['2000011', 'sp', 'sp'],
			['2000012', 'default', 'default'],
		]);
	});

	it('pages through three pages with offset/limit and emits each order once', async () => {
		const h = harness({ options: { maxOrdersPerPoll: 500 } });
		await h.poll();
		for (let i = 0; i < 120; i++) sim.put(mlOrder({ id: 3000000 + i, lastUpdated: at(1 + (i % 10)), created: at(-100 + i) }));
		clock = T0 + 15 * 60_000;
		const items = await h.poll();
		expect(new Set(ids(items)).size).toBe(120);
		expect(searches().map((r) => r.query.get('offset'))).toEqual(['0', '50', '100']);
		expect(stateOf(h).backlog).toBeUndefined();
	});

	it('does not lose orders when one leaves the window while paging (offsets shift)', async () => {
		const h = harness({ options: { maxOrdersPerPoll: 500 } });
		await h.poll();
		for (let i = 0; i < 60; i++) sim.put(mlOrder({ id: 4000000 + i, lastUpdated: at(2), created: at(-100 + i) }));
		// Before page 2: order #3 (already emitted on page 1) is updated past the window's end.
		sim.beforeSearch = (_req, n) => {
			if (n === 1) sim.put(mlOrder({ id: 4000003, lastUpdated: at(100), created: at(-97), status: 'cancelled' }));
		};
		clock = T0 + 15 * 60_000;
		const first = ids(await h.poll());
		expect(new Set(first).size).toBe(60);
		expect(first).toHaveLength(60);
		sim.beforeSearch = undefined;
		clock = T0 + 105 * 60_000;
		expect(ids(await h.poll())).toEqual(['4000003']);
	});

	it('waits out a 429 with Retry-After and then succeeds', async () => {
		const h = harness();
		await h.poll();
		sim.put(mlOrder({ id: 2000010, lastUpdated: at(3) }));
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '2', body: { message: 'local_rate_limited', status: 429 } }, /orders\/search/);
		clock = T0 + 15 * 60_000;
		expect(ids(await h.poll())).toEqual(['2000010']);
		expect(sleeps).toEqual([2000]);
	});

	it('recovers from a hang past the timeout and from truncated JSON', async () => {
		const h = harness();
		await h.poll();
		sim.put(mlOrder({ id: 2000011, lastUpdated: at(3) }));
		sim.injectFault({ kind: 'hang', ms: 1000 }, /orders\/search/).injectFault({ kind: 'truncated' }, /orders\/search/);
		clock = T0 + 15 * 60_000;
		expect(ids(await h.poll())).toEqual(['2000011']);
		expect(searches()).toHaveLength(3);
	});

	it('a failing tick changes nothing, and the next tick recovers everything', async () => {
		const h = harness();
		await h.poll();
		sim.put(mlOrder({ id: 2000020, lastUpdated: at(3) }), mlOrder({ id: 2000021, lastUpdated: at(4) }));
		clock = T0 + 15 * 60_000;
		const before = h.staticData;
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 500 }, /orders\/search/);
		const failure = await h.poll().catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect((failure as NodeApiError).httpCode).toBe('500');
		expect(h.staticData).toEqual(before);
		clock = T0 + 30 * 60_000;
		expect(ids(await h.poll())).toEqual(['2000020', '2000021']);
	});

	it('an expired token fails the tick with NodeApiError 401, without retrying', async () => {
		const h = harness({}, 'APP_USR-expired');
		await h.poll();
		clock = T0 + 15 * 60_000;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '401' });
		expect(searches()).toHaveLength(1);
	});

	it('carries the rest over when max orders per poll is reached, between whole pages, skipping none', async () => {
		const h = harness({ options: { maxOrdersPerPoll: 60 } });
		await h.poll();
		for (let i = 0; i < 120; i++) sim.put(mlOrder({ id: 5000000 + i, lastUpdated: at(1 + (i % 7)), created: at(-150 + i) }));
		// Three hours on, the overlap no longer covers these orders: only the carried-over page token does.
		clock = T0 + 180 * 60_000;
		const ticks: string[][] = [];
		for (let i = 0; i < 3; i++) ticks.push(ids(await h.poll()) as string[]);
		// Pages of 50 are never cut to fit the cap (a page at another size is another position).
		expect(ticks.map((t) => t.length)).toEqual([100, 20, 0]);
		expect(new Set(ticks.flat()).size).toBe(120);
		expect(new Set(searches().map((r) => r.query.get('limit')))).toEqual(new Set(['50']));
		expect(stateOf(h).backlog).toBeUndefined();
	});

	it('emits a malformed order as an error item once, and the others proceed past it', async () => {
		const h = harness();
		await h.poll();
		sim.put(
			mlOrder({ id: 2000030, lastUpdated: at(2) }),
			mlOrder({ id: 2000031, lastUpdated: at(3), lines: [] }),
			mlOrder({ id: 2000032, lastUpdated: at(4) }),
		);
		clock = T0 + 15 * 60_000;
		const items = (await h.poll())!;
		expect(ids(items)).toEqual(['2000030', 'mercadolivre:2000031', '2000032']);
		expect(items[1]).toMatchObject({
			error: { orderRef: 'mercadolivre:2000031', field: 'lines' },
			raw: { id: 2000031 },
		});
		expect(stateOf(h).cursor).toBe(at(15));
		clock = T0 + 30 * 60_000;
		expect(await h.poll()).toBeNull();
	});

	it('attaches the shipment: address, tracking and fulfilment status; raw payload on request', async () => {
		const h = harness({ options: { includeRaw: true } });
		await h.poll();
		sim.put(mlOrder({ id: 2000040, lastUpdated: at(2), shipmentId: 41000 }));
		sim.shipments.set(41000, mlShipment(41000, 'shipped', 'in_hub', 'BR123456789'));
		clock = T0 + 15 * 60_000;
		const [order] = (await h.poll())!;
		expect(order).toMatchObject({
			status: 'shipped',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: { street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP', postalCode: '01310100', country: 'BR' },
			shipments: [{ trackingCode: 'BR123456789', carrier: 'Correios' }],
			raw: { id: 2000040, shipment: { id: 41000, status: 'shipped' } },
		});
		expect(sim.requests(/\/shipments\//)[0].headers['x-format-new']).toBe('true');
	});

	it('manual mode returns the most recent order as a sample and leaves the state alone', async () => {
		const h = harness();
		await h.poll();
		const before = h.staticData;
		sim.put(mlOrder({ id: 2000050, lastUpdated: at(-300), created: at(-300) }), mlOrder({ id: 2000051, lastUpdated: at(-200), created: at(-200) }));
		expect(ids(await h.poll('manual'))).toEqual(['2000051']);
		expect(searches()[0].query.get('sort')).toBe('date_desc');
		expect(h.staticData).toEqual(before);
	});
});
