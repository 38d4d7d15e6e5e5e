import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import {
	authorizationCodeProperties,
	baseUrlOverrideProperty,
	environmentProperty,
	hiddenProperty,
	noticeProperty,
	optionalStringProperty,
	productionAndSandbox,
} from './shared/channelProperties';

/**
 * Mercado Livre OAuth 2.0 (authorization code). Access tokens last 6 hours; refresh tokens are single-use
 * and rotate: every refresh returns a new refresh token and invalidates the old one. n8n's OAuth2 support
 * refreshes on a 401 and stores the new token data in this credential, so the rotation needs nothing from
 * the nodes, but one credential must not be copied to a second n8n instance: whichever instance refreshes
 * first invalidates the other's refresh token.
 */
export class MercadoLivreOAuth2Api implements ICredentialType {
	name = 'mercadoLivreOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Mercado Livre OAuth2 API';

	icon = 'file:../nodes/MercadoLivreTrigger/mercadolivre.svg' as const;

	documentationUrl = 'https://developers.mercadolivre.com.br/pt_br/autenticacao-e-autorizacao';

	properties: INodeProperties[] = [
		noticeProperty(
			'rotationNotice',
			'Refresh tokens are single-use: each refresh replaces the stored token. Use this credential in one n8n instance only; a copy elsewhere stops working at the next refresh.',
		),
		environmentProperty(
			productionAndSandbox('Sandbox (Test User)'),
			'Mercado Livre has no sandbox host: sandbox means authorising with a test user (POST /users/test_user)',
		),
		optionalStringProperty('Seller ID', 'sellerId', 'Leave empty to use the user_id Mercado Livre returned with the token'),
		optionalStringProperty(
			'Depots',
			'depots',
			'Multi-origin sellers only: each Mercado Livre depot (store ID, from GET /users/{id}/stores/search?tags=stock_location) and the OMS warehouse it is, as storeId=warehouse pairs. Orders reserve in the warehouse of the depot they sold from (an unlisted depot is "default"), and Push Stock writes the depot of its warehouse.',
			{ placeholder: '54936888=sp, 54936889=rj' },
		),
		optionalStringProperty('Authorization URL', 'authUrl', "The authorization host of the seller's country (auth.mercadolibre.com.ar, .com.mx, ...)", {
			default: 'https://auth.mercadolivre.com.br/authorization',
		}),
		baseUrlOverrideProperty(
			'https://api.mercadolibre.com',
			'API root. Leave empty for https://api.mercadolibre.com; set it to reach a proxy or a test simulator.',
		),
		// The Authorization URL is the visible field above (per country).
		...authorizationCodeProperties({ accessTokenUrl: '={{($self["baseUrl"] || "https://api.mercadolibre.com").replace(/\\/+$/, "") + "/oauth/token"}}' }),
		// Scopes are configured on the application in Mercado Livre's app manager, not requested here.
		hiddenProperty('Scope', 'scope', ''),
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://api.mercadolibre.com"}}',
			url: '/users/me',
		},
	};
}
