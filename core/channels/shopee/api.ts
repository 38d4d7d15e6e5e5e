import { createHmac } from 'node:crypto';
import { ChannelHttpError, describeRequest } from '../../http/retry';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../http/transport';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Shopee Open Platform v2 (open.shopee.com). Read in the platform's own API documents as the community SDK
 * congminh1254/shopee-sdk@cb231e9 keeps them (schemas/v2.<module>.<api>.json: parameters, request and
 * response samples, error examples of open.shopee.com).
 *
 * Every call carries partner_id, timestamp (seconds; "expires in 5 minutes") and sign in the query; shop calls
 * add access_token and shop_id. sign = hex HMAC-SHA256 with the partner key of
 * partner_id + api path + timestamp (+ access_token + shop_id for shop calls). Answers are
 * {error, message, request_id, response}: a non-empty `error` is a failure whatever the HTTP status.
 */
export const SHOPEE_API = 'https://partner.shopeemobile.com';
/** get_order_detail takes at most 50 order_sn; get_order_list's time range spans at most 15 days. */
export const SHOPEE_DETAIL_LIMIT = 50;
export const SHOPEE_MAX_RANGE_S = 15 * 24 * 3600;
export const CODE_EXCHANGE_PATH = '/api/v2/auth/token/get';
export const REFRESH_PATH = '/api/v2/auth/access_token/get';

export interface ShopeeKeys {
	partnerId: string;
	partnerKey: string;
	shopId: string;
}

/** The documented signature; `accessToken` absent for the public (auth) calls. */
export function shopeeSign(keys: ShopeeKeys, path: string, timestamp: number, accessToken?: string): string {
	const base = `${keys.partnerId}${path}${timestamp}${accessToken === undefined ? '' : accessToken + keys.shopId}`;
	return createHmac('sha256', keys.partnerKey).update(base).digest('hex');
}

/** The API path of a URL: the part from /api/v2/ (a base-URL override may add a prefix before it). */
export function apiPath(url: string): string {
	const path = new URL(url).pathname;
	const at = path.indexOf('/api/v2/');
	return at >= 0 ? path.slice(at) : path;
}

/** The common query parameters of a shop call (public calls: without access_token and shop_id). */
export function signedQuery(keys: ShopeeKeys, url: string, nowMs: number, accessToken?: string): Record<string, string> {
	const timestamp = Math.floor(nowMs / 1000);
	const sign = shopeeSign(keys, apiPath(url), timestamp, accessToken);
	const common = { partner_id: keys.partnerId, timestamp: String(timestamp), sign };
	return accessToken === undefined ? common : { ...common, access_token: accessToken, shop_id: keys.shopId };
}

/** For the core without n8n (CLI, tests): signs every request with the current access token. */
export function withShopeeSigning(transport: HttpTransport, keys: ShopeeKeys, accessToken: () => string, now: () => number = Date.now): HttpTransport {
	return (req) => transport({ ...req, query: { ...req.query, ...signedQuery(keys, req.url, now(), accessToken()) } });
}

/** The `response` of a successful answer; a non-empty `error` (even with HTTP 200) is a ChannelHttpError. */
export function readResponse(res: HttpResponse, req: HttpRequest): JsonObject {
	const body = res.body;
	if (!isJsonObject(body)) throw new ChannelHttpError(res.status, req, `Expected a JSON object from ${describeRequest(req)}`, body);
	if (typeof body.error === 'string' && body.error !== '' && body.error !== '-') {
		// error_not_found reads as a 404, so a missing order is told apart as on the other channels.
		const status = res.status >= 400 ? res.status : body.error === 'error_not_found' ? 404 : 400;
		throw new ChannelHttpError(status, req, `Shopee ${body.error}: ${String(body.message ?? '')} (${describeRequest(req)})`, body);
	}
	return isJsonObject(body.response) ? body.response : {};
}
