import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import {
	MAGALU_FULFILLMENT_WAREHOUSE,
	MAGALU_FULFILLMENT_WHEN,
} from '../core/channels/magalu/fulfillment';
import {
	ID_MAGALU_AUTH_URL,
	ID_MAGALU_LOGIN_QUERY,
	ID_MAGALU_TOKEN_URL,
	MAGALU_API_HOSTS,
	MAGALU_DEFAULT_CHANNEL_ID,
	MAGALU_ORDER_SCOPES,
} from '../core/channels/magalu/endpoints';
import { authorizationCodeProperties, baseUrlOverrideProperty, environmentProperty, optionalStringProperty, productionAndSandbox } from './shared/channelProperties';
import { apiRoot } from './shared/requests';

/**
 * Magalu Open API via ID Magalu: OAuth 2.0 authorization code (the seller consents as the store, hence
 * choose_tenants=true). n8n's OAuth2 support sends the bearer token and refreshes it. The same ID Magalu
 * serves production and sandbox; the environment picks the API host.
 */
export class MagaluOAuth2Api implements ICredentialType {
	name = 'magaluOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Magalu OAuth2 API';

	icon = 'file:icons/magalu.svg' as const;

	documentationUrl = 'https://developers.magalu.com/docs/first-steps/create-an-application/authentication-authorization';

	properties: INodeProperties[] = [
		environmentProperty(productionAndSandbox('Sandbox (api-sandbox.magalu.com)', 'Production (api.magalu.com)')),
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			default: MAGALU_DEFAULT_CHANNEL_ID,
			description: 'Sent as X-Channel-Id: the sales channel to operate (the default is the Magalu channel; the sandbox may use its own ID)',
		},
		optionalStringProperty(
			'Fulfillment Warehouse',
			'fulfillmentWarehouse',
			'The OMS warehouse that holds your stock in Magalu Fulfillment (Magalu\'s own warehouse). Orders Magalu ships from there take units from this warehouse, never from yours; do not list it under a channel\'s Sells.',
			{ default: MAGALU_FULFILLMENT_WAREHOUSE },
		),
		optionalStringProperty(
			'Fulfillment When',
			'fulfillmentWhen',
			'How to recognise a delivery Magalu ships from its own warehouse: field=value pairs of the delivery, separated by commas (any one matching is enough). Magalu has not published this field; the default is what other integrations read. Write "none" if you do not use Magalu Fulfillment and orders are wrongly held apart.',
			{ default: MAGALU_FULFILLMENT_WHEN },
		),
		baseUrlOverrideProperty(
			'https://api.magalu.com',
			"API root. Leave empty for the environment's host. When set, tokens are also requested from <base URL>/oauth/token (a test simulator serves both).",
		),
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: MAGALU_ORDER_SCOPES.join(' '),
			description: 'Space-separated; must match the scopes configured on the application in ID Magalu',
		},
		...authorizationCodeProperties({
			authUrl: ID_MAGALU_AUTH_URL,
			accessTokenUrl: `={{$self["baseUrl"] ? $self["baseUrl"].replace(/\\/+$/, "") + "/oauth/token" : "${ID_MAGALU_TOKEN_URL}"}}`,
			authQueryParameters: ID_MAGALU_LOGIN_QUERY,
		}),
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: apiRoot(MAGALU_API_HOSTS),
			url: '/seller/v1/orders',
			qs: { _limit: 1 },
			headers: { 'X-Channel-Id': '={{$credentials.channelId}}' },
		},
	};
}
