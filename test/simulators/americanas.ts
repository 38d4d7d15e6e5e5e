import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';
import { STATUS_OF, type SkyhubOrder } from './americanas-orders';

export { skyhubOrder, type SkyhubLineSpec, type SkyhubOrder, type SkyhubOrderSpec } from './americanas-orders';

/**
 * SkyHub (Americanas) after desenvolvedores.skyhub.com.br and the SDK it links (bittools/skyhub-php):
 * X-User-Email / X-Api-Key / X-Accountmanager-Key auth; the order queue (GET /queues/orders answers one
 * order, the next visible one, and hides it for 5 minutes; DELETE /queues/orders/{code} removes it; a
 * marketplace change re-queues the order in its current state); GET /orders (page, per_page ≤ 100,
 * filters[start_date]/[end_date] as DD/MM/YYYY on the creation day, {total, orders}, 400 past 10,000
 * entries); GET /orders/{code}; GET /products (the catalogue, by cursor); PUT /products/{sku} {product: {qty}} and /variations/{sku} {variation: {qty}};
 * POST /orders/{code}/invoice, /shipments, /cancel, /delivery. Seller writes change the order without queuing it (the
 * queue carries the marketplace's changes). [?] Not documented, chosen here: the empty queue answers 204,
 * error bodies are {error: message}, newest orders first in GET /orders, write answers 201/204.
 */

const VISIBILITY_MS = 5 * 60_000;

export class AmericanasSimulator extends HttpSimulator {
	readonly orders = new Map<string, SkyhubOrder>();
	/** Queued order codes and when each is visible again. */
	readonly queue: Array<{ code: string; visibleAt: number }> = [];
	readonly products = new Map<string, number | null>();
	readonly variations = new Map<string, number | null>();
	now = Date.parse('2026-03-10T12:00:00Z');

	constructor(private readonly keys: { email: string; apiKey: string; accountManagerKey: string }) {
		super();
		const g = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			this.guard(req, () => h(req, p));
		this.route(
			'GET',
			'/queues/orders',
			g(() => this.readQueue()),
		);
		this.route(
			'DELETE',
			'/queues/orders/:code',
			g((_r, p) => this.deleteQueued(decodeURIComponent(p.code))),
		);
		this.route(
			'GET',
			'/orders',
			g((req) => this.listOrders(req)),
		);
		this.route(
			'GET',
			'/orders/:code',
			g((_r, p) => this.getOrder(decodeURIComponent(p.code))),
		);
		this.route(
			'GET',
			'/products',
			g((req) => this.listProducts(req)),
		);
		for (const kind of ['products', 'variations'] as const) {
			this.route(
				'GET',
				`/${kind}/:sku`,
				g((_r, p) =>
					this[kind].has(decodeURIComponent(p.sku))
						? json(200, { sku: decodeURIComponent(p.sku), qty: this[kind].get(decodeURIComponent(p.sku)) })
						: this.notFound(),
				),
			);
			this.route(
				'PUT',
				`/${kind}/:sku`,
				g((req, p) => this.setQty(kind, decodeURIComponent(p.sku), req.body)),
			);
		}
		this.route(
			'POST',
			'/orders/:code/invoice',
			g((req, p) => this.invoice(decodeURIComponent(p.code), req.body)),
		);
		this.route(
			'POST',
			'/orders/:code/shipments',
			g((req, p) => this.ship(decodeURIComponent(p.code), req.body)),
		);
		this.route(
			'POST',
			'/orders/:code/cancel',
			g((req, p) => this.cancel(decodeURIComponent(p.code), req.body)),
		);
		this.route(
			'POST',
			'/orders/:code/delivery',
			g((req, p) => this.deliver(decodeURIComponent(p.code), req.body)),
		);
	}

	/** Stores the order; a marketplace change (`queued`) puts it in the queue, visible now. */
	put(order: SkyhubOrder, queued = true): this {
		const code = String(order.code);
		this.orders.set(code, order);
		if (!queued) return this;
		const entry = this.queue.find((e) => e.code === code);
		if (entry) entry.visibleAt = 0;
		else this.queue.push({ code, visibleAt: 0 });
		return this;
	}

	advance(ms: number): this {
		this.now += ms;
		return this;
	}

	private guard(req: SimRequest, handler: () => SimResponse): SimResponse {
		const h = req.headers;
		const ok = h['x-user-email'] === this.keys.email && h['x-api-key'] === this.keys.apiKey && h['x-accountmanager-key'] === this.keys.accountManagerKey;
		return ok ? handler() : json(401, { error: 'Unauthorized' });
	}

	private notFound(): SimResponse {
		return json(404, { error: 'Not found' });
	}

	private readQueue(): SimResponse {
		const entry = this.queue.find((e) => e.visibleAt <= this.now);
		if (!entry) return { status: 204 };
		entry.visibleAt = this.now + VISIBILITY_MS;
		return json(200, this.orders.get(entry.code));
	}

	private deleteQueued(code: string): SimResponse {
		const i = this.queue.findIndex((e) => e.code === code);
		if (i < 0) return this.notFound();
		this.queue.splice(i, 1);
		return { status: 204 };
	}

	private getOrder(code: string): SimResponse {
		const order = this.orders.get(code);
		return order ? json(200, order) : this.notFound();
	}

	/** DD/MM/YYYY → the day's bounds in Brazil's time (-03:00). */
	private day(value: string | null, end: boolean): number | undefined {
		const m = value ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value) : null;
		if (!m) return undefined;
		return Date.parse(`${m[3]}-${m[2]}-${m[1]}T${end ? '23:59:59.999' : '00:00:00.000'}-03:00`);
	}

	private listOrders(req: SimRequest): SimResponse {
		const perPage = intParam(req.query, 'per_page', 100, 1, 100);
		const page = intParam(req.query, 'page', 1, 1, 1_000_000);
		if (perPage === undefined || page === undefined) return json(400, { error: 'Invalid paging' });
		if (page * perPage > 10_000) return json(400, { error: 'Deep paging: at most 10,000 entries' });
		const from = this.day(req.query.get('filters[start_date]'), false) ?? -Infinity;
		const to = this.day(req.query.get('filters[end_date]'), true) ?? Infinity;
		const list = [...this.orders.values()]
			.filter((o) => Date.parse(String(o.placed_at)) >= from && Date.parse(String(o.placed_at)) <= to)
			.sort((a, b) => Date.parse(String(b.placed_at)) - Date.parse(String(a.placed_at)));
		return json(200, { total: list.length, orders: list.slice((page - 1) * perPage, page * perPage) });
	}

	/** Catalogue fields of products put in `products` (by product SKU): ean, variations (their qty in `variations`), connected. */
	readonly catalog = new Map<string, { ean?: string; variations?: Array<{ sku: string; ean?: string }>; linked?: boolean; removed?: boolean }>();

	/**
	 * GET /products: the products not connected to the marketplace, or with filters[type]=link the connected ones
	 * ("Produto Simples e Variável"); per_page (≤ 100, 25 by default) on the first page, then `next` carrying the
	 * cursor. [?] Chosen here: {total, products, next}, `next` a path whose cursor holds the list and position,
	 * SKU order.
	 */
	private listProducts(req: SimRequest): SimResponse {
		const cursor = req.query.get('cursor');
		const state = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { link: boolean; at: number; per: number }) : undefined;
		const per = state?.per ?? intParam(req.query, 'per_page', 25, 1, 100);
		if (per === undefined) return json(400, { error: 'per_page must be between 1 and 100' });
		const link = state?.link ?? req.query.get('filters[type]') === 'link';
		const at = state?.at ?? 0;
		const rows = [...this.catalog.entries()].filter(([, c]) => Boolean(c.linked) === link).sort(([a], [b]) => a.localeCompare(b));
		const products = rows.slice(at, at + per).map(([sku, c]) => ({
			sku, name: `Produto ${sku}`, status: 'enabled', removed: c.removed ?? false, qty: this.products.get(sku) ?? 0, ean: c.ean ?? '',
			variations: (c.variations ?? []).map((v) => ({ sku: v.sku, qty: this.variations.get(v.sku) ?? 0, ean: v.ean ?? '', images: [], specifications: [] })),
		}));
		const more = at + per < rows.length;
		const next = more ? `/products?cursor=${Buffer.from(JSON.stringify({ link, at: at + per, per })).toString('base64url')}` : undefined;
		return json(200, { total: rows.length, products, ...(next ? { next } : {}) });
	}

	private setQty(kind: 'products' | 'variations', sku: string, body: unknown): SimResponse {
		const wrapper = kind === 'products' ? 'product' : 'variation';
		const qty = (body as Record<string, { qty?: unknown } | undefined>)?.[wrapper]?.qty;
		if (!Number.isInteger(qty) || (qty as number) < 0) return json(422, { error: `${wrapper}.qty must be a non-negative integer` });
		if (!this[kind].has(sku)) return this.notFound();
		this[kind].set(sku, qty as number);
		return { status: 204 };
	}

	/** A seller write: the order changes (new updated_at) without entering the queue. */
	private change(code: string, patch: Partial<SkyhubOrder>): SimResponse {
		this.orders.set(code, { ...this.orders.get(code), ...patch, updated_at: new Date(this.now).toISOString() });
		return { status: 201 };
	}

	private invoice(code: string, body: unknown): SimResponse {
		const order = this.orders.get(code);
		if (!order) return this.notFound();
		const key = (body as { invoice?: { key?: unknown } })?.invoice?.key;
		if (typeof key !== 'string' || !/^\d{44}$/.test(key)) return json(400, { error: 'invoice.key must be the 44-digit NF-e key' });
		return this.change(code, { invoices: [{ key, number: key.slice(25, 34), line: key.slice(22, 25) }], status: { type: 'INVOICED', ...STATUS_OF.INVOICED } });
	}

	private ship(code: string, body: unknown): SimResponse {
		const order = this.orders.get(code);
		if (!order) return this.notFound();
		const s = (body as { shipment?: { items?: unknown; track?: { code?: unknown; carrier?: unknown; url?: unknown } } })?.shipment;
		if (!Array.isArray(s?.items) || s.items.length === 0 || typeof s.track?.code !== 'string' || typeof s.track.carrier !== 'string') {
			return json(400, { error: 'shipment.items and shipment.track {code, carrier} are required' });
		}
		if (typeof s.track.url === 'string' && s.track.url.length > 200) return json(400, { error: 'track.url: at most 200 characters' });
		return this.change(code, { shipments: [{ code, items: s.items, tracks: [s.track] }], status: { type: 'SHIPPED', ...STATUS_OF.SHIPPED } });
	}

	/** POST /orders/{code}/delivery {status: "complete", delivered_date}: a shipped order becomes DELIVERED. */
	private deliver(code: string, body: unknown): SimResponse {
		const order = this.orders.get(code);
		if (!order) return this.notFound();
		const b = (body ?? {}) as { status?: unknown; delivered_date?: unknown };
		if (b.status !== 'complete') return json(400, { error: 'status must be complete' });
		if ((order.status as { type?: string }).type !== 'SHIPPED') return json(400, { error: `Order ${code} was not shipped` });
		return this.change(code, { status: { type: 'DELIVERED', ...STATUS_OF.DELIVERED }, delivered_date: b.delivered_date });
	}

	private cancel(code: string, body: unknown): SimResponse {
		const order = this.orders.get(code);
		if (!order) return this.notFound();
		if ((body as { status?: unknown })?.status !== 'order_canceled') return json(400, { error: 'status must be order_canceled' });
		const type = (order.status as { type?: string }).type;
		if (type === 'SHIPPED' || type === 'DELIVERED') return json(400, { error: `Order ${code} is ${type}: it cannot be canceled` });
		return this.change(code, { status: { type: 'CANCELED', ...STATUS_OF.CANCELED } });
	}
}
