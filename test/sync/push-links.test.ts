import { pushStock } from '../../core/sync/push-stock';
import type { OmsStore } from '../../core/store/types';
import { listingOrder } from '../fixtures/unlinked';
import { FakeWriter } from './fake-writer';
import { DRIVERS } from '../store/stores';
import { stock, storePerTest } from './stores';

/** Push Stock and listing links: every linked listing gets the SKU's value; what the catalog shows becomes a link. */

const CHANNEL = 'shopify:loja-teste';
const shop = (listingId: string, sku: string, variantId?: string) => ({ channel: 'shopify', account: 'loja-teste', listingId, sku, ...(variantId ? { variantId } : {}) });

describe.each(DRIVERS)('Push Stock and listing links on %s', (driver) => {
	const current = storePerTest(driver);
	let store: OmsStore;
	beforeEach(() => {
		store = current();
	});

	const push = (writer: FakeWriter, skus: string[]) => pushStock({ store, channel: CHANNEL, writer, levels: skus.map((sku) => ({ sku })), safetyStock: 0, maxQuantity: 0 });

	test('a SKU linked to three listings is published to each, in separate writer calls, and recorded once all accepted', async () => {
		await stock(store, { CAMISA: [7], CANECA: [3] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA', 'V9'), shop('P3', 'CAMISA'), shop('P4', 'CANECA')]);
		const writer = new FakeWriter();
		const { results } = await push(writer, ['CAMISA', 'CANECA']);
		expect(results.map((r) => [r.sku, r.status, r.value, r.listings])).toEqual([
			['CAMISA', 'pushed', 7, 3],
			['CANECA', 'pushed', 3, 1],
		]);
		// No writer call names a SKU twice (writers answer per SKU).
		expect(writer.pushCalls.map((c) => c.map((u) => `${u.sku}@${u.listing.listingId}${u.listing.variantId ? `/${u.listing.variantId}` : ''}`))).toEqual([
			['CAMISA@P1', 'CANECA@P4'],
			['CAMISA@P2/V9'],
			['CAMISA@P3'],
		]);
		expect(writer.resolveCalls).toEqual([]); // linked SKUs are not looked up on the catalog
		expect(await store.getPushed(CHANNEL, ['CAMISA'])).toEqual(new Map([['CAMISA', 7]]));
	});

	test('one refused listing fails the SKU: it is not recorded, not sent to its later listings, and retried whole', async () => {
		await stock(store, { CAMISA: [7] });
		await store.linkListings([shop('P1', 'CAMISA'), shop('P2', 'CAMISA'), shop('P3', 'CAMISA')]);
		const writer = new FakeWriter();
		const sent: string[] = [];
		const original = writer.pushStock.bind(writer);
		writer.pushStock = async (updates) => {
			sent.push(...updates.map((u) => u.listing.listingId));
			return sent.length === 2 ? updates.map((u) => ({ sku: u.sku, ok: false, error: { message: 'HTTP 422', httpCode: 422 } })) : original(updates);
		};
		const first = await push(writer, ['CAMISA']);
		expect(first.results[0]).toMatchObject({ status: 'failed', error: { httpCode: 422 } });
		expect(sent).toEqual(['P1', 'P2']);
		expect(await store.getPushed(CHANNEL, ['CAMISA'])).toEqual(new Map());
		expect((await store.listPushRetries(CHANNEL)).map((e) => e.sku)).toEqual(['CAMISA']);
		const second = await push(writer, ['CAMISA']);
		expect(second.results[0]).toMatchObject({ sku: 'CAMISA', status: 'pushed', listings: 3 });
		expect(await store.listPushRetries(CHANNEL)).toEqual([]);
		expect(sent.slice(2)).toEqual(['P1', 'P2', 'P3']);
	});

	test('the catalog showing the SKU of an unlinked listing links it, and the orders waiting for it are reserved', async () => {
		await stock(store, { CAMISA: [10] });
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'L-CAMISA', quantity: 2 }])]);
		expect((await store.listUnlinked()).map((l) => [l.listingId, l.quantity])).toEqual([['L-CAMISA', 2]]);
		const writer = new FakeWriter(FakeWriter.listing('CAMISA'));
		const { results } = await push(writer, ['CAMISA']);
		// The level read before the link was sent first; the reservation the link made moved it, so the run sent it again.
		expect(results[0]).toMatchObject({ status: 'pushed', value: 8 });
		expect(writer.writes).toEqual([['CAMISA', 10], ['CAMISA', 8]]);
		expect(await store.listUnlinked()).toEqual([]);
		expect((await store.getAvailability(['CAMISA']))[0]).toMatchObject({ reserved: 2, available: 8 });
		expect((await store.listLinks())[0]).toMatchObject({ listingId: 'L-CAMISA', sku: 'CAMISA', source: 'catalog' });
		const again = await push(writer, ['CAMISA']);
		expect(again.results[0]).toMatchObject({ status: 'unchanged', value: 8, previous: 8 });
	});

	test('a listing a person linked to another SKU stays theirs: the catalog SKU is not published there', async () => {
		await stock(store, { CAMISA: [10] });
		await store.linkListings([shop('L-CAMISA', 'CAMISETA')]);
		const writer = new FakeWriter(FakeWriter.listing('CAMISA'));
		const { results } = await push(writer, ['CAMISA']);
		expect(results[0]).toMatchObject({ status: 'not_listed' });
		expect(writer.pushCalls).toEqual([]);
		expect((await store.listLinks()).map((l) => [l.listingId, l.sku, l.source])).toEqual([['L-CAMISA', 'CAMISETA', 'manual']]);
	});

	test('a SKU the catalog shows under two listings gets two catalog links, and both are published', async () => {
		await stock(store, { CAMISA: [6] });
		const writer = new FakeWriter(new Map([['CAMISA', [{ listingId: 'P-CLASSIC' }, { listingId: 'P-PREMIUM', variantId: 'V2' }]]]));
		const { results } = await push(writer, ['CAMISA']);
		expect(results[0]).toMatchObject({ sku: 'CAMISA', status: 'pushed', value: 6, listings: 2 });
		expect(writer.pushCalls.flat().map((u) => [u.listing.listingId, u.quantity])).toEqual([['P-CLASSIC', 6], ['P-PREMIUM', 6]]);
		expect((await store.listLinks({ channel: 'shopify' })).map((l) => [l.listingId, l.variantId, l.sku, l.source])).toEqual([
			['P-CLASSIC', '', 'CAMISA', 'catalog'],
			['P-PREMIUM', 'V2', 'CAMISA', 'catalog'],
		]);
	});

	test('of two listings the catalog shows, one a person linked to another SKU: only the other is linked and published', async () => {
		await stock(store, { CAMISA: [6] });
		await store.linkListings([shop('P-PREMIUM', 'CAMISETA')]);
		const writer = new FakeWriter(new Map([['CAMISA', [{ listingId: 'P-PREMIUM' }, { listingId: 'P-CLASSIC' }]]]));
		const { results } = await push(writer, ['CAMISA']);
		expect(results[0]).toMatchObject({ sku: 'CAMISA', status: 'pushed', listings: 1 });
		expect(writer.pushCalls.flat().map((u) => u.listing.listingId)).toEqual(['P-CLASSIC']);
		expect((await store.listLinks({ channel: 'shopify' })).map((l) => [l.listingId, l.sku, l.source])).toEqual([
			['P-CLASSIC', 'CAMISA', 'catalog'],
			['P-PREMIUM', 'CAMISETA', 'manual'],
		]);
	});

	test('a SKU the catalog does not show by seller SKU is linked through a barcode the store knows, then published there', async () => {
		await stock(store, { CAMISA: [7], CANECA: [3] });
		await store.setBarcodes([{ sku: 'CAMISA', gtin: '7891000315507' }]);
		const writer = new FakeWriter();
		const asked: string[][] = [];
		writer.resolveListingsByGtin = async (gtins) => {
			asked.push(gtins);
			return new Map([['7891000315507', { listingId: 'P-EAN', variantId: 'V-EAN', inventoryItemId: 'gid://shopify/InventoryItem/77' }]]);
		};
		const { results } = await push(writer, ['CAMISA', 'CANECA']);
		expect(results.map((r) => [r.sku, r.status, r.value ?? null])).toEqual([
			['CAMISA', 'pushed', 7],
			['CANECA', 'not_listed', 3],
		]);
		expect(asked).toEqual([['7891000315507']]); // only SKUs with a barcode are asked
		expect((await store.listLinks({ channel: 'shopify' })).map((l) => [l.sku, l.listingId, l.variantId, l.source])).toEqual([['CAMISA', 'P-EAN', 'V-EAN', 'catalog']]);

		// A barcode look-up the channel does not answer leaves the SKU failed (retried), not 'not listed'.
		await store.setBarcodes([{ sku: 'CANECA', gtin: '036000291452' }]);
		writer.resolveListingsByGtin = async () => {
			throw new Error('timeout');
		};
		expect((await push(writer, ['CANECA'])).results.map((r) => [r.sku, r.status])).toEqual([['CANECA', 'failed']]);
	});
});
