import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json, linkHeader, slicePage } from './sim-paging';

/**
 * Nuvemshop / Tiendanube v1 orders, after TiendaNube/api-docs (README.md, resources/order.md): the
 * "Authentication: bearer <token>" header and a User-Agent naming the app and a contact (400 without one),
 * updated_at_min/max filters, payment_status defaulting to pending+authorized+paid, newest-created first,
 * page/per_page (≤ 200) with Link and X-Total-Count, and 404 "Last page is N" past the end (empty included).
 */

export type NuvemshopOrder = Record<string, unknown>;

export interface NuvemshopProductSpec {
	sku: string;
	quantity: number;
	/** Unit price, decimal string. */
	price: string;
	productId?: number;
	variantId?: number;
}

export interface NuvemshopOrderSpec {
	id: number;
	/** ISO 8601 (any offset). */
	updatedAt: string;
	createdAt?: string;
	status?: string;
	paymentStatus?: string;
	shippingStatus?: string;
	products?: NuvemshopProductSpec[];
	subtotal?: string;
	discount?: string;
	shippingCost?: string;
	total?: string;
	trackingNumber?: string;
}

/** Shaped like the GET /orders example of resources/order.md, with the newer BR fields (sku, identification). */
export function nuvemshopOrder(spec: NuvemshopOrderSpec): NuvemshopOrder {
	const products = spec.products ?? [{ sku: 'CAM-AZ-M', quantity: 2, price: '19.00', productId: 1234, variantId: 101 }];
	// Unless told otherwise the totals add up: Σ price × quantity + shipping − discount.
	const subtotal = spec.subtotal ?? (products.reduce((s, p) => s + Math.round(Number(p.price) * 100) * p.quantity, 0) / 100).toFixed(2);
	const total = spec.total ?? (Number(subtotal) + Number(spec.shippingCost ?? '20.00') - Number(spec.discount ?? '0.00')).toFixed(2);
	const address = {
		address: 'Rua Augusta', number: '742', floor: 'apto 12', locality: 'Consolação', city: 'São Paulo',
		province: 'São Paulo', zipcode: '01305-000', country: 'BR', phone: '+55 11 99999-9999', name: 'Maria Souza',
	};
	return {
		id: spec.id,
		token: `898544a54283414238f74cd08f0ef${spec.id}`,
		store_id: 123456,
		number: spec.id - 450789000,
		cancel_reason: spec.status === 'cancelled' ? 'customer' : null,
		created_at: spec.createdAt ?? spec.updatedAt,
		updated_at: spec.updatedAt,
		currency: 'BRL',
		language: 'pt',
		gateway: 'mercadopago',
		status: spec.status ?? 'open',
		payment_status: spec.paymentStatus ?? 'paid',
		shipping_status: spec.shippingStatus ?? 'unpacked',
		next_action: 'waiting_packing',
		shipping: 'correios',
		shipping_option: 'Correios - PAC',
		shipping_pickup_type: 'ship',
		shipping_tracking_number: spec.trackingNumber ?? null,
		shipping_tracking_url: spec.trackingNumber ? `https://rastreamento.correios.com.br/app/index.php?objeto=${spec.trackingNumber}` : null,
		shipped_at: spec.trackingNumber ? spec.updatedAt : null,
		shipping_min_days: 2,
		shipping_max_days: 4,
		shipping_cost_owner: spec.shippingCost ?? '20.00',
		shipping_cost_customer: spec.shippingCost ?? '20.00',
		subtotal,
		discount: spec.discount ?? '0.00',
		total,
		weight: '2.00',
		coupon: [],
		products: products.map((p, i) => ({
			id: 9000 + i, product_id: p.productId ?? 1234 + i, variant_id: p.variantId ?? 101 + i, name: `Camiseta ${p.sku}`,
			price: p.price, quantity: p.quantity, sku: p.sku, weight: '1.00', depth: null, height: null, width: null, free_shipping: false,
		})),
		billing_address: address.address, billing_number: address.number, billing_city: address.city, billing_country: 'BR', billing_zipcode: address.zipcode,
		shipping_address: { ...address, id: 1234, default: true },
		customer: { id: 101, name: 'Maria Souza', email: 'maria.souza@example.com', phone: '+55 11 99999-9999', identification: '845.134.270-19' },
		extra: {},
	};
}

/** A product as GET /products shows it, reduced to the variants' SKUs and multi-inventory stock. */
export interface NuvemshopProduct {
	id: number;
	name: Record<string, string>;
	variants: Array<{ id: number; product_id: number; sku: string; barcode?: string | null; inventory_levels: Array<{ id: number; location_id: string; stock: number | null }> }>;
}

const DEFAULT_PAYMENT = ['pending', 'authorized', 'paid'];
const notFound = (description: string) => json(404, { code: 404, message: 'Not Found', description });

export class NuvemshopSimulator extends HttpSimulator {
	readonly orders = new Map<number, NuvemshopOrder>();

	constructor(private readonly auth: { storeId: string; accessToken: string }) {
		super();
		this.route('GET', '/v1/:storeId/orders', (req, p) => this.list(req, p.storeId));
		// Write-back: product by SKU, variant stock, fulfil, cancel and metafields.
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			this.guard(req, p.storeId) ?? h(req, p);
		this.route('GET', '/v1/:storeId/products/sku/:sku', guarded((_req, p) => this.productBySku(p.sku)));
		this.route('GET', '/v1/:storeId/products', guarded((req) => this.listProducts(req)));
		this.route('POST', '/v1/:storeId/products/:id/variants/stock', guarded((req, p) => this.variantStock(req, Number(p.id))));
		this.route('POST', '/v1/:storeId/orders/:id/fulfill', guarded((req, p) => this.fulfill(req, Number(p.id))));
		this.route('POST', '/v1/:storeId/orders/:id/cancel', guarded((req, p) => this.cancel(req, Number(p.id))));
		this.route('POST', '/v1/:storeId/metafields', guarded((req) => this.addMetafield(req)));
		this.route('GET', '/v1/:storeId/locations', guarded(() => json(200, this.locations)));
		this.route('GET', '/v1/:storeId/orders/:id', guarded((_req, p) => {
			const o = this.orders.get(Number(p.id));
			return o ? json(200, o) : notFound('Order with such id does not exist');
		}));
	}

	readonly products = new Map<number, NuvemshopProduct>();
	/** GET /locations: the store's multi-inventory locations, named per language as the API documents. */
	readonly locations: Array<{ id: string; name: Record<string, string>; is_default: boolean; priority: number }> = [
		{ id: '01HTMFDH09VC6E2Q8KGTGP44D3', name: { pt_BR: 'Depósito São Paulo', es_AR: 'Depósito San Pablo' }, is_default: true, priority: 0 },
		{ id: '01HTMFDH09VC6E2Q8KGTGP44D4', name: { es_AR: 'Depósito Buenos Aires' }, is_default: false, priority: 1 },
	];
	readonly metafields: Array<Record<string, unknown>> = [];

	putProduct(...products: NuvemshopProduct[]): this {
		for (const p of products) this.products.set(p.id, p);
		return this;
	}

	private guard(req: SimRequest, storeId: string): SimResponse | undefined {
		if (!/\(.+\)/.test(req.headers['user-agent'] ?? '')) return json(400, { code: 400, message: 'Bad Request', description: 'User-Agent required' });
		const token = /^bearer\s+(\S+)\s*$/i.exec(String(req.headers.authentication ?? ''))?.[1];
		if (token !== this.auth.accessToken || storeId !== this.auth.storeId) {
			return json(401, { code: 401, message: 'Unauthorized', description: 'Invalid access token' });
		}
		return undefined;
	}

	private productBySku(sku: string): SimResponse {
		const p = [...this.products.values()].find((x) => x.variants.some((v) => v.sku === sku));
		return p ? json(200, p) : notFound('Product with such SKU does not exist');
	}

	/** {action: replace|variation, value, id?, location_id?}: without id every variant, without location_id the default location. */
	private variantStock(req: SimRequest, productId: number): SimResponse {
		const p = this.products.get(productId);
		if (!p) return notFound('Product not found');
		const b = req.body as { action?: unknown; value?: unknown; id?: unknown; location_id?: unknown } | undefined;
		if (b?.action !== 'replace' && b?.action !== 'variation') return json(422, { action: ['must be replace or variation'] });
		if (!Number.isInteger(b.value)) return json(422, { value: ['must be an integer'] });
		const targets = b.id === undefined ? p.variants : p.variants.filter((v) => v.id === b.id);
		if (targets.length === 0) return notFound('Variant not found');
		for (const v of targets) {
			const level = v.inventory_levels.find((l) => b.location_id === undefined || l.location_id === b.location_id);
			if (!level) return json(422, { location_id: ['is not a location of this store'] });
			level.stock = b.action === 'replace' ? (b.value as number) : (level.stock ?? 0) + (b.value as number);
		}
		return json(200, { variants: targets.map((v) => ({ id: v.id, inventory_levels: v.inventory_levels })) });
	}

	private fulfill(req: SimRequest, id: number): SimResponse {
		const o = this.orders.get(id);
		if (!o) return notFound('Order not found');
		if (o.status === 'cancelled') return json(422, { status: ['order is cancelled'] });
		const b = (req.body ?? {}) as { shipping_tracking_number?: string; shipping_tracking_url?: string };
		Object.assign(o, { shipping_status: 'fulfilled', shipping_tracking_number: b.shipping_tracking_number ?? null, shipping_tracking_url: b.shipping_tracking_url ?? null });
		return json(200, o);
	}

	private cancel(req: SimRequest, id: number): SimResponse {
		const o = this.orders.get(id);
		if (!o) return notFound('Order not found');
		const reason = (req.body as { reason?: unknown } | undefined)?.reason;
		if (!['customer', 'inventory', 'fraud', 'other'].includes(String(reason))) return json(422, { reason: ['is not included in the list'] });
		Object.assign(o, { status: 'cancelled', cancel_reason: reason });
		return json(200, o);
	}

	private addMetafield(req: SimRequest): SimResponse {
		const b = req.body as Record<string, unknown> | undefined;
		const missing = ['namespace', 'key', 'value', 'owner_resource', 'owner_id'].filter((k) => b?.[k] === undefined || b[k] === '');
		if (missing.length) return json(422, Object.fromEntries(missing.map((k) => [k, ["can't be blank"]])));
		const field = { id: 1000 + this.metafields.length, ...b };
		this.metafields.push(field);
		return json(201, field);
	}

	/**
	 * GET /products: since_id (ids above it), per_page ≤ 200; none left: 404 "Last page is 0". sort_by=
	 * created-at-ascending lists by creation (ids here are given in creation order); without sort_by the order is
	 * not documented: the simulator takes the store's manual order ("user"), the order products were put in.
	 */
	private listProducts(req: SimRequest): SimResponse {
		const perPage = intParam(req.query, 'per_page', 30, 1, 200);
		const sinceId = intParam(req.query, 'since_id', 0, 0, Number.MAX_SAFE_INTEGER);
		if (perPage === undefined || sinceId === undefined) return json(422, { per_page: ['must be between 1 and 200'] });
		const byCreation = req.query.get('sort_by') === 'created-at-ascending';
		const rest = [...this.products.values()].filter((p) => p.id > sinceId).sort((a, b) => (byCreation ? a.id - b.id : 0));
		return rest.length === 0 ? notFound('Last page is 0') : json(200, rest.slice(0, perPage));
	}

	put(...orders: NuvemshopOrder[]): this {
		for (const o of orders) this.orders.set(o.id as number, o);
		return this;
	}

	private list(req: SimRequest, storeId: string): SimResponse {
		const denied = this.guard(req, storeId);
		if (denied) return denied;
		const perPage = intParam(req.query, 'per_page', 30, 1, 200);
		const page = intParam(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
		if (perPage === undefined || page === undefined) return json(422, { per_page: ['must be between 1 and 200'] });
		const q = (k: string) => req.query.get(k);
		const time = (v: unknown) => Date.parse(String(v));
		const payment = q('payment_status') && q('payment_status') !== 'any' ? [q('payment_status')] : DEFAULT_PAYMENT;
		const matching = [...this.orders.values()]
			.filter((o) => payment.includes(o.payment_status as string))
			.filter((o) => !q('status') || q('status') === 'any' || o.status === q('status'))
			.filter((o) => !q('updated_at_min') || time(o.updated_at) >= time(q('updated_at_min')))
			.filter((o) => !q('updated_at_max') || time(o.updated_at) <= time(q('updated_at_max')))
			// [?] Whether created_at_max is inclusive is not documented; the simulator takes it inclusive like updated_at_max.
			.filter((o) => !q('created_at_max') || time(o.created_at) <= time(q('created_at_max')))
			.sort((a, b) => time(b.created_at) - time(a.created_at) || (b.id as number) - (a.id as number));
		const slice = slicePage(matching, page, perPage);
		if (page > slice.totalPages) return notFound(`Last page is ${slice.totalPages}`);
		const url = new URL(`${this.baseUrl}${req.path}?${req.query.toString()}`);
		return json(200, slice.items, { 'x-total-count': String(slice.total), link: linkHeader(url, page, slice.totalPages) });
	}
}
