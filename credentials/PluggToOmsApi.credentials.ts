import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlOverrideProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';

const API = '={{($credentials.baseUrl || "https://api.plugg.to").replace(/\\/+$/, "")}}';

interface PluggToTokens {
	access_token?: string;
	refresh_token?: string;
}

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
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
		{ displayName: 'Refresh Token', name: 'refreshToken', type: 'hidden', typeOptions: { password: true }, default: '' },
	];

	/** Renews with the refresh token while it works; otherwise (first use, refresh refused) the password grant. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = `${String(credentials.baseUrl || 'https://api.plugg.to').replace(/\/+$/, '')}/oauth/token`;
		const grant = (fields: Record<string, string>) =>
			this.helpers.httpRequest({
				method: 'POST',
				url,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: new URLSearchParams({ client_id: String(credentials.clientId), client_secret: String(credentials.clientSecret), ...fields }).toString(),
				json: true,
			}) as Promise<PluggToTokens>;
		let tokens: PluggToTokens | undefined;
		if (credentials.refreshToken) tokens = await grant({ grant_type: 'refresh_token', refresh_token: String(credentials.refreshToken) }).catch(() => undefined);
		if (!tokens?.access_token)
			tokens = await grant({ grant_type: 'password', username: String(credentials.apiUser), password: String(credentials.apiPassword) });
		if (!tokens?.access_token) throw new Error('Plugg.To gave no access token (check the client id/secret and the API user/password)');
		return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? '' };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	// One order of the list: the read the trigger needs.
	test: ICredentialTestRequest = {
		request: { baseURL: API, url: '/orders', qs: { limit: 1 } },
	};
}
