import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json, linkHeader, slicePage } from './sim-paging';

/**
 * WooCommerce REST wc/v3 orders, as documented in woocommerce-rest-api-docs (_orders.md, _authentication.md):
 * HTTP Basic with consumer key/secret (or the consumer_key/consumer_secret query fallback), modified_after /
 * modified_before (exclusive; read in the site's timezone unless dates_are_gmt), page/per_page with
 * X-WP-Total, X-WP-TotalPages and Link. The site runs at UTC-3 so a client forgetting dates_are_gmt shows.
 */

export type WooOrder = Record<string, unknown>;

export interface WooLineSpec {
	sku: string;
	quantity: number;
	/** Line subtotal, decimal string as Woo sends it. */
	subtotal: string;
	productId?: number;
	variationId?: number;
	name?: string;
}

export interface WooOrderSpec {
	id: number;
	status?: string;
	/** GMT, "YYYY-MM-DDTHH:MM:SS". */
	modifiedGmt: string;
	createdGmt?: string;
	lines?: WooLineSpec[];
	shippingTotal?: string;
	discountTotal?: string;
	total?: string;
	currency?: string;
}

const SITE_OFFSET_HOURS = -3;
const toLocal = (gmt: string) => new Date(Date.parse(`${gmt}Z`) + SITE_OFFSET_HOURS * 3600e3).toISOString().slice(0, 19);

/** An order shaped like the "List all orders" example of the docs. */
export function wooOrder(spec: WooOrderSpec): WooOrder {
	const lines = spec.lines ?? [{ sku: 'Bar3', quantity: 1, subtotal: '12.00', productId: 22, variationId: 23, name: 'Ship Your Idea' }];
	const created = spec.createdGmt ?? spec.modifiedGmt;
	return {
		id: spec.id,
		parent_id: 0,
		number: String(spec.id),
		order_key: `wc_order_${spec.id}`,
		created_via: 'checkout',
		version: '8.6.1',
		status: spec.status ?? 'processing',
		currency: spec.currency ?? 'BRL',
		date_created: toLocal(created),
		date_created_gmt: created,
		date_modified: toLocal(spec.modifiedGmt),
		date_modified_gmt: spec.modifiedGmt,
		discount_total: spec.discountTotal ?? '0.00',
		discount_tax: '0.00',
		shipping_total: spec.shippingTotal ?? '10.00',
		shipping_tax: '0.00',
		cart_tax: '0.00',
		// Unless told otherwise the totals add up: line subtotals + shipping − discount.
		total: spec.total ?? (lines.reduce((s, l) => s + Math.round(Number(l.subtotal) * 100), 0) / 100 + Number(spec.shippingTotal ?? '10.00') - Number(spec.discountTotal ?? '0.00')).toFixed(2),
		total_tax: '0.00',
		prices_include_tax: false,
		customer_id: 26,
		billing: {
			first_name: 'João', last_name: 'Silva', company: '', address_1: 'Av. Brasil, 432', address_2: '',
			city: 'Rio de Janeiro', state: 'RJ', postcode: '12345-000', country: 'BR', email: 'joao.silva@example.com', phone: '(11) 1111-1111',
		},
		shipping: {
			first_name: 'João', last_name: 'Silva', company: '', address_1: 'Av. Brasil, 432', address_2: '',
			city: 'Rio de Janeiro', state: 'RJ', postcode: '12345-000', country: 'BR',
		},
		payment_method: 'bacs',
		payment_method_title: 'Direct bank transfer',
		date_paid: null,
		date_paid_gmt: null,
		meta_data: [{ id: 13106, key: '_billing_cpf', value: '845.134.270-19' }],
		line_items: lines.map((l, i) => ({
			id: 300 + i, name: l.name ?? l.sku, product_id: l.productId ?? 90 + i, variation_id: l.variationId ?? 0,
			quantity: l.quantity, tax_class: '', subtotal: l.subtotal, subtotal_tax: '0.00', total: l.subtotal, total_tax: '0.00',
			taxes: [], meta_data: [], sku: l.sku, price: Number(l.subtotal) / l.quantity,
		})),
		tax_lines: [],
		shipping_lines: [{ id: 317, method_title: 'Flat rate', method_id: 'flat_rate', total: spec.shippingTotal ?? '10.00', total_tax: '0.00', taxes: [], meta_data: [] }],
		fee_lines: [],
		coupon_lines: [],
		refunds: [],
	};
}

const ORDERBY = ['date', 'id', 'include', 'title', 'slug'];
const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash'];

/** A product or variation as wc/v3 shows it, reduced to what stock write-back reads and changes. */
export interface WooProduct {
	id: number;
	name: string;
	sku: string;
	/** GTIN, UPC, EAN or ISBN (Woo 9.2+); absent on older stores. */
	global_unique_id?: string;
	type: 'simple' | 'variable' | 'variation';
	parent_id: number;
	manage_stock: boolean;
	stock_quantity: number | null;
	stock_status: string;
}
const restError = (status: number, code: string, message: string) => json(status, { code, message, data: { status } });

export class WooCommerceSimulator extends HttpSimulator {
	readonly orders = new Map<number, WooOrder>();
	/** Refunds per order id, as GET /orders/{id}/refunds answers them. */
	readonly refunds = new Map<number, unknown[]>();

	constructor(private readonly keys: { consumerKey: string; consumerSecret: string }) {
		super();
		this.route('GET', '/wp-json/wc/v3/orders', (req) => this.list(req));
		// Write-back: products by SKU, stock batches, order status and notes.
		const edit = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			this.authorized(req) ? h(req, p) : restError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
		this.route('GET', '/wp-json/wc/v3/products', edit((req) => this.productsBySku(req)));
		this.route('POST', '/wp-json/wc/v3/products/batch', edit((req) => this.stockBatch(req, undefined)));
		this.route('POST', '/wp-json/wc/v3/products/:pid/variations/batch', edit((req, p) => this.stockBatch(req, Number(p.pid))));
		this.route('PUT', '/wp-json/wc/v3/orders/:id', edit((req, p) => this.updateOrder(req, Number(p.id))));
		this.route('POST', '/wp-json/wc/v3/orders/:id/notes', edit((req, p) => this.addNote(req, Number(p.id))));
		// "List all refunds" of an order (REST API docs, Order refunds): kept per order id in `refunds`.
		this.route('GET', '/wp-json/wc/v3/orders/:id/refunds', edit((_req, p) => json(200, this.refunds.get(Number(p.id)) ?? [])));
		this.route('GET', '/wp-json/wc/v3/orders/:id', edit((_req, p) => {
			const o = this.orders.get(Number(p.id));
			return o ? json(200, o) : restError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
		}));
	}

	/** Products and variations (type "variation", parent_id set) by id. */
	readonly products = new Map<number, WooProduct>();
	readonly notes = new Map<number, Array<{ id: number; note: string; customer_note: boolean }>>();

	putProduct(...products: WooProduct[]): this {
		for (const p of products) this.products.set(p.id, p);
		return this;
	}

	/** ?sku= matches products and variations alike (variations carry their own SKU). */
	/**
	 * sku (exact), or search limited to search_fields=global_unique_id (a partial match over products and
	 * variations, as prepare_objects_query does); any other search is not simulated and matches nothing.
	 */
	private productsBySku(req: SimRequest): SimResponse {
		const sku = req.query.get('sku');
		const search = req.query.get('search');
		if (search !== null) {
			const byGtin = req.query.get('search_fields') === 'global_unique_id';
			return json(200, byGtin ? [...this.products.values()].filter((p) => (p.global_unique_id ?? '').includes(search)) : []);
		}
		return json(200, [...this.products.values()].filter((p) => sku === null || p.sku === sku));
	}

	/** POST …/batch {update:[{id, stock_quantity, manage_stock}]}: item by item, refused ones as {id, error}. */
	private stockBatch(req: SimRequest, parentId: number | undefined): SimResponse {
		const update = (req.body as { update?: unknown } | undefined)?.update;
		if (!Array.isArray(update)) return restError(400, 'rest_invalid_param', 'Invalid parameter(s): update');
		if (update.length > 100) return restError(413, 'woocommerce_rest_request_entity_too_large', 'Unable to accept more than 100 items for this request.');
		return json(200, {
			update: update.map((u: { id?: unknown; stock_quantity?: unknown; manage_stock?: unknown }) => {
				const p = this.products.get(Number(u.id));
				const fits = p && (parentId === undefined ? p.type !== 'variation' : p.parent_id === parentId);
				if (!p || !fits) return { id: u.id, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } };
				if (!Number.isInteger(u.stock_quantity)) return { id: u.id, error: { code: 'rest_invalid_param', message: 'Invalid parameter(s): stock_quantity', data: { status: 400 } } };
				if (u.manage_stock !== undefined) p.manage_stock = Boolean(u.manage_stock);
				p.stock_quantity = u.stock_quantity as number;
				p.stock_status = p.stock_quantity > 0 ? 'instock' : 'outofstock';
				return p;
			}),
		});
	}

	private updateOrder(req: SimRequest, id: number): SimResponse {
		const o = this.orders.get(id);
		if (!o) return restError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
		const status = (req.body as { status?: unknown } | undefined)?.status;
		if (status !== undefined && !ORDER_STATUSES.includes(String(status))) return restError(400, 'rest_invalid_param', 'Invalid parameter(s): status');
		if (status !== undefined) o.status = status;
		return json(200, o);
	}

	private addNote(req: SimRequest, id: number): SimResponse {
		if (!this.orders.has(id)) return restError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
		const b = req.body as { note?: unknown; customer_note?: unknown } | undefined;
		if (typeof b?.note !== 'string' || b.note === '') return restError(400, 'rest_missing_callback_param', 'Missing parameter(s): note');
		const note = { id: 280 + (this.notes.get(id)?.length ?? 0), author: 'system', date_created_gmt: '2026-01-10T15:00:00', note: b.note, customer_note: b.customer_note === true };
		this.notes.set(id, [...(this.notes.get(id) ?? []), note]);
		return json(201, note);
	}

	put(...orders: WooOrder[]): this {
		for (const o of orders) this.orders.set(o.id as number, o);
		return this;
	}

	private authorized(req: SimRequest): boolean {
		const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
		const [key, secret] = basic
			? Buffer.from(basic[1], 'base64').toString('utf8').split(':')
			: [req.query.get('consumer_key'), req.query.get('consumer_secret')];
		return key === this.keys.consumerKey && secret === this.keys.consumerSecret;
	}

	/** A bound in GMT ms: zone-less values are site-local unless dates_are_gmt. */
	private bound(req: SimRequest, name: string): number | undefined {
		const v = req.query.get(name);
		if (v === null) return undefined;
		const gmt = req.query.get('dates_are_gmt') === 'true' || req.query.get('dates_are_gmt') === '1';
		const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(v);
		return Date.parse(zoned ? v : `${v}Z`) - (zoned || gmt ? 0 : SITE_OFFSET_HOURS * 3600e3);
	}

	private list(req: SimRequest): SimResponse {
		if (!this.authorized(req)) return restError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
		const perPage = intParam(req.query, 'per_page', 10, 1, 100);
		const page = intParam(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
		const orderby = req.query.get('orderby') ?? 'date';
		if (perPage === undefined || page === undefined || !ORDERBY.includes(orderby)) {
			return restError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page, page, orderby');
		}
		const after = this.bound(req, 'modified_after');
		const before = this.bound(req, 'modified_before');
		// `after` / `before` filter the creation ("published") date, exclusively, like the modified bounds.
		const createdAfter = this.bound(req, 'after');
		const createdBefore = this.bound(req, 'before');
		const created = (o: WooOrder) => Date.parse(`${o.date_created_gmt as string}Z`);
		const modified = (o: WooOrder) => Date.parse(`${o.date_modified_gmt as string}Z`);
		const sortKey = (o: WooOrder) => (orderby === 'id' ? (o.id as number) : Date.parse(`${o.date_created_gmt as string}Z`));
		const dir = req.query.get('order') === 'asc' ? 1 : -1;
		const matching = [...this.orders.values()]
			.filter((o) => (after === undefined || modified(o) > after) && (before === undefined || modified(o) < before))
			.filter((o) => (createdAfter === undefined || created(o) > createdAfter) && (createdBefore === undefined || created(o) < createdBefore))
			.sort((a, b) => dir * (sortKey(a) - sortKey(b) || (a.id as number) - (b.id as number)));
		const slice = slicePage(matching, page, perPage);
		if (page > 1 && page > slice.totalPages) {
			return restError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
		}
		const url = new URL(`${this.baseUrl}${req.path}?${req.query.toString()}`);
		return json(200, slice.items, {
			'x-wp-total': String(slice.total),
			'x-wp-totalpages': String(slice.totalPages),
			link: linkHeader(url, page, slice.totalPages),
		});
	}
}
