import { ChannelHttpError, DEFAULT_RETRY_POLICY, sendWithRetry, type RetryPolicy } from '../../http/retry';
import type { HttpRequest, HttpTransport } from '../../http/transport';
import { LWA_TOKEN_URL } from './endpoints';

/**
 * Login with Amazon for the framework-free core (CLI, tests): the refresh token is exchanged for a 1-hour
 * access token, cached until shortly before it expires and sent as `x-amz-access-token`. Inside n8n the
 * AmazonSpApi credential does the same through its preAuthentication hook, so nodes use the plain n8n
 * transport and never this file.
 */

export interface LwaCredentials {
	clientId: string;
	clientSecret: string;
	refreshToken: string;
}

export interface LwaOptions {
	tokenUrl?: string;
	retry?: RetryPolicy;
	now?: () => number;
	/** Refresh this long before expiry, so a token never expires between check and use. */
	refreshMarginMs?: number;
}

/**
 * The refresh-token grant, as both this provider and the n8n credential's preAuthentication send it.
 * Secrets travel in the body only: errors and logs name the request by method and path.
 */
export function lwaRefreshRequest(credentials: LwaCredentials, tokenUrl: string): HttpRequest & { body: string; headers: Record<string, string> } {
	const form = new URLSearchParams({
		grant_type: 'refresh_token',
		refresh_token: credentials.refreshToken,
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret,
	});
	return { method: 'POST', url: tokenUrl, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: form.toString() };
}

export class LwaTokenProvider {
	private cached?: { token: string; expiresAt: number };
	private pending?: Promise<string>;

	constructor(
		private readonly credentials: LwaCredentials,
		private readonly transport: HttpTransport,
		private readonly options: LwaOptions = {},
	) {}

	async accessToken(): Promise<string> {
		const now = (this.options.now ?? Date.now)();
		const margin = this.options.refreshMarginMs ?? 60_000;
		if (this.cached && now < this.cached.expiresAt - margin) return this.cached.token;
		// Concurrent callers share one refresh instead of each spending a token request.
		this.pending ??= this.refresh().finally(() => (this.pending = undefined));
		return this.pending;
	}

	/** Drops the cached token if it is still `token` (a concurrent caller may already have replaced it). */
	invalidate(token: string): void {
		if (this.cached?.token === token) this.cached = undefined;
	}

	private async refresh(): Promise<string> {
		const req = lwaRefreshRequest(this.credentials, this.options.tokenUrl ?? LWA_TOKEN_URL);
		const res = await sendWithRetry(this.transport, req, this.options.retry ?? DEFAULT_RETRY_POLICY);
		const body = res.body as { access_token?: unknown; expires_in?: unknown };
		if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
			throw new ChannelHttpError(res.status, req, 'Login with Amazon answered without access_token/expires_in');
		}
		this.cached = { token: body.access_token, expiresAt: (this.options.now ?? Date.now)() + body.expires_in * 1000 };
		return body.access_token;
	}
}

/**
 * A transport that signs every request with the provider's access token. SP-API answers an expired or
 * revoked token with 403 (not 401), so a 403 is retried once with a fresh token; a second 403 is returned
 * as is (a missing role, not an expiry) and becomes a ChannelHttpError in sendWithRetry.
 */
export function withLwaAuth(transport: HttpTransport, provider: LwaTokenProvider): HttpTransport {
	const signed = async (req: HttpRequest) => {
		const token = await provider.accessToken();
		return { token, res: await transport({ ...req, headers: { ...req.headers, 'x-amz-access-token': token } }) };
	};
	return async (req) => {
		const first = await signed(req);
		if (first.res.status !== 403) return first.res;
		provider.invalidate(first.token);
		return (await signed(req)).res;
	};
}
