import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withShopeeSigning } from '../../core/channels/shopee/api';
import { createShopeeWriter } from '../../core/channels/shopee/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport, type HttpRequest } from '../../core/http/transport';
import { ShopeeSimulator } from '../simulators/shopee';
import { tinyRetry } from './helpers/channel-test';
import { SHOPEE_KEYS } from './conformance/drivers/shopee';

/**
 * Shopee's barcode look-up reads the catalog: get_item_list pages, get_item_base_info (≤ 50 ids) for an item's
 * gtin_code, get_model_list for the models' gtin_code.
 *
 * Published answers (test/fixtures/published/shopee): the API documents' response samples as
 * congminh1254/shopee-sdk@cb231e9bdf6d6996b0c9d81825fc10e1acb39246 keeps them —
 * get_item_list.json and get_item_list.error.json: schemas/v2.product.get_item_list.json (response_sample,
 * error_example); get_item_base_info.json: schemas/v2.product.get_item_base_info.json (response_sample);
 * get_model_list.json: schemas/v2.product.get_model_list.json (response_sample, one trailing comma after
 * "dimension" removed so that it parses, nothing else changed).
 */
type Json = Record<string, any>;
const load = (name: string): Json => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/shopee', name), 'utf8'));
const GTIN = '7891000315507';
const OTHER = '036000291452';

describe('Shopee barcode look-up on the published answers', () => {
	/** A transport answering each path with a published sample (or the test's edit of one), recording requests. */
	function published(answers: Record<string, (req: HttpRequest) => Json>) {
		const requests: HttpRequest[] = [];
		const ctx: AdapterContext = {
			transport: async (req) => {
				requests.push(req);
				const path = new URL(req.url).pathname.replace('/api/v2/product/', '');
				return { status: 200, headers: {}, body: answers[path](req) };
			},
			baseUrl: `https://published-${Math.random()}.example`,
			account: SHOPEE_KEYS.shopId,
			retry: tinyRetry(1).retry,
		};
		return { writer: createShopeeWriter(ctx), asked: (path: string) => requests.filter((r) => r.url.endsWith(path)).map((r) => r.query) };
	}
	const emptyPage = { error: '', message: '', request_id: 'x', response: { item: [], total_count: 19, has_next_page: false } };

	it('get_item_list: asks NORMAL items 100 at a time and follows next_offset; get_item_base_info gets the listed ids', async () => {
		const { writer, asked } = published({
			get_item_list: (req) => (req.query?.offset === 0 ? load('get_item_list.json') : emptyPage),
			get_item_base_info: () => load('get_item_base_info.json'),
			get_model_list: () => load('get_model_list.json'),
		});
		expect((await writer.resolveListingsByGtin!([GTIN])).size).toBe(0);
		expect(asked('get_item_list')).toEqual([
			{ offset: 0, page_size: 100, item_status: 'NORMAL' },
			{ offset: 10, page_size: 100, item_status: 'NORMAL' },
		]);
		expect(asked('get_item_base_info')).toEqual([{ item_id_list: '2500139861' }]);
		// The base-info sample describes another item (34002): nothing is known of 2500139861, no model asked.
		expect(asked('get_model_list')).toEqual([]);
	});

	it('a page saying has_next_page without its next_offset is read on after its items, not taken for the catalog\'s end', async () => {
		const withoutNext = () => {
			const page = load('get_item_list.json');
			delete page.response.next_offset;
			return page;
		};
		const { writer, asked } = published({
			get_item_list: (req) => (req.query?.offset === 0 ? withoutNext() : emptyPage),
			get_item_base_info: () => load('get_item_base_info.json'),
			get_model_list: () => load('get_model_list.json'),
		});
		expect((await writer.resolveListingsByGtin!([GTIN])).size).toBe(0);
		expect(asked('get_item_list').map((q) => q?.offset)).toEqual([0, 1]);
	});

	it('get_item_base_info: has_model true sends the item to get_model_list; the model sample has no model_id, so its gtin links nothing', async () => {
		const list = { error: '', message: '', request_id: 'x', response: { item: [{ item_id: 34002, item_status: 'NORMAL' }], has_next_page: false } };
		const withGtin = () => {
			const models = load('get_model_list.json');
			models.response.model[0].gtin_code = GTIN;
			return models;
		};
		const { writer, asked } = published({ get_item_list: () => list, get_item_base_info: () => load('get_item_base_info.json'), get_model_list: withGtin });
		expect((await writer.resolveListingsByGtin!([GTIN])).size).toBe(0);
		expect(asked('get_model_list')).toEqual([{ item_id: '34002' }]);
		// The same sample with a model_id: the model is the listing.
		const { writer: again } = published({
			get_item_list: () => list,
			get_item_base_info: () => load('get_item_base_info.json'),
			get_model_list: () => {
				const models = withGtin();
				models.response.model[0].model_id = 2000458802;
				return models;
			},
		});
		expect(Object.fromEntries(await again.resolveListingsByGtin!([GTIN]))).toEqual({ [GTIN]: { listingId: '34002', variantId: '2000458802' } });
	});

	it('the published model gtin_code "-" and an item\'s "00" ("Item without GTIN") are no barcodes', async () => {
		const base = load('get_item_base_info.json');
		Object.assign(base.response.item_list[0], { has_model: false, gtin_code: '00' });
		const list = { error: '', message: '', request_id: 'x', response: { item: [{ item_id: 34002 }], has_next_page: false } };
		const { writer } = published({ get_item_list: () => list, get_item_base_info: () => base, get_model_list: () => load('get_model_list.json') });
		expect((await writer.resolveListingsByGtin!(['00', '-', GTIN])).size).toBe(0);
	});

	it('the published error answer (error_auth, HTTP 200) fails the look-up: never "not listed"', async () => {
		const { writer } = published({ get_item_list: () => load('get_item_list.error.json'), get_item_base_info: () => ({}), get_model_list: () => ({}) });
		await expect(writer.resolveListingsByGtin!([GTIN])).rejects.toThrow(/Shopee error_auth: Invalid partner_id or shopid/);
	});
});

describe('Shopee barcode look-up on the simulator', () => {
	let sim: ShopeeSimulator;
	beforeEach(async () => {
		sim = new ShopeeSimulator(SHOPEE_KEYS);
		await sim.start();
	});
	afterEach(() => sim.stop());
	const writer = (catalogReadMs?: number) =>
		createShopeeWriter({
			transport: withShopeeSigning(createFetchTransport({}, 5000), SHOPEE_KEYS, () => sim.token0()),
			baseUrl: sim.baseUrl,
			account: SHOPEE_KEYS.shopId,
			retry: tinyRetry(2).retry,
			...(catalogReadMs === undefined ? {} : { options: { catalogReadMs } }),
		});
	const offsets = () => sim.requests(/get_item_list$/).map((r) => r.query.get('offset'));

	it("an item without models by its gtin_code (model 0), a model by its own (in any GTIN length); other statuses' items are not read", async () => {
		sim.putItem(1, 'CANECA', [{ id: 0, sku: 'CANECA', stock: 1, gtin: GTIN }]);
		sim.putItem(2, 'CAMISA', [
			{ id: 21, sku: 'CAMISA-P', stock: 1 },
			// The UPC-A the OMS knows as 12 digits, kept by Shopee as its 13-digit form.
			{ id: 22, sku: 'CAMISA-M', stock: 1, gtin: `0${OTHER}` },
		]);
		sim.putItem(3, 'OCULTO', [{ id: 0, sku: 'OCULTO', stock: 1, gtin: '4006381333931' }], 'UNLIST');
		expect(Object.fromEntries(await writer().resolveListingsByGtin!([GTIN, OTHER, '4006381333931']))).toEqual({
			[GTIN]: { listingId: '1', variantId: '0' },
			[OTHER]: { listingId: '2', variantId: '22' },
		});
		// Only the item with models is asked for its models.
		expect(sim.requests(/get_model_list$/).map((r) => r.query.get('item_id'))).toEqual(['2']);
	});

	it('pages by offset, base info 50 ids at a time, and stops at the item whose barcode was the last one missing', async () => {
		for (let n = 1; n <= 250; n++) sim.putItem(n, `SKU-${n}`, [{ id: 0, sku: `SKU-${n}`, stock: 1, ...(n === 160 ? { gtin: GTIN } : {}) }]);
		expect(Object.fromEntries(await writer().resolveListingsByGtin!([GTIN]))).toEqual({ [GTIN]: { listingId: '160', variantId: '0' } });
		expect(offsets()).toEqual(['0', '100']);
		expect(sim.requests(/get_item_base_info$/).map((r) => r.query.get('item_id_list')!.split(',').length)).toEqual([50, 50, 50, 50]);
		// A barcode nobody carries: the whole catalog, once (this read resumes at 160 and goes back to the start).
		expect((await writer().resolveListingsByGtin!([OTHER])).size).toBe(0);
		expect(offsets().slice(2)).toEqual(['160', '0', '100', '200']);
	});

	it('out of time, a read stops between items and the next look-up resumes at the first item not read', async () => {
		for (let n = 1; n <= 150; n++) sim.putItem(n, `SKU-${n}`, [{ id: 0, sku: `SKU-${n}`, stock: 1, ...(n === 120 ? { gtin: GTIN } : {}) }]);
		sim.putItem(7, 'SKU-7', [
			{ id: 71, sku: 'SKU-7A', stock: 1 },
			{ id: 72, sku: 'SKU-7B', stock: 1 },
		]);
		// A budget of 0: one page is asked, and in it the first item only is read.
		expect((await writer(0).resolveListingsByGtin!([GTIN])).size).toBe(0);
		expect((await writer(0).resolveListingsByGtin!([GTIN])).size).toBe(0);
		expect(offsets()).toEqual(['0', '1']);
		expect(sim.requests(/get_item_base_info$/).map((r) => r.query.get('item_id_list')!.split(',').slice(0, 2))).toEqual([['1', '2'], ['2', '3']]);
		expect(Object.fromEntries(await writer().resolveListingsByGtin!([GTIN]))).toEqual({ [GTIN]: { listingId: '120', variantId: '0' } });
		expect(offsets()).toEqual(['0', '1', '2', '102']);
		expect(sim.requests(/get_model_list$/).map((r) => r.query.get('item_id'))).toEqual(['7']);
	});
});
