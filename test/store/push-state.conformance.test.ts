import { createStore } from '../../core/store/open';
import { clockAt, DRIVERS, LATEST_SCHEMA, openFresh, rawQuery, rawSql, useClockedStore } from './stores';

/**
 * What ordered stock pushes keep in the store (migration 4), on both drivers: versioned levels, recorded
 * values that never go back to an older change number, push leases, and the retry set with its backoff.
 */

const CH = 'shopify:loja.myshopify.com';
const MIN = 60_000;

describe.each(DRIVERS)('push state on %s', (driver) => {
	const t = useClockedStore(driver);
	const at = clockAt;

	test('a level carries the change number of its last change, the numbers listChanged pages by', async () => {
		await t.store.setOnHand([{ sku: 'A', onHand: 5 }, { sku: 'B', onHand: 1 }, { sku: 'A', warehouse: 'north', onHand: 9 }]);
		const [a1, b1] = await t.store.getVersionedLevels(['A', 'B', 'NOPE']);
		expect([a1.sku, b1.sku]).toEqual(['A', 'B']);
		expect(a1).toMatchObject({ warehouse: 'default', onHand: 5, available: 5, stocked: true });
		expect(a1.changeSeq).toBe(b1.changeSeq); // one transaction, one number
		const page = await t.store.listChanged(undefined, 10);
		expect(Number(page.cursor)).toBe(a1.changeSeq);

		await t.store.adjustStock([{ sku: 'A', delta: -4 }]);
		const [a2] = await t.store.getVersionedLevels([' A ']);
		expect(a2).toMatchObject({ sku: 'A', available: 1 });
		expect(a2.changeSeq).toBeGreaterThan(a1.changeSeq);
		expect((await t.store.listChanged(page.cursor)).levels.map((l) => [l.sku, l.available])).toEqual([['A', 1]]);
		expect((await t.store.getVersionedLevels(['A'], 'north')).map((l) => l.available)).toEqual([9]);
		expect(await t.store.getVersionedLevels([])).toEqual([]);
	});

	test('a recorded value is never replaced by one computed from an older change', async () => {
		expect(await t.store.recordPushed(CH, [{ sku: 'A', value: 1, changeSeq: 12 }, { sku: 'B', value: 3, changeSeq: 4 }])).toEqual([]);
		// The slow run's value, computed from change 10, lands after change 12 was recorded: refused and answered back.
		expect(await t.store.recordPushed(CH, [{ sku: 'A', value: 5, changeSeq: 10 }, { sku: 'B', value: 2, changeSeq: 5 }])).toEqual([
			{ sku: 'A', warehouse: 'default', value: 5, changeSeq: 10 },
		]);
		expect(await t.store.getPushState(CH, ['A', 'B', 'C'])).toEqual(
			new Map([
				['A', { value: 1, changeSeq: 12 }],
				['B', { value: 2, changeSeq: 5 }],
			]),
		);
		// The same change again (a forced or uncertain re-push) is recorded; so is a newer one.
		expect(await t.store.recordPushed(CH, [{ sku: 'A', value: 1, changeSeq: 12 }])).toEqual([]);
		expect(await t.store.recordPushed(CH, [{ sku: 'A', value: 0, changeSeq: 13 }])).toEqual([]);
		// Without a change number (0, "unknown"), a value cannot replace a versioned one.
		expect(await t.store.recordPushed(CH, [{ sku: 'A', value: 7 }])).toHaveLength(1);
		expect(await t.store.getPushed(CH, ['A'])).toEqual(new Map([['A', 0]]));
		// One SKU twice in one call: the newest change is the one recorded.
		expect(await t.store.recordPushed(CH, [{ sku: 'C', value: 4, changeSeq: 21 }, { sku: 'C', value: 9, changeSeq: 20 }])).toEqual([]);
		expect((await t.store.getPushState(CH, ['C'])).get('C')).toEqual({ value: 4, changeSeq: 21 });
		await expect(t.store.recordPushed(CH, [{ sku: 'A', value: 1, changeSeq: -1 }])).rejects.toThrow('SKU A: changeSeq must be >= 0');
	});

	test('concurrent records from two processes end with the newest change, whatever the arrival order', async () => {
		const other = createStore(t.config, { clock: () => t.now }); // another process, the same time
		try {
			const seqs = Array.from({ length: 40 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
			await Promise.all(seqs.map((n, i) => (i % 2 ? other : t.store).recordPushed(CH, [{ sku: 'HOT', value: 1000 - n, changeSeq: n }])));
			expect((await t.store.getPushState(CH, ['HOT'])).get('HOT')).toEqual({ value: 960, changeSeq: 40 });
		} finally {
			await other.close();
		}
	});

	test('a lease is held by one push until released or expired; its holder renews it', async () => {
		expect(await t.store.acquirePushLeases(CH, 'default', ['B', 'A', 'A'], 'run-1', MIN)).toEqual(['A', 'B']);
		expect(await t.store.acquirePushLeases(CH, 'default', ['B', 'C'], 'run-2', MIN)).toEqual(['C']);
		// Another warehouse or channel account is another key.
		expect(await t.store.acquirePushLeases(CH, 'north', ['A'], 'run-2', MIN)).toEqual(['A']);
		expect(await t.store.acquirePushLeases('woocommerce:loja', 'default', ['A'], 'run-2', MIN)).toEqual(['A']);

		t.now = at(50_000);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'run-1', MIN)).toEqual(['A', 'B']); // renewed to 110 s
		await t.store.releasePushLeases(CH, 'default', ['A', 'B'], 'run-2'); // not run-2's: nothing happens
		t.now = at(100_000);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'run-2', MIN)).toEqual([]);
		t.now = at(110_000);
		// Expired (its holder died or hung): taken over, and the old holder cannot renew it any more.
		expect(await t.store.acquirePushLeases(CH, 'default', ['B'], 'run-2', MIN)).toEqual(['B']);
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'run-1', MIN)).toEqual(['A']);

		await t.store.releasePushLeases(CH, 'default', ['A', 'B'], 'run-1');
		expect(await t.store.acquirePushLeases(CH, 'default', ['A', 'B'], 'run-3', MIN)).toEqual(['A']);
		const rows = await rawQuery(t.config, "SELECT sku, holder FROM oms_push_lease WHERE warehouse = 'default' AND channel = 'shopify:loja.myshopify.com' ORDER BY sku");
		expect(rows.map((r) => [r.sku, r.holder])).toEqual([['A', 'run-3'], ['B', 'run-2'], ['C', 'run-2']]);

		await expect(t.store.acquirePushLeases(CH, 'default', ['A'], ' ', MIN)).rejects.toThrow('holder must be a non-empty string');
		await expect(t.store.acquirePushLeases(CH, 'default', ['A'], 'run-4', 0)).rejects.toThrow('whole number of milliseconds');
		expect(await t.store.acquirePushLeases(CH, 'default', [], 'run-4', MIN)).toEqual([]);
	});

	test('twelve pushes from two processes race for the same SKUs: each SKU goes to exactly one', async () => {
		const other = createStore(t.config, { clock: () => t.now }); // another process, the same time
		try {
			const skus = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
			const won = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : t.store).acquirePushLeases(CH, 'default', skus, `run-${i}`, MIN)));
			expect(won.flat().sort()).toEqual(skus);
			const rows = await rawQuery(t.config, 'SELECT sku, holder FROM oms_push_lease ORDER BY sku');
			const holderOf = new Map(rows.map((r) => [String(r.sku), String(r.holder)]));
			won.forEach((got, i) => got.forEach((sku) => expect(holderOf.get(sku)).toBe(`run-${i}`)));
		} finally {
			await other.close();
		}
	});

	test('a refused SKU waits 1 min, then 2, 4 … up to 1 h; attempts and the last error are kept', async () => {
		const delays: number[] = [];
		for (let i = 0; i < 9; i++) {
			await t.store.recordPushRetries(CH, [{ sku: 'X', reason: 'refused', message: `HTTP 400 #${i + 1}`, httpCode: 400 }]);
			const [entry] = await t.store.listPushRetries(CH);
			delays.push((Date.parse(entry.nextAt) - t.now.getTime()) / MIN);
			t.now = new Date(Date.parse(entry.nextAt));
		}
		expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
		expect(await t.store.listPushRetries(CH)).toEqual([
			{ sku: 'X', warehouse: 'default', listing: '', attempts: 9, uncertain: false, lastError: 'HTTP 400 #9', lastHttpCode: 400, firstFailedAt: at(0).toISOString(), nextAt: t.now.toISOString(), revision: 9 },
		]);
		await t.store.clearPushRetries(CH, 'default', await t.store.listPushRetries(CH));
		expect(await t.store.listPushRetries(CH)).toEqual([]);
	});

	test('an entry leaves only at the revision the push read: one recorded again meanwhile stays', async () => {
		await t.store.recordPushRetries(CH, [{ sku: 'A', reason: 'refused', message: 'x' }, { sku: 'B', reason: 'deferred' }]);
		const read = await t.store.listPushRetries(CH);
		expect(read.map((e) => [e.sku, e.revision])).toEqual([['B', 1], ['A', 1]]);
		// While the push ran, another run deferred B to it.
		await t.store.recordPushRetries(CH, [{ sku: 'B', reason: 'deferred', message: 'another push held the SKU' }]);
		await t.store.clearPushRetries(CH, 'default', read);
		expect((await t.store.listPushRetries(CH)).map((e) => [e.sku, e.revision])).toEqual([['B', 2]]);
		await expect(t.store.clearPushRetries(CH, 'default', [{ sku: 'B', revision: 0 }])).rejects.toThrow('SKU B: revision must be >= 1');
	});

	test('due entries come first; warehouse, SKU and limit filters; a deferral is due at once and counts nothing', async () => {
		await t.store.recordPushRetries(CH, [{ sku: 'LATE', reason: 'refused', message: 'closed listing', httpCode: 400 }]);
		t.now = at(30_000);
		await t.store.recordPushRetries(CH, [
			{ sku: 'BUSY', reason: 'deferred', message: 'another push held the SKU' },
			{ sku: 'N1', warehouse: 'north', reason: 'refused', message: 'x' },
		]);
		expect((await t.store.listPushRetries(CH, { dueOnly: true })).map((e) => [e.sku, e.attempts, e.lastError])).toEqual([['BUSY', 0, 'another push held the SKU']]);
		t.now = at(61_000);
		expect((await t.store.listPushRetries(CH, { dueOnly: true })).map((e) => e.sku)).toEqual(['BUSY', 'LATE']);
		expect((await t.store.listPushRetries(CH, { dueOnly: true, limit: 1 })).map((e) => e.sku)).toEqual(['BUSY']);
		expect((await t.store.listPushRetries(CH, { warehouse: 'north' })).map((e) => e.sku)).toEqual(['N1']);
		expect((await t.store.listPushRetries(CH, { skus: [' LATE', 'NONE'] })).map((e) => e.sku)).toEqual(['LATE']);
		expect(await t.store.listPushRetries(CH, { skus: [] })).toEqual([]);
		expect(await t.store.listPushRetries('woocommerce:other', {})).toEqual([]);

		// A deferral of a failing SKU makes it due now (never later) but keeps its count and its error.
		await t.store.recordPushRetries(CH, [{ sku: 'LATE', reason: 'deferred', message: 'busy' }]);
		expect((await t.store.listPushRetries(CH, { skus: ['LATE'] }))[0]).toMatchObject({ attempts: 1, lastError: 'closed listing', nextAt: at(MIN).toISOString() });
		await expect(t.store.recordPushRetries(CH, [{ sku: 'A', reason: 'oops' as 'refused' }])).rejects.toThrow('SKU A: reason must be refused, unknown or deferred');
	});

	test('an unknown outcome marks the entry uncertain; only a push begun after it was due takes it out', async () => {
		await t.store.recordPushRetries(CH, [{ sku: 'U', reason: 'unknown', message: 'Request timed out: POST /graphql.json' }]);
		await t.store.recordPushRetries(CH, [{ sku: 'U', reason: 'refused', message: 'HTTP 400', httpCode: 400 }]); // stays uncertain
		const [entry] = await t.store.listPushRetries(CH);
		expect(entry).toMatchObject({ sku: 'U', attempts: 2, uncertain: true, lastError: 'HTTP 400', lastHttpCode: 400, nextAt: at(2 * MIN).toISOString() });

		await t.store.clearPushRetries(CH, 'default', [entry], at(MIN)); // succeeded, but the lost write may still land
		expect(await t.store.listPushRetries(CH)).toHaveLength(1);
		await t.store.clearPushRetries(CH, 'default', [entry], at(2 * MIN));
		expect(await t.store.listPushRetries(CH)).toEqual([]);

		await t.store.recordPushRetries(CH, [{ sku: 'V', reason: 'unknown' }]);
		const v = await t.store.listPushRetries(CH);
		await t.store.clearPushRetries(CH, 'default', v); // not listed any more, say: no push date, it leaves
		expect(await t.store.listPushRetries(CH)).toEqual([]);
		await expect(t.store.clearPushRetries(CH, 'default', v, new Date('nope'))).rejects.toThrow('valid date');
	});

	test('a version-3 database gains push state on upgrade; its recorded values count as change 0', async () => {
		const v3 = await openFresh(driver, { targetVersion: 3 });
		expect(await v3.store.schemaVersion()).toBe(3);
		await v3.store.close();
		// Written as the previous package wrote it (its code is gone: raw SQL with the version-3 columns).
		await rawSql(v3.config, `INSERT INTO oms_channel_stock (channel, warehouse, sku, pushed_value, pushed_at) VALUES ('${CH}', 'default', 'OLD', 2, '2026-11-19T00:00:00Z')`);
		const upgraded = createStore(v3.config);
		try {
			expect(await upgraded.schemaVersion()).toBe(LATEST_SCHEMA);
			expect(await upgraded.getPushState(CH, ['OLD'])).toEqual(new Map([['OLD', { value: 2, changeSeq: 0 }]]));
			expect(await upgraded.recordPushed(CH, [{ sku: 'OLD', value: 3, changeSeq: 1 }])).toEqual([]);
			expect(await upgraded.acquirePushLeases(CH, 'default', ['OLD'], 'run', MIN)).toEqual(['OLD']);
		} finally {
			await upgraded.close();
		}
	});
});
