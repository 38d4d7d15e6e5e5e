import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Magalu Open API orders, as developers.magalu.com documents them (get_order, get_delivery, the list
 * conventions): bearer token from ID Magalu, X-Channel-Id header, GET /seller/v1/orders with `_limit`
 * (clamped to meta.page.max_limit 100), `_offset`, `_sort` and date filters, answering
 * {meta: {page: {limit, offset, count, max_limit}, links}, results}. [?] The filter names
 * (updated_at__gte/__lte) and the 401/400 bodies are not in the docs; unknown filters are ignored, as
 * such APIs commonly do, so a client using other names gets the unfiltered list and its tests fail.
 *
 * Write side: POST /seller/v1/deliveries/{id}/invoices as the add_invoice page shows it (key, issued_at,
 * amount, channel, xml → 201 {issued_at, key, status: "awaiting_validation"}; the invoice lands on the
 * delivery), and [?] PATCH /seller/v1/portfolios/stocks/{sku} {quantity, type: "AVAILABLE", channel: {id}}
 * after third-party code (its answer is not documented: 204 here; an unknown SKU is 404).
 */

export type MagaluRaw = Record<string, unknown>;

export interface MagaluItemSpec {
	sku: string;
	quantity: number;
	/** Unit price in cents (normalizer 100). */
	unitPrice: number;
	name?: string;
}

export interface MagaluDeliverySpec {
	status: string;
	items: MagaluItemSpec[];
	tracking?: { code: string; url: string };
	invoiceKey?: string;
}

export interface MagaluOrderSpec {
	id: string;
	updatedAt: string;
	createdAt?: string;
	status?: string;
	deliveries?: MagaluDeliverySpec[];
	/** Cents; default items + freight − discount. */
	total?: number;
	freight?: number;
	discount?: number;
	normalizer?: number;
}

const amount = (total: number, normalizer = 100) => ({ currency: 'BRL', normalizer, total });

function delivery(orderId: string, d: MagaluDeliverySpec, n: number): MagaluRaw {
	const sum = d.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0);
	return {
		code: `LU-${orderId.slice(0, 8)}-${n + 1}`,
		id: `${orderId.slice(0, 8)}-d${n + 1}`,
		seller: { id: 'GENPUB.e83ed3c7-7bae-47c4-9dcd-d12f6329fe1a', name: 'Loja do Edu' },
		status: d.status,
		amounts: { ...amount(sum), discount: { ...amount(0), shared: 0 }, freight: { ...amount(0), shared: 0 } },
		items: d.items.map((i, k) => ({
			sequencial: k + 1,
			amounts: { ...amount(i.unitPrice * i.quantity), discount: { ...amount(0), shared: 0 }, freight: { ...amount(0), shared: 0 } },
			info: { sku: i.sku, id: `prod-${i.sku}`, name: i.name ?? `Produto ${i.sku}`, images: [], attributes: [], extras: {} },
			unit_price: { currency: 'BRL', normalizer: 100, value: i.unitPrice },
			measure_unit: 'PC',
			quantity: i.quantity,
		})),
		shipping: {
			recipient: {
				customer_type: 'cpf', document_number: '12312312311', name: 'Fulano de Tal',
				address: { zipcode: '14400000', street: 'Rua Voluntários da Franca', number: '1465', district: 'Centro', city: 'Franca', state: 'SP', country: 'BR', complement: 'Apto 2' },
			},
			provider: { id: 'magalog', name: 'Magalog', description: 'Magalu Entregas', extras: {} },
			...(d.tracking ? { tracking: d.tracking, shipped_at: '2024-07-05T10:00:00.000Z' } : {}),
		},
		...(d.invoiceKey ? { invoices: [{ key: d.invoiceKey, issued_at: '2024-07-04T20:00:00.000Z', status: { id: 'approved' } }] } : {}),
		returns: [],
	};
}

/** An order shaped like the get_order example: amounts are integers with normalizer 100. */
export function magaluOrder(spec: MagaluOrderSpec): MagaluRaw {
	const deliveries = spec.deliveries ?? [{ status: 'approved', items: [{ sku: 'livro_01', quantity: 1, unitPrice: 10000 }] }];
	const items = deliveries.flatMap((d) => d.items).reduce((s, i) => s + i.unitPrice * i.quantity, 0);
	const freight = spec.freight ?? 0;
	const discount = spec.discount ?? 0;
	const normalizer = spec.normalizer ?? 100;
	return {
		id: spec.id,
		status: spec.status ?? 'approved',
		created_at: spec.createdAt ?? spec.updatedAt,
		approved_at: spec.createdAt ?? spec.updatedAt,
		purchased_at: spec.createdAt ?? spec.updatedAt,
		updated_at: spec.updatedAt,
		code: `${spec.id.replace(/\D/g, '').slice(0, 15)}`,
		channel: { id: 'e83ed3c7-7bae-47c4-9dcd-d12f6329fe1a', marketplace: { document: '18901029000100' }, extras: { alias: 'magalu' } },
		customer: {
			birth_date: '1990-07-04', customer_type: 'cpf', document_number: '123.123.123-11', email: 'user@mail.com', name: 'Fulano de Tal',
			phones: [{ area_code: '11', country_code: '55', number: '991232233', type: 'mobile' }],
		},
		payments: [{ description: 'Pix', installments: 1, method: 'pix', currency: 'BRL', normalizer: 100, amount: items + freight - discount }],
		amounts: {
			...amount(spec.total ?? items + freight - discount, normalizer),
			discount: { ...amount(discount), shared: 0 },
			freight: { ...amount(freight), shared: 0 },
		},
		deliveries: deliveries.map((d, n) => delivery(spec.id, d, n)),
	};
}

const SORTS = ['created_at:asc', 'created_at:desc', 'purchased_at:asc', 'purchased_at:desc'];
const MAX_LIMIT = 100;

export class MagaluSimulator extends HttpSimulator {
	readonly orders = new Map<string, MagaluRaw>();
	/** The seller's portfolio: SKU → available stock (undefined until a stock was written). */
	readonly portfolio = new Map<string, number | undefined>();

	constructor(private readonly auth: { accessToken: string; channelId: string }) {
		super();
		this.route('GET', '/seller/v1/orders', (req) => this.check(req) ?? this.list(req));
		this.route('GET', '/seller/v1/orders/:id', (req, p) => this.check(req) ?? this.get(p.id));
		this.route('PATCH', '/seller/v1/portfolios/stocks/:sku', (req, p) => this.check(req) ?? this.setStock(req, p.sku));
		this.route('POST', '/seller/v1/deliveries/:id/invoices', (req, p) => this.check(req) ?? this.addInvoice(req, p.id));
		this.route('GET', '/seller/v1/deliveries/:id', (req, p) => this.check(req) ?? this.getDelivery(p.id));
	}

	/** When false, GET /seller/v1/deliveries/{id} leaves its order out (the field is not confirmed: see below). */
	deliveryNamesOrder = true;

	/**
	 * GET /seller/v1/deliveries/{id}: the delivery as the order carries it. [?] The order it belongs to is given
	 * as `order: {id, code}`, as third-party clients read it; the published page's stored copy stops before.
	 */
	private getDelivery(id: string): SimResponse {
		for (const o of this.orders.values()) {
			const d = (o.deliveries as MagaluRaw[]).find((x) => x.id === id);
			if (d) return json(200, this.deliveryNamesOrder ? { ...d, order: { id: o.id, code: o.code } } : d);
		}
		return json(404, { error: 'not_found', message: `Delivery ${id} not found` });
	}

	/** Changes one delivery's status (and the order's updated_at), as Magalu does before it sends the delivery event. */
	setDeliveryStatus(orderId: string, deliveryId: string, status: string, at: string): this {
		const o = this.orders.get(orderId)!;
		const d = (o.deliveries as MagaluRaw[]).find((x) => x.id === deliveryId)!;
		d.status = status;
		o.updated_at = at;
		return this;
	}

	put(...orders: MagaluRaw[]): this {
		for (const o of orders) this.orders.set(o.id as string, o);
		return this;
	}

	private check(req: SimRequest): SimResponse | undefined {
		if (req.headers.authorization !== `Bearer ${this.auth.accessToken}`) return json(401, { error: 'unauthorized', message: 'Invalid or expired token' });
		if (req.headers['x-channel-id'] !== this.auth.channelId) return json(400, { error: 'bad_request', message: 'X-Channel-Id header is required' });
		return undefined;
	}

	private get(id: string): SimResponse {
		const o = this.orders.get(id);
		return o ? json(200, o) : json(404, { error: 'not_found', message: `Order ${id} not found` });
	}

	private list(req: SimRequest): SimResponse {
		const q = req.query;
		const limit = Math.min(intParam(q, '_limit', 20, 1, Number.MAX_SAFE_INTEGER) ?? NaN, MAX_LIMIT);
		const offset = intParam(q, '_offset', 0, 0, Number.MAX_SAFE_INTEGER);
		const sort = q.get('_sort') ?? 'created_at:asc';
		if (Number.isNaN(limit) || offset === undefined || !SORTS.includes(sort)) return json(400, { error: 'bad_request', message: 'Invalid paging or sort' });
		const gte = q.has('updated_at__gte') ? Date.parse(q.get('updated_at__gte')!) : -Infinity;
		const lte = q.has('updated_at__lte') ? Date.parse(q.get('updated_at__lte')!) : Infinity;
		const [key, dir] = sort.split(':');
		const results = [...this.orders.values()]
			.filter((o) => Date.parse(o.updated_at as string) >= gte && Date.parse(o.updated_at as string) <= lte)
			.sort((a, b) => (Date.parse(a[key] as string) - Date.parse(b[key] as string) || String(a.id).localeCompare(String(b.id))) * (dir === 'asc' ? 1 : -1));
		const page = results.slice(offset, offset + limit);
		const link = (o: number) => `?_limit=${limit}&_offset=${o}`;
		return json(200, {
			meta: {
				page: { limit, offset, count: page.length, max_limit: MAX_LIMIT },
				links: { self: link(offset), ...(offset + limit < results.length ? { next: link(offset + limit) } : {}), ...(offset > 0 ? { previous: link(Math.max(0, offset - limit)) } : {}) },
			},
			results: page,
		});
	}

	private setStock(req: SimRequest, sku: string): SimResponse {
		if (!this.portfolio.has(sku)) return json(404, { error: 'not_found', message: `SKU ${sku} not found` });
		const b = req.body as { quantity?: unknown; type?: unknown; channel?: { id?: unknown } };
		if (!Number.isInteger(b?.quantity) || (b.quantity as number) < 0 || b.type !== 'AVAILABLE' || typeof b.channel?.id !== 'string') {
			return json(400, { error: 'bad_request', message: 'quantity (integer >= 0), type AVAILABLE and channel.id are required' });
		}
		this.portfolio.set(sku, b.quantity as number);
		return { status: 204 };
	}

	private addInvoice(req: SimRequest, deliveryId: string): SimResponse {
		const delivery = [...this.orders.values()]
			.flatMap((o) => o.deliveries as MagaluRaw[])
			.find((d) => d.id === deliveryId);
		if (!delivery) return json(404, { error: 'not_found', message: `Delivery ${deliveryId} not found` });
		const b = (req.body ?? {}) as Record<string, unknown>;
		const keyOk = typeof b.key === 'string' && /^\d{44}$/.test(b.key);
		if (!keyOk || typeof b.issued_at !== 'string' || typeof b.amount !== 'number' || typeof b.xml !== 'string' || !b.xml) {
			return json(400, { error: 'bad_request', message: 'key (44 digits), issued_at, amount and xml are required' });
		}
		const invoices = (delivery.invoices as MagaluRaw[] | undefined) ?? [];
		if (invoices.some((i) => i.key === b.key)) return json(400, { error: 'bad_request', message: `Invoice ${b.key} already added` });
		delivery.invoices = [...invoices, { key: b.key, issued_at: b.issued_at, amount: b.amount, xml: b.xml, status: { id: 'awaiting_validation' } }];
		return json(201, { issued_at: b.issued_at, key: b.key, status: 'awaiting_validation' });
	}
}
