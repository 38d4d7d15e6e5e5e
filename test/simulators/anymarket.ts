import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * AnyMarket API v2 as core/channels/anymarket/api.ts lists its sources: `gumgaToken` header (or query); paged
 * answers {links, content, page}; GET /v2/orders (createdAfter/createdBefore, sort=createdAt, sortDirection,
 * offset, limit ≤ 100); GET /v2/orders/{id}; the order feed GET /v2/orders/feeds?limit → [{id, token}] and PUT
 * /v2/orders/feeds/{id} {token}; PUT /v2/orders/{id} status changes with the SDK's OrderStatus transitions;
 * PUT /v2/orders/{id}/nfe (XML); PUT /v2/stocks [{partnerId, quantity}]. Every order change queues a feed entry
 * and moves lastUpdate. [?] Not documented, chosen here: an entry handed out is hidden for `visibilityMs`
 * (default 5 minutes, on the simulator's clock: advance()) unless acknowledged, as VTEX's feed; 0 serves
 * unacknowledged entries on every read (the other behaviour the adapter must survive); a stock request naming one
 * unknown partnerId is refused whole (400); errors {message}.
 */
export type AnyMarketRaw = Record<string, unknown>;
const err = (status: number, message: string) => json(status, { message });

/** OrderStatus: the statuses each one may come from (the SDK's `incomes`, the same status included). */
const FROM: Record<string, string[]> = {
	PENDING: ['PENDING'],
	PAID_WAITING_SHIP: ['PENDING', 'PAID_WAITING_SHIP'],
	INVOICED: ['PENDING', 'PAID_WAITING_SHIP', 'INVOICED'],
	PAID_WAITING_DELIVERY: ['PENDING', 'PAID_WAITING_SHIP', 'INVOICED', 'PAID_WAITING_DELIVERY'],
	CONCLUDED: ['PENDING', 'PAID_WAITING_SHIP', 'INVOICED', 'PAID_WAITING_DELIVERY', 'CONCLUDED'],
	CANCELED: ['PENDING', 'PAID_WAITING_SHIP', 'INVOICED', 'PAID_WAITING_DELIVERY', 'CONCLUDED', 'CANCELED'],
};

export interface AnyMarketOrderSpec {
	id: number;
	createdAt: string;
	lastUpdate?: string;
	status?: string;
	marketPlace?: string;
	items?: Array<{ partnerId: string; amount: number; unit: number }>;
}

/** An order shaped like the documented test order (developers.anymarket.com.br, "Creation of Test Orders"). */
export function anyMarketOrder(s: AnyMarketOrderSpec): AnyMarketRaw {
	const items = s.items ?? [{ partnerId: 'impala67', amount: 1, unit: 310 }];
	const gross = items.reduce((t, i) => t + i.unit * i.amount, 0);
	const status = s.status ?? 'PAID_WAITING_SHIP';
	return {
		id: s.id,
		accountName: 'ECOMMERCE',
		marketPlaceId: `10000${s.id}`,
		marketPlaceNumber: `10000${s.id}`,
		marketPlace: s.marketPlace ?? 'MERCADO_LIVRE',
		createdAt: s.createdAt,
		paymentDate: status === 'PENDING' ? undefined : s.createdAt,
		lastUpdate: s.lastUpdate ?? s.createdAt,
		transmissionStatus: 'OK',
		status,
		marketPlaceStatus: status,
		discount: 0,
		freight: 15,
		interestValue: 0,
		gross: gross + 15,
		total: gross + 15,
		shipping: {
			city: 'Maringá',
			state: 'PR',
			country: 'BR',
			number: '1010',
			neighborhood: 'Joao Bosco',
			street: 'Rua Emiliano Perneta',
			comment: '42 andar',
			zipCode: '87010-080',
			receiverName: 'Rick Sanches',
		},
		buyer: { name: 'Rick Sanches', email: 'rick@example.com', document: '57814258707', documentType: 'CPF', phone: '(43) 99927-4719' },
		payments: [{ method: 'Cartão de Crédito', value: gross + 15 }],
		items: items.map((i, k) => ({
			sku: { id: 500 + k, title: `Produto ${i.partnerId}`, partnerId: i.partnerId },
			product: { id: 50 + k, title: `Produto ${i.partnerId}` },
			amount: i.amount,
			unit: i.unit,
			gross: i.unit * i.amount,
			total: i.unit * i.amount,
			discount: 0,
			orderItemId: `${s.id}${k}`,
		})),
	};
}

export class AnyMarketSimulator extends HttpSimulator {
	readonly orders = new Map<string, AnyMarketRaw>();
	readonly stock = new Map<string, number>();
	/** Unacknowledged feed entries, oldest first. */
	feed: Array<{ id: number; token: string; visibleAt?: number }> = [];
	readonly xml = new Map<string, string>();
	private tokens = 0;
	private now = 0;

	constructor(
		private readonly token: string,
		private readonly visibilityMs = 300_000,
	) {
		super();
		const auth = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			(req.headers.gumgatoken ?? req.query.get('gumgaToken')) === this.token ? h(req, p) : err(401, 'Token inválido');
		this.route(
			'GET',
			'/v2/orders',
			auth((req) => this.list(req)),
		);
		this.route(
			'GET',
			'/v2/orders/feeds',
			auth((req) => this.readFeed(req)),
		);
		this.route(
			'PUT',
			'/v2/orders/feeds/:id',
			auth((req, p) => this.ackFeed(req, p.id)),
		);
		this.route(
			'GET',
			'/v2/orders/:id',
			auth((_req, p) => (this.orders.has(p.id) ? json(200, this.orders.get(p.id)) : err(404, 'Pedido não encontrado'))),
		);
		this.route(
			'PUT',
			'/v2/orders/:id',
			auth((req, p) => this.update(req, p.id)),
		);
		this.route(
			'PUT',
			'/v2/orders/:id/nfe',
			auth((req, p) => this.nfe(req, p.id)),
		);
		this.route(
			'PUT',
			'/v2/stocks',
			auth((req) => this.putStocks(req)),
		);
	}

	/** Adds or replaces an order; `event` queues a feed entry for it (false: it was there before the integration). */
	put(order: AnyMarketRaw, event = true): this {
		this.orders.set(String(order.id), order);
		if (event) this.feed.push({ id: Number(order.id), token: `tk-${++this.tokens}` });
		return this;
	}

	/** Moves the feed's clock (visibility timeouts) without sleeping. */
	advance(ms: number): this {
		this.now += ms;
		return this;
	}

	private list(req: SimRequest): SimResponse {
		const limit = intParam(req.query, 'limit', 5, 1, 100);
		const offset = intParam(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
		if (limit === undefined || offset === undefined) return err(400, 'limit deve estar entre 1 e 100');
		const after = req.query.get('createdAfter');
		const before = req.query.get('createdBefore');
		const desc = req.query.get('sortDirection') === 'DESC';
		const at = (o: AnyMarketRaw) => Date.parse(String(o.createdAt));
		const all = [...this.orders.values()]
			.filter((o) => (!after || at(o) >= Date.parse(after)) && (!before || at(o) <= Date.parse(before)))
			.sort((a, b) => (desc ? at(b) - at(a) : at(a) - at(b)) || Number(a.id) - Number(b.id));
		return json(200, {
			links: offset + limit < all.length ? [{ rel: 'next', href: `${this.baseUrl}/v2/orders?offset=${offset + limit}&limit=${limit}` }] : [],
			content: all.slice(offset, offset + limit),
			page: { size: limit, totalElements: all.length, totalPages: Math.ceil(all.length / limit), number: Math.floor(offset / limit) },
		});
	}

	private readFeed(req: SimRequest): SimResponse {
		const limit = intParam(req.query, 'limit', 5, 1, 100);
		if (limit === undefined) return err(400, 'limit deve estar entre 1 e 100');
		const lot = this.feed.filter((e) => (e.visibleAt ?? 0) <= this.now).slice(0, limit);
		for (const e of lot) e.visibleAt = this.now + this.visibilityMs;
		return json(
			200,
			lot.map(({ id, token }) => ({ id, token })),
		);
	}

	private ackFeed(req: SimRequest, id: string): SimResponse {
		const token = (req.body as AnyMarketRaw | undefined)?.token;
		const at = this.feed.findIndex((e) => String(e.id) === id && e.token === token);
		if (at < 0) return err(404, 'Item do feed não encontrado');
		this.feed.splice(at, 1);
		return { status: 200 };
	}

	private change(o: AnyMarketRaw): void {
		o.lastUpdate = new Date(Math.max(Date.now(), Date.parse(String(o.lastUpdate)) + 1000)).toISOString();
		this.feed.push({ id: Number(o.id), token: `tk-${++this.tokens}` });
	}

	private update(req: SimRequest, id: string): SimResponse {
		const o = this.orders.get(id);
		if (!o) return err(404, 'Pedido não encontrado');
		const body = (req.body ?? {}) as AnyMarketRaw;
		const to = String(body.status ?? o.status);
		if (!FROM[to]?.includes(String(o.status))) return err(422, `Não é possível alterar o status de ${String(o.status)} para ${to}`);
		const invoice = body.invoice as AnyMarketRaw | undefined;
		if (to === 'INVOICED' && (!invoice?.accessKey || !invoice.date)) return err(422, 'Chave de acesso e data da nota são obrigatórias');
		const tracking = body.tracking as AnyMarketRaw | undefined;
		if (to === 'PAID_WAITING_DELIVERY' && (!tracking?.number || !tracking.shippedDate)) return err(422, 'Código de rastreio e data de envio são obrigatórios');
		Object.assign(o, { status: to, marketPlaceStatus: to }, invoice ? { invoice } : {}, tracking ? { tracking } : {});
		if (to === 'CANCELED')
			Object.assign(o, { cancelDate: new Date().toISOString(), cancellationCode: body.cancellationCode, cancelDetails: body.cancelDetails });
		this.change(o);
		return json(200, o);
	}

	private nfe(req: SimRequest, id: string): SimResponse {
		if (!this.orders.has(id)) return err(404, 'Pedido não encontrado');
		if (!String(req.headers['content-type']).includes('xml') || !req.rawBody.includes('<nfeProc')) return err(400, 'XML inválido');
		this.xml.set(id, req.rawBody);
		return { status: 200 };
	}

	private putStocks(req: SimRequest): SimResponse {
		const rows = req.body as Array<{ partnerId?: string; quantity?: number }>;
		if (!Array.isArray(rows) || rows.length === 0) return err(400, 'Informe ao menos um estoque');
		const unknown = rows.find((r) => !this.stock.has(String(r.partnerId)));
		if (unknown) return err(400, `SKU não encontrado: ${String(unknown.partnerId)}`);
		for (const r of rows) this.stock.set(String(r.partnerId), Number(r.quantity));
		return json(200, rows);
	}
}
