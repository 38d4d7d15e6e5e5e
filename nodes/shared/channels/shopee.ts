import { SHOPEE_API } from '../../../core/channels/shopee';
import { text, type N8nChannel } from './types';

export const shopeeN8n: N8nChannel = {
	credentialType: 'shopeeOmsApi',
	// [?] Shopee answers an invalid or expired access token with HTTP 403 (error "invalid_acceess_token"):
	// that status makes n8n run the credential's preAuthentication (refresh) and resend once.
	tokenExpiredStatus: 403,
	adapterContext: (credentials) => ({ baseUrl: String(credentials.baseUrl || SHOPEE_API), account: String(credentials.shopId) }),
	// Pushes are signed with the partner key and name the shop.
	webhookSecrets: (c, account) => ({ account, secret: text(c.partnerKey) }),
};
