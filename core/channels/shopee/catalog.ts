import type { HttpRequest } from '../../http/transport';
import { barcodeText, findInCatalog } from '../common/catalog-read';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import type { AdapterContext, ListingRef } from '../types';

/** get_item_list's page_size maximum ("Max=100", limits [1,100]) and get_item_base_info's item_id_list limit [0,50]. */
const LIST_PAGE = 100;
const BASE_INFO_LIMIT = 50;

/** A gtin_code as the store keeps barcodes (digits only); "00" is Shopee's "Item without GTIN", "-" a sample's blank. */
function gtinOf(code: unknown): string | undefined {
	const digits = barcodeText(code)?.replace(/[\s-]/g, '');
	return digits && /^\d{8,14}$/.test(digits) ? digits : undefined;
}

const list = (o: JsonObject, key: string): JsonObject[] => (Array.isArray(o[key]) ? (o[key] as unknown[]).filter(isJsonObject) : []);

/**
 * Shopee's barcode look-up. product/search_item searches item_name and item_sku only, so the catalog is read
 * (findInCatalog: until every barcode is found, within the push's time budget, resumed by the next push):
 * - GET /api/v2/product/get_item_list?offset&page_size=100&item_status=NORMAL: item_id per item,
 *   has_next_page and next_offset ("if has_next_page is true, this value need set to next request.offset");
 * - GET /api/v2/product/get_item_base_info?item_id_list (≤ 50 ids): has_model, and for an item without
 *   models its `gtin_code` ("gtin code for br region, will return this code only item has default model";
 *   "00" means "Item without GTIN") → listing item_id, model 0 (update_stock's model for such items);
 * - GET /api/v2/product/get_model_list?item_id for each item with models: model[].gtin_code ("Only TW seller
 *   and BR local seller available") → item_id, model_id, as resolveListings answers them.
 * Source: the API documents v2.product.get_item_list (api_id 614), get_item_base_info (612) and
 * get_model_list as congminh1254/shopee-sdk@cb231e9:schemas/v2.product.<api>.json keeps them.
 * Only NORMAL items are read: the other statuses (UNLIST, BANNED, REVIEWING, SELLER_DELETE, SHOPEE_DELETE)
 * are not on sale. Cost: per 100 items, one list call, two base-info calls and one model call per item with
 * models, while a barcoded SKU stays unlisted.
 *
 * The offset is not a stable position: the documents give get_item_list no order, so an item that changes or
 * goes while the catalog is read (or between two pushes, as a read resumes at its offset) may shift the others
 * by one, and one item may be read twice or skipped. A skipped item is found by a later read; meanwhile its
 * SKU is deferred, or "not listed" once a lap was read without it, and order lines naming the listing wait for
 * the link (never lost).
 * [?] Not confirmed: the list's order; how a GET passes item_id_list (the document's cURL sample writes
 * `[34001,34002]`; sent comma-separated, as get_order_detail's order_sn_list); item_status given once (the
 * document repeats the parameter for several); the offset limit behind the documented error "get items offset
 * over limit, please use the next field" (a read that meets it fails, and its SKUs are retried); whether an
 * item-level gtin_code is also set on items with models (read from the models then).
 */
export function shopeeBarcodeLookup(ctx: AdapterContext, get: (path: string, query: HttpRequest['query']) => Promise<JsonObject>) {
	return (gtins: string[]) =>
		findInCatalog<ListingRef>(ctx, 'shopee', gtins, async (position, seen) => {
			const offset = Number(position ?? 0);
			const page = await get('/api/v2/product/get_item_list', { offset, page_size: LIST_PAGE, item_status: 'NORMAL' });
			const ids = list(page, 'item').map((i) => String(i.item_id));
			let info = new Map<string, JsonObject>();
			for (let i = 0; i < ids.length; i++) {
				// Out of time or all found: the next read starts at the first item not read (each read reads one at least).
				if (i > 0 && !seen.more()) return String(offset + i);
				if (i % BASE_INFO_LIMIT === 0) {
					const base = await get('/api/v2/product/get_item_base_info', { item_id_list: ids.slice(i, i + BASE_INFO_LIMIT).join(',') });
					info = new Map(list(base, 'item_list').map((item) => [String(item.item_id), item]));
				}
				const item = info.get(ids[i]);
				if (item?.has_model === true) {
					const models = await get('/api/v2/product/get_model_list', { item_id: ids[i] });
					for (const m of list(models, 'model')) {
						const gtin = gtinOf(m.gtin_code);
						// update_stock needs the model_id (the published sample's model has none): no id, no link.
						if (gtin && (typeof m.model_id === 'number' || typeof m.model_id === 'string') && String(m.model_id) !== '') seen.offer(gtin, { listingId: ids[i], variantId: String(m.model_id) });
					}
				} else {
					const gtin = gtinOf(item?.gtin_code);
					if (gtin) seen.offer(gtin, { listingId: ids[i], variantId: '0' });
				}
			}
			// A page saying there is more without its next_offset is read on after its items, not taken for the end.
			const next = page.next_offset === undefined || page.next_offset === null ? offset + ids.length : Number(page.next_offset);
			return page.has_next_page === true && ids.length > 0 && next > offset ? String(next) : undefined;
		});
}
