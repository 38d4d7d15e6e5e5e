import { CHANGED_SINCE_LAST_PUSH, pushStock, type PushStockRequest } from '../../core/sync/push-stock';
import { publishedValue, resolveRule } from '../../core/catalog/publish-rules';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { FakeWriter } from './fake-writer';
import { freshStore, stock } from './stores';

const CHANNEL = 'shopify:loja.myshopify.com';

let store: OmsStore;
beforeEach(() => {
	store = freshStore();
});
afterEach(() => store.close());

const push = (writer: FakeWriter, skus: string[] | typeof CHANGED_SINCE_LAST_PUSH, extra: Partial<PushStockRequest> = {}) =>
	pushStock({ store, channel: CHANNEL, writer, levels: Array.isArray(skus) ? skus.map((sku) => ({ sku })) : skus, safetyStock: 0, maxQuantity: 0, ...extra });

const statuses = (results: Array<{ sku: string; status: string }>) => Object.fromEntries(results.map((r) => [r.sku, r.status]));

describe('stock value', () => {
	test.each([
		[10, 0, 0, 10],
		[10, 2, 0, 8],
		[10, 2, 5, 5],
		[1, 2, 0, 0],
		[-3, 0, 0, 0],
		[-3, 1, 4, 0],
	])('available %i, safety %i, cap %i → %i', (available, safetyStock, maxQuantity, expected) => {
		expect(publishedValue(available, resolveRule({ safetyStock, maxQuantity }))).toBe(expected);
	});
});

describe('pushStock on a SQLite store', () => {
	test('reference example: 10 on hand, 2 reserved → 8 pushed; again → unchanged, no channel call', async () => {
		await stock(store, { SHIRT: [10, 2] });
		const writer = new FakeWriter(FakeWriter.listing('SHIRT'));
		const first = await push(writer, ['SHIRT']);
		expect(first.results).toEqual([{ sku: 'SHIRT', warehouse: 'default', available: 8, value: 8, previous: null, changeSeq: 2, status: 'pushed', listings: 1 }]);
		expect(writer.quantities.get('SHIRT')).toBe(8);
		expect(await store.getPushed(CHANNEL, ['SHIRT'])).toEqual(new Map([['SHIRT', 8]]));

		const again = await push(writer, ['SHIRT']);
		expect(again.results[0]).toMatchObject({ value: 8, previous: 8, status: 'unchanged' });
		expect(writer.pushCalls).toHaveLength(1);
	});

	test('safety stock and cap apply; an oversold SKU is published as 0, never negative', async () => {
		await stock(store, { A: [10], B: [100], C: [1] });
		await store.applyOrders([order('O1', 'paid', [['C', 3]])]);
		const writer = new FakeWriter(FakeWriter.listing('A', 'B', 'C'));
		const { results } = await push(writer, ['A', 'B', 'C'], { safetyStock: 2, maxQuantity: 20 });
		expect(results.map((r) => [r.sku, r.available, r.value])).toEqual([
			['A', 10, 8],
			['B', 100, 20],
			['C', -2, 0],
		]);
		expect([...writer.quantities]).toEqual([['A', 8], ['B', 20], ['C', 0]]);
	});

	test('only changed values are pushed; the quantity is the store\'s, not the item\'s', async () => {
		await stock(store, { A: [5], B: [5] });
		const writer = new FakeWriter(FakeWriter.listing('A', 'B'));
		await push(writer, ['A', 'B']);
		await store.adjustStock([{ sku: 'B', delta: -1 }]);
		const { results } = await pushStock({ store, channel: CHANNEL, writer, levels: [{ sku: 'A' }, { sku: 'B' }, { sku: 'B' }], safetyStock: 0, maxQuantity: 0 });
		expect(statuses(results)).toEqual({ A: 'unchanged', B: 'pushed' });
		expect(results).toHaveLength(2);
		expect(writer.pushCalls[1].map((u) => [u.sku, u.quantity])).toEqual([['B', 4]]);
	});

	test('listings are looked up once, only for SKUs not cached, then read from the store', async () => {
		await stock(store, { A: [1], B: [2] });
		const writer = new FakeWriter(FakeWriter.listing('A', 'B'));
		await push(writer, ['A']);
		await push(writer, ['A', 'B']);
		await store.adjustStock([{ sku: 'A', delta: 1 }, { sku: 'B', delta: 1 }]);
		await push(writer, ['A', 'B']);
		expect(writer.resolveCalls).toEqual([['A'], ['B']]);
		expect(writer.pushCalls[2].map((u) => u.listing)).toEqual([FakeWriter.listing('A').get('A'), FakeWriter.listing('A', 'B').get('B')]);
		// What the catalog showed became links of the channel account ('catalog').
		expect((await store.listLinks()).map((l) => [l.channel, l.account, l.listingId, l.sku, l.source, l.inventoryItemId])).toEqual([
			['shopify', 'loja.myshopify.com', 'L-A', 'A', 'catalog', 'gid://shopify/InventoryItem/100'],
			['shopify', 'loja.myshopify.com', 'L-B', 'B', 'catalog', 'gid://shopify/InventoryItem/101'],
		]);
	});

	test('a SKU the channel does not list is "not listed on channel" and does not stop the others', async () => {
		await stock(store, { A: [1], GHOST: [3] });
		const writer = new FakeWriter(FakeWriter.listing('A'));
		const { results } = await push(writer, ['GHOST', 'A']);
		expect(results[0]).toMatchObject({ sku: 'GHOST', status: 'not_listed', message: 'not listed on channel', value: 3 });
		expect(results[0].error).toBeUndefined();
		expect(results[1]).toMatchObject({ sku: 'A', status: 'pushed' });
		expect(await store.getPushed(CHANNEL, ['GHOST'])).toEqual(new Map());
	});

	test('a SKU never counted in the OMS (only seen on orders) is not published as 0', async () => {
		await store.applyOrders([order('O1', 'paid', [['NEW', 1]])]);
		const writer = new FakeWriter(FakeWriter.listing('NEW'));
		const { results } = await push(writer, ['NEW', 'UNKNOWN']);
		expect(statuses(results)).toEqual({ NEW: 'not_counted', UNKNOWN: 'not_counted' });
		expect(writer.resolveCalls).toEqual([]);
		expect(writer.pushCalls).toEqual([]);
	});

	test('a failed SKU is not recorded and is retried by the next run, while the others are recorded', async () => {
		await stock(store, { A: [1], B: [2], C: [3] });
		const writer = new FakeWriter(FakeWriter.listing('A', 'B', 'C'));
		writer.failing.set('B', 422);
		const first = await push(writer, ['A', 'B', 'C']);
		expect(statuses(first.results)).toEqual({ A: 'pushed', B: 'failed', C: 'pushed' });
		expect(first.results[1].error).toEqual({ message: 'HTTP 422 from POST /inventory', httpCode: 422 });
		expect(await store.getPushed(CHANNEL, ['A', 'B', 'C'])).toEqual(new Map([['A', 1], ['C', 3]]));

		// A refusal (4xx) is certain: B waits in the retry set, not marked uncertain.
		expect(await store.listPushRetries(CHANNEL)).toEqual([expect.objectContaining({ sku: 'B', attempts: 1, uncertain: false, lastError: 'HTTP 422 from POST /inventory', lastHttpCode: 422 })]);

		writer.failing.clear();
		const second = await push(writer, ['A', 'B', 'C']);
		expect(statuses(second.results)).toEqual({ A: 'unchanged', B: 'pushed', C: 'unchanged' });
		expect(writer.pushCalls[1].map((u) => u.sku)).toEqual(['B']);
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});

	test('a failed listing look-up fails those SKUs only; cached ones still go', async () => {
		await stock(store, { A: [1], B: [2] });
		const writer = new FakeWriter(FakeWriter.listing('A', 'B'));
		await push(writer, ['A']);
		await store.adjustStock([{ sku: 'A', delta: 1 }]);
		writer.failResolveWith = 503;
		const { results } = await push(writer, ['A', 'B']);
		expect(statuses(results)).toEqual({ A: 'pushed', B: 'failed' });
		expect(results[1].error).toMatchObject({ httpCode: 503 });
		expect((await store.linksOfSkus('shopify', 'loja.myshopify.com', ['B'])).size).toBe(0);
	});

	test('updates go in chunks of the writer\'s batch size; a chunk that throws fails only its SKUs', async () => {
		const skus = Array.from({ length: 7 }, (_v, i) => `S${i}`);
		await stock(store, Object.fromEntries(skus.map((s, i) => [s, [i + 1]])));
		const writer = new FakeWriter(FakeWriter.listing(...skus), 3);
		const original = writer.pushStock.bind(writer);
		let call = 0;
		writer.pushStock = async (updates) => {
			if (++call === 2) throw new Error('socket hang up');
			return await original(updates);
		};
		const { results } = await push(writer, skus);
		expect(writer.pushCalls.map((c) => c.length)).toEqual([3, 1]);
		expect(results.map((r) => r.status)).toEqual(['pushed', 'pushed', 'pushed', 'failed', 'failed', 'failed', 'pushed']);
		expect(results[3].error).toEqual({ message: 'socket hang up' });
		expect([...(await store.getPushed(CHANNEL, skus)).keys()].sort()).toEqual(['S0', 'S1', 'S2', 'S6']);
		// A request that threw may have reached the channel: its SKUs are uncertain, sent again whatever is recorded.
		expect((await store.listPushRetries(CHANNEL)).map((e) => [e.sku, e.uncertain, e.lastError])).toEqual([
			['S3', true, 'socket hang up'],
			['S4', true, 'socket hang up'],
			['S5', true, 'socket hang up'],
		]);
	});

	test('levels of other warehouses are not this channel\'s stock', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 4 }, { sku: 'A', warehouse: 'north', onHand: 9 }]);
		const writer = new FakeWriter(FakeWriter.listing('A'));
		const north = await pushStock({ store, channel: CHANNEL, writer, levels: [{ sku: 'A', warehouse: 'north' }, { sku: 'A', warehouse: 'default' }], warehouse: 'north', safetyStock: 0, maxQuantity: 0 });
		expect(north.results).toEqual([expect.objectContaining({ sku: 'A', warehouse: 'north', value: 9, status: 'pushed' })]);
	});

	test('"Camisa-É" composed, decomposed or padded is one SKU: one level, one listing look-up, one push', async () => {
		const composed = 'Camisa-\u00C9';
		const decomposed = 'Camisa-E\u0301';
		await stock(store, { [composed]: [5] });
		// The channel spells its SKU decomposed and answers in its own spelling.
		const writer = new FakeWriter(FakeWriter.listing(decomposed));
		writer.resolveListings = async (skus) => {
			writer.resolveCalls.push([...skus]);
			return new Map(skus.filter((s) => s.normalize('NFD') === decomposed).map(() => [decomposed, writer.listings.get(decomposed)!]));
		};
		const first = await pushStock({ store, channel: CHANNEL, writer, levels: [{ sku: ` ${decomposed} ` }, { sku: composed }], safetyStock: 0, maxQuantity: 0 });
		expect(first.results).toEqual([{ sku: composed, warehouse: 'default', available: 5, value: 5, previous: null, changeSeq: 1, status: 'pushed', listings: 1 }]);
		expect(writer.resolveCalls).toEqual([[composed]]);
		expect((await store.linksOfSkus('shopify', 'loja.myshopify.com', [decomposed])).get(decomposed)).toEqual([
			expect.objectContaining({ sku: composed, listingId: `L-${decomposed}` }),
		]);

		const again = await push(writer, [decomposed]);
		expect(again.results).toEqual([expect.objectContaining({ sku: composed, previous: 5, status: 'unchanged' })]);
		expect(writer.pushCalls).toHaveLength(1);
		expect(writer.resolveCalls).toHaveLength(1);
	});

	test('bad rules are refused before anything is sent', async () => {
		const writer = new FakeWriter();
		await expect(push(writer, ['A'], { safetyStock: -1 })).rejects.toThrow('Safety stock must be a whole number');
		await expect(push(writer, ['A'], { maxQuantity: 1.5 })).rejects.toThrow('Max quantity');
	});
});

describe('pushStock changed since the last push', () => {
	test('the cursor advances past a failed SKU, which waits in the retry set until it is due', async () => {
		let now = new Date('2026-11-20T12:00:00Z');
		await store.close();
		store = freshStore(() => now);
		const clock = { clock: () => now };
		await stock(store, { A: [1], B: [2] });
		const writer = new FakeWriter(FakeWriter.listing('A', 'B', 'C'));
		const first = await push(writer, CHANGED_SINCE_LAST_PUSH, clock);
		expect(statuses(first.results)).toEqual({ A: 'pushed', B: 'pushed' });
		expect(first.cursor).toEqual(expect.any(String));
		expect(first.more).toBe(false);

		const idle = await push(writer, CHANGED_SINCE_LAST_PUSH, { ...clock, cursor: first.cursor });
		expect(idle.results).toEqual([]);
		expect(idle.cursor).toBe(first.cursor);

		await store.adjustStock([{ sku: 'A', delta: 1 }]);
		await store.setOnHand([{ sku: 'C', onHand: 5 }]);
		writer.failing.set('C', 500);
		const failed = await push(writer, CHANGED_SINCE_LAST_PUSH, { ...clock, cursor: first.cursor });
		expect(statuses(failed.results)).toEqual({ A: 'pushed', C: 'failed' });
		expect(Number(failed.cursor)).toBeGreaterThan(Number(first.cursor));

		writer.failing.clear();
		// Not due yet (1 minute): the next run has nothing to do.
		expect((await push(writer, CHANGED_SINCE_LAST_PUSH, { ...clock, cursor: failed.cursor })).results).toEqual([]);
		now = new Date('2026-11-20T12:01:00Z');
		const retried = await push(writer, CHANGED_SINCE_LAST_PUSH, { ...clock, cursor: failed.cursor });
		expect(retried.results).toEqual([expect.objectContaining({ sku: 'C', status: 'pushed', value: 5, retried: true })]);
		expect(writer.pushCalls.map((c) => c.map((u) => u.sku))).toEqual([['A', 'B'], ['A', 'C'], ['C']]);
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		expect((await push(writer, CHANGED_SINCE_LAST_PUSH, { ...clock, cursor: retried.cursor })).results).toEqual([]);
	});

	test('pages: "more" when the page size cut the changes; not-listed SKUs do not hold the cursor', async () => {
		// One change (one transaction) per SKU: a page never splits the SKUs of one change.
		for (const [sku, onHand] of [['A', 1], ['B', 2], ['GHOST', 3]] as const) await store.setOnHand([{ sku, onHand }]);
		const writer = new FakeWriter(FakeWriter.listing('A', 'B'));
		const page1 = await push(writer, CHANGED_SINCE_LAST_PUSH, { pageSize: 2 });
		expect(page1.more).toBe(true);
		const page2 = await push(writer, CHANGED_SINCE_LAST_PUSH, { pageSize: 2, cursor: page1.cursor });
		expect([...page1.results, ...page2.results].map((r) => [r.sku, r.status])).toEqual([
			['A', 'pushed'],
			['B', 'pushed'],
			['GHOST', 'not_listed'],
		]);
		expect(page2.more).toBe(false);
		expect(page2.cursor).not.toBe(page1.cursor);
	});
});
