import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpTransport } from '../../http/transport';
import { expectObject, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext } from '../types';

export const SHOPIFY_DEFAULT_API_VERSION = '2026-01';

interface GraphqlError {
	message?: string;
	extensions?: { code?: string };
}

interface ThrottleStatus {
	currentlyAvailable?: number;
	restoreRate?: number;
}

/**
 * Shopify reports GraphQL throttling as HTTP 200 with errors[].extensions.code = "THROTTLED" and the bucket
 * state in extensions.cost. Presented as a 429 with the Retry-After the bucket implies, it reaches the one
 * retry policy (sendWithRetry) like every other channel's rate limit.
 */
export function throttleAsRateLimit(transport: HttpTransport): HttpTransport {
	return async (req) => {
		const res = await transport(req);
		if (res.status !== 200 || !isJsonObject(res.body)) return res;
		const errors = res.body.errors as GraphqlError[] | undefined;
		if (!Array.isArray(errors) || !errors.some((e) => e?.extensions?.code === 'THROTTLED')) return res;
		const cost = (res.body.extensions as { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } } | undefined)?.cost;
		const missing = (cost?.requestedQueryCost ?? 0) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
		const seconds = Math.max(1, Math.ceil(missing / (cost?.throttleStatus?.restoreRate || 50)));
		return { ...res, status: 429, headers: { ...res.headers, 'retry-after': String(seconds) } };
	};
}

/** One Admin GraphQL call. Queries only read, so a POST here is as safe to retry as a GET. */
export async function shopifyGraphql<T>(ctx: AdapterContext, endpoint: string, query: string, variables: Record<string, unknown>): Promise<T> {
	const req: HttpRequest = {
		method: 'POST',
		url: endpoint,
		body: { query, variables },
		idempotent: true,
	};
	const res = await send({ ...ctx, transport: throttleAsRateLimit(ctx.transport) }, req);
	const body = expectObject(res, req);
	const errors = body.errors as GraphqlError[] | undefined;
	if (Array.isArray(errors) && errors.length > 0) {
		// ACCESS_DENIED (missing read_orders scope) is an authorisation failure: say 403 so n8n classifies it.
		const status = errors.some((e) => e?.extensions?.code === 'ACCESS_DENIED') ? 403 : res.status;
		const text = errors.map((e) => e?.message ?? 'unknown error').join('; ');
		throw new ChannelHttpError(status, req, `Shopify GraphQL error: ${text}`, body);
	}
	if (!isJsonObject(body.data)) throw new ChannelHttpError(res.status, req, 'Shopify GraphQL response without data', body);
	return body.data as T;
}
