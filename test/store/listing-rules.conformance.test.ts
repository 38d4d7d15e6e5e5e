import { createStore } from '../../core/store/open';
import { listingTarget } from '../../core/catalog/listing-rules';
import type { OmsStore } from '../../core/store/types';
import { DRIVERS, LATEST_SCHEMA, openFresh, rawQuery, rawSql } from './stores';

/**
 * Publish rules per listing (migration 14) on both drivers: the rules themselves (a listing must be linked),
 * and the push state kept per target — the SKU's value (listing '') and each listing with its own rule — so
 * recorded values, change numbers and retry entries of two listings of one SKU never overwrite each other.
 */

const CH = 'shopify:loja.myshopify.com';
const L1 = listingTarget('P1', 'V1');
const L2 = listingTarget('P2', '');

describe.each(DRIVERS)('listing rules on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store } = await openFresh(driver, { clock: () => now }));
		await store.linkListings([
			{ channel: 'shopify', account: 'loja.myshopify.com', listingId: 'P1', variantId: 'V1', sku: 'CAMISA' },
			{ channel: 'shopify', account: 'loja.myshopify.com', listingId: 'P2', sku: 'CAMISA' },
		]);
	});
	afterEach(() => store.close());

	test('a rule is set on a linked listing only, replaces the one before, is listed with its SKUs and removed', async () => {
		await expect(store.setListingRule(CH, { listingId: 'NOPE' }, { sharePercent: 50 })).rejects.toThrow(
			'Publish rule of shopify:loja.myshopify.com listing NOPE: the listing is not linked to a SKU on shopify:loja.myshopify.com; link it first',
		);
		await expect(store.setListingRule(CH, { listingId: 'P1', variantId: 'V1' }, {})).rejects.toThrow('set at least one field');
		await expect(store.setListingRule(CH, { listingId: 'P1' }, { sharePercent: 0 })).rejects.toThrow('sharePercent must be a whole number from 1 to 100, got 0');
		await expect(store.setListingRule('shopify', { listingId: 'P1' }, { maxQuantity: 1 })).rejects.toThrow('Channel account must be "<channel>:<account>"');
		await expect(store.setListingRule(CH, { listingId: '' }, { maxQuantity: 1 })).rejects.toThrow('listingId must be a non-empty text');

		expect(await store.setListingRule(CH, { listingId: 'P1', variantId: 'V1' }, { maxQuantity: 9 })).toEqual({
			channel: CH, listingId: 'P1', variantId: 'V1', skus: ['CAMISA'], maxQuantity: 9, updatedAt: now.toISOString(),
		});
		await store.setListingRule(CH, { listingId: 'P1', variantId: 'V1' }, { sharePercent: 50, zeroBelow: 3 }); // replaces: no cap any more
		await store.setListingRule(CH, { listingId: 'P2' }, { safetyStock: 2 });
		expect(await store.listListingRules(CH)).toEqual([
			{ channel: CH, listingId: 'P1', variantId: 'V1', skus: ['CAMISA'], sharePercent: 50, zeroBelow: 3, updatedAt: now.toISOString() },
			{ channel: CH, listingId: 'P2', variantId: '', skus: ['CAMISA'], safetyStock: 2, updatedAt: now.toISOString() },
		]);
		expect(await store.listListingRules('nuvemshop:1')).toEqual([]);
		const forPush = await store.listingRulesFor(CH, ['P1', 'P2', 'P3']);
		expect([...forPush]).toEqual([
			[L1, { sharePercent: 50, zeroBelow: 3 }],
			[L2, { safetyStock: 2 }],
		]);

		expect(await store.removeListingRule(CH, { listingId: 'P2' })).toEqual({ channel: CH, listingId: 'P2', variantId: '', skus: ['CAMISA'], removed: true });
		expect(await store.removeListingRule(CH, { listingId: 'P2' })).toMatchObject({ removed: false });
		expect((await store.listListingRules()).map((r) => r.listingId)).toEqual(['P1']);
		// An unlinked listing keeps its rule (a new link of it follows it again); the list says it sells nothing now.
		await store.unlinkListings([{ channel: 'shopify', account: 'loja.myshopify.com', listingId: 'P1', variantId: 'V1' }]);
		expect(await store.listListingRules(CH)).toMatchObject([{ listingId: 'P1', skus: [] }]);
	});

	test('setting or removing a rule queues the SKU under every warehouse key it was pushed under, due at once', async () => {
		await store.recordPushed(CH, [{ sku: 'CAMISA', value: 4, changeSeq: 3 }, { sku: 'CAMISA', warehouse: 'default+sp', value: 6, changeSeq: 3 }]);
		await store.setListingRule(CH, { listingId: 'P2' }, { maxQuantity: 1 });
		const queued = await store.listPushRetries(CH, { dueOnly: true });
		expect(queued.map((e) => [e.warehouse, e.sku, e.listing, e.attempts, e.uncertain, e.lastError])).toEqual([
			['default', 'CAMISA', '', 0, false, 'its listing rule changed'],
			['default+sp', 'CAMISA', '', 0, false, 'its listing rule changed'],
		]);
		for (const w of ['default', 'default+sp']) await store.clearPushRetries(CH, w, queued.filter((e) => e.warehouse === w));
		await store.removeListingRule(CH, { listingId: 'P2' });
		expect(await store.listPushRetries(CH)).toHaveLength(2);
	});

	test('each listing target keeps its own value and change number, apart from the SKU value', async () => {
		expect(await store.recordPushed(CH, [{ sku: 'CAMISA', value: 10, changeSeq: 5 }, { sku: 'CAMISA', listing: L1, value: 5, changeSeq: 5 }])).toEqual([]);
		// A newer SKU value does not make the listing's older record look newer, nor the other way round.
		expect(await store.recordPushed(CH, [{ sku: 'CAMISA', value: 8, changeSeq: 7 }])).toEqual([]);
		expect(await store.recordPushed(CH, [{ sku: 'CAMISA', listing: L1, value: 4, changeSeq: 6 }])).toEqual([]);
		// A slow run's listing value from change 5 lands after change 6 was recorded for that listing: refused and answered back.
		expect(await store.recordPushed(CH, [{ sku: 'CAMISA', listing: L1, value: 5, changeSeq: 5 }, { sku: 'CAMISA', listing: L2, value: 1, changeSeq: 5 }])).toEqual([
			{ sku: 'CAMISA', warehouse: 'default', listing: L1, value: 5, changeSeq: 5 },
		]);
		expect(await store.getPushState(CH, ['CAMISA'])).toEqual(new Map([['CAMISA', { value: 8, changeSeq: 7 }]]));
		expect(await store.getListingPushStates(CH, [' CAMISA '])).toEqual([
			{ sku: 'CAMISA', listing: L1, value: 4, changeSeq: 6 },
			{ sku: 'CAMISA', listing: L2, value: 1, changeSeq: 5 },
		]);
		expect(await store.getListingPushStates(CH, ['CAMISA'], 'sp')).toEqual([]);
		await expect(store.recordPushed(CH, [{ sku: 'CAMISA', listing: 7 as unknown as string, value: 1 }])).rejects.toThrow('SKU CAMISA: listing must be a listing key');
	});

	test('retry entries are per target: cleared, counted and marked uncertain one by one', async () => {
		await store.recordPushRetries(CH, [
			{ sku: 'CAMISA', reason: 'refused', httpCode: 400, message: 'closed listing' },
			{ sku: 'CAMISA', listing: L1, reason: 'unknown', message: 'timeout' },
		]);
		await store.recordPushRetries(CH, [{ sku: 'CAMISA', listing: L1, reason: 'refused', httpCode: 422 }]);
		const entries = await store.listPushRetries(CH);
		expect(entries.map((e) => [e.listing, e.attempts, e.uncertain, e.lastHttpCode, e.revision])).toEqual([
			['', 1, false, 400, 1],
			[L1, 2, true, 422, 2],
		]);
		// Clearing the SKU's entry leaves the listing's; a revision read before the listing's last record leaves it too.
		await store.clearPushRetries(CH, 'default', [{ sku: 'CAMISA', revision: 1 }, { sku: 'CAMISA', listing: L1, revision: 1 }]);
		expect((await store.listPushRetries(CH)).map((e) => e.listing)).toEqual([L1]);
		await store.clearPushRetries(CH, 'default', [{ sku: 'CAMISA', listing: L1, revision: 2 }]);
		expect(await store.listPushRetries(CH)).toEqual([]);
	});

	test('Push Status shows a row per listing with its own value beside the SKU row', async () => {
		await store.setOnHand([{ sku: 'CAMISA', onHand: 10 }]);
		const [level] = await store.getVersionedLevels(['CAMISA']);
		await store.recordPushed(CH, [{ sku: 'CAMISA', value: 10, changeSeq: level.changeSeq }, { sku: 'CAMISA', listing: L1, value: 5, changeSeq: level.changeSeq - 1 }]);
		await store.recordPushRetries(CH, [{ sku: 'CAMISA', listing: L2, reason: 'refused', httpCode: 400 }]);
		const rows = await store.pushStatus({ channel: CH });
		expect(rows.map((r) => [r.listingId, r.variantId, r.pushedValue, r.available, r.behind, r.retry?.lastHttpCode ?? null])).toEqual([
			[null, null, 10, 10, false, null],
			['P1', 'V1', 5, 10, true, null],
			['P2', null, null, 10, true, 400],
		]);
	});

	test('a version-13 database keeps its recorded values and retry entries as the SKUs\' own (listing \'\')', async () => {
		const v13 = await openFresh(driver, { targetVersion: 13, clock: () => now });
		await v13.store.schemaVersion();
		await v13.store.close();
		// Written as the previous package wrote them (no listing column).
		await rawSql(
			v13.config,
			`INSERT INTO oms_channel_stock (channel, warehouse, sku, pushed_value, pushed_at, pushed_seq) VALUES ('${CH}', 'default', 'A', 3, '2026-11-20T11:00:00Z', 2);
			 INSERT INTO oms_push_retry (channel, warehouse, sku, attempts, uncertain, last_error, first_failed_ms, next_ms) VALUES ('${CH}', 'default', 'B', 1, ${driver === 'sqlite' ? 1 : 'true'}, 'timeout', 0, 0);`,
		);
		const upgraded = createStore(v13.config, { clock: () => now });
		try {
			expect(await upgraded.schemaVersion()).toBe(LATEST_SCHEMA);
			expect(await upgraded.getPushState(CH, ['A'])).toEqual(new Map([['A', { value: 3, changeSeq: 2 }]]));
			expect(await upgraded.getListingPushStates(CH, ['A'])).toEqual([]);
			expect((await upgraded.listPushRetries(CH)).map((e) => [e.sku, e.listing, e.uncertain])).toEqual([['B', '', true]]);
			expect(await upgraded.recordPushed(CH, [{ sku: 'A', value: 1, changeSeq: 1 }])).toEqual([{ sku: 'A', warehouse: 'default', value: 1, changeSeq: 1 }]);
			const keys = await rawQuery(v13.config, "SELECT count(*) AS n FROM oms_channel_stock WHERE listing = ''");
			expect(Number(keys[0].n)).toBe(1);
		} finally {
			await upgraded.close();
		}
		// The key now includes the listing: a listing's row sits beside the SKU's.
		await rawSql(v13.config, `INSERT INTO oms_channel_stock (channel, warehouse, sku, listing, pushed_value, pushed_at, pushed_seq) VALUES ('${CH}', 'default', 'A', '${L2}', 1, '2026-11-20T12:00:00Z', 1)`);
		expect(Number((await rawQuery(v13.config, "SELECT count(*) AS n FROM oms_channel_stock WHERE sku = 'A'"))[0].n)).toBe(2);
	});
});
