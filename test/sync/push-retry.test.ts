import { CHANGED_SINCE_LAST_PUSH, pushStock, type PushStockRequest } from '../../core/sync/push-stock';
import { isUnknownOutcome } from '../../core/sync/push-outcome';
import type { OmsStore } from '../../core/store/types';
import { DRIVERS, openFresh } from '../store/stores';
import { FakeWriter } from './fake-writer';

/**
 * The push retry set (issue 8, section 2): a SKU the channel keeps refusing no longer holds the "changed
 * since last push" cursor; it waits in the retry set with backoff, and every run first retries the due ones.
 */

const CHANNEL = 'mercadolivre:123456789';

describe('a failed write: refused, or outcome unknown', () => {
	test.each([
		[400, false],
		[404, false],
		[422, false],
		[429, false],
		[408, true],
		[500, true],
		[503, true],
		[200, true], // a 2xx the writer could not read
		[undefined, true], // timeout, reset connection, a writer that threw
	])('HTTP %s → unknown outcome: %s', (httpCode, unknown) => {
		expect(isUnknownOutcome({ message: 'x', ...(httpCode === undefined ? {} : { httpCode }) })).toBe(unknown);
	});
});

describe.each(DRIVERS)('push retry set on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	const clock = () => now;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store } = await openFresh(driver, { clock }));
	});
	afterEach(() => store.close());

	const changed = (writer: FakeWriter, cursor: string | undefined, extra: Partial<PushStockRequest> = {}) =>
		pushStock({ store, channel: CHANNEL, writer, levels: CHANGED_SINCE_LAST_PUSH, cursor, pageSize: 2, safetyStock: 0, maxQuantity: 0, clock, ...extra });
	const minutes = (m: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + m * 60_000);

	test('a refused SKU no longer holds the cursor: the changes after it, more than a page, are all pushed', async () => {
		// One change per SKU: the closed listing first, then five more SKUs: three pages of two.
		for (const [sku, onHand] of [['CLOSED', 3], ['A', 1], ['B', 2], ['C', 3], ['D', 4], ['E', 5]] as const) await store.setOnHand([{ sku, onHand }]);
		const writer = new FakeWriter(FakeWriter.listing('CLOSED', 'A', 'B', 'C', 'D', 'E', 'F'), 1);
		writer.failing.set('CLOSED', 400); // a closed (or under review) listing refuses every update

		let cursor: string | undefined;
		const seen: Array<[string, string]> = [];
		for (let run = 0; run < 3; run++) {
			const out = await changed(writer, cursor);
			seen.push(...out.results.map((r) => [r.sku, r.status] as [string, string]));
			cursor = out.cursor;
			if (run < 2) expect(out.more).toBe(true);
			else expect(out.more).toBe(false);
		}
		expect(seen).toEqual([['CLOSED', 'failed'], ['A', 'pushed'], ['B', 'pushed'], ['C', 'pushed'], ['D', 'pushed'], ['E', 'pushed']]);
		expect([...writer.quantities]).toEqual([['A', 1], ['B', 2], ['C', 3], ['D', 4], ['E', 5]]);
		expect(await store.listPushRetries(CHANNEL)).toEqual([
			expect.objectContaining({ sku: 'CLOSED', attempts: 1, uncertain: false, lastError: 'HTTP 400 from POST /inventory', lastHttpCode: 400, nextAt: minutes(1).toISOString() }),
		]);

		// Not due yet: later runs leave it alone and cost no request.
		const calls = writer.pushCalls.length;
		expect((await changed(writer, cursor)).results).toEqual([]);
		expect(writer.pushCalls).toHaveLength(calls);

		// Due after 1 min: retried first, refused again, due 2 min later; a new change still goes in the same run.
		now = minutes(1);
		await store.setOnHand([{ sku: 'F', onHand: 6 }]);
		const second = await changed(writer, cursor);
		expect(second.results.map((r) => [r.sku, r.status, r.retried])).toEqual([['CLOSED', 'failed', true], ['F', 'pushed', undefined]]);
		expect((await store.listPushRetries(CHANNEL))[0]).toMatchObject({ attempts: 2, nextAt: minutes(3).toISOString() });
		cursor = second.cursor;

		// The listing reopens; at the next due time the SKU goes and leaves the set.
		writer.failing.delete('CLOSED');
		now = minutes(3);
		const third = await changed(writer, cursor);
		expect(third.results).toEqual([expect.objectContaining({ sku: 'CLOSED', status: 'pushed', value: 3, retried: true })]);
		expect(writer.quantities.get('CLOSED')).toBe(3);
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		expect(third.cursor).toBe(cursor);
	});

	test('From Input runs retry the due SKUs too; a SKU back at the value the channel has leaves the set', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 5 }, { sku: 'X', onHand: 1 }]);
		const writer = new FakeWriter(FakeWriter.listing('A', 'X'));
		const inputs = (skus: string[]) => pushStock({ store, channel: CHANNEL, writer, levels: skus.map((sku) => ({ sku })), safetyStock: 0, maxQuantity: 0, clock });
		await inputs(['X']);
		writer.failing.set('A', 400).set('X', 400);
		await store.adjustStock([{ sku: 'X', delta: 1 }]);
		await inputs(['A', 'X']);
		expect((await store.listPushRetries(CHANNEL)).map((e) => e.sku)).toEqual(['A', 'X']);

		writer.failing.clear();
		await store.adjustStock([{ sku: 'X', delta: -1 }]); // back to the value the channel has
		now = minutes(1);
		const out = await inputs(['OTHER']);
		expect(out.results.map((r) => [r.sku, r.status, r.retried])).toEqual([
			['A', 'pushed', true],
			['X', 'unchanged', true],
			['OTHER', 'not_counted', undefined],
		]);
		expect(writer.pushCalls[writer.pushCalls.length - 1].map((u) => [u.sku, u.quantity])).toEqual([['A', 5]]);
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});
});
