import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { OLIST_API, OLIST_AUTH, OLIST_SANDBOX_API, OLIST_SANDBOX_AUTH, OLIST_GRANT_PATH } from '../core/channels/olist/api';
import {
	environmentProperty,
	expirableTokenProperty,
	productionAndSandbox,
	refreshTokenProperty,
	requiredStringProperty,
	secretProperty,
} from './shared/channelProperties';
import { apiRoot, headerAuthentication } from './shared/requests';
import { clientSecretGrant } from './shared/tokens';

const sandbox = (c: ICredentialDataDecryptedObject) => c.environment === 'sandbox';
const trim = (v: unknown) => String(v ?? '').replace(/\/+$/, '');

/**
 * An Olist seller who authorised the app (dev.olist.com, OAuth2): the seller signs in on Olist's authorization
 * screen and the app's redirect URI receives a code, exchanged at the auth server (Keycloak) for an id_token
 * (~5 min), an access token and a refresh token; the API wants "Authorization: JWT {id_token}". n8n's
 * preAuthentication keeps the id_token (expirable) and the refresh token, renews both with the refresh token when
 * Olist answers 401, and exchanges the code again only when the refresh token no longer works (a code is used once:
 * after that, authorise again). n8n's own OAuth2 credential cannot send the id_token with the "JWT" prefix.
 */
export class OlistOmsApi implements ICredentialType {
	name = 'olistOmsApi';

	displayName = 'Olist (OMS) API';

	icon = 'file:icons/olist.svg' as const;

	documentationUrl = 'https://dev.olist.com/en/guides-and-tutorials/authentication/oauth2';

	properties: INodeProperties[] = [
		environmentProperty(productionAndSandbox('Sandbox')),
		requiredStringProperty('Seller ID', 'sellerId', { description: "The seller's id at Olist (seller_id); names the account in the OMS" }),
		requiredStringProperty('Client ID', 'clientId'),
		secretProperty('Client Secret', 'clientSecret'),
		requiredStringProperty('Redirect URI', 'redirectUri', { description: "Your app's redirect URI, exactly as registered (the code exchange repeats it)" }),
		{ ...secretProperty('Authorization Code', 'code'), description: 'The code Olist sent to the redirect URI when the seller authorised the app' },
		{
			displayName: 'API Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: OLIST_API,
			description: "Leave empty for the environment's API",
		},
		{
			displayName: 'Auth Server Override',
			name: 'authUrl',
			type: 'string',
			default: '',
			placeholder: OLIST_AUTH,
			description: "Leave empty for the environment's auth server (its token path is " + OLIST_GRANT_PATH + ')',
		},
		expirableTokenProperty('ID Token', 'idToken'),
		refreshTokenProperty,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = trim(credentials.authUrl || (sandbox(credentials) ? OLIST_SANDBOX_AUTH : OLIST_AUTH)) + OLIST_GRANT_PATH;
		const tokens = await clientSecretGrant(
			this.helpers,
			url,
			credentials,
			{ grant_type: 'authorization_code', code: String(credentials.code), redirect_uri: String(credentials.redirectUri) },
			(t) => ({ token: t.id_token, refresh: t.refresh_token }),
			'Olist gave no id_token (check the client, the redirect URI and the authorization code; the scope must include openid)',
		);
		return { idToken: tokens.token, refreshToken: tokens.refresh };
	}

	authenticate: IAuthenticateGeneric = headerAuthentication({ Authorization: '=JWT {{$credentials.idToken}}' });

	// One order of the seller's list: a read every authorised app may do.
	test: ICredentialTestRequest = {
		request: {
			baseURL: apiRoot({ production: OLIST_API, sandbox: OLIST_SANDBOX_API }),
			url: '/seller-orders/',
			qs: { page_size: 1 },
		},
	};
}
