import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Tray Commerce web_api, after the developers.tray.com.br sources (NelsonEspadoto/api-doc@ce3e5719,
 * source/includes/_autorizacao.md, _pedidos.md, _produtos.md, _variacao-produtos.md, _nota-fiscal.md):
 * - POST /web_api/auth {consumer_key, consumer_secret, code} → 201 access + refresh token;
 *   GET /web_api/auth?refresh_token= → new pair (the old refresh token stops working: [3P] "uso único");
 *   every other route wants ?access_token=, else 401 (error_code 1099 as a third-party test reports).
 * - GET /web_api/orders: `modified` = "start,end" (or one day), whole days in the store's zone (-03:00 here),
 *   bounds inclusive [?]; `sort` [campo]_[asc|desc]; `limit` ≤ 50 (more: 400 [?]); `page`; answers
 *   {paging, sort, availableFilters, appliedFilters, Orders:[{Order: summary}]}; a page past the end is an
 *   empty Orders list [?]. GET /orders/:id/complete → {Order: complete order}.
 * - Products and variants by `reference`; PUT stock; POST /orders/:id/invoices; PUT /orders/:id;
 *   PUT /orders/cancel/:id.
 */

export type TrayRaw = Record<string, unknown>;
const OFFSET_MS = -3 * 3600_000;

export interface TrayLineSpec {
	reference: string;
	quantity: number;
	/** Unit price, decimal string. */
	price: string;
	productId?: number;
	variantId?: number;
}

export interface TrayOrderSpec {
	id: number;
	/** ISO instant of the last change. */
	modifiedAt: string;
	createdAt?: string;
	status?: string;
	statusType?: 'open' | 'closed' | 'canceled';
	lines?: TrayLineSpec[];
	shipment?: string;
	sendingCode?: string;
}

/** An instant as Tray writes it: "YYYY-MM-DD HH:MM:SS" in the store's zone. */
export const trayLocal = (iso: string) => new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** A complete order shaped like the "Dados Completo do Pedido" example (strings for numbers and ids). */
export function trayOrder(spec: TrayOrderSpec): TrayRaw {
	const lines = spec.lines ?? [{ reference: 'CAM-AZ-M', quantity: 2, price: '49.90', productId: 13, variantId: 25 }];
	const partial = lines.reduce((s, l) => s + Math.round(Number(l.price) * 100) * l.quantity, 0);
	const shipping = 1891;
	const [date, hour] = trayLocal(spec.createdAt ?? spec.modifiedAt).split(' ');
	const status = spec.status ?? 'A ENVIAR';
	return {
		status, id: String(spec.id), date, hour, customer_id: '1',
		partial_total: (partial / 100).toFixed(2), taxes: '0.00', discount: '0.00', point_sale: 'LOJA VIRTUAL',
		shipment: spec.shipment ?? 'Correios Expresso', shipment_value: (shipping / 100).toFixed(2), shipment_date: '', delivered: '',
		store_note: '', customer_note: '', partner_id: '0', discount_coupon: '', payment_method_rate: '0.00', installment: '1',
		sending_code: spec.sendingCode ?? '', sending_date: '0000-00-00', payment_method_id: '80', payment_method: 'Boleto - Yapay',
		total: ((partial + shipping) / 100).toFixed(2), payment_date: '0000-00-00', access_code: `AC${spec.id}`,
		modified: trayLocal(spec.modifiedAt), tracking_url: '', has_payment: '0', has_shipment: '0', has_invoice: '0',
		OrderStatus: { id: '1', default: '0', type: spec.statusType ?? (status === 'CANCELADO' ? 'canceled' : 'open'), status },
		payment_method_type: 'bank_billet',
		Customer: {
			id: '1', name: 'Nome Cliente', cpf: '12442673177', phone: '1434546185', cellphone: '', email: 'email@tray.com.br',
			address: 'Rua Teste', number: '55', neighborhood: 'Centro', city: 'Marília', state: 'SP', zip_code: '17500-000', country: 'Brasil',
			CustomerAddresses: [{ CustomerAddress: { id: '7', customer_id: '1', address: 'Rua Teste', number: '55', complement: 'Casa 26', neighborhood: 'Centro', city: 'Marília', state: 'SP', zip_code: '17500-000', country: 'Brasil', type: '1', recipient: '' } }],
		},
		ProductsSold: lines.map((l, i) => ({
			ProductsSold: {
				product_id: String(l.productId ?? 13 + i), quantity: String(l.quantity), id: String(spec.id * 100 + i), order_id: String(spec.id),
				name: `Produto ${l.reference}`, price: l.price, original_price: l.price, reference: l.reference, variant_id: String(l.variantId ?? 0),
			},
		})),
		OrderInvoice: [],
		MarketplaceOrder: [],
	};
}

/** The listing's summary of a complete order: no customer, products and invoices by id only. */
function summary(o: TrayRaw): TrayRaw {
	const { Customer: _c, ProductsSold, OrderInvoice, ...rest } = o;
	const ids = (list: unknown, key: string) => (list as TrayRaw[]).map((e) => ({ id: (e[key] as TrayRaw | undefined)?.id ?? e.id }));
	return { ...rest, ProductsSold: ids(ProductsSold, 'ProductsSold'), OrderInvoice: ids(OrderInvoice, 'OrderInvoice') };
}

export interface TrayProductSpec {
	id: number;
	reference: string;
	stock: number;
	ean?: string;
	variants?: Array<{ id: number; reference: string; stock: number; ean?: string }>;
}

const unauthorized = () => json(401, { message: 'Unauthorized', causes: ['Token expired or invalid'], code: 401, error_code: 1099 });
const notFound = () => json(404, { message: 'Not Found', causes: ['Registro não encontrado'], code: 404 });
const listing = (plural: string, singular: string, items: TrayRaw[], total: number, page: number, limit: number) =>
	json(200, { paging: { total, page, offset: (page - 1) * limit, limit, maxLimit: 50 }, sort: [{ id: 'asc' }], availableFilters: [], appliedFilters: [], [plural]: items.map((i) => ({ [singular]: i })) });

export class TraySimulator extends HttpSimulator {
	readonly orders = new Map<number, TrayRaw>();
	readonly products = new Map<number, TrayProductSpec>();
	readonly invoices: Array<{ orderId: number; body: unknown }> = [];
	private accessToken = '';
	private refreshToken = '';
	private issued = 0;

	constructor(readonly app: { consumerKey: string; consumerSecret: string; code: string }) {
		super();
		this.route('POST', '/web_api/auth', (req) => this.auth(req));
		this.route('GET', '/web_api/auth', (req) => this.refresh(req));
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			req.query.get('access_token') && req.query.get('access_token') === this.accessToken ? h(req, p) : unauthorized();
		this.route('GET', '/web_api/orders', guarded((req) => this.list(req)));
		// "Listagem de Status" (_status-pedido.md): the credential's test request.
		this.route('GET', '/web_api/orders/statuses', guarded(() => listing('OrderStatuses', 'OrderStatus', [{ status: 'A ENVIAR', id: '1', show_backoffice: '1' }, { status: 'ENVIADO', id: '16', show_backoffice: '1' }], 2, 1, 50)));
		this.route('GET', '/web_api/orders/:id/complete', guarded((_req, p) => {
			const o = this.orders.get(Number(p.id));
			return o ? json(200, { Order: o }) : notFound();
		}));
		this.route('GET', '/web_api/products', guarded((req) => this.byReference(req, false)));
		this.route('GET', '/web_api/products/variants', guarded((req) => this.byReference(req, true)));
		this.route('PUT', '/web_api/products/variants/:id', guarded((req, p) => this.setStock(req, Number(p.id), true)));
		this.route('PUT', '/web_api/products/:id', guarded((req, p) => this.setStock(req, Number(p.id), false)));
		this.route('POST', '/web_api/orders/:id/invoices', guarded((req, p) => this.addInvoice(req, Number(p.id))));
		this.route('PUT', '/web_api/orders/cancel/:id', guarded((_req, p) => this.update(Number(p.id), { status: 'CANCELADO', OrderStatus: { id: '5', type: 'canceled', status: 'CANCELADO' } })));
		this.route('PUT', '/web_api/orders/:id', guarded((req, p) => this.update(Number(p.id), ((req.body as TrayRaw | undefined)?.Order ?? {}) as TrayRaw)));
	}

	/** The API root a credential names (…/web_api). */
	get apiAddress(): string {
		return `${this.baseUrl}/web_api`;
	}

	/** The access token in force (tests without a credential use it directly); issues one on first use. */
	token(): string {
		if (!this.accessToken) this.issue();
		return this.accessToken;
	}

	/** The access token stops working, as after its ~3 hours. */
	expireAccessToken(): void {
		this.accessToken = `expired-${this.issued}`;
	}

	put(...orders: TrayRaw[]): this {
		for (const o of orders) this.orders.set(Number(o.id), o);
		return this;
	}

	putProduct(...products: TrayProductSpec[]): this {
		for (const p of products) this.products.set(p.id, p);
		return this;
	}

	private issue() {
		this.issued++;
		this.accessToken = `APP_ACCESS_${this.issued}`;
		this.refreshToken = `APP_REFRESH_${this.issued}`;
		return { access_token: this.accessToken, refresh_token: this.refreshToken, date_expiration_access_token: '2026-03-10 14:00:00', date_expiration_refresh_token: '2026-04-09 11:00:00', date_activated: '2026-03-10 11:00:00', api_host: this.apiAddress, store_id: '391250' };
	}

	private auth(req: SimRequest): SimResponse {
		const b = (typeof req.body === 'string' ? Object.fromEntries(new URLSearchParams(req.body)) : req.body ?? {}) as Record<string, unknown>;
		if (b.consumer_key !== this.app.consumerKey || b.consumer_secret !== this.app.consumerSecret || b.code !== this.app.code) {
			return json(401, { message: 'Unauthorized', causes: ['Invalid consumer_key, consumer_secret or code'], code: 401 });
		}
		return json(201, { code: 201, message: 'Created tokens', ...this.issue() });
	}

	private refresh(req: SimRequest): SimResponse {
		if (!this.refreshToken || req.query.get('refresh_token') !== this.refreshToken) return unauthorized();
		return json(200, { code: 200, message: 'Refreshed tokens', ...this.issue() });
	}

	private list(req: SimRequest): SimResponse {
		const limit = intParam(req.query, 'limit', 30, 1, 50);
		const page = intParam(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
		if (limit === undefined || page === undefined) return json(400, { message: 'Bad Request', causes: ['limit must be between 1 and 50'], code: 400 });
		const modified = req.query.get('modified');
		const [from, to = from] = modified ? modified.split(',').map((d) => d.trim()) : [];
		const sort = /^(\w+)_(asc|desc)$/.exec(req.query.get('sort') ?? 'id_asc');
		const dir = sort?.[2] === 'desc' ? -1 : 1;
		const matching = [...this.orders.values()]
			.filter((o) => !from || (String(o.modified).slice(0, 10) >= from && String(o.modified).slice(0, 10) <= to!))
			.sort((a, b) => dir * (Number(a.id) - Number(b.id)));
		const items = matching.slice((page - 1) * limit, page * limit).map(summary);
		return listing('Orders', 'Order', items, matching.length, page, limit);
	}

	/** Both listings filter by `reference` and `ean` (their availableFilters). */
	private byReference(req: SimRequest, variants: boolean): SimResponse {
		const ref = req.query.get('reference');
		const ean = req.query.get('ean');
		const rows = [...this.products.values()].flatMap((p): Array<TrayRaw & { reference: string; ean: string }> =>
			variants
				? (p.variants ?? []).map((v) => ({ id: String(v.id), product_id: String(p.id), reference: v.reference, ean: v.ean ?? '', stock: String(v.stock) }))
				: [{ id: String(p.id), reference: p.reference, ean: p.ean ?? '', stock: String(p.stock), has_variation: p.variants?.length ? '1' : '0' }],
		);
		// [?] Prefix matching is assumed (a LIKE filter), so the writer must re-check the reference and the EAN.
		const found = rows.filter((r) => (!ref || r.reference.startsWith(ref)) && (!ean || r.ean.startsWith(ean)));
		return variants ? listing('Variants', 'Variant', found, found.length, 1, 50) : listing('Products', 'Product', found, found.length, 1, 50);
	}

	private setStock(req: SimRequest, id: number, variant: boolean): SimResponse {
		const body = (req.body ?? {}) as TrayRaw;
		const stock = ((variant ? body.Variant : body.Product) as TrayRaw | undefined)?.stock;
		if (!Number.isInteger(stock)) return json(400, { message: 'Bad Request', causes: ['stock must be an integer'], code: 400 });
		const target = variant ? [...this.products.values()].flatMap((p) => p.variants ?? []).find((v) => v.id === id) : this.products.get(id);
		if (!target) return notFound();
		target.stock = stock as number;
		return json(200, { message: 'Saved', id: String(id), code: 200 });
	}

	private addInvoice(req: SimRequest, id: number): SimResponse {
		const order = this.orders.get(id);
		if (!order) return notFound();
		const b = (req.body ?? {}) as TrayRaw;
		const missing = ['issue_date', 'number', 'serie', 'key'].filter((k) => !b[k]);
		if (missing.length) return json(400, { message: 'Bad Request', causes: missing.map((k) => `${k} is required`), code: 400 });
		this.invoices.push({ orderId: id, body: b });
		(order.OrderInvoice as TrayRaw[]).push({ OrderInvoice: { id: String(this.invoices.length), order_id: String(id), issue_date: b.issue_date, number: b.number, serie: b.serie, key: b.key, link: b.link ?? '' } });
		order.has_invoice = '1';
		return json(201, { message: 'Created', id: String(this.invoices.length), code: 201 });
	}

	private update(id: number, change: TrayRaw): SimResponse {
		const order = this.orders.get(id);
		if (!order) return notFound();
		Object.assign(order, change, { modified: trayLocal(new Date().toISOString()) });
		return json(200, { message: 'Saved', id: String(id), code: 200 });
	}
}
