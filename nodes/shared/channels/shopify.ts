import { text, type N8nChannel } from './types';

export const shopifyN8n: N8nChannel = {
	credentialType: 'shopifyOmsApi',
	// An expired client-credentials token is answered 401: resend once so n8n's preAuthentication renews it.
	tokenExpiredStatus: 401,
	adapterContext: (credentials) => {
		const account = `${String(credentials.shopSubdomain)}.myshopify.com`;
		return { account, baseUrl: String(credentials.baseUrl || `https://${account}`), options: { apiVersion: String(credentials.apiVersion || '') } };
	},
	webhookSecrets: (c, account) => ({ account, secret: text(c.clientSecret) }),
};
