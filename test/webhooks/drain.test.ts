import type { PollItem } from '../../core/channels/poll-items';
import type { ClaimedDelivery, OmsStore } from '../../core/store/types';
import { InboxDrainer, type DrainerOptions } from '../../core/webhooks/drain';
import { DRIVERS, openFresh } from '../store/stores';

/**
 * The inbox drain over a real store (both drivers), with a fake clock and a fake emit: batches, the bound on
 * executions running, retries of failed executions and reads, a drain that died, pointer reads.
 */

const Q = 'wf:node';

interface Execution {
	items: PollItem[];
	end: (ok: boolean) => void;
}

describe.each(DRIVERS)('inbox drain on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	let executions: Execution[];
	let reads: string[];
	/** Orders whose read fails (a channel down). */
	let unreadable: Set<string>;
	const tick = (ms: number) => (now = new Date(now.getTime() + ms));
	const accept = (n: number, pointer = false) =>
		store.acceptDelivery({ queue: Q, channel: 'woocommerce', account: 'loja', eventId: `d-${n}-${Math.random()}`, channelOrderId: String(n), body: pointer ? undefined : JSON.stringify({ id: n }) });
	const drainer = (o: Partial<DrainerOptions> = {}) =>
		new InboxDrainer({
			store, queue: Q, holder: `h-${Math.random()}`, batchSize: 100, maxInFlight: 1, maxAttempts: 3, claimTtlMs: 60_000, maxRunMs: 600_000, pollMs: 3600_000, readConcurrency: 4,
			resolve: async (row: ClaimedDelivery, last: boolean) => {
				reads.push(row.channelOrderId);
				if (unreadable.has(row.channelOrderId)) {
					if (last) return { error: { orderRef: `woocommerce:${row.channelOrderId}`, field: '(read)', message: 'channel down' } } as PollItem;
					throw new Error('channel down');
				}
				return { channelOrderId: row.channelOrderId } as unknown as PollItem;
			},
			emit: (items) => new Promise<boolean>((resolve) => executions.push({ items, end: resolve })),
			onError: (error) => {
				throw error;
			},
			...o,
		});
	const ids = (e: Execution) => e.items.map((i) => (i as unknown as { channelOrderId?: string; error?: { orderRef: string } }).channelOrderId ?? (i as { error: { orderRef: string } }).error.orderRef);
	/** Lets the drain's promise chains run (store calls are real I/O on PostgreSQL). */
	const until = async (probe: () => boolean) => {
		for (let i = 0; i < 2000 && !probe(); i++) await new Promise((r) => setTimeout(r, 5));
		expect(probe()).toBe(true);
	};

	beforeEach(async () => {
		now = new Date('2026-11-27T12:00:00Z');
		({ store } = await openFresh(driver, { clock: () => now }));
		executions = [];
		reads = [];
		unreadable = new Set();
	});
	afterEach(() => store.close());

	test('a burst becomes a few executions of up to batchSize orders, in arrival order', async () => {
		for (let i = 1; i <= 25; i++) await accept(i);
		const d = drainer({ batchSize: 10, maxInFlight: 3 });
		const settled = d.settle();
		await until(() => executions.length === 3);
		expect(executions.map((e) => e.items.length)).toEqual([10, 10, 5]);
		expect(executions.flatMap(ids)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
		executions.forEach((e) => e.end(true));
		await settled;
		expect(await store.queueStatus(Q)).toEqual({ pending: 0, claimed: 0, failed: 0, oldestPendingAt: null });
	});

	test('while the execution runs (a stalled channel), deliveries wait as rows; no second execution starts', async () => {
		await accept(1);
		const d = drainer({ maxInFlight: 1 });
		d.start();
		await until(() => executions.length === 1);
		for (let i = 2; i <= 40; i++) {
			await accept(i);
			d.wake();
		}
		await new Promise((r) => setTimeout(r, 100));
		expect(executions).toHaveLength(1);
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 39, claimed: 1 });
		executions[0].end(true);
		await until(() => executions.length === 2);
		expect(executions[1].items).toHaveLength(39);
		executions[1].end(true);
		await d.settle();
		d.stop();
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 0, claimed: 0 });
	});

	test('a failed execution gives its rows back; they run again one per execution after the backoff', async () => {
		for (let i = 1; i <= 3; i++) await accept(i);
		const d = drainer();
		let settled = d.settle();
		await until(() => executions.length === 1);
		executions[0].end(false);
		await settled;
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 3, claimed: 0 });
		await d.settle(); // not due yet
		expect(executions).toHaveLength(1);
		tick(30_000);
		settled = d.settle();
		await until(() => executions.length === 2);
		expect(ids(executions[1])).toEqual(['1']);
		executions[1].end(true);
		await until(() => executions.length === 3);
		expect(ids(executions[2])).toEqual(['2']);
		executions[2].end(false); // order 2 is the bad one
		await until(() => executions.length === 4);
		expect(ids(executions[3])).toEqual(['3']);
		executions[3].end(true);
		await settled;
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 1, failed: 0 });
		// Its third failure parks it (maxAttempts 3).
		tick(60_000);
		settled = d.settle();
		await until(() => executions.length === 5);
		executions[4].end(false);
		await settled;
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 0, claimed: 0, failed: 1 });
	});

	test('claims are renewed while the execution runs: a long stall does not hand its rows to another drain', async () => {
		await accept(1);
		// Renewed every 20 ms of real time, to the fake clock + 60 ms. The clock moves on only after a renewal
		// has landed since its last move, so a slow machine cannot let the claim lapse between two renewals.
		let renewals = 0;
		const counting = new Proxy(store, {
			get: (target, key) => (key === 'renewDeliveries' ? (...args: Parameters<OmsStore['renewDeliveries']>) => target.renewDeliveries(...args).finally(() => renewals++) : Reflect.get(target, key)),
		});
		const d = drainer({ claimTtlMs: 60, store: counting });
		const settled = d.settle();
		await until(() => executions.length === 1);
		for (let i = 0; i < 5; i++) {
			tick(40);
			const seen = renewals;
			await until(() => renewals >= seen + 2); // the second one surely read the moved clock
		}
		// 200 ms of fake time later: without renewal the 60 ms claim would have expired.
		expect(await drainer().settle().then(() => executions.length)).toBe(1);
		executions[0].end(true);
		await settled;
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 0, claimed: 0 });
	});

	test('a drain that died renewing: its claims expire and another drain runs the rows', async () => {
		for (let i = 1; i <= 2; i++) await accept(i);
		const dead = drainer();
		void dead.settle();
		await until(() => executions.length === 1);
		// Its process is gone: the execution never ends, nothing renews (no real time passes for the heartbeat).
		const other = drainer();
		await other.settle();
		expect(executions).toHaveLength(1);
		tick(60_000);
		const settled = other.settle();
		await until(() => executions.length === 2);
		expect(ids(executions[1])).toEqual(['1', '2']);
		executions[1].end(true);
		await settled;
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 0, claimed: 0 });
		// Had the first drain come back, its late success would delete nothing: the rows were the other's.
		executions[0].end(true);
		await dead.settle();
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 0, claimed: 0 });
	});

	test('pointer deliveries of one order are read once per batch; a failed read is retried, then emitted as an error item', async () => {
		await accept(7, true);
		await accept(7, true);
		await accept(8, true);
		unreadable.add('8');
		const d = drainer();
		let settled = d.settle();
		await until(() => executions.length === 1);
		expect(reads.sort()).toEqual(['7', '8']);
		expect(ids(executions[0])).toEqual(['7']);
		executions[0].end(true);
		await settled;
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 1, claimed: 0 });
		for (const wait of [30_000, 60_000]) {
			tick(wait);
			settled = d.settle();
			if (wait === 60_000) {
				// The last attempt: the failure is emitted, so the workflow's error branch reports it.
				await until(() => executions.length === 2);
				expect(ids(executions[1])).toEqual(['woocommerce:8']);
				executions[1].end(true);
			}
			await settled;
		}
		expect(await store.queueStatus(Q)).toEqual({ pending: 0, claimed: 0, failed: 0, oldestPendingAt: null });
	});

	test('an execution that never ends is failed after maxRunMs, and its rows are retried', async () => {
		await accept(1);
		const d = drainer({ maxRunMs: 50 });
		await d.settle();
		expect(executions).toHaveLength(1);
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 1, claimed: 0 });
	});
});
