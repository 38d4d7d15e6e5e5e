import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, environmentProperty, productionAndSandbox, secretProperty } from './shared/channelProperties';

/**
 * Shopify Admin API access token of a custom / Dev Dashboard app (scope read_orders; read_all_orders for
 * orders older than 60 days), sent as X-Shopify-Access-Token.
 */
export class ShopifyOmsApi implements ICredentialType {
	name = 'shopifyOmsApi';

	displayName = 'Shopify OMS API';

	icon = 'file:../nodes/ShopifyTrigger/shopify.svg' as const;

	documentationUrl = 'https://shopify.dev/docs/api/admin-graphql';

	properties: INodeProperties[] = [
		environmentProperty(
			productionAndSandbox('Sandbox (Development Store)'),
			'Shopify has no sandbox host: a sandbox is a development store with its own subdomain',
		),
		{
			displayName: 'Shop Subdomain',
			name: 'shopSubdomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'my-store',
			description: 'The part before .myshopify.com',
		},
		secretProperty('Admin API Access Token', 'accessToken'),
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2026-01',
			description: 'Quarterly Admin API version (YYYY-MM); each is supported for at least 12 months',
		},
		{
			displayName: 'App Client Secret (Webhooks)',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the OMS Order Webhook Trigger: the client secret (API secret key) of the app that owns the access token above. Shopify signs each webhook with it (X-Shopify-Hmac-Sha256); deliveries that do not verify are refused.",
		},
		baseUrlOverrideProperty(
			'https://my-store.myshopify.com',
			'Leave empty for https://{subdomain}.myshopify.com; set it to reach a proxy or a test simulator',
		),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Shopify-Access-Token': '={{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://" + $credentials.shopSubdomain + ".myshopify.com"}}',
			url: '=/admin/api/{{$credentials.apiVersion}}/graphql.json',
			method: 'POST',
			body: { query: '{ shop { name } }' },
		},
	};
}
