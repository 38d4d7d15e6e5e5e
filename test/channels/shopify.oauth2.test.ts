import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';
import { ShopifyOmsOAuth2Api } from '../../credentials/ShopifyOmsOAuth2Api.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { ShopifyTrigger } from '../../nodes/ShopifyTrigger/ShopifyTrigger.node';
import { ShopifySimulator, shopifyOrder } from '../simulators/shopify';
import { PollHarness } from '../harness/n8n-poll-harness';
import { orderIds, TINY_RETRY } from './trigger-conformance';

/**
 * Shopify (OMS) OAuth2 API: the authorization code exchange as n8n's OAuth2 callback does it (the
 * @n8n/client-oauth2 code flow with the credential's hidden fields), then the Shopify trigger through n8n-core's
 * real requestOAuth2: the token goes in X-Shopify-Access-Token, and an expired token is refreshed with the
 * refresh token and the new token data stored.
 */
const CLIENT_ID = 'oauth-client-id';
const CLIENT_SECRET = 'oauth-client-secret';
const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';
const hidden = (name: string) => (new ShopifyOmsOAuth2Api().properties.find((p) => p.name === name) as INodeProperties).default as string;

let sim: ShopifySimulator;
beforeEach(async () => {
	sim = new ShopifySimulator('shpat_static_not_used').withClientApp(CLIENT_ID, CLIENT_SECRET);
	await sim.start();
});
afterEach(() => sim.stop());

/** The merchant approves; n8n's callback exchanges the code with the credential's settings. */
async function connect(): Promise<ICredentialDataDecryptedObject> {
	sim.clientApp!.approve('code-123');
	const client = new ClientOAuth2({
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		accessTokenUri: `${sim.baseUrl}/admin/oauth/access_token`,
		authorizationUri: `${sim.baseUrl}/admin/oauth/authorize`,
		redirectUri: REDIRECT,
		scopes: hidden('scope').split(','),
		authentication: 'body',
		body: JSON.parse(hidden('additionalBodyProperties')) as Record<string, string>,
	});
	const token = await client.code.getToken(`${REDIRECT}?code=code-123`);
	return {
		shopSubdomain: 'bob-norman',
		apiVersion: '2026-01',
		baseUrl: sim.baseUrl,
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		accessTokenUrl: `${sim.baseUrl}/admin/oauth/access_token`,
		grantType: hidden('grantType'),
		authentication: hidden('authentication'),
		oauthTokenData: token.data as unknown as IDataObject,
	};
}

function harness(credentials: ICredentialDataDecryptedObject, now: () => Date): PollHarness {
	const nodeType = new ShopifyTrigger();
	nodeType.poll = orderTriggerPoll('shopify', { retry: TINY_RETRY, timeoutMs: 2000, now });
	return new PollHarness({
		nodeType,
		parameters: { authentication: 'shopifyOmsOAuth2Api' },
		credentials,
		authenticate: () => {
			throw new Error('an OAuth2 credential is signed by requestOAuth2, not authenticate');
		},
		oauth2CredentialType: 'shopifyOmsOAuth2Api',
	});
}

describe('Shopify (OMS) OAuth2 API', () => {
	it('the code exchange asks for an expiring offline token and gets a refresh token', async () => {
		const c = await connect();
		expect(sim.clientApp!.grants[0]).toMatchObject({ code: 'code-123', expiring: '1' });
		expect(c.oauthTokenData).toMatchObject({ expires_in: 3600, refresh_token: expect.stringMatching(/^shprt_/) });
	});

	it('the trigger sends the token in X-Shopify-Access-Token; an expired token is refreshed once, stored, and the poll goes on', async () => {
		const credentials = await connect();
		let clock = Date.parse('2026-03-01T12:00:00Z');
		const h = harness(credentials, () => new Date(clock));
		await h.poll(); // first activation: records the starting point
		sim.put(shopifyOrder({ id: 7001, updatedAt: '2026-03-01T12:05:00Z', createdAt: '2026-03-01T12:05:00Z' }));
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['7001']);
		const first = (credentials.oauthTokenData as IDataObject).access_token;
		expect(sim.requests(/graphql\.json$/).at(-1)!.headers['x-shopify-access-token']).toBe(first);

		// An hour later the token has expired: 401, refresh (grant_type=refresh_token, client in the body), resend.
		sim.clientApp!.expireTokens();
		sim.put(shopifyOrder({ id: 7002, updatedAt: '2026-03-01T12:20:00Z', createdAt: '2026-03-01T12:20:00Z' }));
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['7002']);
		const refreshes = sim.clientApp!.grants.filter((g) => g.grant_type === 'refresh_token');
		expect(refreshes).toHaveLength(1);
		expect(refreshes[0]).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: expect.stringMatching(/^shprt_/) });
		const stored = credentials.oauthTokenData as IDataObject;
		expect(stored.access_token).not.toBe(first);
		expect(stored.refresh_token).not.toBe(refreshes[0].refresh_token); // Shopify rotates the refresh token
		expect(sim.requests(/graphql\.json$/).at(-1)!.headers['x-shopify-access-token']).toBe(stored.access_token);
	});

	it('a refresh token Shopify no longer accepts fails the poll and leaves the cursor where it was', async () => {
		const credentials = await connect();
		let clock = Date.parse('2026-03-01T12:00:00Z');
		const h = harness(credentials, () => new Date(clock));
		await h.poll();
		const state = h.staticData;
		sim.clientApp!.expireTokens();
		(credentials.oauthTokenData as IDataObject).refresh_token = 'shprt_revoked';
		clock += 15 * 60_000;
		await expect(h.poll()).rejects.toThrow();
		expect(h.staticData).toEqual(state);
	});
});
