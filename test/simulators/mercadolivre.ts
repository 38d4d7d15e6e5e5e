import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { itemAsShown, itemsBulk, MlItemScans } from './mercadolivre-catalog';
import { json } from './sim-paging';

/**
 * Mercado Livre orders and shipments, as documented in "Gerenciamento de vendas" and "Envios"
 * (developers.mercadolivre.com.br): Bearer access token, GET /orders/search?seller=... with
 * order.date_last_updated.from/.to — a filter that "uses up to the hour and discards minutes, seconds and
 * milliseconds" —, sort=date_asc|date_desc, offset/limit (limit 50 at most here) with paging.total,
 * and GET /shipments/{id} (x-format-new: true for the destination block). Dates are sent at UTC-4, as
 * the documentation's examples are.
 */

export interface MlLineSpec {
	sku: string | null;
	quantity: number;
	unitPrice: number;
	itemId?: string;
	variationId?: number | null;
	title?: string;
	/** Multi-origin sellers: the depot (store) the sale took its stock from, as order_items[].stock names it. */
	storeId?: string;
}

export interface MlOrderSpec {
	id: number;
	status?: string;
	/** UTC ISO. */
	lastUpdated: string;
	created?: string;
	lines?: MlLineSpec[];
	shippingCost?: number;
	couponAmount?: number;
	shipmentId?: number | null;
	packId?: number | null;
	tags?: string[];
	paymentStatus?: string;
}

const OFFSET_MS = -4 * 3600_000;
/** "2026-01-10T10:12:41.000-04:00", the documentation's date format. */
export const mlDate = (utcIso: string) => new Date(Date.parse(utcIso) + OFFSET_MS).toISOString().replace('Z', '-04:00');

/** An order shaped like the response example of GET /orders/search. */
export function mlOrder(spec: MlOrderSpec): Record<string, unknown> {
	const lines = spec.lines ?? [{ sku: 'CAM-AZ-M', quantity: 1, unitPrice: 87.9 }];
	const total = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
	const shippingCost = spec.shippingCost ?? 19.9;
	const created = mlDate(spec.created ?? spec.lastUpdated);
	return {
		id: spec.id,
		date_created: created,
		date_closed: created,
		last_updated: mlDate(spec.lastUpdated),
		manufacturing_ending_date: null,
		comment: null,
		pack_id: spec.packId ?? null,
		pickup_id: null,
		order_request: { return: null, change: null },
		fulfilled: null,
		mediations: [],
		total_amount: total,
		paid_amount: total + shippingCost,
		coupon: { id: null, amount: spec.couponAmount ?? 0 },
		expiration_date: null,
		order_items: lines.map((l, i) => ({
			item: {
				id: l.itemId ?? `MLB${1_234_567_890 + i}`,
				title: l.title ?? 'Camiseta Básica Azul',
				category_id: 'MLB31447',
				variation_id: l.variationId ?? null,
				seller_custom_field: null,
				variation_attributes: [],
				warranty: 'Garantia do vendedor: 30 dias',
				condition: 'new',
				seller_sku: l.sku,
			},
			quantity: l.quantity,
			unit_price: l.unitPrice,
			full_unit_price: l.unitPrice,
			currency_id: 'BRL',
			manufacturing_days: null,
			sale_fee: 10.55,
			listing_type_id: 'gold_special',
			...(l.storeId ? { stock: [{ store_id: l.storeId, network_node_id: '163942' }] } : {}),
		})),
		currency_id: 'BRL',
		payments: [
			{
				id: 9_000_000_000 + spec.id % 1_000_000,
				order_id: spec.id,
				payer_id: 123_456_789,
				collector: { id: 987_654_321 },
				currency_id: 'BRL',
				status: spec.paymentStatus ?? 'approved',
				status_detail: 'accredited',
				transaction_amount: total,
				shipping_cost: shippingCost,
				total_paid_amount: total + shippingCost,
				payment_method_id: 'pix',
				payment_type: 'bank_transfer',
				date_approved: created,
			},
		],
		shipping: { id: spec.shipmentId === undefined ? 40_000_000_000 + spec.id % 1_000_000 : spec.shipmentId },
		status: spec.status ?? 'paid',
		status_detail: null,
		tags: spec.tags ?? ['paid', 'not_delivered'],
		feedback: { buyer: null, seller: null },
		context: { channel: 'marketplace', site: 'MLB', flows: [] },
		buyer: { id: 123_456_789, nickname: 'COMPRADOR_TESTE', first_name: 'Maria', last_name: 'Silva' },
		seller: { id: 987_654_321 },
		taxes: { amount: null, currency_id: null, id: null },
		cancel_detail: null,
	};
}

/** A shipment shaped like GET /shipments/{id} with x-format-new: true. */
export function mlShipment(id: number, status: string, substatus: string | null = null, tracking: string | null = null): Record<string, unknown> {
	return {
		id,
		external_reference: null,
		status,
		substatus,
		date_created: '2026-01-10T10:12:50.000-04:00',
		last_updated: '2026-01-10T11:00:00.000-04:00',
		declared_value: 87.9,
		tracking_number: tracking,
		tracking_method: tracking ? 'Correios' : null,
		logistic: { direction: 'forward', mode: 'me2', type: 'drop_off' },
		source: { site_id: 'MLB', market_place: 'MELI' },
		destination: {
			type: 'buyer',
			receiver_id: 123_456_789,
			receiver_name: 'Maria Silva',
			receiver_phone: '11999990000',
			shipping_address: {
				address_id: 1_234_567,
				address_line: 'Avenida Paulista 1000',
				street_name: 'Avenida Paulista',
				street_number: '1000',
				comment: 'Apto 12',
				zip_code: '01310100',
				city: { id: 'BR-SP-44', name: 'São Paulo' },
				state: { id: 'BR-SP', name: 'São Paulo' },
				country: { id: 'BR', name: 'Brasil' },
				neighborhood: { id: null, name: 'Bela Vista' },
			},
		},
		status_history: { date_shipped: status === 'shipped' || status === 'delivered' ? '2026-01-11T09:00:00.000-04:00' : null, date_delivered: null },
	};
}

/** An item as GET /items/{id} shows it, reduced to what stock write-back reads and changes. */
export interface MlItem {
	id: string;
	title?: string;
	/** active, paused, closed… (absent: active). */
	status?: string;
	available_quantity: number;
	attributes?: Array<{ id: string; value_name: string }>;
	variations: Array<{ id: number; available_quantity: number; attributes?: Array<{ id: string; value_name: string }>; user_product_id?: string }>;
	/** Multi-origin sellers' items carry it ("Stock multi origen"); their stock lives there. */
	user_product_id?: string;
}

export const mlError = (status: number, error: string, message: string) => json(status, { message, error, status, cause: [] });
const isQuantity = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const HOUR_MS = 3600_000;
const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

export class MercadoLivreSimulator extends HttpSimulator {
	readonly orders = new Map<number, Record<string, unknown>>();
	/** GET /users/{id} tags; `warehouse_management` makes the seller multi-origin (mercadolivre-stock.ts). */
	userTags = ['normal'];
	readonly shipments = new Map<number, Record<string, unknown>>();
	/** Runs before each search is answered: lets a test change orders between two pages. */
	beforeSearch?: (req: SimRequest, searchIndex: number) => void;
	private searches = 0;

	constructor(
		private readonly accessToken: string,
		readonly sellerId = 987_654_321,
	) {
		super();
		this.route('GET', '/orders/search', (req) => this.guard(req) ?? this.search(req));
		this.route('GET', '/shipments/:id', (req, p) => this.guard(req) ?? this.shipment(req, Number(p.id)));
		this.route('GET', '/users/me', (req) => this.guard(req) ?? json(200, { id: this.sellerId, nickname: 'VENDEDOR_TESTE', site_id: 'MLB' }));
		this.route('GET', '/users/:id', (req, p) => this.guard(req) ?? (p.id === String(this.sellerId) ? json(200, { id: this.sellerId, nickname: 'VENDEDOR_TESTE', site_id: 'MLB', tags: this.userTags }) : mlError(404, 'not_found', 'user not found')));
		// Write-back: items by seller SKU, stock, NF-e upload and ME1 shipping notifications.
		this.route('GET', '/users/:id/items/search', (req, p) => this.guard(req) ?? this.itemSearch(req, p.id));
		// Before /items/:id, which would take "bulk" for an item id.
		this.route('GET', '/items/bulk', (req) => this.guard(req) ?? itemsBulk(req, this.items));
		this.route('GET', '/items/:id', (req, p) => this.guard(req) ?? this.item(req, p.id));
		this.route('PUT', '/items/:id', (req, p) => this.guard(req) ?? this.updateItem(req, p.id));
		this.route('PUT', '/items/:id/variations/:vid', (req, p) => this.guard(req) ?? this.updateVariation(req, p.id, p.vid));
		this.route('GET', '/orders/:id', (req, p) => this.guard(req) ?? this.order(Number(p.id)));
		this.route('GET', '/packs/:id', (req, p) => this.guard(req) ?? this.pack(Number(p.id)));
		this.route('POST', '/shipments/:id/invoice_data', (req, p) => this.guard(req) ?? this.invoice(req, Number(p.id)));
		this.route('POST', '/shipments/:id/seller_notifications', (req, p) => this.guard(req) ?? this.notify(req, Number(p.id)));
		// Post-purchase: the order's claims and their returns.
		this.route('GET', '/post-purchase/v1/claims/search', (req) => this.guard(req) ?? this.claimSearch(req));
		this.route('GET', '/post-purchase/v1/claims/:id', (req, p) => {
			const claim = [...this.claims.values()].flat().find((c) => String(c.claim.id) === p.id)?.claim;
			return this.guard(req) ?? (claim ? json(200, claim) : mlError(404, 'not_found', 'claim not found'));
		});
		this.route('GET', '/post-purchase/v2/claims/:id/returns', (req, p) => {
			const ret = [...this.claims.values()].flat().find((c) => String(c.claim.id) === p.id)?.ret;
			return this.guard(req) ?? (ret ? json(200, ret) : mlError(404, 'not_found', 'return not found'));
		});
	}

	/** Claims per order id, each with its return (GET …/returns) when one was opened. */
	readonly claims = new Map<number, Array<{ claim: Record<string, unknown>; ret?: Record<string, unknown> }>>();

	/**
	 * A return claim on an order, shaped like the published claim and return examples: the return's `status`
	 * ("delivered" once in the seller's hands) and, unless `claimOnly`, its `orders[]` entry with the units.
	 */
	putReturnClaim(orderId: number, claimId: number, spec: { status: string; units: number; itemId?: string; quantityType?: 'total' | 'partial'; claimOnly?: boolean }): this {
		const claim = {
			id: claimId, resource_id: orderId, resource: 'order', type: 'mediations', stage: 'claim', status: 'opened', related_entities: ['return'],
			quantity_type: spec.quantityType ?? 'total', claimed_quantity: spec.units,
		};
		const ret = {
			id: claimId * 10, claim_id: claimId, resource_type: 'order', resource_id: orderId, status: spec.status, subtype: spec.quantityType === 'partial' ? 'return_partial' : 'return_total',
			shipments: [{ shipment_id: claimId * 100, status: spec.status === 'delivered' ? 'delivered' : 'shipped', type: 'return', destination: { name: 'seller_address' } }],
			...(spec.claimOnly ? {} : {
				orders: [{ order_id: orderId, item_id: spec.itemId ?? 'MLB1234567890', variation_id: null, context_type: spec.quantityType ?? 'total', total_quantity: '3.0', return_quantity: `${spec.units}.0` }],
			}),
		};
		const list = (this.claims.get(orderId) ?? []).filter((c) => c.claim.id !== claimId);
		this.claims.set(orderId, [...list, { claim, ret }]);
		return this;
	}

	private claimSearch(req: SimRequest): SimResponse {
		if (req.query.get('resource') !== 'order') return mlError(400, 'bad_request', 'resource is required');
		const data = (this.claims.get(Number(req.query.get('resource_id'))) ?? []).map((c) => c.claim);
		return json(200, { paging: { offset: 0, limit: 30, total: data.length }, data });
	}

	readonly items = new Map<string, MlItem>();
	/** Scans of the seller's items (search_type=scan), mercadolivre-catalog.ts. */
	readonly scans = new MlItemScans();
	/** NF-e uploads by shipment id: the raw XML as received. */
	readonly invoices = new Map<number, string>();

	putItem(...items: MlItem[]): this {
		for (const i of items) this.items.set(i.id, i);
		return this;
	}

	private itemSearch(req: SimRequest, userId: string): SimResponse {
		if (userId !== String(this.sellerId)) return mlError(403, 'forbidden', 'caller.id does not match user');
		if (req.query.get('search_type') === 'scan') return this.scans.page(req, userId, () => [...this.items.keys()]);
		const sku = req.query.get('seller_sku');
		const skuOf = (x: { attributes?: MlItem['attributes'] }) => x.attributes?.find((a) => a.id === 'SELLER_SKU')?.value_name;
		const results = [...this.items.values()]
			.filter((i) => sku === null || skuOf(i) === sku || i.variations.some((v) => skuOf(v) === sku))
			.map((i) => i.id);
		// offset/limit paging, 50 by default ("Paging results", developers.mercadolibre.com.ar/devsite/paging-results-global-selling).
		const offset = Number(req.query.get('offset') ?? 0);
		const limit = Number(req.query.get('limit') ?? 50);
		const page = results.slice(offset, offset + limit);
		return json(200, { seller_id: userId, query: null, paging: { limit, offset, total: results.length }, results: page, orders: [], available_orders: [] });
	}

	private item(req: SimRequest, id: string): SimResponse {
		const i = this.items.get(id);
		return i ? json(200, itemAsShown(i, req.query)) : mlError(404, 'not_found', `Item with id ${id} not found`);
	}

	/** As documented: a `variations` list replaces the item's variations, so the ones left out are deleted. */
	protected updateItem(req: SimRequest, id: string): SimResponse {
		const i = this.items.get(id);
		if (!i) return mlError(404, 'not_found', `Item with id ${id} not found`);
		const body = req.body as { available_quantity?: unknown; variations?: Array<{ id: number; available_quantity?: unknown }> };
		if (typeof body !== 'object' || body === null) return mlError(400, 'body.invalid', 'Invalid body');
		if (body.variations) {
			i.variations = i.variations.filter((v) => body.variations!.some((b) => b.id === v.id));
			for (const b of body.variations) {
				const v = i.variations.find((x) => x.id === b.id);
				if (v && b.available_quantity !== undefined) v.available_quantity = b.available_quantity as number;
			}
		} else if (body.available_quantity !== undefined) {
			if (!isQuantity(body.available_quantity)) return mlError(400, 'item.available_quantity.invalid', 'available_quantity must be a non-negative integer');
			if (i.variations.length > 0) return mlError(400, 'item.available_quantity.invalid', 'Items with variations take the quantity per variation');
			i.available_quantity = body.available_quantity;
		}
		return json(200, i);
	}

	private updateVariation(req: SimRequest, id: string, vid: string): SimResponse {
		const v = this.items.get(id)?.variations.find((x) => String(x.id) === vid);
		if (!v) return mlError(404, 'not_found', `Variation ${vid} of item ${id} not found`);
		const q = (req.body as { available_quantity?: unknown } | undefined)?.available_quantity;
		if (!isQuantity(q)) return mlError(400, 'item.available_quantity.invalid', 'available_quantity must be a non-negative integer');
		v.available_quantity = q;
		return json(200, v);
	}

	/** GET /packs/{id} as "Packs management" shows it: the pack's orders and its one shipment. */
	private pack(id: number): SimResponse {
		const orders = [...this.orders.values()].filter((o) => o.pack_id === id);
		if (orders.length === 0) return mlError(404, 'not_found', 'Resource not found');
		const shipment = (orders.map((o) => (o.shipping as { id?: number | null } | undefined)?.id).find((x) => typeof x === 'number')) ?? null;
		return json(200, { id, status: 'released', status_detail: null, family_pack_id: null, shipment: shipment === null ? null : { id: shipment }, orders: orders.map((o) => ({ id: o.id })) });
	}

	private order(id: number): SimResponse {
		const o = this.orders.get(id);
		return o ? json(200, o) : mlError(404, 'not_found', `Order ${id} not found`);
	}

	/** NF-e upload: application/xml nfeProc, siteId=MLB, shipment waiting for its invoice, one per shipment. */
	private invoice(req: SimRequest, id: number): SimResponse {
		const s = this.shipments.get(id);
		if (!s) return mlError(404, 'not_found', `Shipment ${id} not found`);
		if (req.query.get('siteId') !== 'MLB') return mlError(400, 'invalid_site', 'siteId is required');
		if (!/application\/xml/.test(req.headers['content-type'] ?? '') || !/<nfeProc[\s>]/.test(req.rawBody)) {
			return mlError(400, 'invalid_invoice', 'The body must be the authorised nfeProc XML');
		}
		if (this.invoices.has(id)) return mlError(400, 'shipment_invoice_already_saved', 'Shipment already has an invoice');
		if (s.status !== 'ready_to_ship' || s.substatus !== 'invoice_pending') return mlError(400, 'invalid_shipment_status', `Shipment is ${String(s.status)}`);
		this.invoices.set(id, req.rawBody);
		s.substatus = 'ready_to_print';
		const key = /<chNFe>(\d{44})<\/chNFe>/.exec(req.rawBody)?.[1] ?? null;
		return json(200, { id: 1_000 + id % 1_000, shipment_id: id, fiscal_key: key, status: 'authorized' });
	}

	/** ME1 only: the seller reports tracking and status. */
	private notify(req: SimRequest, id: number): SimResponse {
		const s = this.shipments.get(id);
		if (!s) return mlError(404, 'not_found', `Shipment ${id} not found`);
		if ((s.logistic as { mode?: string } | undefined)?.mode !== 'me1') return mlError(400, 'invalid_mode', 'Notifications are for ME1 shipments');
		const b = req.body as { tracking_number?: unknown; status?: unknown } | undefined;
		if (typeof b?.tracking_number !== 'string' || !['shipped', 'delivered', 'not_delivered'].includes(String(b.status))) {
			return mlError(400, 'bad_request', 'tracking_number and status are required');
		}
		Object.assign(s, { status: b.status, substatus: null, tracking_number: b.tracking_number });
		return json(200, { id, status: b.status });
	}

	put(...orders: Array<Record<string, unknown>>): this {
		for (const o of orders) this.orders.set(o.id as number, o);
		return this;
	}

	protected guard(req: SimRequest): SimResponse | undefined {
		if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
			return json(401, { message: 'invalid access token', error: 'invalid_token', status: 401, cause: [] });
		}
		return undefined;
	}

	private search(req: SimRequest): SimResponse {
		this.beforeSearch?.(req, this.searches++);
		const q = req.query;
		if (q.get('seller') !== String(this.sellerId)) {
			return json(403, { message: 'caller.id does not match seller', error: 'forbidden', status: 403, cause: [] });
		}
		const limit = Number(q.get('limit') ?? 50);
		const offset = Number(q.get('offset') ?? 0);
		if (!Number.isInteger(limit) || limit < 1 || limit > 50 || !Number.isInteger(offset) || offset < 0) {
			return json(400, { message: 'invalid paging', error: 'bad_request', status: 400, cause: [] });
		}
		// The documented precision: minutes, seconds and milliseconds of both bounds are discarded.
		const from = q.get('order.date_last_updated.from');
		const to = q.get('order.date_last_updated.to');
		const fromMs = from ? floorHour(Date.parse(from)) : -Infinity;
		const toMs = to ? floorHour(Date.parse(to)) : Infinity;
		const desc = q.get('sort') === 'date_desc';
		const matching = [...this.orders.values()]
			.filter((o) => {
				const at = Date.parse(o.last_updated as string);
				return at >= fromMs && at <= toMs;
			})
			.sort((a, b) => (Date.parse(a.date_created as string) - Date.parse(b.date_created as string) || (a.id as number) - (b.id as number)) * (desc ? -1 : 1));
		return json(200, {
			query: '',
			results: matching.slice(offset, offset + limit),
			sort: { id: desc ? 'date_desc' : 'date_asc', name: desc ? 'Date descending' : 'Date ascending' },
			available_sorts: [{ id: desc ? 'date_asc' : 'date_desc', name: desc ? 'Date ascending' : 'Date descending' }],
			filters: [],
			paging: { total: matching.length, offset, limit },
			display: 'date',
		});
	}

	private shipment(req: SimRequest, id: number): SimResponse {
		const s = this.shipments.get(id);
		if (!s) return json(404, { message: `Shipment ${id} not found`, error: 'not_found', status: 404, cause: [] });
		if (req.headers['x-format-new'] === 'true') return json(200, s);
		// The older format: the address under receiver_address.
		const { destination, ...rest } = s as { destination: { receiver_name: string; shipping_address: object } };
		return json(200, { ...rest, receiver_address: { ...destination.shipping_address, receiver_name: destination.receiver_name } });
	}
}
