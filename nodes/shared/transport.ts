import type {
	IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestMethods, IHttpRequestOptions, ILoadOptionsFunctions, IOAuth2Options, IPollFunctions, ITriggerFunctions, IWebhookFunctions,
} from 'n8n-workflow';
import { describeRequest } from '../../core/http/retry';
import { parseBody, TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '../../core/http/transport';

/** Every n8n context a channel is reached from, the editor's pickers (listSearch) included. */
export type RequestContext = IPollFunctions | IExecuteFunctions | IWebhookFunctions | IHookFunctions | ITriggerFunctions | ILoadOptionsFunctions;

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * The core's HttpTransport over n8n's request helper, so the credential's auth is applied by n8n (API-key
 * headers, or OAuth2 with token refresh for OAuth2 credentials). Status codes come back as responses
 * (ignoreHttpStatusErrors) and the body as text, so retry policy and JSON checks (truncated bodies) stay in
 * the core; only failures without a response are thrown, as TransportError.
 */
export function createN8nTransport(ctx: RequestContext, credentialType: string, tokenExpiredStatus?: number, oauth2?: IOAuth2Options): HttpTransport {
	// OAuth2 credentials: how n8n signs the request (Shopify reads the token from X-Shopify-Access-Token).
	const signing = oauth2 ? { oauth2 } : undefined;
	return async (req: HttpRequest): Promise<HttpResponse> => {
		const options: IHttpRequestOptions = {
			method: req.method as IHttpRequestMethods,
			url: req.url,
			qs: definedOnly(req.query),
			headers: { accept: 'application/json', ...req.headers },
			body: req.body as IHttpRequestOptions['body'],
			timeout: req.timeoutMs,
			encoding: 'text',
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		let res: N8nResponse;
		try {
			res = await withIsolate(ctx, () => ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options, signing));
		} catch (error) {
			throw asTransportError(error, req);
		}
		if (tokenExpiredStatus !== undefined && res.statusCode === tokenExpiredStatus) {
			res = await resendRefreshed(ctx, credentialType, options, tokenExpiredStatus, res, oauth2).catch((error: unknown) => {
				throw asTransportError(error, req);
			});
		}
		const headers = lowerCaseHeaders(res.headers);
		const text = typeof res.body === 'string' ? res.body : res.body === undefined || res.body === null ? '' : JSON.stringify(res.body);
		return { status: res.statusCode, headers, ...parseBody(text, headers['content-type']) };
	};
}

/**
 * n8n 2.x evaluates a credential's auth expressions in an isolate it acquires per workflow around each poll,
 * and releases at the poll's end even when the acquire found it already held: with several poll triggers in
 * one workflow (template 1), the first tick to finish took the isolate from the others, whose every later
 * request then failed "No bridge acquired" — a long VTEX feed tick never completed (test:queue). Such a request
 * acquires the workflow's isolate again and is sent once more; the poll's own release frees it.
 */
const NO_ISOLATE = /No bridge acquired/;

function mentionsNoIsolate(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 3) return false;
	const e = error as { message?: unknown; description?: unknown; cause?: unknown };
	return NO_ISOLATE.test(String(e.message ?? '')) || NO_ISOLATE.test(String(e.description ?? '')) || mentionsNoIsolate(e.cause, depth + 1);
}

export async function withIsolate<T>(ctx: RequestContext, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		const expression = (ctx as unknown as { workflow?: { expression?: { acquireIsolate?: () => Promise<boolean> } } }).workflow?.expression;
		// The caller turns it into a TransportError.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		if (!mentionsNoIsolate(error) || typeof expression?.acquireIsolate !== 'function') throw error;
		await expression.acquireIsolate();
		return await send();
	}
}

type N8nResponse = { statusCode: number; headers: Record<string, unknown>; body: unknown };

/**
 * n8n refreshes a credential (preAuthentication, or an OAuth2 refresh token) only when a request *throws*
 * the token-expired status, never for a status returned under ignoreHttpStatusErrors. So the request is
 * sent once more, throwing on statuses and with preAuthenticationRetryStatusCode: n8n sends it, gets the
 * status again, refreshes the token and resends. If that fails as well (a missing role, not an expiry), the
 * first answer stands.
 */
async function resendRefreshed(
	ctx: RequestContext,
	credentialType: string,
	options: IHttpRequestOptions,
	status: number,
	first: N8nResponse,
	oauth2?: IOAuth2Options,
): Promise<N8nResponse> {
	try {
		const retry = { ...options, ignoreHttpStatusErrors: false };
		return await withIsolate(ctx, () => ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, retry, { preAuthenticationRetryStatusCode: status, ...(oauth2 ? { oauth2 } : {}) }));
	} catch (error) {
		if (/^\d{3}$/.test(String((error as { httpCode?: unknown }).httpCode ?? ''))) return first;
		// A network failure: the caller turns it into a TransportError, which the retry policy understands.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}

/**
 * n8n wraps network failures in NodeApiError with the socket error code as httpCode. Those become
 * TransportError (retried for idempotent requests); anything carrying a real HTTP status (an OAuth2 token
 * refresh the provider refused) is an answer, not a network failure, and is passed on unchanged.
 */
function asTransportError(error: unknown, req: HttpRequest): unknown {
	const e = error as { httpCode?: unknown; cause?: { code?: unknown }; message?: string };
	const code = String(e?.cause?.code ?? e?.httpCode ?? '');
	if (/^\d{3}$/.test(String(e?.httpCode ?? ''))) return error;
	const kind = TIMEOUT_CODES.has(code) ? 'timeout' : 'network';
	const what = kind === 'timeout' ? 'Request timed out' : `Network error (${code || 'unknown'})`;
	return new TransportError(`${what}: ${describeRequest(req)}`, kind);
}

function definedOnly(query: HttpRequest['query']): IDataObject | undefined {
	if (!query) return undefined;
	return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as IDataObject;
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {})) {
		if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
	}
	return out;
}
