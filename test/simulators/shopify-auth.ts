import type { SimRequest, SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * Shopify's client credentials grant, as shopify.dev documents it
 * (docs/apps/build/authentication-authorization/client-secrets and …/access-tokens/client-credentials-grant):
 * POST /admin/oauth/access_token, form-encoded grant_type=client_credentials, client_id, client_secret →
 * {access_token, scope, expires_in} (about 24 h). Tokens expire; an expired or unknown token gets the 401
 * the Admin API sends for a bad token.
 * [?] shopify.dev does not show the body of a refused grant: here RFC 6749 §5.2 (401 invalid_client).
 */
export class ShopifyClientApp {
	/** Issued access token → expiry (ms since epoch). */
	private readonly tokens = new Map<string, number>();
	private issued = 0;

	constructor(
		readonly clientId: string,
		readonly clientSecret: string,
		readonly ttlSeconds = 86_399,
	) {}

	token(req: SimRequest): SimResponse {
		if (!/x-www-form-urlencoded|application\/json/.test(req.headers['content-type'] ?? '')) {
			return json(400, { error: 'invalid_request', error_description: 'Unsupported content type' });
		}
		const form = /json/.test(req.headers['content-type'] ?? '')
			? new URLSearchParams(req.body as Record<string, string>)
			: new URLSearchParams(req.rawBody);
		if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
		if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
			return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		}
		const token = `shpat_sim_cc_${++this.issued}`;
		this.tokens.set(token, Date.now() + this.ttlSeconds * 1000);
		return json(200, { access_token: token, scope: 'read_orders,write_inventory', expires_in: this.ttlSeconds });
	}

	/** true when the token was issued here and has not expired. */
	valid(token: string | undefined): boolean {
		const expiry = token === undefined ? undefined : this.tokens.get(token);
		return expiry !== undefined && expiry > Date.now();
	}

	/** Every token issued so far expires now (as a day later). */
	expireTokens(): void {
		for (const t of this.tokens.keys()) this.tokens.set(t, 0);
	}

	get issuedCount(): number {
		return this.issued;
	}
}
