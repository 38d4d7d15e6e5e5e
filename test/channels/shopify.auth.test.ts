import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { ShopifyOmsApi } from '../../credentials/ShopifyOmsApi.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { ShopifyTrigger } from '../../nodes/ShopifyTrigger/ShopifyTrigger.node';
import { ShopifySimulator, shopifyOrder } from '../simulators/shopify';
import { PollHarness } from '../harness/n8n-poll-harness';
import { shopifyAuthenticate } from './shopify-authenticate';
import { orderIds, TINY_RETRY } from './trigger-conformance';

// Request shape: shopify.dev/docs/apps/build/authentication-authorization/client-secrets
// ("POST https://{shop}.myshopify.com/admin/oauth/access_token", form-encoded grant_type=client_credentials).
const LEGACY = 'shpat_legacy0123456789';
const app = { clientId: 'sim-client-id', clientSecret: 'sim-client-secret' };
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 12 * 3600_000;
let sim: ShopifySimulator;
const tokenCalls = () => sim.requests(/\/admin\/oauth\/access_token$/);

/** n8n's httpRequest helper, reduced to what preAuthentication uses (throws on a non-2xx, as n8n does). */
const helpers = {
	httpRequest: async (o: IHttpRequestOptions) => {
		const res = await fetch(o.url, { method: o.method, headers: o.headers as Record<string, string>, body: o.body as string });
		if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { httpCode: String(res.status) });
		return res.json();
	},
} as unknown as IHttpRequestHelper['helpers'];

const ccCredentials = (): ICredentialDataDecryptedObject => ({
	authentication: 'clientCredentials',
	shopSubdomain: 'bob-norman',
	apiVersion: '2026-01',
	baseUrl: `${sim.baseUrl}/`,
	...app,
	clientCredentialsToken: '',
});

beforeEach(async () => {
	sim = new ShopifySimulator(LEGACY).withClientApp(app.clientId, app.clientSecret);
	await sim.start();
});
afterEach(() => sim.stop());

describe('ShopifyOmsApi credential', () => {
	it('keeps the legacy access token as the default and declares the expirable hidden token', () => {
		const cred = new ShopifyOmsApi();
		expect(cred.properties.find((p) => p.name === 'authentication')).toMatchObject({ default: 'accessToken' });
		expect(cred.properties.find((p) => p.name === 'clientCredentialsToken')).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		// A credential saved before the choice existed has no `authentication`: it sends its static token.
		const req = shopifyAuthenticate({ shopSubdomain: 'x', accessToken: LEGACY }, { url: '/' });
		expect(req.headers).toMatchObject({ 'X-Shopify-Access-Token': LEGACY });
	});

	it('preAuthentication posts the client credentials grant (form-encoded) and returns the token for the hidden field', async () => {
		const out = await new ShopifyOmsApi().preAuthentication.call({ helpers }, ccCredentials());
		expect(out).toEqual({ clientCredentialsToken: 'shpat_sim_cc_1' });
		const [req] = tokenCalls();
		expect(req.method).toBe('POST');
		expect(req.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(new URLSearchParams(req.rawBody))).toEqual({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret });
	});

	it('a wrong client secret is refused (and nothing is stored); the legacy mode makes no token request', async () => {
		await expect(new ShopifyOmsApi().preAuthentication.call({ helpers }, { ...ccCredentials(), clientSecret: 'wrong' })).rejects.toMatchObject({ httpCode: '401' });
		expect(await new ShopifyOmsApi().preAuthentication.call({ helpers }, { shopSubdomain: 'bob-norman', accessToken: LEGACY, baseUrl: sim.baseUrl })).toEqual({});
		expect(tokenCalls()).toHaveLength(1);
	});

	it("the credential's test request succeeds with the fetched token and fails with an expired one", async () => {
		const cred = new ShopifyOmsApi();
		const c: ICredentialDataDecryptedObject = { ...ccCredentials(), ...((await cred.preAuthentication.call({ helpers }, ccCredentials())) as ICredentialDataDecryptedObject) };
		const test = cred.test.request;
		expect(test.baseURL).toContain('$credentials.baseUrl');
		const send = () => {
			const req = shopifyAuthenticate(c, { url: `${sim.baseUrl}/admin/api/${String(c.apiVersion)}/graphql.json` });
			return fetch(req.url, { method: test.method, headers: { ...(req.headers as Record<string, string>), 'content-type': 'application/json' }, body: JSON.stringify(test.body) });
		};
		expect((await send()).status).toBe(200);
		sim.clientApp!.expireTokens();
		expect((await send()).status).toBe(401);
	});
});

describe('Shopify trigger with client credentials', () => {
	let credentials: ICredentialDataDecryptedObject;
	const harness = (now: () => Date, creds: ICredentialDataDecryptedObject) => {
		const nodeType = new ShopifyTrigger();
		nodeType.poll = orderTriggerPoll('shopify', { retry: TINY_RETRY, timeoutMs: 1000, now });
		credentials = creds;
		return new PollHarness({
			nodeType,
			parameters: {},
			credentials,
			authenticate: shopifyAuthenticate,
			// As n8n's CredentialsHelper: call it when the expirable token is empty or reported expired, save what it returns.
			preAuthentication: async (h, c, expired) => {
				if (c.clientCredentialsToken !== '' && !expired) return undefined;
				const output = await new ShopifyOmsApi().preAuthentication.call({ helpers: h }, c);
				if (output.clientCredentialsToken === undefined) return undefined;
				Object.assign(credentials, output);
				return output;
			},
		});
	};
	const put = (n: number, at: number) =>
		sim.put(shopifyOrder({ id: 7000 + n, updatedAt: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'), createdAt: '2026-01-01T10:00:00Z' }));

	it('fetches a token on the first tick, reuses it, and renews it when it expired between two ticks', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock), ccCredentials());
		await h.poll(); // the first tick only sets the cursor
		put(1, T0 + 5 * 60_000);
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['7001']);
		expect(tokenCalls()).toHaveLength(1);
		const first = credentials.clientCredentialsToken;

		sim.clientApp!.expireTokens();
		put(2, T0 + 20 * 60_000);
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['7002']);
		expect(tokenCalls()).toHaveLength(2);
		expect(credentials.clientCredentialsToken).not.toBe(first);
	});

	it('the legacy static token still polls, with no token request', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock), { shopSubdomain: 'bob-norman', accessToken: LEGACY, apiVersion: '2026-01', baseUrl: sim.baseUrl, clientCredentialsToken: '' });
		await h.poll();
		put(3, T0 + 5 * 60_000);
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['7003']);
		expect(tokenCalls()).toHaveLength(0);
	});

	it('a wrong client secret fails the tick with the token endpoint 401 and no order request is made', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock), { ...ccCredentials(), clientSecret: 'wrong' });
		await h.poll();
		put(4, T0 + 5 * 60_000);
		clock += 15 * 60_000;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '401' });
		expect(tokenCalls().length).toBeGreaterThanOrEqual(1);
		expect(sim.requests(/graphql\.json$/)).toHaveLength(0);
	});
});
