import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { expirableTokenProperty, refreshTokenProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { postForm, urlFieldRoot } from './shared/requests';
import { renewOrExchange, type OAuthTokenAnswer } from './shared/tokens';

const API = urlFieldRoot('apiAddress');

/**
 * A Tray app installed in one store (developers.tray.com.br, "Autorização"): the app's consumer key and
 * secret and the store's authorisation code give, at POST {api_address}/auth, an access token (about 3 hours)
 * and a refresh token (about 30 days); GET {api_address}/auth?refresh_token= renews both. n8n's
 * preAuthentication keeps them in hidden fields (the expirable access token, and the refresh token n8n saves
 * with it) and runs again when a request is answered 401; every request carries ?access_token=.
 */
export class TrayOmsApi implements ICredentialType {
	name = 'trayOmsApi';

	displayName = 'Tray (OMS) API';

	icon = 'file:icons/tray.svg' as const;

	documentationUrl = 'https://developers.tray.com.br/#autorizacao';

	properties: INodeProperties[] = [
		requiredStringProperty('API Address', 'apiAddress', {
			placeholder: 'https://www.minhaloja.com.br/web_api',
			description: "The store's api_address, sent to your app's callback with the code (the store's URL + /web_api)",
		}),
		requiredStringProperty('Store ID', 'storeId', { description: 'The store code (store_id in the token answer); names the account in the OMS' }),
		requiredStringProperty('Consumer Key', 'consumerKey'),
		secretProperty('Consumer Secret', 'consumerSecret'),
		{ ...secretProperty('Authorization Code', 'code'), description: "The code Tray sent to your app's callback when the store installed it" },
		expirableTokenProperty('Access Token', 'accessToken'),
		refreshTokenProperty,
	];

	/** Renews with the refresh token while it works; otherwise (first use, refresh expired) exchanges the code. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = String(credentials.apiAddress).replace(/\/+$/, '');
		const pair = (t: OAuthTokenAnswer) => ({ token: t.access_token, refresh: t.refresh_token });
		const tokens = await renewOrExchange(
			credentials.refreshToken,
			async (refresh_token) =>
				pair((await this.helpers.httpRequest({ method: 'GET', url: `${base}/auth`, qs: { refresh_token }, json: true })) as OAuthTokenAnswer),
			async () =>
				pair(
					(await postForm(this.helpers, `${base}/auth`, {
						consumer_key: String(credentials.consumerKey),
						consumer_secret: String(credentials.consumerSecret),
						code: String(credentials.code),
					})) as OAuthTokenAnswer,
				),
		);
		return { accessToken: tokens.token ?? '', refreshToken: tokens.refresh ?? '' };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
	};

	// The order statuses: a small read every app that reads orders may do.
	test: ICredentialTestRequest = {
		request: { baseURL: API, url: '/orders/statuses', qs: { limit: 1 } },
	};
}
