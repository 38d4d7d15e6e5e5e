import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { REFRESH_PATH, SHOPEE_API, signedQuery, CODE_EXCHANGE_PATH, type ShopeeKeys } from '../core/channels/shopee/api';
import { baseUrlOverrideProperty, expirableTokenProperty, refreshTokenProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { apiRoot } from './shared/requests';
import { renewOrExchange, type OAuthTokenAnswer } from './shared/tokens';

const keysOf = (c: ICredentialDataDecryptedObject): ShopeeKeys => ({
	partnerId: String(c.partnerId),
	partnerKey: String(c.partnerKey),
	shopId: String(c.shopId),
});
const baseOf = (c: ICredentialDataDecryptedObject) => String(c.baseUrl || SHOPEE_API).replace(/\/+$/, '');

/**
 * A Shopee Open Platform app (partner id and key) authorised by one shop: the code Shopee sends to the app's
 * redirect gives, at POST /api/v2/auth/token/get, a 4-hour access token and a refresh token (30 days, replaced
 * at each refresh); POST /api/v2/auth/access_token/get renews both. n8n's preAuthentication keeps them in
 * hidden fields and runs again when a call is answered 403 (see nodes/shared/channels/shopee.ts). Every request
 * is signed: partner_id, timestamp, access_token, shop_id and the HMAC-SHA256 `sign` in the query.
 */
export class ShopeeOmsApi implements ICredentialType {
	name = 'shopeeOmsApi';

	displayName = 'Shopee (OMS) API';

	icon = 'file:icons/shopee.svg' as const;

	documentationUrl = 'https://open.shopee.com/developer-guide/20';

	properties: INodeProperties[] = [
		requiredStringProperty('Partner ID', 'partnerId'),
		secretProperty('Partner Key', 'partnerKey'),
		requiredStringProperty('Shop ID', 'shopId', { description: 'The authorised shop (shop_id sent to the redirect URL); names the account in the OMS' }),
		{
			...secretProperty('Authorization Code', 'code'),
			description: 'The code Shopee sent to your redirect URL when the shop authorised the app (valid 10 minutes, used once)',
		},
		baseUrlOverrideProperty(SHOPEE_API, 'API host. Leave empty for partner.shopeemobile.com; the sandbox is https://partner.test-stable.shopeemobile.com.'),
		expirableTokenProperty('Access Token', 'accessToken'),
		refreshTokenProperty,
	];

	/** Renews with the refresh token while it works; otherwise (first use, refresh expired) exchanges the code. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const keys = keysOf(credentials);
		const call = (path: string, body: Record<string, unknown>) => {
			const url = baseOf(credentials) + path;
			return this.helpers.httpRequest({ method: 'POST', url, qs: signedQuery(keys, url, Date.now()), body, json: true }) as Promise<OAuthTokenAnswer>;
		};
		const ids = { partner_id: Number(keys.partnerId), shop_id: Number(keys.shopId) };
		const pair = async (path: string, body: Record<string, unknown>) => {
			const t = await call(path, { ...ids, ...body });
			return { token: t.access_token, refresh: t.refresh_token };
		};
		const tokens = await renewOrExchange(
			credentials.refreshToken,
			(refresh_token) => pair(REFRESH_PATH, { refresh_token }),
			() => pair(CODE_EXCHANGE_PATH, { code: String(credentials.code) }),
		);
		if (!tokens.token) throw new Error('Shopee gave no access token (check the partner key and the authorisation code)');
		return { accessToken: tokens.token, refreshToken: tokens.refresh ?? '' };
	}

	/** The documented signature over this request's path and the current second. */
	async authenticate(credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const url = new URL(request.url, request.baseURL ? `${request.baseURL.replace(/\/+$/, '')}/` : undefined).toString();
		return { ...request, qs: { ...(request.qs ?? {}), ...signedQuery(keysOf(credentials), url, Date.now(), String(credentials.accessToken)) } };
	}

	// The shop's own profile: a read every authorised app may do.
	test: ICredentialTestRequest = {
		request: { baseURL: apiRoot(SHOPEE_API), url: '/api/v2/shop/get_shop_info' },
	};
}
