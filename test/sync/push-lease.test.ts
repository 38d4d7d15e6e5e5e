import { pushStock, type PushStockRequest } from '../../core/sync/push-stock';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from '../store/stores';
import { FakeWriter } from './fake-writer';

/**
 * Push leases across processes that die (test:queue SIGKILLs an n8n worker in the middle of a burst): a live
 * run keeps its lease however long its request takes, and a dead run's lease is outwaited and taken over by
 * the next push of the SKU instead of deferring it to a retry set no run may come back for. Before this, a
 * lease lasted 5 minutes unless renewed before a request and a waiting run gave up after 10 s: the channel
 * kept the dead run's value (test:queue, stale_channel_values 1).
 */

const CHANNEL = 'woocommerce:loja.example.com';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DRIVERS)('push leases on %s', (driver) => {
	let store: OmsStore;
	/** The store's clock: `speed` store milliseconds pass per real millisecond, from `base`. */
	let base: number;
	let speed: number;
	let startedAt: number;
	const clock = () => new Date(base + (Date.now() - startedAt) * speed);
	beforeEach(async () => {
		base = Date.parse('2026-11-20T12:00:00Z');
		speed = 0;
		startedAt = Date.now();
		({ store } = await openFresh(driver, { clock }));
	});
	afterEach(() => store.close());
	/** Moves the store's clock forward by `ms` at once. */
	const advance = (ms: number) => (base += ms);

	const push = (writer: FakeWriter, skus: string[], extra: Partial<PushStockRequest> = {}) =>
		pushStock({ store, channel: CHANNEL, writer, levels: skus.map((sku) => ({ sku })), safetyStock: 0, maxQuantity: 0, clock, ...extra });

	test('a live run renews its lease while its request is slow: a second run waits, it does not push beside it', async () => {
		await store.setOnHand([{ sku: 'SHIRT', onHand: 5 }]);
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		let release!: () => void;
		const reached = new Promise<void>((resolve) => {
			writer.hold = async (_updates, call) => {
				if (call !== 1) return;
				resolve();
				await new Promise<void>((r) => (release = r));
			};
		});
		// A's lease calls are counted: the clock moves on only after A's heartbeat (every 100 ms of real time, not
		// overlapping) has renewed twice since the last move, so a slow machine cannot let the lease lapse.
		let renewals = 0;
		const counting = new Proxy(store, {
			get: (target, key) => (key === 'acquirePushLeases' ? (...args: Parameters<OmsStore['acquirePushLeases']>) => target.acquirePushLeases(...args).finally(() => renewals++) : Reflect.get(target, key)),
		});
		const runA = push(writer, ['SHIRT'], { leaseTtlMs: 300, store: counting });
		await reached;
		// A's request takes far longer than its lease: without renewals the lease runs out and B pushes beside A.
		for (let i = 0; i < 10; i++) {
			advance(100);
			const seen = renewals;
			for (let k = 0; k < 500 && renewals < seen + 2; k++) await sleep(10);
			expect(renewals).toBeGreaterThanOrEqual(seen + 2);
		}
		await store.applyOrders([order('SALE', 'paid', [['SHIRT', 4]])]);
		const runB = await push(writer, ['SHIRT'], { leaseTtlMs: 300, leaseWaitMs: 100 });
		expect(runB.results[0]).toMatchObject({ status: 'deferred' });
		expect(writer.pushCalls).toHaveLength(1);
		release();
		// A reads the level again after its push and sends B's change itself.
		expect((await runA).results[0]).toMatchObject({ status: 'pushed', value: 1 });
		expect(writer.writes).toEqual([['SHIRT', 5], ['SHIRT', 1]]);
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});

	test('a run that died holding the lease: the next push of the SKU outwaits it and publishes, with the defaults', async () => {
		await store.setOnHand([{ sku: 'SHIRT', onHand: 10 }]);
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		await push(writer, ['SHIRT']);
		// A run (on a worker then SIGKILLed) took the lease for the default time and will never renew or release it.
		await store.applyOrders([order('SALE-1', 'paid', [['SHIRT', 4]])]);
		const dead = new FakeWriter(FakeWriter.listing('SHIRT'));
		let die!: (error: Error) => void;
		const died = new Promise<void>((_, reject) => (die = reject));
		dead.hold = () => died;
		const deadRun = push(dead, ['SHIRT']);
		while (dead.pushCalls.length === 0) await sleep(5);
		await store.applyOrders([order('SALE-2', 'paid', [['SHIRT', 4]])]);
		// From now the store's clock runs 10× faster than the waiting run's: the default lease (20 s) runs out in
		// 2 s, before the waiting run gives up and before the hung run's heartbeat (a third of the lease, real time).
		// The old lease (5 minutes: 30 s here) outlasted the old wait (10 s): the SKU was deferred.
		base = clock().getTime();
		startedAt = Date.now();
		speed = 10;
		const next = await push(writer, ['SHIRT']);
		expect(next.results[0]).toMatchObject({ status: 'pushed', value: 2 });
		expect(writer.quantities.get('SHIRT')).toBe(2);
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		die(new Error('SIGKILL')); // ends the hung promise chain (a killed process has none left)
		await deadRun;
	});
});
