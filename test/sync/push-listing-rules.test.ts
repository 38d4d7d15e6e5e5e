import { listingTarget } from '../../core/catalog/listing-rules';
import type { StockUpdate } from '../../core/channels/types';
import { CHANGED_SINCE_LAST_PUSH, pushStock, type PushStockRequest } from '../../core/sync/push-stock';
import type { OmsStore } from '../../core/store/types';
import { FakeWriter } from './fake-writer';
import { DRIVERS } from '../store/stores';
import { SHOP_CHANNEL, shopLink, stock, storePerTest } from './stores';

/**
 * Push Stock with a publish rule on one listing (Catalog → Set Listing Rule): two listings of one SKU show
 * different numbers, each recorded, retried and re-pushed as its own target; the SKU's other listings keep
 * the SKU's value.
 */

const CHANNEL = SHOP_CHANNEL;
const shop = shopLink;
describe.each(DRIVERS)('Push Stock with listing rules on %s', (driver) => {
	const current = storePerTest(driver);
	let store: OmsStore;
	beforeEach(() => {
		store = current();
	});

	/** A writer that remembers what each listing shows (FakeWriter keys by SKU). */
	function listingWriter() {
		const writer = new FakeWriter();
		const shown = new Map<string, number>();
		const original = writer.pushStock.bind(writer);
		writer.pushStock = async (updates: StockUpdate[]) => {
			const results = await original(updates);
			for (const u of updates) if (results.find((r) => r.sku === u.sku)?.ok) shown.set(`${u.listing.listingId}${u.listing.variantId ? `/${u.listing.variantId}` : ''}`, u.quantity);
			return results;
		};
		return { writer, shown };
	}

	const push = (writer: FakeWriter, skus: string[] | typeof CHANGED_SINCE_LAST_PUSH, extra: Partial<PushStockRequest> = {}) =>
		pushStock({ store, channel: CHANNEL, writer, levels: Array.isArray(skus) ? skus.map((sku) => ({ sku })) : skus, safetyStock: 0, maxQuantity: 0, ...extra });

	test('a listing with its own rule shows its own number; the SKU\'s other listings show the SKU\'s; each is recorded apart', async () => {
		await stock(store, { CAMISA: [20] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA', 'V9'), shop('P3', 'CAMISA')]);
		await store.setPublishRule(CHANNEL, { safetyStock: 2 }); // the account's rule: every listing holds 2 back
		await store.setListingRule(CHANNEL, { listingId: 'P2', variantId: 'V9' }, { sharePercent: 50 });
		const { writer, shown } = listingWriter();
		const { results } = await push(writer, ['CAMISA']);
		// P2/V9: (20 − 2 account safety) × 50 % = 9; the others 18.
		expect(Object.fromEntries(shown)).toEqual({ P1: 18, 'P2/V9': 9, P3: 18 });
		expect(results).toEqual([
			expect.objectContaining({
				sku: 'CAMISA', status: 'pushed', value: 18, listings: 3,
				ownListings: [{ listingId: 'P2', variantId: 'V9', value: 9, previous: null, status: 'pushed' }],
			}),
		]);
		// No writer call names a SKU twice.
		for (const call of writer.pushCalls) expect(new Set(call.map((u) => u.sku)).size).toBe(call.length);
		expect(await store.getPushed(CHANNEL, ['CAMISA'])).toEqual(new Map([['CAMISA', 18]]));
		expect((await store.getListingPushStates(CHANNEL, ['CAMISA'])).map((s) => [s.listing, s.value])).toEqual([[listingTarget('P2', 'V9'), 9]]);

		// Unchanged level: nothing sent. A sale moves both numbers.
		expect((await push(writer, ['CAMISA'])).results[0]).toMatchObject({ status: 'unchanged', ownListings: [{ status: 'unchanged', value: 9 }] });
		await store.adjustStock([{ sku: 'CAMISA', delta: -4 }]);
		const calls = writer.pushCalls.length;
		await push(writer, CHANGED_SINCE_LAST_PUSH);
		expect(writer.pushCalls.length).toBeGreaterThan(calls);
		expect(Object.fromEntries(shown)).toEqual({ P1: 14, 'P2/V9': 7, P3: 14 });
	});

	test('a rule on the whole listing applies to its variants; a variant\'s rule wins field by field; a rule that gives the same number still records apart', async () => {
		await stock(store, { A: [10], B: [10] });
		await store.linkListings([shop('P1', 'A', 'V1'), shop('P1', 'B', 'V2'), shop('P9', 'A')]);
		await store.setListingRule(CHANNEL, { listingId: 'P1' }, { maxQuantity: 3, safetyStock: 1 });
		await store.setListingRule(CHANNEL, { listingId: 'P1', variantId: 'V2' }, { maxQuantity: 8 });
		const { writer, shown } = listingWriter();
		await push(writer, ['A', 'B']);
		// V1: min(3, 10 − 1); V2: min(8, 10 − 1) (its cap, the listing's safety); P9 follows A's rule: 10. B has no other listing.
		expect(Object.fromEntries(shown)).toEqual({ 'P1/V1': 3, 'P1/V2': 8, P9: 10 });
		const [, b] = (await push(writer, ['A', 'B'])).results;
		// B's only listing has its own rule: the SKU's own value is not sent anywhere.
		expect(b).toMatchObject({ sku: 'B', value: null, status: 'unchanged', ownListings: [{ listingId: 'P1', variantId: 'V2', value: 8 }] });
		expect(await store.getPushed(CHANNEL, ['B'])).toEqual(new Map());
	});

	test('removing a listing\'s rule publishes the SKU\'s value there at the next push, with no stock change', async () => {
		await stock(store, { CAMISA: [10] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA')]);
		await store.setListingRule(CHANNEL, { listingId: 'P2' }, { maxQuantity: 2 });
		const { writer, shown } = listingWriter();
		await push(writer, CHANGED_SINCE_LAST_PUSH);
		expect(Object.fromEntries(shown)).toEqual({ P1: 10, P2: 2 });
		await store.removeListingRule(CHANNEL, { listingId: 'P2' });
		// The changed feed has nothing new, but the removal queued the SKU: the due retry publishes it.
		const { results } = await push(writer, CHANGED_SINCE_LAST_PUSH, { cursor: (await store.listChanged(undefined, 100)).cursor });
		expect(results).toEqual([expect.objectContaining({ sku: 'CAMISA', retried: true, status: 'pushed', value: 10, ownListings: [expect.objectContaining({ listingId: 'P2', value: 10, previous: 2, status: 'pushed' })] })]);
		expect(Object.fromEntries(shown)).toEqual({ P1: 10, P2: 10 });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		// Setting a rule again works the same way.
		await store.setListingRule(CHANNEL, { listingId: 'P1' }, { sharePercent: 10 });
		await push(writer, CHANGED_SINCE_LAST_PUSH, { cursor: (await store.listChanged(undefined, 100)).cursor });
		expect(Object.fromEntries(shown)).toEqual({ P1: 1, P2: 10 });
	});

	test('a refused listing with its own rule is retried alone: the SKU\'s value is recorded, the listing waits in the retry set', async () => {
		await stock(store, { CAMISA: [10] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA')]);
		await store.setListingRule(CHANNEL, { listingId: 'P2' }, { maxQuantity: 4 });
		const { writer, shown } = listingWriter();
		const original = writer.pushStock.bind(writer);
		let refuse = true;
		writer.pushStock = async (updates) =>
			refuse && updates.some((u) => u.listing.listingId === 'P2') ? updates.map((u) => ({ sku: u.sku, ok: false, error: { message: 'HTTP 422 closed listing', httpCode: 422 } })) : original(updates);
		const first = await push(writer, ['CAMISA']);
		expect(first.results[0]).toMatchObject({ status: 'failed', value: 10, error: { httpCode: 422 }, ownListings: [{ listingId: 'P2', status: 'failed', value: 4 }] });
		expect(await store.getPushed(CHANNEL, ['CAMISA'])).toEqual(new Map([['CAMISA', 10]]));
		expect((await store.listPushRetries(CHANNEL)).map((e) => [e.sku, e.listing, e.attempts])).toEqual([['CAMISA', listingTarget('P2', ''), 1]]);

		refuse = false;
		const sentBefore = writer.pushCalls.flat().length;
		// Not due yet: an explicit push of the SKU sends only what differs (the listing), not P1 again.
		const second = await push(writer, ['CAMISA']);
		expect(second.results[0]).toMatchObject({ status: 'pushed', value: 10, ownListings: [{ listingId: 'P2', status: 'pushed', value: 4 }] });
		expect(writer.pushCalls.flat().slice(sentBefore).map((u) => u.listing.listingId)).toEqual(['P2']);
		expect(Object.fromEntries(shown)).toEqual({ P1: 10, P2: 4 });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});

	test('an outcome-unknown write to a listing marks that listing uncertain: it is sent again even when its number is back to the recorded one', async () => {
		await stock(store, { CAMISA: [10] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA')]);
		await store.setListingRule(CHANNEL, { listingId: 'P2' }, { maxQuantity: 4 });
		const { writer, shown } = listingWriter();
		await push(writer, ['CAMISA']);
		expect(Object.fromEntries(shown)).toEqual({ P1: 10, P2: 4 });
		// Stock drops to 3: P2's 3 is applied by the channel but the answer never comes (timeout).
		await store.adjustStock([{ sku: 'CAMISA', delta: -7 }]);
		const original = writer.pushStock.bind(writer);
		writer.pushStock = async (updates) => {
			const results = await original(updates);
			if (updates.some((u) => u.listing.listingId === 'P2')) throw new Error('socket hang up');
			return results;
		};
		expect((await push(writer, ['CAMISA'])).results[0].ownListings).toEqual([expect.objectContaining({ status: 'failed', value: 3 })]);
		expect(Object.fromEntries(shown)).toEqual({ P1: 3, P2: 3 });
		expect((await store.listPushRetries(CHANNEL)).map((e) => [e.listing, e.uncertain])).toEqual([[listingTarget('P2', ''), true]]);
		// Back to 10: P2's number (4) equals its recorded value, but the channel may show 3, so it is sent.
		writer.pushStock = original;
		await store.adjustStock([{ sku: 'CAMISA', delta: 7 }]);
		const again = await push(writer, ['CAMISA'], { clock: () => new Date(Date.now() + 3_600_000) });
		expect(again.results[0]).toMatchObject({ status: 'pushed', value: 10, ownListings: [{ listingId: 'P2', status: 'pushed', value: 4, previous: 4 }] });
		expect(Object.fromEntries(shown)).toEqual({ P1: 10, P2: 4 });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});

	test('a level that moved while a request was on its way is re-read and re-sent to each target with its own number', async () => {
		await stock(store, { CAMISA: [10] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA')]);
		await store.setListingRule(CHANNEL, { listingId: 'P2' }, { sharePercent: 50 });
		const { writer, shown } = listingWriter();
		// While the first request is on its way, a sale lands: the run re-reads and sends the new numbers.
		writer.hold = async (_updates, call) => {
			if (call === 1) await store.adjustStock([{ sku: 'CAMISA', delta: -4 }]);
		};
		const { results } = await push(writer, ['CAMISA']);
		expect(results[0]).toMatchObject({ status: 'pushed', value: 6, ownListings: [{ listingId: 'P2', value: 3, status: 'pushed' }] });
		expect(Object.fromEntries(shown)).toEqual({ P1: 6, P2: 3 });
		const [level] = await store.getVersionedLevels(['CAMISA']);
		expect((await store.getListingPushStates(CHANNEL, ['CAMISA']))[0]).toMatchObject({ value: 3, changeSeq: level.changeSeq });
		expect(await store.getPushState(CHANNEL, ['CAMISA'])).toEqual(new Map([['CAMISA', { value: 6, changeSeq: level.changeSeq }]]));
	});

	test('an unlinked listing leaves its target: its retry entry is dropped, nothing is sent to it', async () => {
		await stock(store, { CAMISA: [10] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA')]);
		await store.setListingRule(CHANNEL, { listingId: 'P2' }, { maxQuantity: 4 });
		await store.recordPushRetries(CHANNEL, [{ sku: 'CAMISA', listing: listingTarget('P2', ''), reason: 'refused', httpCode: 400 }]);
		await store.unlinkListings([{ channel: 'shopify', account: 'loja-teste', listingId: 'P2' }]);
		const { writer, shown } = listingWriter();
		const { results } = await push(writer, ['CAMISA']);
		expect(results[0]).toMatchObject({ status: 'pushed', value: 10 });
		expect(results[0].ownListings).toBeUndefined();
		expect(Object.fromEntries(shown)).toEqual({ P1: 10 });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
	});
});
