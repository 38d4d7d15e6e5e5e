import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { ShopifySimulator } from '../simulators/shopify';
import { runSync } from '../harness/n8n-sync-harness';

/**
 * OMS Status Sync → Push Stock with Authentication = Shopify (OMS) OAuth2 API, through n8n-core's real
 * requestOAuth2: the write carries the token in X-Shopify-Access-Token; once the 60-minute token expired the
 * write is answered 401, n8n refreshes the token and the write is resent, and the stock lands once.
 */
const CLIENT = { id: 'oauth-client', secret: 'oauth-secret' };
let sim: ShopifySimulator;
let shopify: ICredentialDataDecryptedObject;
let storeCredential: ICredentialDataDecryptedObject;

beforeEach(async () => {
	sim = new ShopifySimulator('shpat_unused').withClientApp(CLIENT.id, CLIENT.secret);
	await sim.start();
	sim.putVariant(4101, 'IPOD-PINK', 0);
	sim.clientApp!.approve('code-1');
	const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
	const token = await new ClientOAuth2({
		clientId: CLIENT.id,
		clientSecret: CLIENT.secret,
		accessTokenUri: `${sim.baseUrl}/admin/oauth/access_token`,
		authorizationUri: '',
		redirectUri: redirect,
		body: { expiring: '1' },
	}).code.getToken(`${redirect}?code=code-1`);
	shopify = {
		shopSubdomain: 'bob-norman',
		apiVersion: '2026-04',
		baseUrl: sim.baseUrl,
		clientId: CLIENT.id,
		clientSecret: CLIENT.secret,
		grantType: 'authorizationCode',
		authentication: 'body',
		accessTokenUrl: `${sim.baseUrl}/admin/oauth/access_token`,
		oauthTokenData: token.data as unknown as IDataObject,
	};
	storeCredential = { storeType: 'sqlite', sqlitePath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-oauth-')), 'oms.sqlite') };
});
afterEach(() => sim.stop());
afterAll(() => closeSharedStores());

const push = () => {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5000, sleep: async () => undefined }, timeoutMs: 2000 });
	return runSync({
		nodeType,
		parameters: { channel: 'shopify', authentication: 'shopifyOmsOAuth2Api', operation: 'pushStock' },
		credentials: { omsStoreApi: storeCredential, shopifyOmsOAuth2Api: shopify },
		items: [{ sku: 'IPOD-PINK' }],
		oauth2CredentialTypes: ['shopifyOmsOAuth2Api'],
	});
};

it('pushes stock with the OAuth2 token, and after expiry refreshes it once and pushes again', async () => {
	const store = getSharedStore({ driver: 'sqlite', path: String(storeCredential.sqlitePath) });
	await store.setOnHand([{ sku: 'IPOD-PINK', onHand: 7 }]);
	expect((await push())[0].json).toMatchObject({ sku: 'IPOD-PINK', value: 7, status: 'pushed' });
	expect(sim.available('IPOD-PINK')).toBe(7);
	const first = (shopify.oauthTokenData as IDataObject).access_token;

	sim.clientApp!.expireTokens();
	await store.setOnHand([{ sku: 'IPOD-PINK', onHand: 5 }]);
	const before = sim.requests(/graphql\.json$/).length;
	expect((await push())[0].json).toMatchObject({ sku: 'IPOD-PINK', value: 5, status: 'pushed' });
	expect(sim.available('IPOD-PINK')).toBe(5);
	expect(sim.clientApp!.grants.filter((g) => g.grant_type === 'refresh_token')).toHaveLength(1);
	const refreshed = (shopify.oauthTokenData as IDataObject).access_token;
	expect(refreshed).not.toBe(first);
	const graphql = sim.requests(/graphql\.json$/);
	expect(graphql.at(-1)!.headers['x-shopify-access-token']).toBe(refreshed);
	// After the expiry the old token is sent twice (the answer the node reads, then the resend n8n refreshes
	// on); every request after the refresh carries the new one.
	const after = graphql.slice(before).map((r) => (r.headers['x-shopify-access-token'] === first ? 'old' : r.headers['x-shopify-access-token'] === refreshed ? 'new' : '?'));
	expect(after.slice(0, 2)).toEqual(['old', 'old']);
	expect(after.slice(2).every((t) => t === 'new')).toBe(true);
});
