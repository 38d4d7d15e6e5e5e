import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { VtexTrigger } from '../../nodes/VtexTrigger/VtexTrigger.node';
import { orderTriggerPoll, POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance, followingClock, orderIds, TINY_RETRY } from './trigger-conformance';

const keys = { appKey: 'vtexappkey-luxstore-ABC', appToken: 'secret-token' };
let sim: VtexSimulator;
let statusFlip = 0;

const T0 = Date.parse('2026-03-10T14:20:00Z');

function harness(now: () => Date = () => new Date(T0), retry = TINY_RETRY, parameters?: INodeParameters): PollHarness {
	const nodeType = new VtexTrigger();
	nodeType.poll = orderTriggerPoll('vtex', { retry, timeoutMs: 500, now });
	return new PollHarness({
		nodeType,
		parameters,
		credentials: { accountName: 'luxstore', ...keys, environment: 'vtexcommercestable', baseUrl: sim.baseUrl },
		authenticate: (c, req) => ({ ...req, headers: { ...req.headers, 'X-VTEX-API-AppKey': String(c.appKey), 'X-VTEX-API-AppToken': String(c.appToken) } }),
	});
}

/** Each put is a status change, as the FromWorkflow feed reports them. */
function put(n: number, at: Date, existing = false): string {
	const orderId = `v${502556 + n}lux-01`;
	sim.setOrder(vtexOrder({ orderId, status: ++statusFlip % 2 ? 'ready-for-handling' : 'handling', lastChange: at.toISOString() }), !existing);
	return orderId;
}

const start = async () => {
	sim = new VtexSimulator(keys);
	await sim.start();
};

describeTriggerConformance({
	channel: 'vtex',
	account: 'luxstore',
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
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && /\/api\/orders\/feed$/.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/api\/orders\/feed$/);
	},
});

/** Feed events are judged by their change time: these come after the trigger's activation (T0). */
describe('VTEX trigger: feed handles', () => {
	beforeEach(start);
	afterEach(() => sim.stop());
	const commits = () => sim.requests(/\/api\/orders\/feed$/).filter((r) => r.method === 'POST');

	it('commits the handles of a tick at the next tick, once the execution that took its items succeeded', async () => {
		const h = harness();
		await h.poll();
		const id = put(1, new Date('2026-03-10T14:30:00Z'));
		expect(orderIds(await h.poll())).toEqual([id]);
		expect(commits()).toHaveLength(0);
		const pending = ((h.staticData[POLL_STATE_KEY] as IDataObject).inFlight as Array<{ acks: string[] }>)[0].acks;
		expect(pending).toHaveLength(1);
		expect(sim.feed).toHaveLength(1);
		expect(await h.poll()).toBeNull();
		expect((commits()[0].body as { handles: string[] }).handles).toEqual(pending);
		expect(sim.feed).toHaveLength(0);
	});

	it('an execution that failed (a killed queue worker) commits nothing: its orders are read again, emitted again, then committed', async () => {
		const h = harness();
		await h.poll();
		const id = put(5, new Date('2026-03-10T14:30:00Z'));
		h.executions = 'failed';
		expect(orderIds(await h.poll())).toEqual([id]);
		h.executions = 'succeeded';
		// The next tick: nothing new on the feed, the failed execution's order emitted again, read by id.
		expect(orderIds(await h.poll())).toEqual([id]);
		expect(commits()).toHaveLength(0);
		expect(sim.requests(new RegExp(`/api/oms/pvt/orders/${id}$`)).length).toBeGreaterThanOrEqual(2);
		expect(await h.poll()).toBeNull();
		expect(commits()).toHaveLength(1);
		expect(sim.feed).toHaveLength(0);
		expect(await h.poll()).toBeNull();
		expect(h.started).toHaveLength(2);
	});

	it('an execution still running keeps its handles uncommitted, and nothing is emitted twice meanwhile', async () => {
		const h = harness();
		await h.poll();
		const id = put(6, new Date('2026-03-10T14:30:00Z'));
		h.executions = 'held';
		expect(orderIds(await h.poll())).toEqual([id]);
		expect(await h.poll()).toBeNull();
		expect(await h.poll()).toBeNull();
		expect(commits()).toHaveLength(0);
		h.finish(0, 'succeeded');
		expect(await h.poll()).toBeNull();
		expect(commits()).toHaveLength(1);
		expect(sim.feed).toHaveLength(0);
	});

	it('an emission this process does not know (n8n restarted meanwhile) is emitted again: unknown is not success', async () => {
		const h = harness();
		await h.poll();
		const id = put(7, new Date('2026-03-10T14:30:00Z'));
		expect(orderIds(await h.poll())).toEqual([id]);
		const saved = h.staticData;
		const state = saved[POLL_STATE_KEY] as { inFlight: Array<{ id: string }> };
		state.inFlight[0].id = 'emitted-before-a-restart';
		h.restoreStaticData(saved);
		expect(orderIds(await h.poll())).toEqual([id]);
		expect(commits()).toHaveLength(0);
		expect(await h.poll()).toBeNull();
		expect(commits()).toHaveLength(1);
	});

	it('orders whose executions failed 5 times are no longer emitted: their handles are committed, a warning names them', async () => {
		const h = harness();
		await h.poll();
		const id = put(8, new Date('2026-03-10T14:30:00Z'));
		h.executions = 'failed';
		for (let i = 0; i < 5; i++) expect(orderIds(await h.poll())).toEqual([id]);
		expect(commits()).toHaveLength(0);
		expect(await h.poll()).toBeNull();
		expect(commits()).toHaveLength(1);
		expect(sim.feed).toHaveLength(0);
		expect(h.warnings.join('\n')).toContain(id);
	});

	it('a tick failing after reading the feed commits nothing: the event is redelivered and emitted once', async () => {
		const h = harness();
		await h.poll();
		const id = put(2, new Date('2026-03-10T14:30:00Z'));
		for (let i = 0; i < TINY_RETRY.maxAttempts; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/api\/oms\/pvt\/orders\//);
		const before = h.staticData;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '500' });
		expect(h.staticData).toEqual(before);
		expect(commits()).toHaveLength(0);
		// Read but uncommitted: hidden until the feed's visibility timeout, then delivered again.
		expect(await h.poll()).toBeNull();
		sim.advance(251_000);
		expect(orderIds(await h.poll())).toEqual([id]);
		expect(await h.poll()).toBeNull();
		expect(sim.feed).toHaveLength(0);
	});

	it('an event of a version already emitted is acknowledged but not emitted again', async () => {
		const h = harness();
		await h.poll();
		const id = put(3, new Date('2026-03-10T14:30:00Z'));
		expect(orderIds(await h.poll())).toEqual([id]);
		// At-least-once: the same change delivered again (a duplicate event, or a redelivery).
		sim.setOrder(sim.orders.get(id)!);
		expect(await h.poll()).toBeNull();
		expect(await h.poll()).toBeNull();
		expect(sim.feed).toHaveLength(0);
	});

	it('an event delivered long after its change is still emitted: the feed, not the clock, says what is new', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		clock = T0 + 60 * 60_000;
		expect(await h.poll()).toBeNull(); // an hour of quiet moves the window well past 14:30
		const id = put(4, new Date('2026-03-10T14:30:00Z')); // a change made at 14:30, delivered at 15:20
		clock += 60_000;
		expect(orderIds(await h.poll())).toEqual([id]);
		clock += 60_000;
		expect(await h.poll()).toBeNull();
	});
});
