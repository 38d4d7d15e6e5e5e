/**
 * The one door to HTTP for the core. Channel adapters build requests; a transport sends them. Nodes pass a
 * transport over n8n's request helpers (which add the credential's auth); tests and the CLI use fetch.
 * A transport never throws for an HTTP status: it returns it, so retry and error policy live in one place.
 */

/** How long one request may take when the caller does not say (adapters: AdapterContext options.timeoutMs). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	query?: Record<string, string | number | boolean | undefined>;
	headers?: Record<string, string>;
	/** Sent as JSON unless it is a string. */
	body?: unknown;
	timeoutMs?: number;
	/**
	 * Overrides the method-based guess of whether a retry is safe: a GraphQL query is a POST that only
	 * reads, so 5xx, timeouts and truncated bodies may be retried like a GET.
	 */
	idempotent?: boolean;
}

export interface HttpResponse {
	status: number;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	/** Parsed JSON when the body is JSON, otherwise the raw text ('' when empty). */
	body: unknown;
	/** Set when the body claimed to be JSON but did not parse (e.g. a truncated response). */
	invalidJson?: boolean;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** Thrown by transports for network failures and timeouts (no HTTP status). */
export class TransportError extends Error {
	constructor(
		message: string,
		readonly kind: 'timeout' | 'network',
	) {
		super(message);
		this.name = 'TransportError';
	}
}

export function buildUrl(url: string, query?: HttpRequest['query']): string {
	if (!query) return url;
	const u = new URL(url);
	for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
	return u.toString();
}

export function parseBody(text: string, contentType: string | undefined): { body: unknown; invalidJson?: boolean } {
	if (text === '') return { body: '' };
	// .NET APIs (Wake's) document some answers as the bare words True/False: complete bodies, not truncated JSON.
	if (/^\s*(True|False)\s*$/.test(text)) return { body: text.trim() === 'True' };
	const looksJson = (contentType ?? '').includes('json') || /^\s*[[{]/.test(text);
	if (!looksJson) return { body: text };
	try {
		return { body: JSON.parse(text) };
	} catch {
		return { body: text, invalidJson: true };
	}
}

/** A transport over the platform's fetch, with fixed extra headers (auth for tests and the CLI). */
export function createFetchTransport(defaultHeaders: Record<string, string> = {}, defaultTimeoutMs = DEFAULT_TIMEOUT_MS): HttpTransport {
	return async (req) => {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), req.timeoutMs ?? defaultTimeoutMs);
		try {
			const headers: Record<string, string> = { accept: 'application/json', ...defaultHeaders, ...req.headers };
			let body: string | undefined;
			if (req.body !== undefined) {
				body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
				if (typeof req.body !== 'string') headers['content-type'] ??= 'application/json';
			}
			const res = await fetch(buildUrl(req.url, req.query), { method: req.method, headers, body, signal: controller.signal });
			const text = await res.text();
			const resHeaders: Record<string, string> = {};
			res.headers.forEach((v, k) => (resHeaders[k.toLowerCase()] = v));
			return { status: res.status, headers: resHeaders, ...parseBody(text, resHeaders['content-type']) };
		} catch (error) {
			if (controller.signal.aborted) throw new TransportError(`Request timed out: ${req.method} ${new URL(req.url).pathname}`, 'timeout');
			throw new TransportError(`Network error: ${req.method} ${new URL(req.url).pathname}: ${(error as Error).message}`, 'network');
		} finally {
			clearTimeout(timer);
		}
	};
}
