import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import type { HttpChannelDefinition, PagingDefinition, PagingStyle } from '../../core/channels/http/definition';
import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * A platform behind the configurable HTTP channel. No platform the channel is for (GenComm, GenHub, Xtech)
 * publishes its API, so this simulator is not any platform: it serves the README's example definition
 * (core/channels/http/example.ts) in the paging style it is built with, so the channel is checked the way
 * a consultant would configure it. Auth: "X-Api-Key: <key>" (401 otherwise).
 * - offset: offset/limit ≤ 100, sorted by last change (an order that changes moves: the offset check must
 *   notice); page: page/per_page ≤ 100 sorted by id, with the total; cursor: keyset on the id, the next
 *   cursor in the body; link: keyset on the id in a Link rel="next" URL.
 * Orders carry numbers as text where stores do ("2", "49.90").
 */
export type HttpRaw = Record<string, unknown>;

const PAGING: Record<PagingStyle, PagingDefinition> = {
	offset: { style: 'offset', param: 'offset', sizeParam: 'limit', maxSize: 100 },
	page: { style: 'page', param: 'page', sizeParam: 'per_page', maxSize: 100, totalPath: 'total' },
	cursor: { style: 'cursor', param: 'cursor', sizeParam: 'limit', maxSize: 100, nextCursorPath: 'next_cursor' },
	link: { style: 'link', sizeParam: 'per_page', maxSize: 100 },
};

/** The README's example definition, in `style`. */
export function simDefinition(style: PagingStyle): HttpChannelDefinition {
	return { ...EXAMPLE_DEFINITION, list: { ...EXAMPLE_DEFINITION.list, paging: PAGING[style] } };
}

export interface HttpOrderSpec {
	id: number;
	updatedAt: string;
	createdAt?: string;
	status?: string;
	items?: Array<{ sku?: string; quantity: number | string; price: string | number; product_id?: number }>;
}

/** An order in the example definition's shape. */
export function httpOrder(spec: HttpOrderSpec): HttpRaw {
	const items = spec.items ?? [{ sku: 'CAM-AZ-M', quantity: '2', price: '49.90', product_id: 881 }];
	const sum = items.reduce((s, i) => s + Math.round(Number(i.price) * 100) * Number(i.quantity), 0);
	return {
		id: spec.id,
		created_at: spec.createdAt ?? spec.updatedAt,
		updated_at: spec.updatedAt,
		status: spec.status ?? 'pago',
		currency: 'BRL',
		total: ((sum + 1500) / 100).toFixed(2),
		shipping_total: '15.00',
		discount_total: '0.00',
		payment: { method: 'pix' },
		customer: { name: 'Fulana de Tal', email: 'fulana@exemplo.invalid', cpf: '123.456.789-09' },
		shipping_address: { street: 'Rua Exemplo', number: '10', district: 'Centro', city: 'Niterói', state: 'RJ', zip: '24000-000' },
		items: items.map((i, k) => ({ id: spec.id * 10 + k, name: `Produto ${i.sku ?? '(sem SKU)'}`, ...i })),
	};
}

export class HttpChannelSimulator extends HttpSimulator {
	readonly orders = new Map<number, HttpRaw>();
	readonly products = new Map<number, { sku: string; quantity: number | null }>();
	readonly writes: Array<{ path: string; body: unknown }> = [];

	constructor(
		private readonly style: PagingStyle,
		private readonly apiKey = 'sim-key',
	) {
		super();
		const authed = (h: (req: SimRequest, params: Record<string, string>) => SimResponse) => (req: SimRequest, params: Record<string, string>) =>
			req.headers['x-api-key'] === this.apiKey ? h(req, params) : json(401, { error: 'invalid api key' });
		this.route(
			'GET',
			'/api/v1/orders',
			authed((req) => this.list(req)),
		);
		this.route(
			'GET',
			'/api/v1/orders/:id',
			authed((_r, p) => (this.orders.has(Number(p.id)) ? json(200, this.orders.get(Number(p.id))) : json(404, { error: 'not found' }))),
		);
		this.route(
			'GET',
			'/api/v1/products',
			authed((req) => json(200, { data: [...this.products].filter(([, p]) => p.sku === req.query.get('sku')).map(([id, p]) => ({ id, sku: p.sku })) })),
		);
		this.route(
			'PUT',
			'/api/v1/products/:id/stock',
			authed((req, p) => this.setStock(Number(p.id), req.body)),
		);
		for (const action of ['invoice', 'shipment', 'cancel']) {
			this.route(
				'POST',
				`/api/v1/orders/:id/${action}`,
				authed((req, p) => {
					if (!this.orders.has(Number(p.id))) return json(404, { error: 'not found' });
					this.writes.push({ path: req.path, body: req.body });
					return json(200, { ok: true });
				}),
			);
		}
	}

	put(...orders: HttpRaw[]): this {
		for (const o of orders) this.orders.set(Number(o.id), o);
		return this;
	}

	putProduct(id: number, sku: string, quantity: number | null = null): this {
		this.products.set(id, { sku, quantity });
		return this;
	}

	private setStock(id: number, body: unknown): SimResponse {
		const product = this.products.get(id);
		if (!product) return json(404, { error: 'product not found' });
		const q = (body as { quantity?: unknown } | undefined)?.quantity;
		if (typeof q !== 'number' || !Number.isInteger(q) || q < 0) return json(422, { error: 'quantity must be a whole number' });
		product.quantity = q;
		return json(200, { id, quantity: q });
	}

	private list(req: SimRequest): SimResponse {
		const since = Date.parse(req.query.get('updated_since') ?? '');
		if (Number.isNaN(since)) return json(400, { error: 'updated_since is required' });
		const changed = [...this.orders.values()].filter((o) => Date.parse(String(o.updated_at)) >= since);
		const byId = changed.sort((a, b) => Number(a.id) - Number(b.id));
		if (this.style === 'offset') {
			const sorted = [...byId].sort((a, b) => Date.parse(String(a.updated_at)) - Date.parse(String(b.updated_at)) || Number(a.id) - Number(b.id));
			const limit = intParam(req.query, 'limit', 20, 1, 100);
			const offset = intParam(req.query, 'offset', 0, 0, 1e9);
			if (limit === undefined || offset === undefined) return json(400, { error: 'bad limit or offset' });
			return json(200, { data: sorted.slice(offset, offset + limit) });
		}
		if (this.style === 'page') {
			const perPage = intParam(req.query, 'per_page', 20, 1, 100);
			const page = intParam(req.query, 'page', 1, 1, 1e9);
			if (perPage === undefined || page === undefined) return json(400, { error: 'bad page or per_page' });
			return json(200, { data: byId.slice((page - 1) * perPage, page * perPage), total: byId.length });
		}
		const size = intParam(req.query, this.style === 'cursor' ? 'limit' : 'per_page', 20, 1, 100);
		if (size === undefined) return json(400, { error: 'bad page size' });
		const after = Number(req.query.get(this.style === 'cursor' ? 'cursor' : 'after') ?? 0);
		const data = byId.filter((o) => Number(o.id) > after).slice(0, size);
		const last = data.length === size ? String(data[data.length - 1].id) : undefined;
		if (this.style === 'cursor') return json(200, { data, next_cursor: last ?? null });
		if (!last) return json(200, { data });
		const next = new URL(`${this.baseUrl}${req.path}`);
		req.query.forEach((v, k) => next.searchParams.set(k, v));
		next.searchParams.set('after', last);
		return json(200, { data }, { link: `<${next.toString()}>; rel="next"` });
	}
}
