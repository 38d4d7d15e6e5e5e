import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { authorizationCodeProperties, baseUrlOverrideProperty, hiddenProperty, noticeProperty, shopifyShopProperties } from './shared/channelProperties';

const SHOP_ROOT = '($self["baseUrl"] || ("https://" + $self["shopSubdomain"] + ".myshopify.com")).replace(/\\/+$/, "")';

/**
 * Shopify OAuth 2.0, authorization code grant, with an **expiring offline token** (shopify.dev
 * docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant; changelog
 * "Offline access tokens now support expiry and refresh", 2025-12-10): for public apps and stores you do
 * not own, where a Dev Dashboard app's client credentials grant is not allowed. Public apps must use
 * expiring tokens from 2027-01-01.
 * - The code exchange sends `expiring=1` (hidden additionalBodyProperties, which n8n adds to the token
 *   request): without it Shopify issues a non-expiring token and no refresh token.
 * - The access token lasts 60 minutes. n8n refreshes it when Shopify answers 401 (grant_type=refresh_token
 *   with client id and secret in the body, hence authentication = body) and stores the new access and
 *   refresh tokens: Shopify replaces the refresh token on every refresh.
 * - The nodes send the token in `X-Shopify-Access-Token`, the header the Admin API reads (n8n's
 *   keyToIncludeInAccessTokenHeader; see nodes/shared/channels/shopify.ts).
 * Scopes are the app's own (its configuration in the Dev Dashboard); the field asks for the same ones.
 */
export class ShopifyOmsOAuth2Api implements ICredentialType {
	name = 'shopifyOmsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Shopify (OMS) OAuth2 API';

	icon = 'file:../nodes/ShopifyTrigger/shopify.svg' as const;

	documentationUrl = 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant';

	properties: INodeProperties[] = [
		noticeProperty(
			'setupNotice',
			'In your app (Shopify Dev Dashboard → Apps → your app → Versions), add the OAuth Redirect URL shown above as an allowed redirect URL, and give the app the scopes below. The token expires every hour and is refreshed by n8n; use this credential in one n8n instance only (each refresh replaces the refresh token).',
		),
		...shopifyShopProperties,
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'read_orders,write_orders,read_products,write_inventory,read_locations,write_merchant_managed_fulfillment_orders',
			description:
				'Comma-separated access scopes: read_orders for the triggers; write_inventory, read_products and read_locations to push stock; write_orders for invoices (metafields) and cancellations; write_merchant_managed_fulfillment_orders for tracking codes',
		},
		baseUrlOverrideProperty(
			'https://my-store.myshopify.com',
			'Leave empty for https://{subdomain}.myshopify.com; set it to reach a proxy or a test simulator (the OAuth endpoints move with it)',
		),
		// Offline access is Shopify's default mode: no access_mode parameter in the query.
		...authorizationCodeProperties({
			authUrl: `={{${SHOP_ROOT} + "/admin/oauth/authorize"}}`,
			accessTokenUrl: `={{${SHOP_ROOT} + "/admin/oauth/access_token"}}`,
		}),
		hiddenProperty('Additional Body Properties', 'additionalBodyProperties', '{"expiring":"1"}'),
	];
}
