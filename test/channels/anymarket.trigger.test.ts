import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AnyMarketTrigger } from '../../nodes/AnyMarketTrigger/AnyMarketTrigger.node';
import { orderTriggerPoll, POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import { AnyMarketSimulator, anyMarketOrder } from '../simulators/anymarket';
import { PollHarness } from '../harness/n8n-poll-harness';
import { ANYMARKET_TOKEN } from './conformance/drivers/anymarket';
import { describeTriggerConformance, followingClock, orderIds, TINY_RETRY } from './trigger-conformance';

const FEED = /\/v2\/orders\/feeds$/;
const T0 = Date.parse('2026-03-10T14:20:00Z');
let sim: AnyMarketSimulator;

function harness(now: () => Date = () => new Date(T0), retry = TINY_RETRY, parameters?: INodeParameters): PollHarness {
	const nodeType = new AnyMarketTrigger();
	// A feed read that times out on a loaded machine is retried and finds its entries hidden (read, not acknowledged):
	// they come back after the visibility timeout, which a test does not wait for.
	nodeType.poll = orderTriggerPoll('anymarket', { retry, timeoutMs: 5000, now });
	return new PollHarness({
		nodeType,
		parameters,
		credentials: { accountName: 'loja-hub', token: ANYMARKET_TOKEN, environment: 'production', baseUrl: `${sim.baseUrl}/v2` },
		authenticate: (c, req) => ({ ...req, headers: { ...req.headers, gumgaToken: String(c.token) } }),
	});
}

/** Order n, created at a fixed time of its own, last changed at `at`; a feed entry unless it was there before. */
function put(n: number, at: Date, existing = false): string {
	sim.put(
		anyMarketOrder({ id: 9000 + n, createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString(), lastUpdate: at.toISOString() }),
		!existing,
	);
	return String(9000 + n);
}

const start = async () => {
	sim = new AnyMarketSimulator(ANYMARKET_TOKEN);
	await sim.start();
};

describeTriggerConformance({
	channel: 'anymarket',
	account: 'loja-hub',
	start,
	stop: () => sim.stop(),
	// The feed's visibility timeout runs on the simulator's clock: it follows the trigger's.
	harness: (now, retry, parameters) =>
		harness(
			followingClock(now, (ms) => sim.advance(ms)),
			retry,
			parameters,
		),
	put,
	queue: true,
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && FEED.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, FEED);
	},
});

describe('AnyMarket trigger: the order feed', () => {
	beforeEach(start);
	afterEach(() => sim.stop());
	const acks = () => sim.requests(/\/v2\/orders\/feeds\/\d+$/).filter((r) => r.method === 'PUT');

	it("acknowledges a tick's entries only at the next tick, once its orders were emitted; the origin marketplace comes along", async () => {
		const h = harness();
		await h.poll();
		sim.put(anyMarketOrder({ id: 1, createdAt: '2026-03-10T14:25:00Z', marketPlace: 'NETSHOES' }));
		const items = (await h.poll())!;
		expect(orderIds(items)).toEqual(['1']);
		expect(items[0]).toMatchObject({ channel: 'anymarket', originMarketplace: 'NETSHOES', status: 'paid' });
		expect(acks()).toHaveLength(0);
		expect(((h.staticData[POLL_STATE_KEY] as IDataObject).inFlight as Array<{ acks: string[] }>)[0].acks).toEqual(['1:tk-1']);
		expect(await h.poll()).toBeNull();
		expect(acks().map((r) => [r.path, r.body])).toEqual([['/v2/orders/feeds/1', { token: 'tk-1' }]]);
		expect(sim.feed).toEqual([]);
	});

	it('a tick failing after reading the feed acknowledges nothing: the entry is read again and emitted once', async () => {
		const h = harness();
		await h.poll();
		sim.put(anyMarketOrder({ id: 2, createdAt: '2026-03-10T14:25:00Z' }));
		for (let i = 0; i < TINY_RETRY.maxAttempts; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/v2\/orders\/2$/);
		const before = h.staticData;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '500' });
		expect(h.staticData).toEqual(before);
		expect(acks()).toHaveLength(0);
		// Read but not acknowledged: hidden until the feed's visibility timeout, then handed out again.
		expect(await h.poll()).toBeNull();
		sim.advance(301_000);
		expect(orderIds(await h.poll())).toEqual(['2']);
		expect(await h.poll()).toBeNull();
		expect(sim.feed).toEqual([]);
	});

	it('two entries of one order in a lot: read once, emitted once, both acknowledged; an order gone (404) is acknowledged and skipped', async () => {
		const h = harness();
		await h.poll();
		const order = anyMarketOrder({ id: 3, createdAt: '2026-03-10T14:25:00Z' });
		sim.put(order).put(order);
		sim.feed.push({ id: 404, token: 'tk-gone' });
		expect(orderIds(await h.poll())).toEqual(['3']);
		expect(sim.requests(/\/v2\/orders\/3$/)).toHaveLength(1);
		expect(await h.poll()).toBeNull();
		expect(sim.feed).toEqual([]);
	});

	it('a feed that serves unacknowledged entries again: the tick stops at the repeat, the rest follows the acknowledgements', async () => {
		await sim.stop();
		sim = new AnyMarketSimulator(ANYMARKET_TOKEN, 0);
		await sim.start();
		const h = harness();
		await h.poll();
		const ids = Array.from({ length: 55 }, (_, n) => (sim.put(anyMarketOrder({ id: 100 + n, createdAt: '2026-03-10T14:25:00Z' })), String(100 + n)));
		const first = orderIds(await h.poll());
		expect(first).toHaveLength(50);
		const second = orderIds(await h.poll());
		expect([...first, ...second].sort()).toEqual([...ids].sort());
		expect(await h.poll()).toBeNull();
		// Tick 1: a full lot, then the same lot again (stop); tick 2: the last 5; tick 3: empty.
		expect(sim.requests(FEED).map((r) => r.query.get('limit'))).toEqual(['50', '50', '50', '50']);
		expect(sim.requests(/\/v2\/orders\/\d+$/).filter((r) => r.method === 'GET')).toHaveLength(55);
		expect(sim.feed).toEqual([]);
	});
});
