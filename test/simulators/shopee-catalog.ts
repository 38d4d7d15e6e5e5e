import type { SimRequest, SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/** An item of the simulated shop: model 0 alone is "no variations" (its gtin is the item's gtin_code). */
export interface ShopeeSimItem {
	sku: string;
	status: string;
	models: Map<number, { sku: string; stock: number; gtin?: string }>;
}

const STATUSES = ['NORMAL', 'BANNED', 'UNLIST', 'REVIEWING', 'SELLER_DELETE', 'SHOPEE_DELETE'];
const fail = (error: string, message: string) => json(200, { error, message, request_id: 'sim' });
const ok = (response: unknown) => json(200, { error: '', message: '', warning: '', request_id: 'sim', response });
const hasModels = (item: ShopeeSimItem) => [...item.models.keys()].some((id) => id !== 0);

/**
 * v2.product.get_item_list and get_item_base_info as their API documents describe them
 * (congminh1254/shopee-sdk@cb231e9:schemas/v2.product.get_item_list.json, get_item_base_info.json):
 * get_item_list takes offset and page_size (both required, page_size 1..100) and item_status (required,
 * repeated for several: NORMAL/BANNED/UNLIST/REVIEWING/SELLER_DELETE/SHOPEE_DELETE), answers
 * {item: [{item_id, item_status, update_time}], total_count, has_next_page, next_offset}; get_item_base_info
 * takes item_id_list (≤ 50) and answers item_list with has_model and, for an item without models, gtin_code.
 * [?] Chosen here: items listed by item_id; item_id_list read comma-separated (or as the cURL sample's
 * "[a,b]"); unknown ids left out of item_list; error texts other than the documents' own.
 */
export function getItemList(req: SimRequest, items: Map<number, ShopeeSimItem>): SimResponse {
	const q = req.query;
	const statuses = q.getAll('item_status');
	const size = intParam(q, 'page_size', -1, 1, 100);
	const offset = intParam(q, 'offset', -1, 0, Number.MAX_SAFE_INTEGER);
	if (size === undefined || size < 0 || offset === undefined || offset < 0) return fail('error_param', 'Wrong parameters, detail: offset and page_size (1..100) are required.');
	if (statuses.length === 0 || statuses.some((s) => !STATUSES.includes(s))) return fail('error_param_item_status', 'Item status error.');
	const matching = [...items].filter(([, i]) => statuses.includes(i.status)).sort(([a], [b]) => a - b);
	const page = matching.slice(offset, offset + size);
	const more = offset + size < matching.length;
	return ok({
		item: page.map(([item_id, i]) => ({ item_id, item_status: i.status, update_time: 1608128470 })),
		total_count: matching.length,
		has_next_page: more,
		...(more ? { next_offset: offset + size } : {}),
	});
}

export function getItemBaseInfo(req: SimRequest, items: Map<number, ShopeeSimItem>): SimResponse {
	const ids = req.query
		.getAll('item_id_list')
		.flatMap((v) => v.replace(/^\[|\]$/g, '').split(','))
		.filter((v) => v.trim() !== '')
		.map(Number);
	if (ids.length > 50 || ids.some((id) => !Number.isSafeInteger(id))) return fail('error_param', 'Wrong parameters, detail: item_id_list limit [0,50].');
	const item_list = ids.flatMap((item_id) => {
		const item = items.get(item_id);
		if (!item) return [];
		const gtin = hasModels(item) ? undefined : item.models.get(0)?.gtin;
		return [{ item_id, item_name: `Item ${item_id}`, item_sku: item.sku, item_status: item.status, has_model: hasModels(item), ...(gtin ? { gtin_code: gtin } : {}) }];
	});
	return ok({ item_list });
}
