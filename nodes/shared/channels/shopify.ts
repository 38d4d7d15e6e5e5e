import type { IOAuth2Options } from 'n8n-workflow';
import { text, type N8nChannel } from './types';

/** The Admin API reads the token from X-Shopify-Access-Token, not Authorization (n8n's Shopify node does the same). */
const SHOPIFY_OAUTH2: IOAuth2Options = { tokenType: 'Bearer', keyToIncludeInAccessTokenHeader: 'X-Shopify-Access-Token' };

export const shopifyN8n: N8nChannel = {
	credentialType: 'shopifyOmsApi',
	// An expired client-credentials token is answered 401: resend once so n8n's preAuthentication renews it.
	tokenExpiredStatus: 401,
	adapterContext: (credentials) => {
		const account = `${String(credentials.shopSubdomain)}.myshopify.com`;
		return { account, baseUrl: String(credentials.baseUrl || `https://${account}`), options: { apiVersion: String(credentials.apiVersion || '') } };
	},
	webhookSecrets: (c, account) => ({ account, secret: text(c.clientSecret) }),
	authentication: {
		own: { name: 'Shopify (OMS) API', description: 'Legacy Admin API token or client credentials (Dev Dashboard app in your own store)' },
		alternatives: [
			{
				credentialType: 'shopifyOmsOAuth2Api',
				name: 'Shopify (OMS) OAuth2 API',
				description: 'Authorization code with an expiring offline token, refreshed by n8n (public apps, stores you do not own)',
				// The 60-minute token is answered 401 once expired: resend so n8n refreshes it with the refresh token.
				tokenExpiredStatus: 401,
				oauth2: SHOPIFY_OAUTH2,
			},
			{
				// n8n's own "Shopify Access Token API": shop subdomain, access token, app secret key.
				credentialType: 'shopifyAccessTokenApi',
				name: "n8n's Shopify Access Token API",
				description: "An existing credential of n8n's Shopify node (static Admin API token); the default API version",
				webhookSecrets: (c, account) => ({ account, secret: text(c.appSecretKey) }),
			},
			{
				// n8n's own "Shopify OAuth2 API": its scopes are orders and products only (see the README).
				credentialType: 'shopifyOAuth2Api',
				name: "n8n's Shopify OAuth2 API",
				description: "An existing credential of n8n's Shopify node; it asks for orders and products scopes only, so it cannot push stock",
				oauth2: SHOPIFY_OAUTH2,
			},
		],
	},
};
