import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { wooWebhookSecret } from '../../../core/channels/woocommerce/webhook';
import { text, type N8nChannel } from './types';

/** The site URL is the API root; its host names the shop, so http/https or a trailing slash do not split it. */
const site = (url: unknown) => {
	const siteUrl = String(url ?? '').replace(/\/+$/, '');
	return { baseUrl: siteUrl, account: new URL(siteUrl).host };
};

const secretOf = (c: ICredentialDataDecryptedObject, account: string) => ({ account, secret: wooWebhookSecret(text(c.webhookSecret), String(c.consumerSecret ?? '')) });

export const wooCommerceN8n: N8nChannel = {
	credentialType: 'wooCommerceOmsApi',
	adapterContext: (credentials) => site(credentials.siteUrl),
	webhookSecrets: secretOf,
	authentication: {
		own: { name: 'WooCommerce (OMS) API', description: 'Site URL, REST API keys and an optional webhook secret' },
		alternatives: [
			{
				// n8n's own "WooCommerce API" (url, consumer key and secret; HTTP Basic or keys in the query).
				credentialType: 'wooCommerceApi',
				name: "n8n's WooCommerce API",
				description: "An existing credential of n8n's WooCommerce node; webhooks are signed with a secret derived from its consumer secret",
				adapterContext: (credentials) => site(credentials.url),
			},
		],
	},
};
