import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import {
	baseUrlOverrideProperty,
	environmentProperty,
	expirableTokenProperty,
	optionalSecretProperty,
	productionAndSandbox,
	requiredStringProperty,
	secretProperty,
	shopifyShopProperties,
} from './shared/channelProperties';
import { headerAuthentication } from './shared/requests';
import { optionsField } from '../nodes/shared/fields';

/**
 * Shopify Admin API (scope read_orders; read_all_orders for orders older than 60 days), token sent as
 * X-Shopify-Access-Token. Two ways to get it:
 * - a static Admin API access token (legacy custom apps, which cannot be created since 2026-01-01): the default,
 *   so credentials saved before the choice existed keep working;
 * - the client credentials grant of a Dev Dashboard app installed in a store you own: n8n's preAuthentication
 *   posts client id + secret to https://{shop}.myshopify.com/admin/oauth/access_token
 *   (shopify.dev …/authentication-authorization/client-secrets) and keeps the ~24 h token in the hidden,
 *   expirable `clientCredentialsToken`; nodes resend once after a 401 (tokenExpiredStatus), which refreshes it.
 */
export class ShopifyOmsApi implements ICredentialType {
	name = 'shopifyOmsApi';

	displayName = 'Shopify (OMS) API';

	icon = 'file:../nodes/ShopifyTrigger/shopify.svg' as const;

	documentationUrl = 'https://shopify.dev/docs/api/admin-graphql';

	properties: INodeProperties[] = [
		environmentProperty(
			productionAndSandbox('Sandbox (Development Store)'),
			'Shopify has no sandbox host: a sandbox is a development store with its own subdomain',
		),
		shopifyShopProperties[0],
		optionsField('Authentication', 'authentication', 'accessToken', [
			{
				name: 'Admin API Access Token (Legacy Custom App)',
				value: 'accessToken',
				description: 'A static shpat_ token; only apps created in the Shopify admin before 2026-01-01 have one',
			},
			{
				name: 'Client Credentials (Dev Dashboard App, Own Store)',
				value: 'clientCredentials',
				description: 'Client ID and secret of an app installed in a store your organization owns; tokens are fetched and renewed automatically',
			},
		]),
		{ ...secretProperty('Admin API Access Token', 'accessToken'), displayOptions: { show: { authentication: ['accessToken'] } } },
		requiredStringProperty('Client ID', 'clientId', {
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: 'Dev Dashboard → Apps → your app → Settings',
		}),
		shopifyShopProperties[1],
		optionalSecretProperty(
			'App Client Secret',
			'clientSecret',
			'The client secret (API secret key) of the app. Client credentials: required, it obtains the access token. Legacy token: only for the OMS Order Webhook Trigger. Shopify signs each webhook with it (X-Shopify-Hmac-Sha256); deliveries that do not verify are refused.',
		),
		baseUrlOverrideProperty('https://my-store.myshopify.com', 'Leave empty for https://{subdomain}.myshopify.com; set it to reach a proxy or a test simulator'),
		expirableTokenProperty('Client Credentials Token', 'clientCredentialsToken'),
	];

	/** Client credentials only; a legacy token needs no exchange (an empty answer leaves the credential as is). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication !== 'clientCredentials') return {};
		const base = String(credentials.baseUrl || `https://${String(credentials.shopSubdomain)}.myshopify.com`).replace(/\/+$/, '');
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: String(credentials.clientId),
			client_secret: String(credentials.clientSecret),
		});
		const res = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${base}/admin/oauth/access_token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
		})) as { access_token?: string };
		return { clientCredentialsToken: res.access_token };
	}

	authenticate: IAuthenticateGeneric = headerAuthentication({
		'X-Shopify-Access-Token': '={{$credentials.authentication === "clientCredentials" ? $credentials.clientCredentialsToken : $credentials.accessToken}}',
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://" + $credentials.shopSubdomain + ".myshopify.com"}}',
			url: '=/admin/api/{{$credentials.apiVersion}}/graphql.json',
			method: 'POST',
			body: { query: '{ shop { name } }' },
		},
	};
}
