import type { CanonicalStatus, PaymentMethod } from '../../model/order';
import type { HttpMethod } from '../../http/transport';

/**
 * A channel definition: everything the configurable HTTP channel knows of a platform that publishes no API
 * this package could build an adapter from (GenComm, GenHub, Xtech...). A consultant writes it once per
 * platform as JSON (the trigger's and OMS Status Sync's "Channel Definition" field); the credential holds
 * only the base URL and the auth header. parse.ts checks it and names the setting that is wrong.
 */

/** The canonical fields a definition maps, each to a path in the platform's order JSON (see paths.ts). */
export const ORDER_MAP_KEYS = [
	'id',
	'createdAt',
	'updatedAt',
	'status',
	'currency',
	'total',
	'shipping',
	'discount',
	'paymentMethod',
	'customer.name',
	'customer.email',
	'customer.phone',
	'customer.document',
	'shippingAddress.name',
	'shippingAddress.street',
	'shippingAddress.number',
	'shippingAddress.complement',
	'shippingAddress.district',
	'shippingAddress.city',
	'shippingAddress.state',
	'shippingAddress.postalCode',
	'shippingAddress.country',
] as const;

/** Line fields: their paths name the order's line array with "[]" ("items[].sku"), the same array for all. */
export const LINE_MAP_KEYS = ['lines.sku', 'lines.quantity', 'lines.unitPrice', 'lines.title', 'lines.listingId', 'lines.variantId', 'lines.lineId'] as const;

export type OrderMapKey = (typeof ORDER_MAP_KEYS)[number];
export type LineMapKey = (typeof LINE_MAP_KEYS)[number];
export type MapKey = OrderMapKey | LineMapKey;

/** Without these a payload is not an order the OMS can keep (an id, a version time, lines with units and prices). */
export const REQUIRED_MAP_KEYS: readonly MapKey[] = ['id', 'updatedAt', 'lines.quantity', 'lines.unitPrice'];

/** What the OMS Store "Map JSON" operation needs: the mapping alone, no HTTP. */
export interface MappingDefinition {
	map: Partial<Record<MapKey, string>>;
	/** The platform's status values → canonical statuses. A value not listed imports as paid, flagged status_unknown. */
	statusMap?: Record<string, CanonicalStatus>;
	/** The platform's payment method values → canonical methods; a value not listed is "other". */
	paymentMethodMap?: Record<string, PaymentMethod>;
	/** "decimal" (49.90 or "49.90", the default) or "cents" (4990). */
	money?: 'decimal' | 'cents';
	/** When the order names none (default BRL). */
	currency?: string;
	/** The zone of dates written without one (default -03:00, Brasília); such orders are flagged time_zone_assumed. */
	timeZoneOffset?: string;
}

/**
 * How the changed-since value is written: ISO 8601 UTC ("iso"), zone-less store time ("local", at
 * timeZoneOffset), a calendar day ("date", store time: day precision), Unix seconds or milliseconds.
 */
export const SINCE_FORMATS = ['iso', 'local', 'date', 'unix', 'unix_ms'] as const;
export type SinceFormat = (typeof SINCE_FORMATS)[number];

export const PAGING_STYLES = ['page', 'offset', 'cursor', 'link'] as const;
export type PagingStyle = (typeof PAGING_STYLES)[number];

export interface PagingDefinition {
	style: PagingStyle;
	/** The page number (page, default "page"), offset (offset, default "offset") or cursor (cursor, default "cursor") parameter. */
	param?: string;
	/** The page size parameter: required for page and offset (positions are only comparable at one size). */
	sizeParam?: string;
	/** The platform's largest page size (default 100). */
	maxSize?: number;
	/** page: the number of the first page (default 1). */
	firstPage?: number;
	/** page, offset: where the response gives the total count; a total smaller than the previous page's restarts the window. */
	totalPath?: string;
	/** cursor: where the response gives the next page's cursor (absent or empty: last page). */
	nextCursorPath?: string;
}

export interface ListDefinition {
	/** Path under the credential's base URL ("/api/v1/orders"). */
	path: string;
	/** Fixed parameters, e.g. the stable sort a page/offset listing needs ({"sort": "id"}). */
	query?: Record<string, string | number | boolean>;
	changedSince: { param: string; format?: SinceFormat };
	/** Where the response holds the orders ("data"); empty or absent: the response is the array. */
	itemsPath?: string;
	paging: PagingDefinition;
}

export const WRITE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const satisfies readonly HttpMethod[];

/**
 * One request with placeholders ({sku}, {quantity}, {orderId}...). In `path` and `query` they are replaced
 * by their text, URL-encoded; in `body` a string that is exactly one placeholder becomes its typed value
 * ("{quantity}" → 7) and placeholders inside longer strings are replaced by their text.
 */
export interface RequestTemplate {
	method: HttpMethod;
	path: string;
	query?: Record<string, string>;
	body?: unknown;
	/** How `body` is sent: JSON (the default) or an HTML form (PHP platforms read $_POST only from forms). */
	bodyFormat?: BodyFormat;
}

export const BODY_FORMATS = ['json', 'form'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/**
 * A session the platform opens with a login request (OpenCart's api/login, an OAuth client-credentials
 * token): its answer holds a token that every later request carries, in a header or a query parameter. The
 * login request's placeholders are the credential's {username} and {secret}; `basic` sends them as HTTP
 * Basic instead. The token is kept until `ttlSeconds` (or the answer's `expiresInPath`) runs out, or until a
 * request is refused as `expired` says: then the OMS logs in again once and resends that request.
 */
export interface SessionDefinition {
	login: RequestTemplate & { basic?: boolean };
	/** Where the login answer holds the token ("api_token", "data.access_token"). */
	tokenPath: string;
	/** Where the login answer gives the token's lifetime in seconds, when it does. */
	expiresInPath?: string;
	/** The token's lifetime when the answer does not say (default 3000: OpenCart drops idle sessions after an hour). */
	ttlSeconds?: number;
	/** Where requests carry the token: {"in": "query", "name": "api_token"} or {"in": "header", "name": "Authorization", "prefix": "Bearer "}. */
	send: { in: 'query' | 'header'; name: string; prefix?: string };
	/** How a refused token shows: these statuses (default 401), or a 2xx whose `bodyPath` text matches `bodyMatches` (a regular expression). */
	expired?: { status?: number[]; bodyPath?: string; bodyMatches?: string };
}

/** How a SKU's platform ids are found: a GET whose response holds the listing id (and variant id). */
export interface LookupDefinition extends RequestTemplate {
	idPath: string;
	variantIdPath?: string;
}

export type WriteKind = 'stock' | 'invoice' | 'shipment' | 'cancel';

export interface HttpChannelDefinition extends MappingDefinition {
	/** The platform's name, for messages ("GenComm"). */
	platform?: string;
	/** Platforms that open a session with a login request (the credential's header alone is not enough). */
	session?: SessionDefinition;
	/** Where a 2xx answer names a failure ({"error": "..."}, as PHP platforms answer): such an answer is an error, not data. */
	errorPath?: string;
	list: ListDefinition;
	/** One order by id ("/api/v1/orders/{id}"): the manual re-read, and `details` when the list holds summaries. */
	order?: { path: string; details?: boolean };
	writes?: Partial<Record<WriteKind, RequestTemplate>> & { lookup?: LookupDefinition };
}
