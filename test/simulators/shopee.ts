import { REFRESH_PATH, shopeeSign, CODE_EXCHANGE_PATH, type ShopeeKeys } from '../../core/channels/shopee/api';
import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { getItemBaseInfo, getItemList, type ShopeeSimItem } from './shopee-catalog';
import { uploadInvoiceDoc } from './shopee-invoice';
import { intParam, json } from './sim-paging';

/**
 * Shopee Open Platform v2 as its API documents describe it (core/channels/shopee/api.ts names the source):
 * signed query (partner_id, timestamp within 5 minutes, sign; shop calls add access_token and shop_id), the
 * {error, message, request_id, response} envelope, auth/token/get and auth/access_token/get (a new refresh
 * token each time, the old one invalid), get_order_list by update_time (≤ 15 days, page_size ≤ 100, cursor,
 * more/next_cursor), get_order_detail (≤ 50 order_sn), product search_item / get_model_list (with gtin_code) /
 * update_stock, get_item_list and get_item_base_info (shopee-catalog.ts), cancel_order, upload_invoice_doc (shopee-invoice.ts). [?] Chosen here: a wrong sign or token answers HTTP 403, list order by update_time then order_sn.
 */
export type ShopeeRaw = Record<string, unknown>;
const fail = (status: number, error: string, message: string) => json(status, { error, message, request_id: 'sim' });
const ok = (response: unknown) => json(200, { error: '', message: '', request_id: 'sim', response });

export interface ShopeeOrderSpec {
	sn: string;
	updatedAt: string;
	createdAt?: string;
	status?: string;
	items?: Array<{ itemSku?: string; modelSku?: string; qty: number; price: number; itemId?: number; modelId?: number }>;
}

/** An order shaped like the documented get_order_detail example (BRL, Brazilian address). */
export function shopeeOrder(s: ShopeeOrderSpec): ShopeeRaw {
	const items = s.items ?? [{ itemSku: '', modelSku: 'CAM-AZ-M', qty: 2, price: 49.9, itemId: 23620853561, modelId: 221404189791 }];
	const total = items.reduce((t, i) => t + Math.round(i.price * 100) * i.qty, 0) + 1500;
	const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);
	return {
		order_sn: s.sn,
		order_status: s.status ?? 'READY_TO_SHIP',
		currency: 'BRL',
		cod: false,
		create_time: sec(s.createdAt ?? s.updatedAt),
		update_time: sec(s.updatedAt),
		buyer_user_id: 1170319091,
		buyer_username: 'comprador_teste',
		buyer_cpf_id: null,
		payment_method: 'Pix',
		total_amount: total / 100,
		estimated_shipping_fee: 15,
		actual_shipping_fee: 15,
		recipient_address: {
			name: 'Fulano de Tal',
			phone: '5500000000000',
			town: 'Centro',
			district: '',
			city: 'Niterói',
			state: 'RJ',
			region: 'BR',
			zipcode: '24000000',
			full_address: 'Rua Exemplo, 1, Centro, Niterói, RJ',
		},
		item_list: items.map((i, k) => ({
			item_id: i.itemId ?? 1000 + k,
			item_name: `Produto ${k + 1}`,
			item_sku: i.itemSku ?? '',
			model_id: i.modelId ?? 0,
			model_name: '',
			model_sku: i.modelSku ?? '',
			model_quantity_purchased: i.qty,
			model_original_price: i.price,
			model_discounted_price: i.price,
			order_item_id: i.itemId ?? 1000 + k,
			weight: 0.1,
			wholesale: false,
		})),
		package_list: [],
	};
}

export class ShopeeSimulator extends HttpSimulator {
	readonly orders = new Map<string, ShopeeRaw>();
	/** item_id → item_sku, status and its models (model_id → {sku, stock, gtin}); an item without models keeps model 0. */
	readonly items = new Map<number, ShopeeSimItem>();
	private access = '';
	private refresh = '';
	private issued = 0;

	constructor(private readonly keys: ShopeeKeys & { code: string }) {
		super();
		this.route('POST', CODE_EXCHANGE_PATH, (req) => this.token(req, () => (req.body as ShopeeRaw | undefined)?.code === this.keys.code));
		this.route('POST', REFRESH_PATH, (req) =>
			this.token(req, () => this.refresh !== '' && (req.body as ShopeeRaw | undefined)?.refresh_token === this.refresh),
		);
		const shop = (h: (req: SimRequest) => SimResponse) => (req: SimRequest) => this.verify(req, true) ?? h(req);
		this.route(
			'GET',
			'/api/v2/shop/get_shop_info',
			shop(() => json(200, { error: '', message: '', request_id: 'sim', shop_name: 'Loja Teste', region: 'BR', status: 'NORMAL' })),
		);
		this.route('GET', '/api/v2/order/get_order_list', shop((req) => this.list(req)));
		this.route('GET', '/api/v2/order/get_order_detail', shop((req) => this.detail(req)));
		this.route(
			'GET',
			'/api/v2/product/search_item',
			shop((req) =>
				ok({
					item_id_list: [...this.items]
						.filter(([, i]) => i.sku === req.query.get('item_sku') || [...i.models.values()].some((m) => m.sku === req.query.get('item_sku')))
						.map(([id]) => id),
					total_count: 1,
					has_next_page: false,
				}),
			),
		);
		this.route(
			'GET',
			'/api/v2/product/get_model_list',
			shop((req) => {
				const item = this.items.get(Number(req.query.get('item_id')));
				if (!item) return fail(200, 'product.error_item_not_found', 'item not found');
				return ok({
					tier_variation: [],
					model: [...item.models]
						.filter(([id]) => id !== 0)
						.map(([model_id, m]) => ({ model_id, model_sku: m.sku, stock_info_v2: { seller_stock: [{ stock: m.stock }] }, ...(m.gtin ? { gtin_code: m.gtin } : {}) })),
				});
			}),
		);
		this.route('GET', '/api/v2/product/get_item_list', shop((req) => getItemList(req, this.items)));
		this.route('GET', '/api/v2/product/get_item_base_info', shop((req) => getItemBaseInfo(req, this.items)));
		this.route('POST', '/api/v2/product/update_stock', shop((req) => this.updateStock(req)));
		this.route('POST', '/api/v2/order/cancel_order', shop((req) => this.cancel(req)));
		this.route('POST', '/api/v2/order/upload_invoice_doc', shop((req) => uploadInvoiceDoc(req, this.orders)));
	}

	/** The current access token (tests sign with it directly). */
	token0(): string {
		if (!this.access) this.access = `ACCESS_${++this.issued}`;
		return this.access;
	}

	expireAccessToken(): void {
		this.access = 'expired-unknown';
	}

	put(...orders: ShopeeRaw[]): this {
		for (const o of orders) this.orders.set(String(o.order_sn), o);
		return this;
	}

	/** Model 0 alone is an item without variations: its gtin is the item's gtin_code. */
	putItem(itemId: number, sku: string, models: Array<{ id: number; sku: string; stock: number; gtin?: string }>, status = 'NORMAL'): this {
		this.items.set(itemId, { sku, status, models: new Map(models.map((m) => [m.id, { sku: m.sku, stock: m.stock, gtin: m.gtin }])) });
		return this;
	}

	stockOf(sku: string): number | undefined {
		for (const i of this.items.values()) for (const m of i.models.values()) if (m.sku === sku) return m.stock;
		return undefined;
	}

	/** The documented checks: partner, fresh timestamp, sign over path+timestamp(+token+shop), known token. */
	private verify(req: SimRequest, shopCall: boolean): SimResponse | undefined {
		const q = req.query;
		const ts = Number(q.get('timestamp'));
		if (q.get('partner_id') !== this.keys.partnerId) return fail(403, 'error_partner', 'Invalid partner_id.');
		if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return fail(403, 'error_param', 'Invalid timestamp.');
		const token = shopCall ? (q.get('access_token') ?? '') : undefined;
		if (q.get('sign') !== shopeeSign(this.keys, req.path, ts, token)) return fail(403, 'error_sign', 'Wrong sign.');
		if (shopCall && (q.get('shop_id') !== this.keys.shopId || token !== this.access || !this.access))
			return fail(403, 'invalid_acceess_token', 'Invalid access_token.');
		return undefined;
	}

	private token(req: SimRequest, valid: () => boolean): SimResponse {
		const bad = this.verify(req, false);
		if (bad) return bad;
		if (!valid()) return fail(403, 'error_auth', 'Invalid code or refresh_token.');
		this.issued++;
		this.access = `ACCESS_${this.issued}`;
		this.refresh = `REFRESH_${this.issued}`;
		return json(200, {
			error: '',
			message: '',
			request_id: 'sim',
			access_token: this.access,
			refresh_token: this.refresh,
			expire_in: 14400,
			shop_id: Number(this.keys.shopId),
			partner_id: Number(this.keys.partnerId),
		});
	}

	private list(req: SimRequest): SimResponse {
		const from = Number(req.query.get('time_from'));
		const to = Number(req.query.get('time_to'));
		const size = intParam(req.query, 'page_size', 20, 1, 100);
		if (req.query.get('time_range_field') !== 'update_time' && req.query.get('time_range_field') !== 'create_time')
			return fail(400, 'error_param', 'time_range_field is invalid.');
		if (!(from < to) || to - from > 15 * 24 * 3600 || size === undefined)
			return fail(400, 'order.order_list_invalid_time', 'Start time must be earlier than end time and diff in 15days.');
		const field = req.query.get('time_range_field')!;
		const matching = [...this.orders.values()]
			.filter((o) => Number(o[field]) >= from && Number(o[field]) <= to)
			.sort((a, b) => Number(a[field]) - Number(b[field]) || String(a.order_sn).localeCompare(String(b.order_sn)));
		const start = Number(req.query.get('cursor') || 0);
		const page = matching.slice(start, start + size);
		const more = start + size < matching.length;
		return ok({ more, next_cursor: more ? String(start + size) : '', order_list: page.map((o) => ({ order_sn: o.order_sn })) });
	}

	private detail(req: SimRequest): SimResponse {
		const sns = (req.query.get('order_sn_list') ?? '').split(',').filter(Boolean);
		if (sns.length === 0 || sns.length > 50) return fail(400, 'error_param', 'order_sn_list limit [1,50].');
		const found = sns.map((sn) => this.orders.get(sn)).filter((o): o is ShopeeRaw => o !== undefined);
		if (found.length === 0) return fail(200, 'error_not_found', 'Wrong parameters, detail: the order is not found.');
		return ok({ order_list: found });
	}

	private updateStock(req: SimRequest): SimResponse {
		const b = (req.body ?? {}) as { item_id?: number; stock_list?: Array<{ model_id: number; seller_stock: Array<{ stock: number }> }> };
		const item = this.items.get(Number(b.item_id));
		if (!item) return fail(200, 'product.error_item_not_found', 'Item not found.');
		const success_list: unknown[] = [];
		const failure_list: unknown[] = [];
		for (const s of b.stock_list ?? []) {
			const model = item.models.get(s.model_id);
			const stock = s.seller_stock?.[0]?.stock;
			if (!model || !Number.isInteger(stock)) failure_list.push({ model_id: s.model_id, failed_reason: 'model not found' });
			else {
				model.stock = stock;
				success_list.push({ model_id: s.model_id, location_id: '', stock });
			}
		}
		return ok({ success_list, failure_list });
	}

	private cancel(req: SimRequest): SimResponse {
		const b = (req.body ?? {}) as ShopeeRaw;
		const o = this.orders.get(String(b.order_sn));
		if (!o) return fail(200, 'error_not_found', 'Wrong parameters, detail: the order is not found.');
		if (!['UNPAID', 'READY_TO_SHIP'].includes(String(o.order_status))) return fail(200, 'error_param', 'The order can not be cancelled in this status.');
		o.order_status = 'IN_CANCEL';
		o.update_time = Math.floor(Date.now() / 1000);
		return ok({ update_time: o.update_time });
	}
}
