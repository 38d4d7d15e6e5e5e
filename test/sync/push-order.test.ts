import { pushStock, type PushStockRequest } from '../../core/sync/push-stock';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from '../store/stores';
import { FakeWriter } from './fake-writer';

/**
 * Ordered stock pushes (issue 8, section 2), deterministic interleavings on both stores: a slow write of an
 * older value cannot land last, a lease makes the second push wait (or take over an expired one), a level
 * that moves during a push is pushed again, and a write with an unknown outcome is sent again.
 */

const CHANNEL = 'shopify:loja.myshopify.com';

/** A promise to resolve from outside, to hold a channel request until the test lets it through. */
function gate(): { opened: Promise<void>; open: () => void } {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { opened, open };
}

describe.each(DRIVERS)('ordered pushes on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	const clock = () => now;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store } = await openFresh(driver, { clock }));
	});
	afterEach(() => store.close());

	const push = (writer: FakeWriter, skus: string[], extra: Partial<PushStockRequest> = {}) =>
		pushStock({ store, channel: CHANNEL, writer, levels: skus.map((sku) => ({ sku })), safetyStock: 0, maxQuantity: 0, clock, ...extra });
	/** Holds the writer's call number `n` until the returned gate opens; `reached` resolves when the call arrives. */
	const holdCall = (writer: FakeWriter, n: number) => {
		const g = gate();
		const reached = gate();
		writer.hold = async (_updates, call) => {
			if (call !== n) return;
			reached.open();
			await g.opened;
		};
		return { reached: reached.opened, release: g.open };
	};

	test('lost update: run A reads 5 and is slow, run B sells 4 and publishes 1; A\'s 5 never lands last', async () => {
		await store.setOnHand([{ sku: 'SHIRT', onHand: 5 }]);
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		const slow = holdCall(writer, 1);
		const runA = push(writer, ['SHIRT'], { leaseWaitMs: 100 });
		await slow.reached; // A read available 5; its request is on its way
		await store.applyOrders([order('SALE', 'paid', [['SHIRT', 4]])]);
		const runB = await push(writer, ['SHIRT'], { leaseWaitMs: 100 });
		slow.release(); // only now does A's 5 reach the channel
		const runAResult = await runA;

		expect(writer.quantities.get('SHIRT')).toBe(1);
		expect(writer.writes[writer.writes.length - 1]).toEqual(['SHIRT', 1]);
		expect(await store.getPushed(CHANNEL, ['SHIRT'])).toEqual(new Map([['SHIRT', 1]]));
		// B found A's lease and left the SKU to the retry set; A read again after its push and sent 1.
		expect(runB.results[0]).toMatchObject({ sku: 'SHIRT', status: 'deferred' });
		expect(runAResult.results[0]).toMatchObject({ sku: 'SHIRT', status: 'pushed', available: 1, value: 1 });
		expect(writer.writes).toEqual([['SHIRT', 5], ['SHIRT', 1]]);
		// B's deferral was read by A's second round, which sent the newest value: the entry left with it.
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		expect((await push(writer, ['SHIRT'])).results[0]).toMatchObject({ status: 'unchanged', value: 1 });
	});

	test('a second push waits for the lease and then reads the level the first one left', async () => {
		await store.setOnHand([{ sku: 'SHIRT', onHand: 5 }]);
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		const slow = holdCall(writer, 1);
		const runA = push(writer, ['SHIRT']);
		await slow.reached;
		await store.applyOrders([order('SALE', 'paid', [['SHIRT', 4]])]);
		const runB = push(writer, ['SHIRT']); // waits (25 s by default) instead of sending beside A
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(writer.pushCalls).toHaveLength(1);
		slow.release();
		const [a, b] = await Promise.all([runA, runB]);
		expect(a.results[0]).toMatchObject({ status: 'pushed', value: 1 });
		expect(b.results[0]).toMatchObject({ status: 'unchanged', value: 1, previous: 1 });
		expect(writer.writes).toEqual([['SHIRT', 5], ['SHIRT', 1]]);
	});

	test('an expired lease is taken over; the slow run\'s older record is refused and it sends the current value again', async () => {
		await store.setOnHand([{ sku: 'SHIRT', onHand: 5 }]);
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		const slow = holdCall(writer, 1);
		const runA = push(writer, ['SHIRT'], { leaseTtlMs: 1000 });
		await slow.reached;
		await store.applyOrders([order('SALE', 'paid', [['SHIRT', 4]])]);
		now = new Date(now.getTime() + 5000); // A hung past its lease
		const runB = await push(writer, ['SHIRT'], { leaseTtlMs: 1000 });
		expect(runB.results[0]).toMatchObject({ status: 'pushed', value: 1 });
		slow.release(); // A's 5 lands after B's 1
		const a = await runA;

		expect(writer.writes).toEqual([['SHIRT', 1], ['SHIRT', 5], ['SHIRT', 1]]);
		expect(writer.quantities.get('SHIRT')).toBe(1);
		const [level] = await store.getVersionedLevels(['SHIRT']);
		expect((await store.getPushState(CHANNEL, ['SHIRT'])).get('SHIRT')).toEqual({ value: 1, changeSeq: level.changeSeq });
		expect(a.results[0]).toMatchObject({ status: 'pushed', value: 1, changeSeq: level.changeSeq });
		// A's 5 may still be in flight somewhere: the SKU stays uncertain until a push after its due time.
		const [entry] = await store.listPushRetries(CHANNEL);
		expect(entry).toMatchObject({ sku: 'SHIRT', uncertain: true });
		now = new Date(entry.nextAt);
		expect((await push(writer, [])).results[0]).toMatchObject({ status: 'pushed', value: 1, retried: true });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});

	test('a level that moves during the push is read again and pushed again, at most three times per run', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 10 }, { sku: 'B', onHand: 10 }]);
		const writer = new FakeWriter(FakeWriter.listing('A', 'B'));
		let sales = 0;
		writer.hold = async (updates) => {
			if (updates.some((u) => u.sku === 'A') && sales < 1) await store.applyOrders([order(`S${++sales}`, 'paid', [['A', 1]])]);
		};
		const once = await push(writer, ['A']);
		expect(writer.writes).toEqual([['A', 10], ['A', 9]]);
		expect(once.results[0]).toMatchObject({ status: 'pushed', value: 9, previous: null });

		// A sale lands during every request for B: three rounds, then the SKU waits, due at once, for the next run.
		writer.hold = async (updates) => {
			if (updates.some((u) => u.sku === 'B')) await store.applyOrders([order(`S${++sales}`, 'paid', [['B', 1]])]);
		};
		const busy = await push(writer, ['B']);
		expect(writer.writes.filter(([sku]) => sku === 'B')).toEqual([['B', 10], ['B', 9], ['B', 8]]);
		expect(busy.results[0]).toMatchObject({ status: 'pushed', value: 8, available: 8, message: expect.stringContaining('kept changing') });
		expect(await store.listPushRetries(CHANNEL, { dueOnly: true })).toEqual([expect.objectContaining({ sku: 'B', attempts: 0 })]);
		writer.hold = undefined;
		expect((await push(writer, [])).results[0]).toMatchObject({ sku: 'B', status: 'pushed', value: 7, retried: true });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});

	test('a write that timed out but was applied: the next push sends the current value whatever is recorded', async () => {
		await store.setOnHand([{ sku: 'SHIRT', onHand: 1 }]);
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		await push(writer, ['SHIRT']); // the channel accepted 1, recorded
		await store.adjustStock([{ sku: 'SHIRT', delta: 4 }]);
		writer.lostAnswers.add('SHIRT');
		const lost = await push(writer, ['SHIRT']);
		expect(lost.results[0]).toMatchObject({ status: 'failed', value: 5, error: { message: 'Request timed out: POST /inventory' } });
		expect(writer.quantities.get('SHIRT')).toBe(5); // the channel applied it anyway
		expect(await store.getPushed(CHANNEL, ['SHIRT'])).toEqual(new Map([['SHIRT', 1]]));
		writer.lostAnswers.clear();

		// Back to 1, the recorded value: without the uncertain mark this push would be "unchanged" and the channel keep 5.
		await store.applyOrders([order('SALE', 'paid', [['SHIRT', 4]])]);
		const next = await push(writer, ['SHIRT']);
		expect(next.results[0]).toMatchObject({ status: 'pushed', value: 1, previous: 1 });
		expect(writer.quantities.get('SHIRT')).toBe(1);
		// The timed-out write could still land late: one more push once it is due, then the mark is gone.
		const [entry] = await store.listPushRetries(CHANNEL);
		expect(entry).toMatchObject({ sku: 'SHIRT', uncertain: true, attempts: 1, lastError: 'Request timed out: POST /inventory', nextAt: '2026-11-20T12:01:00.000Z' });
		expect((await push(writer, ['SHIRT'])).results[0]).toMatchObject({ status: 'pushed', value: 1 }); // still uncertain: sent
		now = new Date('2026-11-20T12:01:00Z');
		expect((await push(writer, [])).results[0]).toMatchObject({ status: 'pushed', value: 1, retried: true });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		expect((await push(writer, ['SHIRT'])).results[0]).toMatchObject({ status: 'unchanged' });
		expect(writer.writes.map(([, q]) => q)).toEqual([1, 5, 1, 1, 1]);
	});
});
