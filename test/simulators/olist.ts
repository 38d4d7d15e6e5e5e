import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * Olist partners API as dev.olist.com describes it (see core/channels/olist/api.ts), auth server included:
 * - POST /auth/protocol/openid-connect/token (form): grant_type=authorization_code (code used once, redirect_uri
 *   and client checked) or refresh_token (the old refresh token stops working) → {access_token, id_token,
 *   refresh_token, expires_in}; API calls want "Authorization: JWT {id_token}", else 401;
 * - GET /v1/seller-orders/{code}/ (documented); GET /v1/seller-orders/?ordering=-created_at&page=&page_size= ([3P]
 *   Django REST framework page {count, next, previous, results}; a page past the end 404 {"detail": "Invalid page."});
 * - GET/PATCH /v1/seller-products/{sku}/ {stock: [{quantity, availability_days}]} ([3P]);
 * - PATCH /v1/seller-orders/{code}/invoice/ {xml}: invoice_processing until processInvoices() validates the XML (its
 *   chNFe must be 44 digits, model 55, not used by another order) → invoiced, else invoice_error (documented flow).
 * [?] Chosen here: page_size ≤ 100 (more: 400), error bodies, the `xml` field name.
 */

export type OlistRaw = Record<string, unknown>;

export interface OlistOrderSpec {
	code: string;
	updatedAt: string;
	createdAt?: string;
	status?: string;
	canceled?: boolean;
	/** Units sold: one seller_order_item each. */
	items?: Array<{ sku?: string; price: string }>;
}

/** An order shaped like the documented GET /v1/seller-orders/{code}/ example, with [3P] items and totals. */
export function olistOrder(s: OlistOrderSpec): OlistRaw {
	const items = s.items ?? [
		{ sku: 'CAM-AZ-M', price: '49.90' },
		{ sku: 'CAM-AZ-M', price: '49.90' },
	];
	const cents = items.reduce((t, i) => t + Math.round(Number(i.price) * 100), 0);
	return {
		approved_at: s.createdAt ?? s.updatedAt,
		availability_days: 0,
		branded_store_slug: 'olist',
		cancelation_reason: s.canceled ? 'shipment_delayed' : '',
		cancelation_status: s.canceled ? 'canceled' : '',
		channel_slug: 'walmart',
		code: s.code,
		count_items: items.length,
		created_at: s.createdAt ?? s.updatedAt,
		updated_at: s.updatedAt,
		currency: 'BRL',
		customer: {
			address: {
				address: 'Rua Exemplo',
				city: 'Colombo',
				complement: 'Apto 1',
				country: 'Brasil',
				district: 'Centro',
				number: '10',
				state: 'PR',
				zip_code: '83400000',
			},
			document_number: '78104125743',
			name: 'Cliente Exemplo',
			phones: [{ phone: '41999990000', phone_type: 'mobile' }],
		},
		payment_methods: [{ installments: 1, payment_type: 'credit_card', sequential: 1, value: ((cents + 1500) / 100).toFixed(2) }],
		seller_order_items: items.map((i, k) => ({
			id: `${s.code}-${k + 1}`,
			code: `${s.code}-${k + 1}`,
			full_name: `Produto ${i.sku ?? k}`,
			price: i.price,
			freight_value: '7.50',
			product_sku: `OLSKU${k}`,
			...(i.sku ? { seller_product_code: i.sku } : {}),
			status: s.status ?? 'approved',
		})),
		status: s.status ?? 'approved',
		total_amount: ((cents + 1500) / 100).toFixed(2),
		total_freight: '15.00',
		total_items: (cents / 100).toFixed(2),
	};
}

const unauthorized = () => json(401, { detail: 'Authentication credentials were not provided.' });

export class OlistSimulator extends HttpSimulator {
	readonly orders = new Map<string, OlistRaw>();
	readonly products = new Map<string, { quantity: number; availability_days: number }>();
	private idToken = '';
	private refresh = '';
	private issued = 0;
	private codeUsed = false;

	constructor(private readonly app: { clientId: string; clientSecret: string; redirectUri: string; code: string }) {
		super();
		this.route('POST', '/auth/protocol/openid-connect/token', (req) => this.token(req));
		const api = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			this.idToken !== '' && req.headers.authorization === `JWT ${this.idToken}` ? h(req, p) : unauthorized();
		this.route(
			'GET',
			'/v1/seller-orders/',
			api((req) => this.list(req)),
		);
		this.route(
			'GET',
			'/v1/seller-orders/:code/',
			api((_req, p) => (this.orders.has(p.code) ? json(200, this.orders.get(p.code)) : json(404, { detail: 'Not found.' }))),
		);
		this.route(
			'PATCH',
			'/v1/seller-orders/:code/invoice/',
			api((req, p) => this.invoice(req, p.code)),
		);
		this.route(
			'GET',
			'/v1/seller-products/:sku/',
			api((_req, p) => this.product(p.sku)),
		);
		this.route(
			'PATCH',
			'/v1/seller-products/:sku/',
			api((req, p) => this.setStock(req, p.sku)),
		);
	}

	get apiBase(): string {
		return `${this.baseUrl}/v1`;
	}

	put(...orders: OlistRaw[]): this {
		for (const o of orders) this.orders.set(String(o.code), o);
		return this;
	}

	/** The seller authorises the app: the code exchanged at the token endpoint, as a client does; its id_token. */
	async authorize(): Promise<string> {
		const { clientId, clientSecret, redirectUri, code } = this.app;
		const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret });
		const res = await fetch(`${this.baseUrl}/auth/protocol/openid-connect/token`, { method: 'POST', body: form.toString() });
		return String(((await res.json()) as { id_token: string }).id_token);
	}

	/** The id_token stops working (it lasts minutes): the next call is answered 401. */
	expireIdToken(): void {
		this.idToken = `expired-${this.issued}`;
	}

	private token(req: SimRequest): SimResponse {
		const form = new URLSearchParams(req.rawBody);
		if (form.get('client_id') !== this.app.clientId || form.get('client_secret') !== this.app.clientSecret) return json(401, { error: 'invalid_client' });
		const grant = form.get('grant_type');
		const ok =
			grant === 'authorization_code'
				? !this.codeUsed && form.get('code') === this.app.code && form.get('redirect_uri') === this.app.redirectUri
				: grant === 'refresh_token' && this.refresh !== '' && form.get('refresh_token') === this.refresh;
		if (!ok) return json(400, { error: 'invalid_grant' });
		if (grant === 'authorization_code') this.codeUsed = true;
		this.issued++;
		this.idToken = `ID_TOKEN_${this.issued}`;
		this.refresh = `REFRESH_${this.issued}`;
		return json(200, { access_token: `ACCESS_${this.issued}`, id_token: this.idToken, refresh_token: this.refresh, expires_in: 300, token_type: 'Bearer' });
	}

	private list(req: SimRequest): SimResponse {
		const page = Number(req.query.get('page') ?? '1');
		const size = Number(req.query.get('page_size') ?? '20');
		if (!Number.isInteger(size) || size < 1 || size > 100 || !Number.isInteger(page) || page < 1) return json(400, { detail: 'Invalid page size.' });
		const desc = req.query.get('ordering') === '-created_at';
		const all = [...this.orders.values()].sort(
			(a, b) => String(a.created_at).localeCompare(String(b.created_at)) * (desc ? -1 : 1) || String(a.code).localeCompare(String(b.code)),
		);
		const results = all.slice((page - 1) * size, page * size);
		if (page > 1 && results.length === 0) return json(404, { detail: 'Invalid page.' });
		const more = page * size < all.length;
		return json(200, {
			count: all.length,
			next: more ? `${this.apiBase}/seller-orders/?page=${page + 1}&page_size=${size}` : null,
			previous: page > 1 ? 'prev' : null,
			results,
		});
	}

	private product(sku: string): SimResponse {
		const p = this.products.get(sku);
		return p ? json(200, { sku, stock: [p] }) : json(404, { detail: 'Not found.' });
	}

	private setStock(req: SimRequest, sku: string): SimResponse {
		const p = this.products.get(sku);
		if (!p) return json(404, { detail: 'Not found.' });
		const row = ((req.body as OlistRaw | undefined)?.stock as OlistRaw[] | undefined)?.[0];
		if (!row || !Number.isInteger(row.quantity) || !Number.isInteger(row.availability_days))
			return json(400, { stock: ['quantity and availability_days are required'] });
		Object.assign(p, { quantity: row.quantity, availability_days: row.availability_days });
		return this.product(sku);
	}

	private invoice(req: SimRequest, code: string): SimResponse {
		const o = this.orders.get(code);
		if (!o) return json(404, { detail: 'Not found.' });
		const xml = (req.body as OlistRaw | undefined)?.xml;
		if (typeof xml !== 'string' || xml.trim() === '') return json(400, { xml: ['This field is required.'] });
		if (o.status !== 'approved' && o.status !== 'invoice_error') return json(400, { detail: `Order in status ${String(o.status)} cannot be invoiced.` });
		Object.assign(o, { status: 'invoice_processing', pending_xml: xml, updated_at: new Date().toISOString() });
		return json(200, { code, status: 'invoice_processing' });
	}

	/** Olist's asynchronous processing of the sent XML files: a valid model-55 key not used elsewhere → invoiced. */
	processInvoices(): void {
		const used = new Set([...this.orders.values()].map((o) => o.invoice_key).filter(Boolean));
		for (const o of this.orders.values()) {
			if (o.status !== 'invoice_processing') continue;
			const key = /<chNFe>(\d{44})<\/chNFe>/.exec(String(o.pending_xml))?.[1];
			const ok = key !== undefined && key.slice(20, 22) === '55' && !used.has(key);
			Object.assign(o, ok ? { status: 'invoiced', invoice_key: key } : { status: 'invoice_error', invoice_error_message: 'Chave de acesso inválida' }, {
				updated_at: new Date().toISOString(),
			});
			delete o.pending_xml;
		}
	}
}
