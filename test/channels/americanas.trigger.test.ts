import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AmericanasTrigger } from '../../nodes/AmericanasTrigger/AmericanasTrigger.node';
import { orderTriggerPoll, POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import { AmericanasSimulator, skyhubOrder } from '../simulators/americanas';
import { PollHarness } from '../harness/n8n-poll-harness';
import { skyhubCode, SKYHUB_KEYS } from './conformance/drivers/americanas';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const QUEUE = /\/queues\/orders$/;
const T0 = Date.parse('2026-03-10T14:20:00Z');
let sim: AmericanasSimulator;
let statusFlip = 0;

/** The trigger over the simulator; the queue's 5-minute visibility runs on the simulator's clock, which follows the trigger's. */
function harness(now: () => Date = () => new Date(T0), retry = TINY_RETRY, parameters?: INodeParameters): PollHarness {
	let last = now().getTime();
	const nodeType = new AmericanasTrigger();
	nodeType.poll = orderTriggerPoll('americanas', {
		retry,
		timeoutMs: 1000,
		now: () => {
			const t = now();
			if (t.getTime() > last) sim.advance(t.getTime() - last);
			last = Math.max(last, t.getTime());
			return t;
		},
	});
	return new PollHarness({
		nodeType,
		parameters,
		credentials: { ...SKYHUB_KEYS, baseUrl: sim.baseUrl },
		authenticate: (c, req) => ({
			...req,
			headers: { ...req.headers, 'X-User-Email': String(c.email), 'X-Api-Key': String(c.apiKey), 'X-Accountmanager-Key': String(c.accountManagerKey) },
		}),
	});
}

/** Each put is a marketplace change (a status flip), queued unless the order was there before activation. */
function put(n: number, at: Date, existing = false): string {
	const placedAt = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString();
	sim.put(skyhubOrder({ code: skyhubCode(n), placedAt, updatedAt: at.toISOString(), type: ++statusFlip % 2 ? 'NEW' : 'APPROVED' }), !existing);
	return skyhubCode(n);
}

const start = async () => {
	sim = new AmericanasSimulator(SKYHUB_KEYS);
	await sim.start();
};

describeTriggerConformance({
	channel: 'americanas',
	account: SKYHUB_KEYS.email,
	start,
	stop: () => sim.stop(),
	harness,
	put,
	queue: true,
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && QUEUE.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, QUEUE);
	},
});

describe('Americanas trigger: the queue is acknowledged after emission', () => {
	beforeEach(start);
	afterEach(() => sim.stop());
	const deletes = () => sim.requests(/\/queues\/orders\//).filter((r) => r.method === 'DELETE');

	it('deletes the orders of a tick only at the next tick, once they were emitted', async () => {
		const h = harness();
		await h.poll();
		const id = put(1, new Date(T0 + 60_000));
		expect(orderIds(await h.poll())).toEqual([id]);
		expect(deletes()).toHaveLength(0);
		expect(((h.staticData[POLL_STATE_KEY] as IDataObject).inFlight as Array<{ acks: string[] }>)[0].acks).toHaveLength(1);
		expect(sim.queue).toHaveLength(1);
		expect(await h.poll()).toBeNull();
		expect(deletes().map((r) => decodeURIComponent(r.path))).toEqual([`/queues/orders/${id}`]);
		expect(sim.queue).toHaveLength(0);
	});

	it('a tick failing after reading the queue deletes nothing: the order comes back after 5 minutes and is emitted once', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		const id = put(2, new Date(T0 + 60_000));
		const other = put(3, new Date(T0 + 61_000));
		// The second read of the tick fails: the first order was read (hidden) but the tick emits nothing.
		sim.afterNext(
			(r) => r.method === 'GET' && QUEUE.test(r.path),
			() => {
				for (let i = 0; i < TINY_RETRY.maxAttempts; i++) sim.injectFault({ kind: 'status', status: 500 }, QUEUE);
			},
		);
		const before = h.staticData;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '500' });
		expect(h.staticData).toEqual(before);
		expect(deletes()).toHaveLength(0);
		clock += 60_000;
		expect(orderIds(await h.poll())).toEqual([other]);
		clock += 5 * 60_000;
		expect(orderIds(await h.poll())).toEqual([id]);
		clock += 60_000;
		expect(await h.poll()).toBeNull();
		expect(sim.queue).toHaveLength(0);
	});

	it('an order changed by the marketplace after it was read is not deleted with the old version: the change is emitted', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		const id = put(4, new Date(T0 + 60_000));
		expect(orderIds(await h.poll())).toEqual([id]);
		put(4, new Date(T0 + 90_000));
		clock += 60_000;
		const again = (await h.poll())!;
		expect(orderIds(again)).toEqual([id]);
		expect(again[0].updatedAt).toBe(new Date(T0 + 90_000).toISOString());
		clock += 60_000;
		expect(await h.poll()).toBeNull();
		expect(sim.queue).toHaveLength(0);
	});

	it('the manual test step reads the order list, never the queue (it would hide an order for 5 minutes)', async () => {
		put(5, new Date(T0 - 60_000));
		const h = harness();
		const items = await h.poll('manual');
		expect(orderIds(items)).toEqual([skyhubCode(5)]);
		expect(sim.requests(QUEUE)).toHaveLength(0);
	});
});
