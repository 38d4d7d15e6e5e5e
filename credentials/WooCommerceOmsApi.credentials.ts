import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { optionalSecretProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { urlFieldRoot } from './shared/requests';

/**
 * WooCommerce REST API keys (WooCommerce → Settings → Advanced → REST API, "Read" is enough to import
 * orders). Sent as HTTP Basic, which WooCommerce accepts over HTTPS only. The site URL is also the API root,
 * so it doubles as the base URL override (tests point it at a simulator). WooCommerce has no sandbox host.
 */
export class WooCommerceOmsApi implements ICredentialType {
	name = 'wooCommerceOmsApi';

	displayName = 'WooCommerce (OMS) API';

	icon = 'file:icons/woocommerce.svg' as const;

	documentationUrl = 'https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication';

	properties: INodeProperties[] = [
		requiredStringProperty('Site URL', 'siteUrl', {
			placeholder: 'https://shop.example.com',
			description: 'Address of the WordPress site (HTTPS), without /wp-json',
		}),
		requiredStringProperty('Consumer Key', 'consumerKey', { placeholder: 'ck_…' }),
		secretProperty('Consumer Secret', 'consumerSecret'),
		optionalSecretProperty(
			'Webhook Secret',
			'webhookSecret',
			'Only for the OMS Order Webhook Trigger: the secret WooCommerce signs webhooks with (X-WC-Webhook-Signature). Leave empty to let the trigger derive one from the consumer secret when it registers its webhooks; set it when you create the webhooks yourself (WooCommerce → Settings → Advanced → Webhooks → Secret).',
		),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.consumerKey}}', password: '={{$credentials.consumerSecret}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: urlFieldRoot('siteUrl'), url: '/wp-json/wc/v3/orders', qs: { per_page: 1 } },
	};
}
