import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from './transport';

export interface RetryPolicy {
	/** Attempts in all, first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Retry-After longer than this is not waited for: the call fails and the next poll tries again. */
	maxRetryAfterMs: number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 };

/** A final HTTP failure after retries. Carries the status so nodes can raise NodeApiError with the code. */
export class ChannelHttpError extends Error {
	constructor(
		readonly httpCode: number | undefined,
		readonly request: Pick<HttpRequest, 'method' | 'url'>,
		message: string,
		readonly responseBody?: unknown,
		readonly retryAfterMs?: number,
	) {
		super(message);
		this.name = 'ChannelHttpError';
	}
}

/** Seconds or an HTTP date, as RFC 9110 allows. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const isRetriableStatus = (s: number) => s === 429 || s === 408 || (s >= 500 && s <= 599);
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Path only: query strings may carry tokens (ML's access_token, Woo's consumer_secret) and must not leak. */
export function describeRequest(req: Pick<HttpRequest, 'method' | 'url'>): string {
	try {
		return `${req.method} ${new URL(req.url).pathname}`;
	} catch {
		return req.method;
	}
}

/**
 * Sends a request, retrying 429 (honouring Retry-After), 408, 5xx, timeouts and network errors with
 * exponential backoff and full jitter, bounded by the policy. Non-idempotent methods are retried only on
 * 429 (the channel did not process them). A 2xx with a body that should have been JSON but is not
 * (truncated) counts as a failure and is retried for GET.
 */
export async function sendWithRetry(
	transport: HttpTransport,
	req: HttpRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<HttpResponse> {
	const sleep = policy.sleep ?? defaultSleep;
	const random = policy.random ?? Math.random;
	const idempotent = req.idempotent ?? (req.method === 'GET' || req.method === 'PUT' || req.method === 'DELETE');
	let lastError: ChannelHttpError | undefined;
	for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
		let waitMs: number | undefined;
		try {
			const res = await transport(req);
			if (res.status >= 200 && res.status < 300 && !res.invalidJson) return res;
			if (res.status >= 200 && res.status < 300) {
				lastError = new ChannelHttpError(res.status, req, `Malformed JSON in the response to ${describeRequest(req)}`);
				if (!idempotent) throw lastError;
			} else {
				const retryAfter = parseRetryAfter(res.headers['retry-after']);
				lastError = new ChannelHttpError(res.status, req, `HTTP ${res.status} from ${describeRequest(req)}`, res.body, retryAfter);
				if (!isRetriableStatus(res.status) || (!idempotent && res.status !== 429)) throw lastError;
				if (retryAfter !== undefined) {
					if (retryAfter > policy.maxRetryAfterMs) throw lastError;
					waitMs = retryAfter;
				}
			}
		} catch (error) {
			if (error instanceof ChannelHttpError) throw error;
			if (!(error instanceof TransportError) || !idempotent) throw error;
			lastError = new ChannelHttpError(undefined, req, `${error.message}`);
		}
		if (attempt === policy.maxAttempts) break;
		const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
		await sleep(waitMs ?? Math.round(random() * backoff));
	}
	throw lastError ?? new ChannelHttpError(undefined, req, `Request failed: ${describeRequest(req)}`);
}
