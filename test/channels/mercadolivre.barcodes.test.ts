import { createMercadoLivreWriter } from '../../core/channels/mercadolivre/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import type { OmsStore } from '../../core/store/types';
import { pushStock } from '../../core/sync/push-stock';
import { MercadoLivreSimulator, type MlItem } from '../simulators/mercadolivre';
import { freshStore, stock } from '../sync/stores';
import { tinyRetry } from './helpers/channel-test';

/**
 * Mercado Livre's barcode look-up reads the seller's items: items/search scan pages (scroll_id) and their
 * details by /items/bulk, 20 ids a call, stopping once every barcode is found, at the scroll's end, or when
 * the read's time is spent; what it finds becomes a link, so the next push reads nothing.
 */
const TOKEN = 'APP_USR-barcodes';
let sim: MercadoLivreSimulator;

const gtin = (value: string) => ({ id: 'GTIN', value_name: value });
const item = (n: number, extra: Partial<MlItem> = {}): MlItem => ({ id: `MLB${1000 + n}`, available_quantity: 1, attributes: [{ id: 'SELLER_SKU', value_name: `ML-${n}` }], variations: [], ...extra });

beforeEach(async () => {
	sim = new MercadoLivreSimulator(TOKEN);
	await sim.start();
	// 250 items; barcodes on item 5 (the item itself) and on the second variation of item 230, whose GTIN holds
	// two codes, the second left-padded with zeros.
	for (let n = 1; n <= 250; n++) sim.putItem(item(n));
	sim.putItem(item(5, { attributes: [{ id: 'SELLER_SKU', value_name: 'ML-5' }, gtin('7891000315507')] }));
	sim.putItem(
		item(230, {
			user_product_id: 'MLBU230',
			variations: [
				{ id: 2301, available_quantity: 1, attributes: [] },
				{ id: 2302, available_quantity: 1, user_product_id: 'MLBU2302', attributes: [gtin('4006381333931, 0036000291452')] },
			],
		}),
	);
});
afterEach(() => sim.stop());

const writer = (options?: AdapterContext['options']) =>
	createMercadoLivreWriter({ transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000), baseUrl: sim.baseUrl, account: String(sim.sellerId), retry: tinyRetry(2).retry, options });
const scans = () => sim.requests(/\/items\/search$/).filter((r) => r.query.get('search_type') === 'scan');
const bulks = () => sim.requests(/\/items\/bulk$/);

test('reads scan pages of 100 on one scroll, 20 ids per /items/bulk call, and stops once every barcode is found', async () => {
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['036000291452', '7891000315507']))).toEqual({
		'036000291452': { listingId: 'MLB1230', variantId: '2302', inventoryItemId: 'MLBU2302' },
		'7891000315507': { listingId: 'MLB1005' },
	});
	const pages = scans();
	expect(pages.map((r) => [r.query.get('limit'), r.query.get('offset')])).toEqual([['100', null], ['100', null], ['100', null]]);
	expect(pages[0].query.get('scroll_id')).toBeNull();
	expect(new Set(pages.slice(1).map((r) => r.query.get('scroll_id'))).size).toBe(1);
	// 100 + 100 + 50 ids: 5 + 5 + 3 calls, none above 20 ids, variations' attributes asked for.
	expect(bulks().map((r) => r.query.get('ids')!.split(',').length)).toEqual([20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 10]);
	expect(bulks()[0].query.get('include_attributes')).toBe('all');
});

test('a barcode nobody carries reads the scroll to its end once; closed items and an item-level code over several variations name no listing', async () => {
	sim.putItem(item(7, { status: 'closed', attributes: [gtin('96385074')] }));
	sim.putItem(item(8, { attributes: [gtin('10614141000415')], variations: [{ id: 81, available_quantity: 1 }, { id: 82, available_quantity: 1 }] }));
	expect((await writer().resolveListingsByGtin!(['96385074', '10614141000415', '0000000000000'])).size).toBe(0);
	// 250 ids: three pages, then the answer with no results and a null scroll_id.
	expect(scans()).toHaveLength(4);
	// An item-level code over one variation names that variation.
	sim.putItem(item(8, { attributes: [gtin('10614141000415')], variations: [{ id: 81, available_quantity: 1 }] }));
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['10614141000415']))).toEqual({ '10614141000415': { listingId: 'MLB1008', variantId: '81' } });
});

test('a read out of time stops after its page; the next read resumes on the scroll where it stopped', async () => {
	expect((await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['036000291452'])).size).toBe(0);
	expect(scans()).toHaveLength(1); // one page is always read
	const from = sim.log.length;
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['036000291452']))).toEqual({ '036000291452': { listingId: 'MLB1230', variantId: '2302', inventoryItemId: 'MLBU2302' } });
	// Pages 2 and 3 only, on the first read's scroll: the first 100 items are not read again.
	const resumed = sim.log.slice(from).filter((r) => r.query.get('search_type') === 'scan');
	expect(resumed.map((r) => r.query.get('scroll_id'))).toEqual([scans()[1].query.get('scroll_id'), scans()[1].query.get('scroll_id')]);
	expect(resumed[0].query.get('scroll_id')).not.toBeNull();
});

test('a resumed scroll ML has let expire starts the scan over; one older than 4 minutes is not even sent', async () => {
	await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['036000291452']);
	sim.scans.expireAll();
	let from = sim.log.length;
	expect((await writer().resolveListingsByGtin!(['036000291452'])).size).toBe(1);
	const after = sim.log.slice(from).filter((r) => r.query.get('search_type') === 'scan');
	expect(after.map((r) => r.query.get('scroll_id') !== null)).toEqual([true, false, true, true]); // refused, then pages 1-3

	await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['7891000315507', '96385074']);
	const real = Date.now;
	const later = jest.spyOn(Date, 'now').mockImplementation(() => real() + 5 * 60_000);
	try {
		from = sim.log.length;
		await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['96385074']);
		expect(sim.log.slice(from).filter((r) => r.query.get('search_type') === 'scan').map((r) => r.query.get('scroll_id'))).toEqual([null]);
	} finally {
		later.mockRestore();
	}
});

test('a scroll given in this read and refused fails the look-up (400 invalid.scroll.id): never "not listed"', async () => {
	sim.scans.ttlMs = -1;
	await expect(writer().resolveListingsByGtin!(['036000291452'])).rejects.toMatchObject({ httpCode: 400 });
});

describe('Push Stock on Mercado Livre', () => {
	let store: OmsStore;
	beforeEach(() => {
		store = freshStore();
	});
	afterEach(() => store.close());
	const push = () => pushStock({ store, channel: `mercadolivre:${sim.sellerId}`, writer: writer(), levels: [{ sku: 'CAMISA' }], safetyStock: 0, maxQuantity: 0 });

	test('a barcode found becomes a link; the next push publishes there without reading the items again', async () => {
		await stock(store, { CAMISA: [7] });
		await store.setBarcodes([{ sku: 'CAMISA', gtin: '036000291452' }]);
		expect((await push()).results[0]).toMatchObject({ sku: 'CAMISA', status: 'pushed', value: 7 });
		expect(sim.items.get('MLB1230')!.variations.map((v) => [v.id, v.available_quantity])).toEqual([[2301, 1], [2302, 7]]);
		expect((await store.listLinks({ channel: 'mercadolivre' })).map((l) => [l.sku, l.listingId, l.variantId, l.source])).toEqual([['CAMISA', 'MLB1230', '2302', 'catalog']]);
		const read = sim.log.length;
		expect(scans().length).toBeGreaterThan(0);

		await store.setOnHand([{ sku: 'CAMISA', onHand: 4 }]);
		expect((await push()).results[0]).toMatchObject({ status: 'pushed', value: 4, previous: 7 });
		// Only the stock write: no seller_sku search, no scan, no bulk read.
		expect(sim.log.slice(read).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/987654321', 'PUT /items/MLB1230/variations/2302']);
		expect(sim.items.get('MLB1230')!.variations[1].available_quantity).toBe(4);
	});
});

test('an /items/bulk call that fails after its scan page keeps that page: ML moved the scroll past it, so the next read gets its ids from the kept position, not a page later', async () => {
	sim.putItem(item(150, { attributes: [{ id: 'SELLER_SKU', value_name: 'ML-150' }, gtin('96385074')] }));
	expect((await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['96385074'])).size).toBe(0); // page 1
	sim.injectFault({ kind: 'status', status: 403, body: { message: 'forbidden' } }, /\/items\/bulk$/);
	await expect(writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['96385074'])).rejects.toThrow(); // page 2's scan, then its first bulk call fails
	const from = sim.log.length;
	expect(Object.fromEntries(await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['96385074']))).toEqual({ '96385074': { listingId: 'MLB1150' } });
	// Page 2's items read from the kept ids: no scan moved the scroll on first.
	expect(sim.log.slice(from).filter((r) => r.query.get('search_type') === 'scan')).toHaveLength(0);
});

test('an item /items/bulk refuses on its own (a lasting 4xx) is passed over, so it cannot stop the read at its page for good; a 5xx for an item fails the read', async () => {
	const bulkAnswer = (status: number) => [
		{ id: 'MLB1', status_code: status, body: { message: 'refused', error: 'forbidden', status, cause: [] } },
		{ id: 'MLB2', status_code: 200, body: { id: 'MLB2', status: 'active', attributes: [gtin('7891000315507')], variations: [] } },
	];
	const over = (status: number) =>
		createMercadoLivreWriter({
			transport: async (req) => {
				const path = new URL(req.url).pathname;
				if (path.endsWith('/items/bulk')) return { status: 200, headers: {}, body: bulkAnswer(status) };
				const first = req.query?.scroll_id === undefined;
				return { status: 200, headers: {}, body: { results: first ? ['MLB1', 'MLB2'] : [], scroll_id: first ? 'c2Nyb2xs' : null } };
			},
			baseUrl: `https://ml-${status}.example`,
			account: `bulk-${status}`,
			retry: tinyRetry(1).retry,
		});
	expect(Object.fromEntries(await over(403).resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: 'MLB2' } });
	await expect(over(500).resolveListingsByGtin!(['7891000315507'])).rejects.toThrow(/500 for item MLB1/);
});
