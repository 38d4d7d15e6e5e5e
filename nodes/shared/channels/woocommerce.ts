import { wooWebhookSecret } from '../../../core/channels/woocommerce/webhook';
import { text, type N8nChannel } from './types';

export const wooCommerceN8n: N8nChannel = {
	credentialType: 'wooCommerceOmsApi',
	// The site URL is the API root; its host names the shop, so http/https or a trailing slash do not split it.
	adapterContext: (credentials) => {
		const siteUrl = String(credentials.siteUrl).replace(/\/+$/, '');
		return { baseUrl: siteUrl, account: new URL(siteUrl).host };
	},
	webhookSecrets: (c, account) => ({ account, secret: wooWebhookSecret(text(c.webhookSecret), String(c.consumerSecret ?? '')) }),
};
