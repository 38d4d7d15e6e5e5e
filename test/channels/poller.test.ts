import { pollOrders, type PollState } from '../../core/channels/poller';
import { pruneSeen } from '../../core/channels/poll-state';
import type { ChannelAdapter, ListChangedRequest } from '../../core/channels/types';
import { OrderValidationError } from '../../core/model/validate';
import { ChannelHttpError } from '../../core/http/retry';
import type { EmissionOutcome } from '../../core/channels/poll-emissions';

/**
 * The engine's channel-independent rules against an in-memory queue-style channel (acks, VTEX Feed-like),
 * which neither Mercado Livre nor Shopify exercise. Channel behaviour is tested through the simulators.
 */
interface Raw {
	id: string;
	at: string;
	sku?: string;
}

function queueAdapter(queue: Raw[], acked: string[][], store?: Raw[]): ChannelAdapter<Raw> {
	return {
		id: 'vtex',
		filterPrecisionMs: 0,
		latestUntil: (now) => now,
		async listChanged(_req: ListChangedRequest) {
			return { items: queue, acks: queue.map((r) => `h-${r.id}`) };
		},
		identify: (r) => ({ channelOrderId: r.id, updatedAt: r.at }),
		normalize: (r) => {
			if (!r.sku) throw new OrderValidationError(`vtex:${r.id}`, 'items[0].refId', 'is required');
			return { channel: 'vtex', account: 'a', channelOrderId: r.id } as never;
		},
		acknowledge: async (handles) => void acked.push(handles),
		getOrder: async (id) => {
			const found = [...queue, ...(store ?? [])].find((r) => r.id === id);
			if (!found) throw new ChannelHttpError(404, { method: 'GET', url: `orders/${id}` }, 'not found');
			return found;
		},
	};
}

const now = (m: number) => new Date(Date.UTC(2026, 2, 10, 12, m));

describe('poller engine', () => {
	it('hands the acks of emitted orders over, and acknowledges them at the start of the next tick', async () => {
		const acked: string[][] = [];
		const queue: Raw[] = [{ id: '1', at: now(5).toISOString(), sku: 'A' }];
		const adapter = queueAdapter(queue, acked);
		const seeded = await pollOrders(adapter, undefined, { now: now(0) });
		const first = await pollOrders(adapter, seeded.state, { now: now(10) });
		expect(first.acks).toEqual(['h-1']);
		expect(acked).toEqual([]);
		queue.length = 0;
		const second = await pollOrders(adapter, first.state, { now: now(20) });
		expect(acked).toEqual([['h-1']]);
		expect(second.state.pendingAcks).toBeUndefined();
	});

	describe('emissions: handles wait for the execution, failed executions are emitted again', () => {
		const order = (id: string, m: number) => ({ id, at: now(m).toISOString(), sku: 'A' });
		async function firstEmission(outcomes: Map<string, EmissionOutcome>) {
			const acked: string[][] = [];
			const queue: Raw[] = [order('1', 5), order('2', 6)];
			const store = [...queue];
			const adapter = queueAdapter(queue, acked, store);
			const outcomeOf = (id: string) => outcomes.get(id);
			const seeded = await pollOrders(adapter, undefined, { now: now(0), outcomeOf });
			const first = await pollOrders(adapter, seeded.state, { now: now(10), outcomeOf });
			queue.length = 0;
			return { acked, adapter, store, outcomeOf, first };
		}

		it('a failed execution: its orders read again by id, emitted alone, its handles kept until that one succeeded', async () => {
			const outcomes = new Map<string, EmissionOutcome>();
			const { acked, adapter, store, outcomeOf, first } = await firstEmission(outcomes);
			expect(first.emissions).toHaveLength(1);
			expect(first.state.inFlight).toEqual([{ id: first.emissions[0].id, orders: ['1', '2'], acks: ['h-1', 'h-2'], attempts: 0 }]);
			outcomes.set(first.emissions[0].id, 'failed');
			store[1] = order('2', 19); // changed since: the version read again is the one remembered as emitted
			const second = await pollOrders(adapter, first.state, { now: now(20), outcomeOf });
			expect(acked).toEqual([]);
			expect(second.emissions.map((e) => e.items.map((i) => (i as { channelOrderId: string }).channelOrderId))).toEqual([['1', '2']]);
			expect(second.state.inFlight).toEqual([{ id: second.emissions[0].id, orders: ['1', '2'], acks: ['h-1', 'h-2'], attempts: 1 }]);
			expect(second.state.seen['2']).toBe(now(19).toISOString());
			outcomes.set(second.emissions[0].id, 'succeeded');
			const third = await pollOrders(adapter, second.state, { now: now(30), outcomeOf });
			expect(acked).toEqual([['h-1', 'h-2']]);
			expect(third.emissions).toEqual([]);
			expect(third.state.inFlight).toBeUndefined();
		});

		it('unknown counts as failed, running waits; an order deleted since is dropped; after 5 failures the handles are committed', async () => {
			const outcomes = new Map<string, EmissionOutcome>();
			const { acked, adapter, store, outcomeOf, first } = await firstEmission(outcomes);
			outcomes.set(first.emissions[0].id, 'running');
			const waiting = await pollOrders(adapter, first.state, { now: now(20), outcomeOf });
			expect([waiting.emissions, acked]).toEqual([[], []]);
			expect(waiting.state.inFlight).toEqual(first.state.inFlight);
			outcomes.clear(); // a restart: the outcome is unknown
			store.splice(0, 1);
			let state = waiting.state;
			for (let attempt = 1; attempt <= 4; attempt++) {
				const tick = await pollOrders(adapter, state, { now: now(20 + attempt), outcomeOf });
				expect(tick.emissions.map((e) => e.items.length)).toEqual([1]);
				expect(tick.state.inFlight?.[0].attempts).toBe(attempt);
				state = tick.state;
			}
			const last = await pollOrders(adapter, state, { now: now(40), outcomeOf });
			expect(last.emissions).toEqual([]);
			expect(last.abandoned.map((e) => e.orders)).toEqual([['2']]);
			expect(acked).toEqual([['h-1', 'h-2']]);
		});

		it('a large failed emission is read again within the time budget over several ticks, nothing lost, handles committed last', async () => {
			// n8n abandons a poll after 45 s: a tick that re-read 300 failed orders one by one never completed (test:queue).
			const clock = { ms: 0 };
			const acked: string[][] = [];
			const queue: Raw[] = Array.from({ length: 300 }, (_, i) => order(`o${i}`, 5));
			const store = [...queue];
			const adapter = queueAdapter(queue, acked, store);
			let reads = 0;
			let failAt = -1;
			const getOrder = adapter.getOrder!;
			adapter.getOrder = async (id) => {
				reads++;
				clock.ms += 100;
				if (reads === failAt) throw new Error('Network error (ECONNRESET)');
				return getOrder(id);
			};
			const outcomes = new Map<string, EmissionOutcome>();
			const opts = { outcomeOf: (id: string) => outcomes.get(id), timeBudgetMs: 10_000, clock: () => clock.ms };
			const seeded = await pollOrders(adapter, undefined, { ...opts, now: now(0) });
			const first = await pollOrders(adapter, seeded.state, { ...opts, now: now(10) });
			queue.length = 0;
			outcomes.set(first.emissions[0].id, 'failed');
			const emitted: string[] = [];
			let state = first.state;
			failAt = 150; // a read fails in the middle of the second tick: what was read before it is emitted
			for (let tick = 1; tick <= 6 && (state.inFlight ?? []).some((e) => !outcomes.has(e.id) || outcomes.get(e.id) === 'failed'); tick++) {
				const started = clock.ms;
				const next = await pollOrders(adapter, state, { ...opts, now: now(10 + tick) });
				expect(clock.ms - started).toBeLessThanOrEqual(10_100);
				for (const e of next.emissions) {
					emitted.push(...e.items.map((i) => (i as { channelOrderId: string }).channelOrderId));
					outcomes.set(e.id, 'succeeded');
				}
				if (next.state.inFlight?.some((e) => e.acks)) expect(acked).toEqual([]);
				state = next.state;
			}
			await pollOrders(adapter, state, { ...opts, now: now(30) });
			expect(new Set(emitted).size).toBe(300);
			expect(emitted).toHaveLength(300);
			expect(acked.flat()).toHaveLength(300);
		});

		it('without outcomes (a caller that does not track executions) an emission counts as succeeded at the next tick', async () => {
			const acked: string[][] = [];
			const queue: Raw[] = [order('1', 5)];
			const adapter = queueAdapter(queue, acked);
			const first = await pollOrders(adapter, (await pollOrders(adapter, undefined, { now: now(0) })).state, { now: now(10) });
			queue.length = 0;
			await pollOrders(adapter, first.state, { now: now(20) });
			expect(acked).toEqual([['h-1']]);
		});
	});

	it('never mutates the state it was given', async () => {
		const adapter = queueAdapter([{ id: '1', at: now(5).toISOString(), sku: 'A' }], []);
		const seeded = (await pollOrders(adapter, undefined, { now: now(0) })).state;
		const copy = JSON.parse(JSON.stringify(seeded)) as PollState;
		await pollOrders(adapter, seeded, { now: now(10) });
		expect(seeded).toEqual(copy);
	});

	it('starts from "import since" on first activation, and emits the backlog on the next tick', async () => {
		const adapter = queueAdapter([{ id: '1', at: '2026-01-02T00:00:00Z', sku: 'A' }], []);
		const seeded = await pollOrders(adapter, undefined, { now: now(0), importSince: new Date('2026-01-01T00:00:00Z') });
		expect(seeded).toMatchObject({ items: [], seeded: true, state: { cursor: '2026-01-01T00:00:00.000Z' } });
		expect((await pollOrders(adapter, seeded.state, { now: now(10) })).items).toHaveLength(1);
	});

	it('emits an unidentifiable order once as an error item', async () => {
		const adapter = queueAdapter([{ id: '1', at: 'yesterday', sku: 'A' }], []);
		const seeded = await pollOrders(adapter, undefined, { now: now(0) });
		const first = await pollOrders(adapter, seeded.state, { now: now(10) });
		expect(first.items).toEqual([{ error: { orderRef: 'vtex:1', field: 'updatedAt', message: expect.stringContaining('not a valid date') }, raw: { id: '1', at: 'yesterday', sku: 'A' } }]);
		expect((await pollOrders(adapter, first.state, { now: now(20) })).items).toEqual([]);
	});

	it('bounds the remembered versions without forgetting any above the cursor', () => {
		const seen = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`o${i}`, now(i).toISOString()]));
		const state: PollState = { v: 1, cursor: now(5).toISOString(), seenSince: now(0).toISOString(), seen };
		pruneSeen(state, now(0).getTime(), 3);
		// o5..o9 sit at or above the cursor: a window still being listed may need them.
		expect(Object.keys(state.seen)).toEqual(['o5', 'o6', 'o7', 'o8', 'o9']);
		expect(state.seenSince).toBe(new Date(now(4).getTime() + 1).toISOString());
	});
});

/** A changed-since channel of `count` orders, paged by offset, whose every order read costs `costMs`. */
function pagedAdapter(count: number, clock: { ms: number }, costMs: number): ChannelAdapter<Raw> & { reads: string[] } {
	const orders = Array.from({ length: count }, (_, i) => ({ id: `o${i}`, at: now(1).toISOString(), sku: 'A' }));
	const reads: string[] = [];
	return {
		id: 'woocommerce',
		filterPrecisionMs: 0,
		latestUntil: (t) => t,
		reads,
		async listChanged(req: ListChangedRequest) {
			const offset = Number(req.pageToken ?? 0);
			const items = orders.slice(offset, offset + req.pageSize);
			return { items, nextPageToken: offset + items.length < orders.length ? String(offset + items.length) : undefined };
		},
		identify: (r) => ({ channelOrderId: r.id, updatedAt: r.at }),
		normalize: (r) => {
			clock.ms += costMs;
			reads.push(r.id);
			return { channel: 'woocommerce', account: 'a', channelOrderId: r.id } as never;
		},
	};
}

describe('poller engine: time budget', () => {
	it('stops inside a page when the budget is spent, and the next tick goes on from that page without repeats', async () => {
		const clock = { ms: 0 };
		const adapter = pagedAdapter(120, clock, 100);
		const opts = { pageSize: 50, timeBudgetMs: 3_000, clock: () => clock.ms };
		const seeded = await pollOrders(adapter, undefined, { ...opts, now: now(0) });
		const first = await pollOrders(adapter, seeded.state, { ...opts, now: now(10) });
		// 100 ms an order, 3 s: the 31st order starts after the budget, in the first page.
		expect(first.items).toHaveLength(30);
		expect(first.stats).toMatchObject({ carriedOver: true, pages: 1 });
		expect(first.state.backlog).toMatchObject({ pageSize: 50 });
		expect(first.state.backlog?.pageToken).toBeUndefined();
		const ticks = [first];
		while (ticks.at(-1)!.state.backlog) ticks.push(await pollOrders(adapter, ticks.at(-1)!.state, { ...opts, now: now(10 + ticks.length) }));
		const ids = ticks.flatMap((t) => t.items.map((i) => (i as { channelOrderId: string }).channelOrderId));
		expect(ids).toHaveLength(120);
		expect(new Set(ids).size).toBe(120);
		// Every order was normalised once: a page listed again skips what was emitted before reading it.
		expect(adapter.reads).toHaveLength(120);
	});

	it('with the defaults, one tick drains a 3,000-order backlog (the cap and budget no longer hold intake at 100 a poll)', async () => {
		const clock = { ms: 0 };
		const adapter = pagedAdapter(3000, clock, 1);
		const seeded = await pollOrders(adapter, undefined, { now: now(0), clock: () => clock.ms });
		const tick = await pollOrders(adapter, seeded.state, { now: now(10), clock: () => clock.ms });
		expect(tick.items).toHaveLength(3000);
		expect(tick.stats).toMatchObject({ carriedOver: false, pages: 60 });
		expect(tick.state.backlog).toBeUndefined();
	});

	it('an old carried-over window without a page size is listed again from its first page', async () => {
		const clock = { ms: 0 };
		const adapter = pagedAdapter(10, clock, 1);
		const old: PollState = { v: 1, cursor: now(0).toISOString(), seenSince: now(0).toISOString(), seen: {}, backlog: { since: now(0).toISOString(), until: now(5).toISOString(), pageToken: '7' } };
		const tick = await pollOrders(adapter, old, { now: now(10), clock: () => clock.ms });
		expect(tick.items).toHaveLength(10);
	});
});
