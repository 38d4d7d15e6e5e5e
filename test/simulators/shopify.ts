import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { json } from './sim-paging';
import { ShopifyClientApp } from './shopify-auth';

/**
 * Shopify Admin GraphQL, the parts the OMS uses, as documented on shopify.dev: POST
 * /admin/api/{version}/graphql.json with X-Shopify-Access-Token (401 and the documented errors string
 * without it), orders(first ≤ 250, after, query: "updated_at:>='…' AND updated_at:<'…'", sortKey:
 * UPDATED_AT, reverse) with opaque cursors and pageInfo, order(id:) with paged lineItems, extensions.cost on
 * every answer, and throttling as HTTP 200 with errors[].extensions.code = "THROTTLED".
 * It is not a GraphQL engine: it recognises the operations by name and answers with the fields they ask.
 */

export interface ShopifyLineSpec {
	sku: string | null;
	/** Units ordered (removed and refunded ones included). */
	quantity: number;
	/** Units still on the order; defaults to quantity. */
	current?: number;
	price: string;
	title?: string;
}

export interface ShopifyOrderSpec {
	id: number;
	/** UTC ISO, whole seconds as Shopify stores them. */
	updatedAt: string;
	createdAt?: string;
	financial?: string | null;
	fulfillment?: string;
	cancelledAt?: string | null;
	lines?: ShopifyLineSpec[];
	shipping?: string;
	discounts?: string;
	total?: string;
	/** status: the Fulfillment.status (SUCCESS when absent); displayStatus: IN_TRANSIT, DELIVERED... */
	fulfillments?: Array<{ displayStatus: string; tracking?: string; status?: string }>;
}

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'BRL' } });

/** An Order node shaped like the Admin GraphQL documentation's examples (Bob Norman, IPod Nano). */
export function shopifyOrder(spec: ShopifyOrderSpec): Record<string, unknown> {
	const lines = spec.lines ?? [{ sku: 'IPOD2008PINK', quantity: 1, price: '199.00', title: 'IPod Nano - 8gb' }];
	return {
		id: `gid://shopify/Order/${spec.id}`,
		legacyResourceId: String(spec.id),
		name: `#${1000 + (spec.id % 1000)}`,
		createdAt: spec.createdAt ?? spec.updatedAt,
		updatedAt: spec.updatedAt,
		cancelledAt: spec.cancelledAt ?? null,
		displayFinancialStatus: spec.financial === undefined ? 'PAID' : spec.financial,
		displayFulfillmentStatus: spec.fulfillment ?? 'UNFULFILLED',
		currencyCode: 'BRL',
		email: 'bob.norman@mail.example.com',
		totalPriceSet: money(spec.total ?? '209.00'),
		totalShippingPriceSet: money(spec.shipping ?? '10.00'),
		totalDiscountsSet: money(spec.discounts ?? '0.00'),
		customer: { displayName: 'Bob Norman', email: 'bob.norman@mail.example.com', phone: '+5511999990000' },
		shippingAddress: {
			name: 'Bob Norman',
			address1: 'Rua Augusta, 500',
			address2: 'Sala 3',
			city: 'São Paulo',
			provinceCode: 'SP',
			zip: '01305-000',
			countryCodeV2: 'BR',
			phone: '+5511999990000',
		},
		fulfillments: (spec.fulfillments ?? []).map((f) => ({
			status: f.status ?? 'SUCCESS',
			displayStatus: f.displayStatus,
			createdAt: spec.updatedAt,
			trackingInfo: f.tracking ? [{ company: 'Correios', number: f.tracking, url: `https://rastreamento.correios.com.br/?objetos=${f.tracking}` }] : [],
		})),
		lineItems: {
			nodes: lines.map((l, i) => ({
				id: `gid://shopify/LineItem/${spec.id * 100 + i}`,
				sku: l.sku,
				title: l.title ?? `Product ${i + 1}`,
				quantity: l.quantity,
				currentQuantity: l.current ?? l.quantity,
				originalUnitPriceSet: money(l.price),
				variant: { id: `gid://shopify/ProductVariant/${4_000_000 + i}`, legacyResourceId: String(4_000_000 + i) },
				product: { id: `gid://shopify/Product/${7_000_000 + i}`, legacyResourceId: String(7_000_000 + i) },
			})),
		},
	};
}

const REST_FINANCIAL: Record<string, string> = { PENDING: 'pending', AUTHORIZED: 'authorized', PARTIALLY_PAID: 'partially_paid', PAID: 'paid', PARTIALLY_REFUNDED: 'partially_refunded', REFUNDED: 'refunded', VOIDED: 'voided' };
const REST_FULFILLMENT: Record<string, string | null> = { UNFULFILLED: null, PARTIALLY_FULFILLED: 'partial', FULFILLED: 'fulfilled', RESTOCKED: 'restocked' };
const restMoney = (amount: string) => ({ shop_money: { amount, currency_code: 'BRL' }, presentment_money: { amount, currency_code: 'BRL' } });

/**
 * The same order as shopifyOrder, in the REST Order resource shape that orders/* webhooks deliver
 * (snake_case, numeric ids next to admin_graphql_api_id, decimal strings). Only the statuses REST can
 * express: financial_status as REST spells it, fulfillment_status null / partial / fulfilled / restocked.
 */
export function shopifyRestOrder(spec: ShopifyOrderSpec): Record<string, unknown> {
	const g = shopifyOrder(spec) as { lineItems: { nodes: Array<Record<string, unknown>> } } & Record<string, unknown>;
	const financial = spec.financial === undefined ? 'PAID' : spec.financial;
	const fulfillment = spec.fulfillment ?? 'UNFULFILLED';
	if (financial !== null && !(financial in REST_FINANCIAL)) throw new Error(`REST has no financial_status for ${financial}`);
	if (!(fulfillment in REST_FULFILLMENT)) throw new Error(`REST has no fulfillment_status for ${fulfillment}`);
	const address = g.shippingAddress as Record<string, string>;
	const lines = spec.lines ?? [{ sku: 'IPOD2008PINK', quantity: 1, price: '199.00', title: 'IPod Nano - 8gb' }];
	return {
		id: spec.id,
		admin_graphql_api_id: g.id,
		name: g.name,
		created_at: g.createdAt,
		updated_at: g.updatedAt,
		cancelled_at: g.cancelledAt,
		financial_status: financial === null ? null : REST_FINANCIAL[financial],
		fulfillment_status: REST_FULFILLMENT[fulfillment],
		currency: 'BRL',
		presentment_currency: 'BRL',
		email: g.email,
		total_price: spec.total ?? '209.00',
		total_price_set: restMoney(spec.total ?? '209.00'),
		total_discounts: spec.discounts ?? '0.00',
		total_shipping_price_set: restMoney(spec.shipping ?? '10.00'),
		shipping_lines: [{ id: 1, title: 'Sedex', price: spec.shipping ?? '10.00', is_removed: false }],
		discount_codes: [],
		customer: { id: 207119551, email: 'bob.norman@mail.example.com', first_name: 'Bob', last_name: 'Norman', phone: '+5511999990000' },
		shipping_address: {
			first_name: 'Bob',
			last_name: 'Norman',
			name: address.name,
			address1: address.address1,
			address2: address.address2,
			city: address.city,
			province: 'São Paulo',
			province_code: address.provinceCode,
			zip: address.zip,
			country: 'Brazil',
			country_code: address.countryCodeV2,
			phone: address.phone,
		},
		fulfillments: (spec.fulfillments ?? []).map((f, i) => ({
			id: 255858046 + i,
			status: (f.status ?? 'SUCCESS').toLowerCase(),
			shipment_status: f.displayStatus.toLowerCase(),
			created_at: spec.updatedAt,
			tracking_company: f.tracking ? 'Correios' : null,
			tracking_numbers: f.tracking ? [f.tracking] : [],
			tracking_urls: f.tracking ? [`https://rastreamento.correios.com.br/?objetos=${f.tracking}`] : [],
		})),
		line_items: lines.map((l, i) => ({
			id: spec.id * 100 + i,
			admin_graphql_api_id: g.lineItems.nodes[i].id,
			sku: l.sku,
			title: l.title ?? `Product ${i + 1}`,
			name: l.title ?? `Product ${i + 1}`,
			quantity: l.quantity,
			current_quantity: l.current ?? l.quantity,
			price: l.price,
			price_set: restMoney(l.price),
			product_id: 7_000_000 + i,
			variant_id: 4_000_000 + i,
		})),
		refunds: [],
	};
}

const INVENTORY_REASONS = ['correction', 'cycle_count_available', 'damaged', 'movement_created', 'movement_updated', 'movement_received', 'movement_canceled', 'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated', 'restock', 'safety_stock', 'shrinkage'];

interface FulfillmentInput {
	lineItemsByFulfillmentOrder?: Array<{ fulfillmentOrderId: string }>;
	trackingInfo?: { company?: string; number?: string; url?: string };
	notifyCustomer?: boolean;
}

const COST = { requestedQueryCost: 52, actualQueryCost: 12, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 } };
const encodeCursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
const decodeCursor = <T>(c: string) => JSON.parse(Buffer.from(c, 'base64').toString('utf8')) as T;

export class ShopifySimulator extends HttpSimulator {
	readonly orders = new Map<string, Record<string, unknown>>();
	private throttles = 0;

	/** Set by withClientApp: tokens from the client credentials grant are accepted beside the static one. */
	clientApp?: ShopifyClientApp;

	constructor(private readonly accessToken: string) {
		super();
		this.route('POST', '/admin/api/:version/graphql.json', (req, p) => this.graphql(req, p.version));
		this.route('POST', '/admin/oauth/access_token', (req) => this.clientApp?.token(req) ?? json(404, { errors: 'Not Found' }));
	}

	/** A Dev Dashboard app installed in this store: answers the client credentials grant (shopify-auth.ts). */
	withClientApp(clientId: string, clientSecret: string, ttlSeconds?: number): this {
		this.clientApp = new ShopifyClientApp(clientId, clientSecret, ttlSeconds);
		return this;
	}

	/* Write-back state: variants by SKU, inventory levels, fulfillment orders, metafields. */
	readonly variants = new Map<string, { id: string; sku: string; productId: string; inventoryItemId: string; barcode?: string }>();
	readonly locations = ['gid://shopify/Location/1', 'gid://shopify/Location/2'];
	/** Names and active flags by location (the picker's list); the second is switched off. */
	readonly locationInfo = new Map<string, { name: string; isActive: boolean }>([
		['gid://shopify/Location/1', { name: 'Loja Centro', isActive: true }],
		['gid://shopify/Location/2', { name: 'CD Guarulhos', isActive: false }],
	]);
	/** Locations per page of OmsLocations (Shopify's is up to 250; small here so paging is exercised). */
	locationPageSize = 250;
	/** Available quantity by "inventoryItemId|locationId"; an absent key means "not stocked there". */
	readonly levels = new Map<string, number>();
	readonly fulfillmentOrders = new Map<string, Array<{ id: string; status: string }>>();
	readonly metafields = new Map<string, Record<string, { type: string; value: string }>>();
	/** Idempotency keys already applied, with the answer they got (a replay returns it unchanged). */
	readonly idempotency = new Map<string, unknown>();
	/** More operations (webhook subscriptions: webhook-registrations.ts); undefined = unsupported. */
	extraGraphql?: (query: string, variables: Record<string, unknown>) => unknown;

	/** A variant stocked at the first location with `available`. */
	putVariant(n: number, sku: string, available: number): this {
		const v = { id: `gid://shopify/ProductVariant/${n}`, sku, productId: `gid://shopify/Product/${n - (n % 10)}`, inventoryItemId: `gid://shopify/InventoryItem/${n}` };
		this.variants.set(v.id, v);
		this.levels.set(`${v.inventoryItemId}|${this.locations[0]}`, available);
		return this;
	}

	available(sku: string, location = this.locations[0]): number | undefined {
		const v = [...this.variants.values()].find((x) => x.sku === sku);
		return v && this.levels.get(`${v.inventoryItemId}|${location}`);
	}

	private write(query: string, v: Record<string, unknown>, version: string): unknown {
		if (/query OmsVariantsBySku/.test(query)) {
			const terms = (field: string) => [...String(v.query).matchAll(new RegExp(`${field}:"((?:[^"\\\\]|\\\\.)*)"`, 'g'))].map((m) => JSON.parse(`"${m[1]}"`) as string);
			const [skus, barcodes] = [terms('sku'), terms('barcode')];
			const nodes = [...this.variants.values()].filter((x) => skus.includes(x.sku) || (x.barcode !== undefined && barcodes.includes(x.barcode))).slice(0, Number(v.first));
			return { productVariants: { nodes: nodes.map((x) => ({ id: x.id, sku: x.sku, barcode: x.barcode ?? null, product: { id: x.productId }, inventoryItem: { id: x.inventoryItemId } })) } };
		}
		if (/query OmsPrimaryLocation/.test(query)) return { locations: { nodes: this.locations.slice(0, 1).map((id) => ({ id })) } };
		if (/query OmsLocations/.test(query)) return this.locationPage(v.after);
		if (/mutation OmsSetStock/.test(query)) return this.setStock(query, v, version);
		if (/query OmsFulfillmentOrders/.test(query)) {
			return { order: this.orders.has(String(v.id)) ? { fulfillmentOrders: { nodes: this.fulfillmentOrders.get(String(v.id)) ?? [] } } : null };
		}
		if (/mutation OmsFulfill/.test(query)) return this.fulfill(v.fulfillment as FulfillmentInput);
		if (/mutation OmsCancel/.test(query)) return this.cancel(query, v, version);
		if (/mutation OmsSetInvoice/.test(query)) return this.setMetafields(v.metafields as Array<Record<string, string>>);
		return this.extraGraphql?.(query, v);
	}

	/** One page of locations; the cursor is the index of the next one. */
	private locationPage(after: unknown): unknown {
		const start = after === null || after === undefined ? 0 : Number(after);
		const ids = this.locations.slice(start, start + this.locationPageSize);
		const next = start + ids.length;
		return {
			locations: {
				nodes: ids.map((id) => ({ id, ...(this.locationInfo.get(id) ?? { name: null, isActive: true }) })),
				pageInfo: { hasNextPage: next < this.locations.length, endCursor: ids.length ? String(next) : null },
			},
		};
	}

	/** inventorySetQuantities: all-or-nothing; version rules on compare-and-set and the idempotency key. */
	private setStock(query: string, v: Record<string, unknown>, version: string): unknown {
		const from2026_04 = version >= '2026-04';
		if (from2026_04 && !/@idempotent\(key:/.test(query)) return new Error('The @idempotent directive is required for this mutation');
		const key = typeof v.key === 'string' && /@idempotent/.test(query) ? v.key : undefined;
		if (key && this.idempotency.has(key)) return this.idempotency.get(key);
		const input = v.input as { name?: string; reason?: string; ignoreCompareQuantity?: boolean; quantities?: Array<Record<string, unknown>> };
		const errors: Array<{ field: string[]; message: string; code: string }> = [];
		if (input.name !== 'available' && input.name !== 'on_hand') errors.push({ field: ['input', 'name'], message: 'The quantity name must be available or on_hand.', code: 'INVALID_NAME' });
		if (!INVENTORY_REASONS.includes(String(input.reason))) errors.push({ field: ['input', 'reason'], message: 'The specified reason is invalid.', code: 'INVALID_REASON' });
		const quantities = input.quantities ?? [];
		quantities.forEach((q, i) => {
			const at = (f: string, message: string, code: string) => errors.push({ field: ['input', 'quantities', String(i), f], message, code });
			const item = String(q.inventoryItemId);
			if (from2026_04 && !('changeFromQuantity' in q)) at('changeFromQuantity', 'changeFromQuantity is required; pass null to skip the check.', 'CHANGE_FROM_QUANTITY_REQUIRED');
			if (!from2026_04 && !input.ignoreCompareQuantity && q.compareQuantity === undefined) at('compareQuantity', 'compareQuantity is required.', 'COMPARE_QUANTITY_REQUIRED');
			if (!Number.isInteger(q.quantity)) at('quantity', 'The quantity must be an integer.', 'INVALID_QUANTITY');
			if (![...this.variants.values()].some((x) => x.inventoryItemId === item)) at('inventoryItemId', 'The specified inventory item could not be found.', 'INVALID_INVENTORY_ITEM');
			else if (!this.locations.includes(String(q.locationId))) at('locationId', 'The specified location could not be found.', 'INVALID_LOCATION');
			else if (!this.levels.has(`${item}|${String(q.locationId)}`)) at('locationId', 'The item is not stocked at the location.', 'ITEM_NOT_STOCKED_AT_LOCATION');
		});
		if (errors.length === 0) for (const q of quantities) this.levels.set(`${String(q.inventoryItemId)}|${String(q.locationId)}`, q.quantity as number);
		const answer = { inventorySetQuantities: { inventoryAdjustmentGroup: errors.length ? null : { id: 'gid://shopify/InventoryAdjustmentGroup/1' }, userErrors: errors } };
		if (key) this.idempotency.set(key, answer);
		return answer;
	}

	private fulfill(input: FulfillmentInput): unknown {
		const ids = (input?.lineItemsByFulfillmentOrder ?? []).map((l) => l.fulfillmentOrderId);
		const owner = [...this.fulfillmentOrders].find(([, list]) => list.some((f) => ids.includes(f.id)));
		const userErrors = ids.length === 0 || !owner ? [{ field: ['fulfillment'], message: 'Fulfillment order does not exist.' }] : [];
		const closed = owner?.[1].filter((f) => ids.includes(f.id) && f.status === 'CLOSED') ?? [];
		if (closed.length) userErrors.push({ field: ['fulfillment'], message: 'Fulfillment order is already closed.' });
		if (userErrors.length || !owner) return { fulfillmentCreate: { fulfillment: null, userErrors } };
		for (const f of owner[1]) if (ids.includes(f.id)) f.status = 'CLOSED';
		const order = this.orders.get(owner[0])!;
		const t = input.trackingInfo ?? {};
		(order.fulfillments as unknown[]).push({ displayStatus: 'FULFILLED', createdAt: order.updatedAt, trackingInfo: [{ company: t.company ?? null, number: t.number ?? null, url: t.url ?? null }] });
		order.displayFulfillmentStatus = owner[1].every((f) => f.status === 'CLOSED') ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
		return { fulfillmentCreate: { fulfillment: { id: 'gid://shopify/Fulfillment/1', status: 'SUCCESS' }, userErrors: [] } };
	}

	/**
	 * orderCancel's arguments by version: `refund: Boolean!` until 2025-04; from 2025-07 `refundMethod`
	 * (OrderCancelRefundMethodInput) replaces it. [?] Shopify marked `refund` deprecated in 2025-07 and the
	 * stored references do not show whether a later version (2026-01, the credential's default) still takes
	 * it: the simulator refuses it from 2025-07, holding the writer to the documented argument, as GraphQL
	 * refuses an argument a field does not have (HTTP 200 with `errors`, nothing done).
	 */
	private cancel(query: string, v: Record<string, unknown>, version: string): unknown {
		const args = /orderCancel\(([^)]*)\)/.exec(query)?.[1] ?? '';
		const has = (name: string) => new RegExp(`\\b${name}\\s*:`).test(args);
		const [current, other] = version >= '2025-07' ? ['refundMethod', 'refund'] : ['refund', 'refundMethod'];
		if (has(other)) return new Error(`Field 'orderCancel' doesn't accept argument '${other}'`);
		// [?] Whether refundMethod is non-null is not in the stored references either (2026-07's example declares it so).
		for (const required of ['orderId', 'reason', current, 'restock']) {
			if (!has(required)) return new Error(`Field 'orderCancel' is missing required arguments: ${required}`);
		}
		const order = this.orders.get(String(v.orderId));
		const errors = [];
		if (!order) errors.push({ field: ['orderId'], message: 'Order does not exist', code: 'NOT_FOUND' });
		else if (order.cancelledAt) errors.push({ field: ['orderId'], message: 'Order has already been cancelled', code: 'INVALID' });
		if (!['CUSTOMER', 'DECLINED', 'FRAUD', 'INVENTORY', 'OTHER', 'STAFF'].includes(String(v.reason))) errors.push({ field: ['reason'], message: 'Invalid reason', code: 'INVALID' });
		if (errors.length === 0) Object.assign(order!, { cancelledAt: '2026-03-10T15:00:00Z', cancelReason: v.reason, staffNote: v.staffNote ?? null });
		return { orderCancel: { job: errors.length ? null : { id: 'gid://shopify/Job/1' }, orderCancelUserErrors: errors } };
	}

	private setMetafields(list: Array<Record<string, string>>): unknown {
		const userErrors = (list ?? []).flatMap((m, i) =>
			['ownerId', 'namespace', 'key', 'type', 'value'].filter((k) => !m[k]).map((k) => ({ field: ['metafields', String(i), k], message: `${k} is required`, code: 'BLANK' })),
		);
		if (userErrors.length === 0) {
			for (const m of list) this.metafields.set(m.ownerId, { ...this.metafields.get(m.ownerId), [`${m.namespace}.${m.key}`]: { type: m.type, value: m.value } });
		}
		return { metafieldsSet: { metafields: userErrors.length ? null : list.map((m) => ({ key: m.key })), userErrors } };
	}

	put(...orders: Array<Record<string, unknown>>): this {
		for (const o of orders) this.orders.set(o.id as string, o);
		return this;
	}

	/** The next `count` GraphQL calls are answered THROTTLED (HTTP 200), as a drained bucket is. */
	throttle(count = 1): this {
		this.throttles += count;
		return this;
	}

	private graphql(req: SimRequest, version: string): SimResponse {
		const token = req.headers['x-shopify-access-token'] as string | undefined;
		if (token !== this.accessToken && !this.clientApp?.valid(token)) {
			return json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
		}
		if (this.throttles > 0) {
			this.throttles--;
			return json(200, {
				errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
				extensions: { cost: { requestedQueryCost: 300, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 200, restoreRate: 100 } } },
			});
		}
		const { query = '', variables = {} } = req.body as { query?: string; variables?: Record<string, unknown> };
		let data: unknown;
		if (/query OmsChangedOrders/.test(query)) data = this.listOrders(variables);
		else if (/query OmsOrderLines/.test(query)) data = { order: this.orderLines(String(variables.id), variables.after as string | null) };
		else if (/query OmsOrder\b/.test(query)) data = { order: this.order(String(variables.id)) };
		else if (/shop\s*{\s*name/.test(query)) data = { shop: { name: 'Bob Norman Hardware' } };
		else data = this.write(query, variables, version);
		if (data === undefined) return json(200, { errors: [{ message: 'Unsupported operation in the simulator' }] });
		if (data instanceof Error) return json(200, { errors: [{ message: data.message, extensions: { code: 'BAD_REQUEST' } }] });
		return json(200, { data, extensions: { cost: COST } });
	}

	private listOrders(v: Record<string, unknown>): unknown {
		const first = Number(v.first);
		if (!Number.isInteger(first) || first < 1 || first > 250) return new Error('The first argument must be between 1 and 250');
		const q = String(v.query ?? '');
		const bound = (op: string) => new RegExp(`updated_at:${op}'([^']+)'`).exec(q)?.[1];
		const ge = bound('>='), gt = bound('>'), lt = bound('<'), le = bound('<=');
		const key = (o: Record<string, unknown>): [number, number] => [Date.parse(o.updatedAt as string), Number(o.legacyResourceId)];
		const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
		const sign = v.reverse ? -1 : 1;
		let all = [...this.orders.values()].filter((o) => {
			const at = Date.parse(o.updatedAt as string);
			return (!ge || at >= Date.parse(ge)) && (!gt || at > Date.parse(gt)) && (!lt || at < Date.parse(lt)) && (!le || at <= Date.parse(le));
		});
		all = all.sort((a, b) => cmp(key(a), key(b)) * sign);
		// Seek paging: the cursor is the sort key of the last node, so updates between pages never skip anyone.
		if (typeof v.after === 'string') {
			const after = decodeCursor<[number, number]>(v.after);
			all = all.filter((o) => cmp(key(o), after) * sign > 0);
		}
		const page = all.slice(0, first);
		const nodes = page.map((o) => ({ id: o.id, legacyResourceId: o.legacyResourceId, updatedAt: o.updatedAt }));
		const last = page[page.length - 1];
		return { orders: { nodes, pageInfo: { hasNextPage: all.length > first, endCursor: last ? encodeCursor(key(last)) : null } } };
	}

	private order(id: string): unknown {
		const o = this.orders.get(id);
		if (!o) return null;
		const lines = (o.lineItems as { nodes: unknown[] }).nodes;
		return { ...o, lineItems: this.linePage(lines, 0) };
	}

	private orderLines(id: string, after: string | null): unknown {
		const o = this.orders.get(id);
		if (!o) return null;
		return { lineItems: this.linePage((o.lineItems as { nodes: unknown[] }).nodes, after ? decodeCursor<number>(after) : 0) };
	}

	private linePage(lines: unknown[], start: number) {
		const nodes = lines.slice(start, start + 100);
		const end = start + nodes.length;
		return { nodes, pageInfo: { hasNextPage: end < lines.length, endCursor: nodes.length ? encodeCursor(end) : null } };
	}
}
