import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Via marketplace API v2 after the CNova "API Lojista v2" SDK (ballke-dev/ViaVarejoSDK) and Via's portal:
 * client_id + access_token headers; GET /orders/status/{new|approved|partiallySent|sent|partiallyDelivered|
 * delivered|canceled} filtered by the date the order reached that status ("{from},{to}", "*" for open, both
 * inclusive), _offset/_limit, {orders, metadata: [{key: "totalRows"}...]}; GET /orders/{orderId}; GET
 * /sellerItems/{sku} and PUT /sellerItems/{sku}/stock {quantity, crossDockingTime} (204); POST
 * /orders/{id}/trackings/{invoice|sent|delivered|cancel} (201) with the order's item ids. A "sent" tracking marks its
 * items sent (all sent → SHP); cancel refuses shipped orders. [?] Chosen here, not documented: lists newest
 * purchase first, _limit ≤ 100, error bodies {errors: [{message}]}, sellerDeliveryId repeated → 409.
 */

export type ViaSimOrder = Record<string, unknown>;

export interface ViaOrderSpec {
	id: string;
	purchasedAt: string;
	/** Status code (NEW, PAY, SHP, DLV, CAN...) and when the order reached it. */
	status?: string;
	at: string;
	/** Units per seller SKU: one item per unit, as Via lists them. */
	units?: Array<{ sku: string; price: number; count?: number }>;
}

/** Shaped like the documented order (GET /orders/{orderId}; the SDK's model and its sandbox example). */
export function viaOrder(spec: ViaOrderSpec): ViaSimOrder {
	const units = (spec.units ?? [{ sku: '14080', price: 139 }]).flatMap((u) => Array.from({ length: u.count ?? 1 }, () => u));
	const itemsCents = units.reduce((s, u) => s + Math.round(u.price * 100), 0);
	const status = spec.status ?? 'PAY';
	const paid = status !== 'NEW' && status !== 'PEN';
	return {
		id: spec.id,
		orderSiteId: `9${spec.id}`,
		site: 'CB',
		paymentType: '1',
		purchasedAt: spec.purchasedAt,
		approvedAt: paid ? spec.at : null,
		updatedAt: spec.at,
		status,
		totalAmount: (itemsCents + 1000) / 100,
		totalDiscountAmount: 0,
		customer: {
			id: '218208',
			name: 'João da Silva ',
			documentNumber: '11111111111',
			type: 'PF',
			email: 'cliente@example.com.br',
			phones: [{ number: '11999917771', type: 'MOBILE' }],
		},
		freight: { actualAmount: 10, chargedAmount: 10, type: 'NOR', scheduledAt: null, scheduledPeriod: null },
		items: units.map((u, i) => ({
			id: `${spec.id}-${i + 1}`,
			skuSellerId: u.sku,
			name: `Produto ${u.sku}`,
			salePrice: u.price,
			sent: status === 'SHP' || status === 'DLV',
			freight: null,
			giftWrap: null,
		})),
		...(paid
			? {
					shipping: {
						address: 'Rua da Chaleira',
						number: '01',
						complement: '',
						quarter: 'Ingleses',
						reference: null,
						city: 'São Paulo',
						state: 'SP',
						countryId: 'BR',
						zipCode: '50000000',
						recipientName: 'João da Silva',
					},
				}
			: {}),
		trackings: [],
	};
}

const LIST_OF: Record<string, string> = { NEW: 'new', PEN: 'new', PAY: 'approved', GDE: 'approved', SHP: 'sent', DLV: 'delivered', CAN: 'canceled' };
const FILTER_OF: Record<string, string> = {
	new: 'purchasedAt',
	approved: 'approvedAt',
	partiallySent: 'sentAt',
	sent: 'sentAt',
	partiallyDelivered: 'sentAt',
	delivered: 'deliveredAt',
	canceled: 'canceledAt',
};

export class ViaSimulator extends HttpSimulator {
	readonly orders = new Map<string, { order: ViaSimOrder; statusAt: number }>();
	/** Seller items: SKU → {quantity, crossDockingTime}. */
	readonly items = new Map<string, { quantity: number | null; crossDockingTime: number; gtin?: string[] | null }>();
	readonly deliveryIds = new Set<string>();
	now = Date.parse('2026-03-10T12:00:00Z');
	/** Lists answer without totalRows in their metadata (an empty optional field the client must not read as "the end"). */
	omitTotals = false;

	constructor(private readonly keys: { clientId: string; accessToken: string }) {
		super();
		const g = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			this.guard(req, () => h(req, p));
		this.route(
			'GET',
			'/orders/status/:status',
			g((req, p) => this.list(req, p.status)),
		);
		this.route(
			'GET',
			'/orders/:id',
			g((_r, p) => this.getOrder(decodeURIComponent(p.id))),
		);
		this.route(
			'GET',
			'/sellerItems',
			g((req) => this.listItems(req)),
		);
		this.route(
			'GET',
			'/sellerItems/:sku',
			g((_r, p) => this.getItem(decodeURIComponent(p.sku))),
		);
		this.route(
			'PUT',
			'/sellerItems/:sku/stock',
			g((req, p) => this.setStock(decodeURIComponent(p.sku), req.body)),
		);
		this.route(
			'POST',
			'/orders/:id/trackings/:kind',
			g((req, p) => this.track(decodeURIComponent(p.id), p.kind, req.body)),
		);
	}

	/** Stores an order that reached its status at `at` (the order's `updatedAt`). */
	put(order: ViaSimOrder): this {
		this.orders.set(String(order.id), { order, statusAt: Date.parse(String(order.updatedAt)) });
		return this;
	}

	private guard(req: SimRequest, handler: () => SimResponse): SimResponse {
		const ok = req.headers.client_id === this.keys.clientId && req.headers.access_token === this.keys.accessToken;
		return ok ? handler() : json(401, { errors: [{ message: 'Unauthorized: invalid client_id or access_token' }] });
	}

	private notFound(what: string): SimResponse {
		return json(404, { errors: [{ message: `${what} not found` }] });
	}

	/** "{from},{to}" with "*" for an open end; both inclusive. */
	private range(value: string | null): [number, number] | undefined {
		if (value === null) return [-Infinity, Infinity];
		const [from, to] = value.split(',');
		const at = (v: string | undefined, open: number) => (v === '*' ? open : Date.parse(v ?? ''));
		const r: [number, number] = [at(from, -Infinity), at(to, Infinity)];
		return Number.isNaN(r[0]) || Number.isNaN(r[1]) ? undefined : r;
	}

	private listOf(order: ViaSimOrder): string {
		const list = LIST_OF[String(order.status)] ?? 'approved';
		const items = order.items as Array<{ sent?: boolean }>;
		return list === 'approved' && items.some((i) => i.sent) ? 'partiallySent' : list;
	}

	private list(req: SimRequest, status: string): SimResponse {
		const filter = FILTER_OF[status];
		if (!filter) return this.notFound(`Status ${status}`);
		const offset = intParam(req.query, '_offset', 0, 0, 1_000_000);
		const limit = intParam(req.query, '_limit', 50, 1, 100);
		const range = this.range(req.query.get(filter));
		if (offset === undefined || limit === undefined || !range) return json(400, { errors: [{ message: `Invalid _offset, _limit or ${filter}` }] });
		const all = [...this.orders.values()]
			.filter(({ order, statusAt }) => this.listOf(order) === status && statusAt >= range[0] && statusAt <= range[1])
			.sort((a, b) => Date.parse(String(b.order.purchasedAt)) - Date.parse(String(a.order.purchasedAt)) || String(a.order.id).localeCompare(String(b.order.id)))
			.map((e) => e.order);
		const metadata = [
			{ key: 'totalRows', value: String(all.length) },
			{ key: 'offset', value: String(offset) },
			{ key: 'limit', value: String(limit) },
		].filter((m) => !this.omitTotals || m.key !== 'totalRows');
		return json(200, { orders: all.slice(offset, offset + limit), metadata });
	}

	private getOrder(id: string): SimResponse {
		const e = this.orders.get(id);
		return e ? json(200, e.order) : this.notFound(`Order ${id}`);
	}

	/**
	 * GET /sellerItems: every item of the seller, `_offset`/`_limit` (≤ 100 here), {sellerItems, metadata
	 * [{key: totalRows…}]} as the published sandbox answer (gpupo/cnova-sdk fixture). [?] SKU order chosen here.
	 */
	private listItems(req: SimRequest): SimResponse {
		const offset = intParam(req.query, '_offset', 0, 0, 1_000_000);
		const limit = intParam(req.query, '_limit', 50, 1, 100);
		if (offset === undefined || limit === undefined) return json(400, { errors: [{ message: '_offset/_limit inválidos' }] });
		const all = [...this.items.entries()].sort(([a], [b]) => a.localeCompare(b));
		const sellerItems = all.slice(offset, offset + limit).map(([sku, i]) => ({
			skuSellerId: sku, skuSiteId: null, title: `Produto ${sku}`, brand: 'NONE', gtin: i.gtin ?? null,
			status: [{ active: true, site: 'EX' }], stocks: [{ quantity: i.quantity, reserved: 0, crossDockingTime: i.crossDockingTime, warehouse: 1 }],
		}));
		const metadata = [
			{ key: 'totalRows', value: String(all.length) },
			{ key: 'offset', value: String(offset) },
			{ key: 'limit', value: String(limit) },
			{ key: 'next', value: offset + limit < all.length ? `/sellerItems?_offset=${offset + limit}&_limit=${limit}` : '' },
		].filter((m) => !this.omitTotals || m.key !== 'totalRows');
		return json(200, { sellerItems, metadata });
	}

	private getItem(sku: string): SimResponse {
		const item = this.items.get(sku);
		return item
			? json(200, { skuSellerId: sku, stocks: [{ quantity: item.quantity, crossDockingTime: item.crossDockingTime, warehouse: 1 }] })
			: this.notFound(`Seller item ${sku}`);
	}

	private setStock(sku: string, body: unknown): SimResponse {
		const b = (body ?? {}) as { quantity?: unknown; crossDockingTime?: unknown };
		if (!Number.isInteger(b.quantity) || (b.quantity as number) < 0) return json(422, { errors: [{ message: 'quantity must be a non-negative integer' }] });
		const item = this.items.get(sku);
		if (!item) return this.notFound(`Seller item ${sku}`);
		item.quantity = b.quantity as number;
		if (Number.isInteger(b.crossDockingTime)) item.crossDockingTime = b.crossDockingTime as number;
		return { status: 204 };
	}

	private track(id: string, kind: string, body: unknown): SimResponse {
		const e = this.orders.get(id);
		if (!e) return this.notFound(`Order ${id}`);
		const b = (body ?? {}) as Record<string, unknown>;
		const order = e.order;
		const items = order.items as Array<{ id: string; sent?: boolean }>;
		const named = Array.isArray(b.items) ? (b.items as unknown[]) : [];
		if (named.length === 0 || !named.every((i) => items.some((it) => it.id === i)) || typeof b.occurredAt !== 'string') {
			return json(400, { errors: [{ message: "items (the order's item ids) and occurredAt are required" }] });
		}
		const trackings = order.trackings as Array<Record<string, unknown>>;
		if (kind === 'invoice') {
			const nf = b.invoice as { accessKey?: unknown } | undefined;
			if (typeof nf?.accessKey !== 'string' || !/^\d{44}$/.test(nf.accessKey)) return json(400, { errors: [{ message: 'invoice.accessKey: 44 digits' }] });
			trackings.push({ items: named, controlPoint: 'NFS', occurredAt: b.occurredAt, invoice: b.invoice });
		} else if (kind === 'sent') {
			const deliveryId = String(b.sellerDeliveryId ?? '');
			if (typeof b.number !== 'string' || !deliveryId || !(b.carrier as { name?: unknown })?.name)
				return json(400, { errors: [{ message: 'number, sellerDeliveryId and carrier.name are required' }] });
			if (this.deliveryIds.has(deliveryId)) return json(409, { errors: [{ message: `sellerDeliveryId ${deliveryId} already used` }] });
			this.deliveryIds.add(deliveryId);
			for (const it of items) if (named.includes(it.id)) it.sent = true;
			trackings.push({
				items: named,
				controlPoint: 'SHP',
				occurredAt: b.occurredAt,
				number: b.number,
				url: b.url,
				sellerDeliveryId: deliveryId,
				carrier: b.carrier,
			});
			if (items.every((it) => it.sent)) order.status = 'SHP';
			e.statusAt = this.now;
		} else if (kind === 'delivered') {
			if (order.status !== 'SHP') return json(422, { errors: [{ message: `Order ${id} was not sent` }] });
			order.status = 'DLV';
			trackings.push({ items: named, controlPoint: 'ENT', occurredAt: b.occurredAt });
			e.statusAt = this.now;
		} else if (kind === 'cancel') {
			if (order.status === 'SHP' || order.status === 'DLV') return json(422, { errors: [{ message: `Order ${id} was shipped: it cannot be cancelled` }] });
			order.status = 'CAN';
			trackings.push({ items: named, controlPoint: 'CAN', occurredAt: b.occurredAt });
			e.statusAt = this.now;
		} else return this.notFound(`Tracking ${kind}`);
		order.updatedAt = new Date(this.now).toISOString();
		return { status: 201 };
	}
}
