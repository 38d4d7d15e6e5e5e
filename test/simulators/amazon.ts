import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { amazonTime, INCLUDED_DATA_VALUES, served, type AmazonRaw } from './amazon-orders';
import { confirmShipment, patchListing, PUBLISHED_CARRIER_CODES, spApiErrors, type AmazonWriteState } from './amazon-writes';
import { intParam, json } from './sim-paging';

export * from './amazon-orders';

/**
 * Amazon SP-API and Login with Amazon, as documented in amzn/selling-partner-api-models:
 * - POST /auth/o2/token, form-encoded refresh_token grant → {access_token, token_type, expires_in}
 *   (the LWA client in clients/sellingpartner-api-aa-javascript);
 * - every API call needs `x-amz-access-token`; missing, unknown or expired → 403 (SP-API's status for it);
 * - Orders API v2026-01-01 (models/orders-api-model/orders_2026-01-01.json), bodies without a `payload`
 *   wrapper. searchOrders: exactly one of createdAfter / lastUpdatedAfter (never mixed with the other
 *   family's bounds), the before-bound >= the after-bound and at least 2 minutes before now, marketplaceIds
 *   (optional, up to 50), maxResultsPerPage 1–100, includedData values of the enum (comma-separated, the
 *   Swagger 2.0 default), paginationToken → {orders, pagination?: {nextToken}, lastUpdatedBefore |
 *   createdBefore}. A token continues only the query that produced it (maxResultsPerPage and includedData
 *   may change) and expires after 24 hours. getOrder: {order}, 404 for an unknown id. Both serve only the
 *   datasets asked for in includedData; items always come.
 *   [?] The model does not say how a stale or foreign token is answered, nor how results are ordered: here
 *   400 InvalidInput, and ascending (lastUpdatedTime | createdTime, orderId) with the token a stable position
 *   after the last order served, so orders that leave the window between pages shift nothing.
 *
 * Write side (amazon-writes.ts): Orders v0 confirmShipment (not deprecated; 204; item quantities, the
 * fulfilment status and the order's packages follow) and Listings Items 2021-08-01 patchListingsItem, both
 * refusing what the published models refuse.
 */

const TWO_MINUTES = 2 * 60_000;
const DAY = 86_400_000;
const ORDERS = '/orders/2026-01-01/orders';
const errors = spApiErrors;
const invalid = (message: string) => errors(400, 'InvalidInput', message);

interface PageToken {
	key: string;
	/** Position: the (time, orderId) of the last order served. */
	after: [number, string];
	serial: number;
	issuedAt: number;
}

export class AmazonSpApiSimulator extends HttpSimulator implements AmazonWriteState {
	/** Orders by orderId, whole (every dataset); change them in place to simulate Amazon's updates. */
	readonly orders = new Map<string, AmazonRaw>();
	/** Access token → expiry (ms). */
	private readonly tokens = new Map<string, number>();
	private issued = 0;
	tokenTtlSeconds = 3600;
	private pageTokens = 0;
	private validTokensFrom = 1;
	/** Listings by "sellerId/sku": their MFN quantity (undefined until one was written). */
	readonly listings = new Map<string, { quantity?: number }>();
	/** Shipment confirmations accepted, per order. */
	readonly shipments = new Map<string, AmazonRaw[]>();
	/** Carrier codes confirmShipment accepts: Amazon's published list; add the account's Seller Central ones. */
	readonly acceptedCarrierCodes = new Set<string>(PUBLISHED_CARRIER_CODES);

	constructor(private readonly lwa: { clientId: string; clientSecret: string; refreshToken: string }) {
		super();
		this.route('POST', '/auth/o2/token', (req) => this.token(req));
		this.route('GET', ORDERS, (req) => this.authorized(req) ?? this.searchOrders(req));
		this.route('GET', `${ORDERS}/:orderId`, (req, p) => this.authorized(req) ?? this.getOrder(req, p.orderId));
		this.route('POST', '/orders/v0/orders/:orderId/shipmentConfirmation', (req, p) => this.authorized(req) ?? confirmShipment(this, req, p.orderId));
		this.route('PATCH', '/listings/2021-08-01/items/:sellerId/:sku', (req, p) => this.authorized(req) ?? patchListing(this, req, p.sellerId, p.sku));
	}

	listing(sellerId: string, sku: string): this {
		this.listings.set(`${sellerId}/${sku}`, {});
		return this;
	}

	quantityOf(sellerId: string, sku: string): number | undefined {
		return this.listings.get(`${sellerId}/${sku}`)?.quantity;
	}

	put(...orders: AmazonRaw[]): this {
		for (const o of orders) this.orders.set(o.orderId as string, o);
		return this;
	}

	/** Every issued access token expires now (as after an hour). */
	expireTokens(): void {
		for (const t of this.tokens.keys()) this.tokens.set(t, 0);
	}

	/** Every pagination token issued so far expires (as 24 hours later). */
	expirePaginationTokens(): void {
		this.validTokensFrom = this.pageTokens + 1;
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

	private includedData(q: URLSearchParams): string[] | SimResponse {
		const values = (q.get('includedData') ?? '').split(',').filter(Boolean);
		const unknown = values.find((v) => !INCLUDED_DATA_VALUES.includes(v));
		return unknown ? invalid(`Invalid includedData value: ${unknown}.`) : values;
	}

	private searchOrders(req: SimRequest): SimResponse {
		const q = req.query;
		const created = q.has('createdAfter') || q.has('createdBefore');
		const updated = q.has('lastUpdatedAfter') || q.has('lastUpdatedBefore');
		if (q.has('createdAfter') === q.has('lastUpdatedAfter') || (created && updated)) {
			return invalid('Exactly one of createdAfter and lastUpdatedAfter is required, with the bounds of the same family.');
		}
		const [field, afterKey, beforeKey] = created ? ['createdTime', 'createdAfter', 'createdBefore'] : ['lastUpdatedTime', 'lastUpdatedAfter', 'lastUpdatedBefore'];
		const after = Date.parse(q.get(afterKey)!);
		const latest = Date.now() - TWO_MINUTES;
		const before = q.has(beforeKey) ? Date.parse(q.get(beforeKey)!) : latest;
		if (Number.isNaN(after) || Number.isNaN(before)) return invalid('Dates must be in ISO 8601 format.');
		if (before < after) return invalid(`${beforeKey} must be equal to or after ${afterKey}.`);
		if (before > latest) return invalid(`${beforeKey} must be at least two minutes before the time of the request.`);
		const marketplaces = (q.get('marketplaceIds') ?? '').split(',').filter(Boolean);
		if (marketplaces.length > 50) return invalid('marketplaceIds accepts at most 50 values.');
		const pageSize = intParam(q, 'maxResultsPerPage', 100, 1, 100);
		if (pageSize === undefined) return invalid('maxResultsPerPage must be between 1 and 100.');
		const included = this.includedData(q);
		if (!Array.isArray(included)) return included;
		// Every parameter but maxResultsPerPage and includedData must repeat the token's query.
		const key = JSON.stringify([field, after, before, marketplaces, q.getAll('fulfillmentStatuses'), q.getAll('fulfilledBy')]);
		const token = q.has('paginationToken') ? this.readToken(q.get('paginationToken')!, key) : undefined;
		if (token === null) return invalid('Invalid paginationToken.');
		const time = (o: AmazonRaw) => Date.parse(o[field] as string);
		const position = (o: AmazonRaw): [number, string] => [time(o), o.orderId as string];
		const later = (a: [number, string], b: [number, string]) => a[0] - b[0] || a[1].localeCompare(b[1]);
		const matching = [...this.orders.values()]
			.filter((o) => marketplaces.length === 0 || marketplaces.includes((o.salesChannel as AmazonRaw).marketplaceId as string))
			.filter((o) => time(o) >= after && time(o) <= before)
			.sort((a, b) => later(position(a), position(b)))
			.filter((o) => !token || later(position(o), token.after) > 0);
		const page = matching.slice(0, pageSize);
		const next = matching.length > pageSize ? this.tokenFor(key, position(page[page.length - 1])) : undefined;
		return json(200, {
			orders: page.map((o) => served(o, included)),
			...(next ? { pagination: { nextToken: next } } : {}),
			[beforeKey]: amazonTime(before),
		});
	}

	private tokenFor(key: string, after: [number, string]): string {
		const token: PageToken = { key, after, serial: ++this.pageTokens, issuedAt: Date.now() };
		return Buffer.from(JSON.stringify(token)).toString('base64');
	}

	/** null: not a token of this query, or expired. */
	private readToken(raw: string, key: string): PageToken | null {
		try {
			const t = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as PageToken;
			const fresh = t.serial >= this.validTokensFrom && Date.now() - t.issuedAt < DAY;
			return t.key === key && fresh && Array.isArray(t.after) ? t : null;
		} catch {
			return null;
		}
	}

	private getOrder(req: SimRequest, orderId: string): SimResponse {
		const included = this.includedData(req.query);
		if (!Array.isArray(included)) return included;
		const found = this.orders.get(orderId);
		return found ? json(200, { order: served(found, included) }) : errors(404, 'NotFound', 'The requested order was not found.');
	}
}
