import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Amazon SP-API Orders v0 and Login with Amazon, as documented in amzn/selling-partner-api-models
 * (models/orders-api-model/ordersV0.json, its x-amzn-api-sandbox examples, and the LWA client in
 * clients/sellingpartner-api-aa-javascript):
 * - POST /auth/o2/token, form-encoded refresh_token grant → {access_token, token_type, expires_in};
 * - every API call needs `x-amz-access-token`; missing, unknown or expired → 403 (SP-API's status for it);
 * - getOrders: MarketplaceIds and LastUpdatedAfter required, LastUpdatedBefore >= LastUpdatedAfter and at
 *   least 2 minutes before now (else 400), MaxResultsPerPage 1–100, NextToken paging;
 * - getOrderItems: NextToken paging; Pending orders come without pricing, as the operation's note says.
 * Errors use the spec's ErrorList: {errors: [{code, message, details?}]}.
 *
 * Write side: getOrder; confirmShipment (204; a wrong marketplace, unknown item or quantity above the
 * unshipped one is the sandbox example's 400 "Invalid Input"; shipped quantities and OrderStatus follow);
 * Listings Items 2021-08-01 patchListingsItem (listingsItems_2021-08-01.json): marketplaceIds required,
 * {productType, patches[{op, path, value}]} → 200 {sku, status ACCEPTED|INVALID, submissionId, issues}.
 * [?] How Amazon answers a patch of a SKU the seller does not list is not in the model: INVALID here.
 */

export type AmazonRaw = Record<string, unknown>;

export interface AmazonItemSpec {
	sku: string;
	quantity: number;
	/** Unit price × quantity, as Amazon sends ItemPrice ("25.99"). */
	itemPrice: string;
	itemTax?: string;
	shippingPrice?: string;
	promotionDiscount?: string;
	asin?: string;
	title?: string;
}

export interface AmazonOrderSpec {
	id: string;
	lastUpdate: string;
	status?: string;
	purchaseDate?: string;
	marketplaceId?: string;
	currency?: string;
	/** Defaults to the sum of item prices, taxes and shipping minus discounts. */
	orderTotal?: string;
	fulfillmentChannel?: 'MFN' | 'AFN';
	items?: AmazonItemSpec[];
	extra?: AmazonRaw;
}

const BR = 'A2Q3Y263D00KWC';
const money = (CurrencyCode: string, Amount: string) => ({ CurrencyCode, Amount });
const cents = (s: string | undefined) => Math.round(Number(s ?? '0') * 100);

/** An order shaped like the getOrders sandbox example (fields kept, values Brazilian). */
export function amazonOrder(spec: AmazonOrderSpec): { order: AmazonRaw; items: AmazonRaw[] } {
	const currency = spec.currency ?? 'BRL';
	const itemSpecs = spec.items ?? [{ sku: 'SKU-1', quantity: 1, itemPrice: '10.00', itemTax: '1.01' }];
	const total = itemSpecs.reduce((sum, i) => sum + cents(i.itemPrice) + cents(i.itemTax) + cents(i.shippingPrice) - cents(i.promotionDiscount), 0);
	const order: AmazonRaw = {
		AmazonOrderId: spec.id,
		PurchaseDate: spec.purchaseDate ?? spec.lastUpdate,
		LastUpdateDate: spec.lastUpdate,
		OrderStatus: spec.status ?? 'Unshipped',
		FulfillmentChannel: spec.fulfillmentChannel ?? 'MFN',
		SalesChannel: 'Amazon.com.br',
		ShipServiceLevel: 'Std BR D2D Dom',
		OrderTotal: money(currency, spec.orderTotal ?? (total / 100).toFixed(2)),
		NumberOfItemsShipped: 0,
		NumberOfItemsUnshipped: itemSpecs.reduce((n, i) => n + i.quantity, 0),
		PaymentMethod: 'Other',
		PaymentMethodDetails: ['Standard'],
		IsReplacementOrder: false,
		MarketplaceId: spec.marketplaceId ?? BR,
		ShipmentServiceLevelCategory: 'Standard',
		OrderType: 'StandardOrder',
		EarliestShipDate: spec.lastUpdate,
		LatestShipDate: spec.lastUpdate,
		IsBusinessOrder: false,
		IsPrime: false,
		IsPremiumOrder: false,
		IsGlobalExpressEnabled: false,
		IsSoldByAB: false,
		IsIBA: false,
		IsISPU: false,
		IsAccessPointOrder: false,
		ShippingAddress: { City: 'SAO PAULO', StateOrRegion: 'SP', PostalCode: '01310-100', CountryCode: 'BR' },
		BuyerInfo: { BuyerEmail: 'comprador@marketplace.amazon.com.br' },
		AutomatedShippingSettings: { HasAutomatedShippingSettings: false },
		ElectronicInvoiceStatus: 'NotRequired',
		...spec.extra,
	};
	const items = itemSpecs.map((i, n) => ({
		ASIN: i.asin ?? `B00551Q3C${n}`,
		OrderItemId: `0501585115415${n}`,
		SellerSKU: i.sku,
		Title: i.title ?? `${i.sku} [Card Book]`,
		QuantityOrdered: i.quantity,
		QuantityShipped: 0,
		ProductInfo: { NumberOfItems: '1' },
		ItemPrice: money(currency, i.itemPrice),
		ItemTax: money(currency, i.itemTax ?? '0.00'),
		...(i.shippingPrice ? { ShippingPrice: money(currency, i.shippingPrice) } : {}),
		PromotionDiscount: money(currency, i.promotionDiscount ?? '0.00'),
		IsGift: 'false',
		ConditionId: 'New',
		ConditionSubtypeId: 'New',
		IsTransparency: false,
		SerialNumberRequired: false,
	}));
	return { order, items };
}

/** What getOrderItems leaves out while an order is Pending (ordersV0.json, getOrderItems note). */
const PRICING = ['ItemPrice', 'ItemTax', 'ShippingPrice', 'ShippingTax', 'ShippingDiscount', 'ShippingDiscountTax', 'PromotionDiscount', 'PromotionDiscountTax', 'IsGift'];

/** The items as getOrderItems serves them: without pricing while the order is Pending. */
export function servedItems(entry: { order: AmazonRaw; items: AmazonRaw[] }): AmazonRaw[] {
	if (!['Pending', 'PendingAvailability'].includes(entry.order.OrderStatus as string)) return entry.items;
	return entry.items.map((i) => Object.fromEntries(Object.entries(i).filter(([k]) => !PRICING.includes(k))));
}

/** The order as the adapter's getDetails returns it: order plus OrderItems. */
export const amazonDetailed = (spec: AmazonOrderSpec): AmazonRaw => {
	const entry = amazonOrder(spec);
	return { ...entry.order, OrderItems: servedItems(entry) };
};

const TWO_MINUTES = 2 * 60_000;
const errors = (status: number, code: string, message: string, details?: string): SimResponse =>
	json(status, { errors: [{ code, message, ...(details ? { details } : {}) }] });

export class AmazonSpApiSimulator extends HttpSimulator {
	readonly orders = new Map<string, { order: AmazonRaw; items: AmazonRaw[] }>();
	/** Access token → expiry (ms). */
	private readonly tokens = new Map<string, number>();
	private issued = 0;
	tokenTtlSeconds = 3600;
	itemsPageSize = 100;
	/** Listings by "sellerId/sku": their MFN quantity (undefined until one was written). */
	readonly listings = new Map<string, { quantity?: number }>();
	/** Shipment confirmations accepted, per order. */
	readonly shipments = new Map<string, AmazonRaw[]>();

	constructor(private readonly lwa: { clientId: string; clientSecret: string; refreshToken: string }) {
		super();
		this.route('POST', '/auth/o2/token', (req) => this.token(req));
		this.route('GET', '/orders/v0/orders', (req) => this.authorized(req) ?? this.getOrders(req));
		this.route('GET', '/orders/v0/orders/:orderId/orderItems', (req, p) => this.authorized(req) ?? this.getOrderItems(req, p.orderId));
		this.route('GET', '/orders/v0/orders/:orderId', (req, p) => this.authorized(req) ?? this.getOrder(p.orderId));
		this.route('POST', '/orders/v0/orders/:orderId/shipmentConfirmation', (req, p) => this.authorized(req) ?? this.confirmShipment(req, p.orderId));
		this.route('PATCH', '/listings/2021-08-01/items/:sellerId/:sku', (req, p) => this.authorized(req) ?? this.patchListing(req, p.sellerId, p.sku));
	}

	listing(sellerId: string, sku: string): this {
		this.listings.set(`${sellerId}/${sku}`, {});
		return this;
	}

	quantityOf(sellerId: string, sku: string): number | undefined {
		return this.listings.get(`${sellerId}/${sku}`)?.quantity;
	}

	put(...orders: Array<{ order: AmazonRaw; items: AmazonRaw[] }>): this {
		for (const o of orders) this.orders.set(o.order.AmazonOrderId as string, o);
		return this;
	}

	/** Every issued access token expires now (as after an hour). */
	expireTokens(): void {
		for (const t of this.tokens.keys()) this.tokens.set(t, 0);
	}

	private token(req: SimRequest): SimResponse {
		const form = new URLSearchParams(req.rawBody);
		if (!/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return json(400, { error: 'invalid_request', error_description: 'Unsupported content type' });
		if (form.get('grant_type') !== 'refresh_token') return json(400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' });
		if (form.get('client_id') !== this.lwa.clientId || form.get('client_secret') !== this.lwa.clientSecret) {
			return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		}
		if (form.get('refresh_token') !== this.lwa.refreshToken) {
			return json(400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
		}
		const token = `Atza|sim-access-${++this.issued}`;
		this.tokens.set(token, Date.now() + this.tokenTtlSeconds * 1000);
		return json(200, { access_token: token, refresh_token: this.lwa.refreshToken, token_type: 'bearer', expires_in: this.tokenTtlSeconds });
	}

	/** undefined when the request may proceed; otherwise the 403 SP-API sends. */
	private authorized(req: SimRequest): SimResponse | undefined {
		const token = req.headers['x-amz-access-token'];
		const expiry = typeof token === 'string' ? this.tokens.get(token) : undefined;
		if (expiry === undefined) return errors(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided is revoked, malformed or invalid.');
		if (expiry <= Date.now()) return errors(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.');
		return undefined;
	}

	private getOrders(req: SimRequest): SimResponse {
		const q = req.query;
		const marketplaces = (q.get('MarketplaceIds') ?? '').split(',').filter(Boolean);
		if (marketplaces.length === 0) return errors(400, 'InvalidInput', 'Missing required MarketplaceIds.');
		const after = Date.parse(q.get('LastUpdatedAfter') ?? '');
		if (Number.isNaN(after)) return errors(400, 'InvalidInput', 'Either CreatedAfter or LastUpdatedAfter is required.');
		const latest = Date.now() - TWO_MINUTES;
		const before = q.has('LastUpdatedBefore') ? Date.parse(q.get('LastUpdatedBefore')!) : latest;
		if (Number.isNaN(before) || before < after) return errors(400, 'InvalidInput', 'LastUpdatedBefore must be equal to or after LastUpdatedAfter.');
		if (before > latest) return errors(400, 'InvalidInput', 'LastUpdatedBefore must be at least two minutes before current time.');
		const pageSize = intParam(q, 'MaxResultsPerPage', 100, 1, 100);
		if (pageSize === undefined) return errors(400, 'InvalidInput', 'MaxResultsPerPage must be between 1 and 100.');
		const filterKey = [marketplaces.join(','), after, before].join('|');
		const offset = this.offsetOf(q.get('NextToken'), filterKey);
		if (offset === undefined) return errors(400, 'InvalidInput', 'Invalid NextToken.');
		const matching = [...this.orders.values()]
			.map((o) => o.order)
			.filter((o) => marketplaces.includes(o.MarketplaceId as string))
			.filter((o) => Date.parse(o.LastUpdateDate as string) >= after && Date.parse(o.LastUpdateDate as string) <= before)
			.sort((a, b) => Date.parse(a.LastUpdateDate as string) - Date.parse(b.LastUpdateDate as string) || String(a.AmazonOrderId).localeCompare(String(b.AmazonOrderId)));
		const page = matching.slice(offset, offset + pageSize);
		const next = offset + pageSize < matching.length ? this.tokenFor(offset + pageSize, filterKey) : undefined;
		return json(200, { payload: { Orders: page, LastUpdatedBefore: new Date(before).toISOString(), ...(next ? { NextToken: next } : {}) } });
	}

	private getOrderItems(req: SimRequest, orderId: string): SimResponse {
		const found = this.orders.get(orderId);
		if (!found) return errors(404, 'NotFound', 'The requested order was not found.');
		const offset = this.offsetOf(req.query.get('NextToken'), orderId);
		if (offset === undefined) return errors(400, 'InvalidInput', 'Invalid NextToken.');
		const items = servedItems(found);
		const end = offset + this.itemsPageSize;
		const next = end < items.length ? this.tokenFor(end, orderId) : undefined;
		return json(200, { payload: { AmazonOrderId: orderId, OrderItems: items.slice(offset, end), ...(next ? { NextToken: next } : {}) } });
	}

	/** Opaque tokens bound to the query they continue, as Amazon's are. */
	private tokenFor(offset: number, key: string): string {
		return Buffer.from(JSON.stringify({ offset, key })).toString('base64');
	}

	private offsetOf(token: string | null, key: string): number | undefined {
		if (token === null) return 0;
		try {
			const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset: number; key: string };
			return t.key === key && Number.isInteger(t.offset) ? t.offset : undefined;
		} catch {
			return undefined;
		}
	}

	private getOrder(orderId: string): SimResponse {
		const found = this.orders.get(orderId);
		return found ? json(200, { payload: found.order }) : errors(404, 'NotFound', 'The requested order was not found.');
	}

	private confirmShipment(req: SimRequest, orderId: string): SimResponse {
		const found = this.orders.get(orderId);
		if (!found) return errors(404, 'NotFound', 'The requested order was not found.');
		const b = (req.body ?? {}) as { marketplaceId?: unknown; packageDetail?: Record<string, unknown> };
		const p = b.packageDetail ?? {};
		const lines = Array.isArray(p.orderItems) ? (p.orderItems as Array<{ orderItemId?: unknown; quantity?: unknown }>) : [];
		const open = (id: unknown) => found.items.find((i) => i.OrderItemId === id);
		const valid =
			b.marketplaceId === found.order.MarketplaceId &&
			/^[1-9]\d*$/.test(String(p.packageReferenceId)) &&
			['carrierCode', 'trackingNumber', 'shipDate'].every((k) => typeof p[k] === 'string' && p[k]) &&
			!Number.isNaN(Date.parse(String(p.shipDate))) &&
			lines.length > 0 &&
			lines.every((l) => {
				const item = open(l.orderItemId);
				return item && Number.isInteger(l.quantity) && (l.quantity as number) > 0 && (l.quantity as number) <= (item.QuantityOrdered as number) - (item.QuantityShipped as number);
			});
		if (!valid) return errors(400, 'Invalid Input', 'Invalid Input');
		for (const l of lines) {
			const item = open(l.orderItemId)!;
			item.QuantityShipped = (item.QuantityShipped as number) + (l.quantity as number);
		}
		const all = found.items.every((i) => i.QuantityShipped === i.QuantityOrdered);
		Object.assign(found.order, { OrderStatus: all ? 'Shipped' : 'PartiallyShipped', LastUpdateDate: new Date().toISOString() });
		this.shipments.set(orderId, [...(this.shipments.get(orderId) ?? []), p]);
		return { status: 204 };
	}

	private patchListing(req: SimRequest, sellerId: string, sku: string): SimResponse {
		if (!req.query.get('marketplaceIds')) return errors(400, 'InvalidInput', 'Missing required marketplaceIds.');
		const b = (req.body ?? {}) as { productType?: unknown; patches?: Array<Record<string, unknown>> };
		const shapeOk = typeof b.productType === 'string' && Array.isArray(b.patches) && b.patches.length > 0 &&
			b.patches.every((p) => ['add', 'replace', 'merge', 'delete'].includes(p.op as string) && typeof p.path === 'string');
		if (!shapeOk) return errors(400, 'BAD_REQUEST', 'Invalid input', 'productType and patches [{op, path, value}] are required');
		const submissionId = `sim-submission-${this.log.length}`;
		const invalid = (message: string, attribute?: string) => json(200, {
			sku, status: 'INVALID', submissionId,
			issues: [{ code: '90000900', message, severity: 'ERROR', ...(attribute ? { attributeNames: [attribute] } : {}), categories: ['INVALID_ATTRIBUTE'] }],
		});
		const listing = this.listings.get(`${sellerId}/${sku}`);
		if (!listing) return invalid(`SKU ${sku} is not a listing of seller ${sellerId}.`);
		let quantity: number | undefined;
		for (const p of b.patches!) {
			if (p.path !== '/attributes/fulfillment_availability') continue;
			const v = Array.isArray(p.value) ? (p.value[0] as Record<string, unknown> | undefined) : undefined;
			if (v?.fulfillment_channel_code !== 'DEFAULT' || !Number.isInteger(v.quantity) || (v.quantity as number) < 0) {
				return invalid('The attributes are invalid.', 'fulfillment_availability');
			}
			quantity = v.quantity as number;
		}
		if (quantity !== undefined) listing.quantity = quantity;
		return json(200, { sku, status: 'ACCEPTED', submissionId, issues: [] });
	}
}
