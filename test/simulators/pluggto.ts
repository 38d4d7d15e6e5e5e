import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Plugg.To API as core/channels/pluggto/api.ts lists its sources: POST /oauth/token (form: password or
 * refresh_token grant with client id/secret), `Authorization: Bearer`; GET /orders (modified=<day>to<day> in
 * Brasília time, limit ≤ 100, next = the id after which the page starts, by id) → {total, result: [{Order}]};
 * GET /orders/{id} → {Order}; PUT /orders/{id} (status, shipments merged by id; {error, type: "not_updated"} when
 * nothing changes); PUT /skus/{sku}/stock {action, quantity}. [?] Chosen here: ids are 24 hex digits growing with
 * creation (as Mongo ids); an access token lives `tokenTtlMs` (sim clock: advance()); not_updated and unknown
 * SKUs answer 400 and 404 {error, message}.
 */
export type PluggToRaw = Record<string, unknown>;
const err = (status: number, message: string, type = 'error') => json(status, { error: true, type, message });
const day = (iso: string) => new Date(Date.parse(iso) - 3 * 3600_000).toISOString().slice(0, 10);

export const pluggToId = (n: number): string => n.toString(16).padStart(24, '0');

export interface PluggToOrderSpec {
	n: number;
	modified: string;
	created?: string;
	status?: string;
	channel?: string;
	items?: Array<{ sku: string; quantity: number; price: number }>;
}

/** An order shaped like the documented examples (developers.plugg.to "Create order", "Get one order"). */
export function pluggToOrder(s: PluggToOrderSpec): PluggToRaw {
	const items = s.items ?? [{ sku: '486086', quantity: 2, price: 30 }];
	const subtotal = items.reduce((t, i) => t + i.price * i.quantity, 0);
	const total = Math.round((subtotal + 10.21) * 100) / 100;
	return {
		id: pluggToId(s.n),
		status: s.status ?? 'approved',
		channel: s.channel ?? 'MercadoLivre',
		channel_account: 'ThirdLevel',
		original_id: `29493344${s.n}-A`,
		created: s.created ?? s.modified,
		modified: s.modified,
		receiver_name: 'Andre',
		receiver_lastname: 'Teste2',
		receiver_address: 'Rua do Bosque',
		receiver_address_number: '440',
		receiver_neighborhood: 'Barra funda',
		receiver_city: 'São Paulo',
		receiver_state: 'SP',
		receiver_zipcode: '04457-115',
		payer_name: 'Luizo',
		payer_lastname: 'Santos',
		payer_email: 'luizo@example.com',
		payer_cpf: '123.456.789-09',
		subtotal,
		shipping: 10.21,
		discount: 0,
		total,
		expected_send_date: '2026-03-12',
		payments: [{ payment_type: 'credit', payment_method: 'Cartão de crédito', payment_installments: '3', payment_total: total }],
		items: items.map((i) => ({
			sku: i.sku,
			quantity: i.quantity,
			price: i.price,
			total: i.price * i.quantity,
			name: `Produto ${i.sku}`,
			original_sku: i.sku,
			variation: { attributes: [], id: null, sku: null },
		})),
		shipments: [],
	};
}

export class PluggToSimulator extends HttpSimulator {
	readonly orders = new Map<string, PluggToRaw>();
	readonly stock = new Map<string, number>();
	private readonly tokens = new Map<string, number>();
	private readonly refreshTokens = new Set<string>();
	private issued = 0;
	private now = 0;
	tokenTtlMs = 3600_000;

	constructor(private readonly client: { id: string; secret: string; user: string; password: string }) {
		super();
		const auth = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) => {
			const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
			const expires = token === undefined ? undefined : this.tokens.get(token);
			return expires !== undefined && expires > this.now ? h(req, p) : err(401, 'invalid_token');
		};
		this.route('POST', '/oauth/token', (req) => this.token(req));
		this.route(
			'GET',
			'/orders',
			auth((req) => this.list(req)),
		);
		this.route(
			'GET',
			'/orders/:id',
			auth((_req, p) => (this.orders.has(p.id) ? json(200, { Order: this.orders.get(p.id) }) : err(404, 'Order not found'))),
		);
		this.route(
			'PUT',
			'/orders/:id',
			auth((req, p) => this.update(req, p.id)),
		);
		this.route(
			'PUT',
			'/skus/:sku/stock',
			auth((req, p) => this.putStock(req, decodeURIComponent(p.sku))),
		);
	}

	advance(ms: number): this {
		this.now += ms;
		return this;
	}

	/** A token as the credential would get it (for drivers that play n8n's preAuthentication). */
	issue(): string {
		const token = `at-${++this.issued}`;
		this.tokens.set(token, this.now + this.tokenTtlMs);
		return token;
	}

	put(...orders: PluggToRaw[]): this {
		for (const o of orders) this.orders.set(String(o.id), o);
		return this;
	}

	private token(req: SimRequest): SimResponse {
		const f = new URLSearchParams(req.rawBody);
		if (f.get('client_id') !== this.client.id || f.get('client_secret') !== this.client.secret) return json(401, { error: 'invalid_client' });
		const ok =
			(f.get('grant_type') === 'password' && f.get('username') === this.client.user && f.get('password') === this.client.password) ||
			(f.get('grant_type') === 'refresh_token' && this.refreshTokens.delete(String(f.get('refresh_token'))));
		if (!ok) return json(400, { error: 'invalid_grant', error_description: 'User credentials are invalid' });
		const refresh = `rt-${++this.issued}`;
		this.refreshTokens.add(refresh);
		return json(200, { access_token: this.issue(), refresh_token: refresh, token_type: 'Bearer', expires_in: this.tokenTtlMs / 1000 });
	}

	private list(req: SimRequest): SimResponse {
		const limit = intParam(req.query, 'limit', 10, 1, 100);
		if (limit === undefined) return err(400, 'limit must be between 1 and 100');
		const range = req.query.get('modified')?.split('to');
		const next = req.query.get('next');
		const matching = [...this.orders.values()]
			.filter((o) => !range || (day(String(o.modified)) >= range[0] && day(String(o.modified)) <= range[1]))
			.sort((a, b) => String(a.id).localeCompare(String(b.id)));
		const page = matching.filter((o) => !next || String(o.id) > next).slice(0, limit);
		return json(200, { total: matching.length, showing: page.length, limit, result: page.map((Order) => ({ Order })) });
	}

	private update(req: SimRequest, id: string): SimResponse {
		const o = this.orders.get(id);
		if (!o) return err(404, 'Order not found');
		const body = (req.body ?? {}) as PluggToRaw;
		const shipments = (o.shipments as PluggToRaw[]).map((s) => ({ ...s }));
		for (const s of (body.shipments as PluggToRaw[] | undefined) ?? []) {
			const at = shipments.findIndex((x) => s.id !== undefined && x.id === s.id);
			if (at >= 0) shipments[at] = { ...shipments[at], ...s };
			else shipments.push({ ...s, id: `shp${id.slice(-6)}${shipments.length}` });
		}
		if (body.status === o.status && JSON.stringify(shipments) === JSON.stringify(o.shipments))
			return json(400, {
				error: true,
				type: 'not_updated',
				message: 'An error occurred, see details for more information.',
				details: 'Changes not found in the order',
			});
		Object.assign(o, {
			status: body.status ?? o.status,
			shipments,
			modified: new Date(Math.max(Date.now(), Date.parse(String(o.modified)) + 1000)).toISOString(),
		});
		return json(200, { Order: o });
	}

	private putStock(req: SimRequest, sku: string): SimResponse {
		if (!this.stock.has(sku)) return err(404, `Sku ${sku} not found`);
		const body = req.body as PluggToRaw;
		if (body?.action !== 'update' || typeof body.quantity !== 'number') return err(400, 'action and quantity are required');
		this.stock.set(sku, body.quantity);
		return json(200, { Product: { sku, quantity: body.quantity } });
	}
}
