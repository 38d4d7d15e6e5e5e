import type { SimRequest, SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * Shopify's token endpoint, POST /admin/oauth/access_token, for an app installed in the simulated store:
 * - client credentials grant (shopify.dev docs/apps/build/authentication-authorization/client-secrets and
 *   …/access-tokens/client-credentials-grant): form grant_type=client_credentials, client_id, client_secret →
 *   {access_token, scope, expires_in} (about 24 h);
 * - authorization code grant (…/access-tokens/authorization-code-grant): the code from the merchant's
 *   approval → an offline token, non-expiring unless the request says `expiring=1` ("Offline access tokens
 *   now support expiry and refresh", changelog 2025-12-10: expires_in 3600 and a refresh_token);
 * - refresh (same changelog): grant_type=refresh_token, client_id, client_secret, refresh_token → a new
 *   access token and a new refresh token. Since 2026-08-28 ("More resilient refreshes…") the previous
 *   refresh token stays usable until the app first uses the access token of its replacement.
 * Tokens expire; an expired or unknown token gets the 401 the Admin API sends for a bad token.
 * [?] shopify.dev does not show the body of a refused grant: here RFC 6749 §5.2 (401 invalid_client,
 * 400 invalid_grant). The client may authenticate in the body or with HTTP Basic (n8n's code exchange
 * sends Basic; its refresh sends the body when the credential says so).
 */
export class ShopifyClientApp {
	/** Issued access token → expiry (ms since epoch; Infinity for non-expiring offline tokens). */
	private readonly tokens = new Map<string, number>();
	/** Refresh token → the access token issued with it, and whether it may still be exchanged. */
	private readonly refreshTokens = new Map<string, { access: string; usable: boolean }>();
	/** A refresh token superseded by a refresh, kept usable until `successor` (an access token) is first used. */
	private readonly superseded = new Map<string, string>();
	private readonly codes = new Set<string>();
	private issued = 0;
	/** Every body the endpoint received, parsed (tests check what n8n sent). */
	readonly grants: Array<Record<string, string>> = [];

	constructor(
		readonly clientId: string,
		readonly clientSecret: string,
		readonly ttlSeconds = 86_399,
		readonly offlineTtlSeconds = 3600,
	) {}

	/** The merchant approved the app: `code` may be exchanged once. */
	approve(code: string): this {
		this.codes.add(code);
		return this;
	}

	token(req: SimRequest): SimResponse {
		if (!/x-www-form-urlencoded|application\/json/.test(req.headers['content-type'] ?? '')) {
			return json(400, { error: 'invalid_request', error_description: 'Unsupported content type' });
		}
		const form = /json/.test(req.headers['content-type'] ?? '') ? new URLSearchParams(req.body as Record<string, string>) : new URLSearchParams(req.rawBody);
		this.grants.push(Object.fromEntries(form));
		const [id, secret] = clientOf(req, form);
		if (id !== this.clientId || secret !== this.clientSecret) return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		const grant = form.get('grant_type');
		if (grant === 'client_credentials') {
			const token = this.issue('cc', this.ttlSeconds);
			return json(200, { access_token: token, scope: 'read_orders,write_inventory', expires_in: this.ttlSeconds });
		}
		if (grant === 'refresh_token') return this.refresh(form.get('refresh_token') ?? '');
		if ((grant === null || grant === 'authorization_code') && form.get('code')) return this.exchange(form.get('code')!, form.get('expiring') === '1');
		return json(400, { error: 'unsupported_grant_type' });
	}

	private exchange(code: string, expiring: boolean): SimResponse {
		if (!this.codes.delete(code)) return json(400, { error: 'invalid_grant', error_description: 'authorization code was not found or was already used' });
		if (!expiring) return json(200, { access_token: this.issue('offline', Infinity), scope: 'read_orders,write_inventory' });
		return json(200, this.expiringPair());
	}

	private refresh(refreshToken: string): SimResponse {
		const entry = this.refreshTokens.get(refreshToken);
		if (!entry?.usable) return json(400, { error: 'invalid_grant', error_description: 'refresh token is invalid or was already used' });
		const pair = this.expiringPair();
		// The old refresh token stays usable until the new access token is used (changelog 2026-08-28).
		this.superseded.set(refreshToken, pair.access_token);
		return json(200, pair);
	}

	private expiringPair() {
		const access = this.issue('offline', this.offlineTtlSeconds);
		const refresh = `shprt_sim_${this.issued}`;
		this.refreshTokens.set(refresh, { access, usable: true });
		return { access_token: access, scope: 'read_orders,write_inventory', expires_in: this.offlineTtlSeconds, refresh_token: refresh, refresh_token_expires_in: 7_776_000 };
	}

	private issue(kind: string, ttlSeconds: number): string {
		const token = `shpat_sim_${kind}_${++this.issued}`;
		this.tokens.set(token, ttlSeconds === Infinity ? Infinity : Date.now() + ttlSeconds * 1000);
		return token;
	}

	/** true when the token was issued here and has not expired. Using it retires the refresh token it replaced. */
	valid(token: string | undefined): boolean {
		const expiry = token === undefined ? undefined : this.tokens.get(token);
		if (expiry === undefined || expiry <= Date.now()) return false;
		for (const [old, successor] of this.superseded) {
			if (successor !== token) continue;
			this.refreshTokens.get(old)!.usable = false;
			this.superseded.delete(old);
		}
		return true;
	}

	/** Every expiring token issued so far expires now (as an hour or a day later); non-expiring ones stay. */
	expireTokens(): void {
		for (const [t, expiry] of this.tokens) if (expiry !== Infinity) this.tokens.set(t, 0);
	}

	get issuedCount(): number {
		return this.issued;
	}
}

/** Client authentication: in the body (client_id, client_secret) or HTTP Basic. */
function clientOf(req: SimRequest, form: URLSearchParams): [string | null, string | null] {
	const basic = /^Basic (.+)$/i.exec(String(req.headers.authorization ?? ''));
	if (!basic) return [form.get('client_id'), form.get('client_secret')];
	const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
	return [decodeURIComponent(id), decodeURIComponent(rest.join(':'))];
}
