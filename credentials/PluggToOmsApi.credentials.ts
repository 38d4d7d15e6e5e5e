import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlOverrideProperty, expirableTokenProperty, refreshTokenProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { PLUGGTO_API } from '../core/channels/pluggto/api';
import { apiRoot, headerAuthentication } from './shared/requests';
import { clientSecretGrant } from './shared/tokens';

const API = apiRoot(PLUGGTO_API);

/**
 * A Plugg.To account reached as a "plugin" (Plugg.To's PHP library, PluggRequest): the app's client id and
 * secret with the account's API user and password give, at POST https://api.plugg.to/oauth/token
 * (grant_type=password, form-encoded), an access token and a refresh token (grant_type=refresh_token). n8n's
 * preAuthentication keeps them in hidden fields and runs again when Plugg.To answers 401; requests carry
 * `Authorization: Bearer`.
 */
export class PluggToOmsApi implements ICredentialType {
	name = 'pluggToOmsApi';

	displayName = 'Plugg.To (OMS) API';

	icon = 'file:icons/pluggto.svg' as const;

	documentationUrl = 'https://developers.plugg.to/reference/getting-started-with-your-api';

	properties: INodeProperties[] = [
		requiredStringProperty('Account Name', 'accountName', { description: 'Names the account in the OMS (orders are keyed pluggto:<account name>)' }),
		requiredStringProperty('Client ID', 'clientId'),
		secretProperty('Client Secret', 'clientSecret'),
		requiredStringProperty('API User', 'apiUser', { description: 'The API user of the Plugg.To account (Plugg.To → Settings → API)' }),
		secretProperty('API Password', 'apiPassword'),
		baseUrlOverrideProperty('https://api.plugg.to', 'Leave empty. Replaces https://api.plugg.to, e.g. for a test server.'),
		expirableTokenProperty('Access Token', 'accessToken'),
		refreshTokenProperty,
	];

	/** Renews with the refresh token while it works; otherwise (first use, refresh refused) the password grant. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = `${String(credentials.baseUrl || PLUGGTO_API).replace(/\/+$/, '')}/oauth/token`;
		const tokens = await clientSecretGrant(
			this.helpers,
			url,
			credentials,
			{ grant_type: 'password', username: String(credentials.apiUser), password: String(credentials.apiPassword) },
			(t) => ({ token: t.access_token, refresh: t.refresh_token }),
			'Plugg.To gave no access token (check the client id/secret and the API user/password)',
		);
		return { accessToken: tokens.token, refreshToken: tokens.refresh };
	}

	authenticate: IAuthenticateGeneric = headerAuthentication({ Authorization: '=Bearer {{$credentials.accessToken}}' });

	// One order of the list: the read the trigger needs.
	test: ICredentialTestRequest = {
		request: { baseURL: API, url: '/orders', qs: { limit: 1 } },
	};
}
