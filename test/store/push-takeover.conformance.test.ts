import { createStore } from '../../core/store/open';
import { clockAt, DRIVERS, useClockedStore } from './stores';

/**
 * Taking over a push lease that ran out (its holder died — a SIGKILLed worker — or stopped renewing it)
 * marks the SKU's targets uncertain in the same atomic write that takes the lease: the dead run's last
 * request may have reached the channel without being recorded, so the recorded value no longer says what
 * the channel shows. A lease given back, renewed by its holder, or taken free marks nothing.
 */

const CH = 'shopify:loja.myshopify.com';
const MIN = 60_000;
const L1 = '["P1",""]';

describe.each(DRIVERS)('push lease take-over on %s', (driver) => {
	const t = useClockedStore(driver);
	const at = clockAt;

	const marks = async () => (await t.store.listPushRetries(CH)).map((e) => [e.sku, e.listing, e.uncertain, e.attempts, e.nextAt]);

	test("an expired lease taken by another holder marks the SKU's value and each recorded listing target uncertain, due now", async () => {
		await t.store.recordPushed(CH, [{ sku: 'A', value: 8, changeSeq: 3 }, { sku: 'A', listing: L1, value: 5, changeSeq: 3 }, { sku: 'B', value: 1, changeSeq: 3 }]);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'dead-run', MIN)).toEqual(['A', 'B']);
		t.now = at(MIN); // the dead run's lease has just run out
		expect(await t.store.acquirePushLeases(CH, 'default', ['A'], 'next-run', MIN)).toEqual(['A']);
		expect(await marks()).toEqual([
			['A', '', true, 0, at(MIN).toISOString()],
			['A', L1, true, 0, at(MIN).toISOString()],
		]);
		const [entry] = await t.store.listPushRetries(CH, { skus: ['A'] });
		expect(entry.lastError).toContain('may have reached the channel');
		// B is still the dead run's (nobody took it); taken later, it is marked then, and so is a SKU never pushed.
		t.now = at(5 * MIN);
		expect(await t.store.acquirePushLeases(CH, 'default', ['B'], 'late-run', MIN)).toEqual(['B']);
		expect((await marks()).map(([sku, listing]) => [sku, listing])).toEqual([['A', ''], ['A', L1], ['B', '']]);
	});

	test('a released lease, a renewed one (even past its expiry) and a free SKU are taken without a mark', async () => {
		await t.store.recordPushed(CH, [{ sku: 'A', value: 8, changeSeq: 3 }]);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'run-1', MIN)).toEqual(['A', 'B']);
		t.now = at(2 * MIN); // run-1 lived but its lease ran out: it takes it back itself, it knows what it sent
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'run-1', MIN)).toEqual(['A', 'B']);
		await t.store.releasePushLeases(CH, 'default', ['A', 'B'], 'run-1');
		t.now = at(10 * MIN);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B', 'C'], 'run-2', MIN)).toEqual(['A', 'B', 'C']);
		expect(await t.store.listPushRetries(CH)).toEqual([]);
	});

	test('a lease still held is not taken and marks nothing; an existing retry entry is marked and made due now', async () => {
		await t.store.acquirePushLeases(CH, 'default', ['A'], 'live-run', MIN);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A'], 'other-run', MIN)).toEqual([]);
		expect(await t.store.listPushRetries(CH)).toEqual([]);
		await t.store.recordPushRetries(CH, [{ sku: 'A', reason: 'refused', message: 'HTTP 400', httpCode: 400 }]); // due at 1 min
		t.now = at(MIN - 1);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A'], 'other-run', MIN)).toEqual([]);
		t.now = at(MIN);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A'], 'other-run', MIN)).toEqual(['A']);
		const [entry] = await t.store.listPushRetries(CH);
		// The failure's count and error are kept; the mark makes it uncertain, due now, at a new revision.
		expect(entry).toMatchObject({ sku: 'A', attempts: 1, uncertain: true, lastError: 'HTTP 400', nextAt: at(MIN).toISOString(), revision: 2 });
	});

	test('two processes race to take over the same dead leases: each SKU goes to one taker and is marked once', async () => {
		const skus = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
		await t.store.recordPushed(CH, skus.map((sku) => ({ sku, value: 2, changeSeq: 1 })));
		await t.store.acquirePushLeases(CH, 'default', skus, 'dead-run', MIN);
		t.now = at(2 * MIN);
		const other = createStore(t.config, { clock: () => t.now }); // another process, the same time
		try {
			const won = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : t.store).acquirePushLeases(CH, 'default', skus, `run-${i}`, MIN)));
			expect(won.flat().sort()).toEqual(skus);
			// Marked once each: the second taker found a live lease, not a dead one (revision 1 = one write).
			expect((await t.store.listPushRetries(CH)).map((e) => [e.sku, e.uncertain, e.revision])).toEqual(skus.map((sku) => [sku, true, 1]));
		} finally {
			await other.close();
		}
	});
});
