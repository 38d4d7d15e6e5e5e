import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IAuthenticateGeneric,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { LWA_TOKEN_PATH, LWA_TOKEN_URL } from '../core/channels/amazon/endpoints';
import { lwaRefreshRequest } from '../core/channels/amazon/lwa';
import {
	baseUrlOverrideProperty,
	environmentProperty,
	expirableTokenProperty,
	productionAndSandbox,
	requiredStringProperty,
	secretProperty,
} from './shared/channelProperties';
import { apiRoot, headerAuthentication } from './shared/requests';
import { optionsField } from '../nodes/shared/fields';

/**
 * Amazon Selling Partner API with a Login with Amazon refresh token (self-authorised private app or an
 * authorised public app). n8n's preAuthentication exchanges the refresh token for a 1-hour access token and
 * stores it in the hidden, expirable `accessToken`; `authenticate` sends it as x-amz-access-token.
 * SP-API answers an expired token with 403, not 401, so nodes call httpRequestWithAuthentication with
 * `preAuthenticationRetryStatusCode: 403` to get the refresh-and-resend. The core's equivalent for the CLI
 * and tests is core/channels/amazon/lwa.ts.
 */
export class AmazonSpApi implements ICredentialType {
	name = 'amazonSpApi';

	displayName = 'Amazon Selling Partner API';

	icon = 'file:icons/amazon.svg' as const;

	documentationUrl = 'https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api';

	properties: INodeProperties[] = [
		environmentProperty(productionAndSandbox('Sandbox (Static Examples)')),
		optionsField('Region', 'region', 'na', [
			{ name: 'North America (Incl. Brazil)', value: 'na' },
			{ name: 'Europe', value: 'eu' },
			{ name: 'Far East', value: 'fe' },
		]),
		requiredStringProperty('LWA Client ID', 'clientId'),
		secretProperty('LWA Client Secret', 'clientSecret'),
		secretProperty('Refresh Token', 'refreshToken'),
		baseUrlOverrideProperty(
			'https://sellingpartnerapi-na.amazon.com',
			`API root. Leave empty for the region's host. When set, the token is also requested from <base URL>${LWA_TOKEN_PATH} (a test simulator serves both).`,
		),
		expirableTokenProperty('Access Token', 'accessToken'),
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		const lwa = { refreshToken: String(credentials.refreshToken), clientId: String(credentials.clientId), clientSecret: String(credentials.clientSecret) };
		const { method, url, headers, body } = lwaRefreshRequest(lwa, base ? base + LWA_TOKEN_PATH : LWA_TOKEN_URL);
		const res = (await this.helpers.httpRequest({ method, url, headers, body })) as { access_token?: string };
		return { accessToken: res.access_token };
	}

	authenticate: IAuthenticateGeneric = headerAuthentication({ 'x-amz-access-token': '={{$credentials.accessToken}}' });

	test: ICredentialTestRequest = {
		request: {
			baseURL: apiRoot({
				expression: '"https://" + ($credentials.environment === "sandbox" ? "sandbox." : "") + "sellingpartnerapi-" + $credentials.region + ".amazon.com"',
			}),
			url: '/sellers/v1/marketplaceParticipations',
		},
	};
}
