import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { OmsWebhookTrigger } from '../../nodes/OmsWebhookTrigger/OmsWebhookTrigger.node';
import { chosenCredential, credentialChoices, N8N_CHANNELS } from '../../nodes/shared/channels';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { ShopifyTrigger } from '../../nodes/ShopifyTrigger/ShopifyTrigger.node';
import { WooCommerceTrigger } from '../../nodes/WooCommerceTrigger/WooCommerceTrigger.node';
import { ShopifySimulator, shopifyOrder, shopifyRestOrder } from '../simulators/shopify';
import { ShopifyWebhooks } from '../simulators/webhook-registrations';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import { shopifyDelivery } from '../webhooks/deliveries';
import { webhookTrigger } from '../webhooks/trigger-helpers';
import { PollHarness, type PollHarnessOptions } from '../harness/n8n-poll-harness';
import { orderIds, TINY_RETRY } from './trigger-conformance';

/**
 * Issue 13 §3: the Shopify and WooCommerce nodes let the user pick n8n's own credential types (and our
 * Shopify OAuth2 one) besides the channel's own, through an Authentication field; the default stays the
 * channel's own credential, so saved workflows are unchanged. n8n's credentials have no base URL field: the
 * tests add `baseUrl` to their data to reach the simulator (in production the shop's own host is used).
 */
const T0 = Date.parse('2026-03-01T12:00:00Z');

async function pollTwice(o: Omit<PollHarnessOptions, 'nodeType'> & { nodeType: ShopifyTrigger | WooCommerceTrigger }, put: () => void): Promise<IDataObject[] | null> {
	let clock = T0;
	const h = new PollHarness(o);
	(o.nodeType as { poll: unknown }).poll = orderTriggerPoll(o.nodeType instanceof ShopifyTrigger ? 'shopify' : 'woocommerce', {
		retry: TINY_RETRY,
		timeoutMs: 2000,
		now: () => new Date(clock),
	});
	await h.poll();
	put();
	clock += 15 * 60_000;
	return h.poll();
}

describe('descriptions', () => {
	const authField = (props: INodeProperties[]) => props.find((p) => p.name === 'authentication');

	it('the Shopify trigger offers four credentials, its own by default, each credential shown for its option', () => {
		const d = new ShopifyTrigger().description;
		const field = authField(d.properties)!;
		expect(field.default).toBe('shopifyOmsApi');
		expect((field.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['shopifyOmsApi', 'shopifyOmsOAuth2Api', 'shopifyAccessTokenApi', 'shopifyOAuth2Api']);
		expect(d.credentials).toEqual(
			['shopifyOmsApi', 'shopifyOmsOAuth2Api', 'shopifyAccessTokenApi', 'shopifyOAuth2Api'].map((name) => ({ name, required: true, displayOptions: { show: { authentication: [name] } } })),
		);
	});

	it('the WooCommerce trigger offers its own and n8n\'s; a channel without a choice has no Authentication field', () => {
		expect((authField(new WooCommerceTrigger().description.properties)!.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['wooCommerceOmsApi', 'wooCommerceApi']);
		expect(credentialChoices(N8N_CHANNELS.mercadolivre)).toHaveLength(1);
	});

	it('the webhook trigger lists every choice of its channels, shown for the channel and the option', () => {
		const creds = new OmsWebhookTrigger().description.credentials!;
		for (const id of ['shopify', 'woocommerce'] as const) {
			for (const c of credentialChoices(N8N_CHANNELS[id])) {
				expect(creds).toContainEqual({ name: c.credentialType, required: true, displayOptions: { show: { '/channel': [id], authentication: [c.credentialType] } } });
			}
		}
	});

	it('a node saved before the choice (no authentication parameter) keeps the channel\'s own credential', () => {
		const picked = chosenCredential(N8N_CHANNELS.shopify, () => {
			throw new Error('Could not get parameter "authentication"');
		});
		expect(picked.credentialType).toBe('shopifyOmsApi');
		expect(chosenCredential(N8N_CHANNELS.shopify, () => 'shopifyAccessTokenApi').credentialType).toBe('shopifyAccessTokenApi');
	});
});

describe('Shopify with n8n\'s own credentials', () => {
	let sim: ShopifySimulator;
	beforeEach(async () => {
		sim = new ShopifySimulator('shpat_n8n_access_token');
		await sim.start();
	});
	afterEach(() => sim.stop());
	const put = () => sim.put(shopifyOrder({ id: 8101, updatedAt: '2026-03-01T12:05:00Z', createdAt: '2026-03-01T12:05:00Z' }));

	it("n8n's Shopify Access Token API: its token in X-Shopify-Access-Token (its own authenticate), the shop from its subdomain", async () => {
		const items = await pollTwice(
			{
				nodeType: new ShopifyTrigger(),
				parameters: { authentication: 'shopifyAccessTokenApi' },
				credentials: { shopSubdomain: 'bob-norman', accessToken: 'shpat_n8n_access_token', appSecretKey: 'shpss_app', baseUrl: '' },
				authenticate: (c, req) => ({ ...req, url: String(req.url).replace('https://bob-norman.myshopify.com', sim.baseUrl), headers: { ...req.headers, 'X-Shopify-Access-Token': String(c.accessToken) } }),
			},
			put,
		);
		expect(orderIds(items)).toEqual(['8101']);
		expect(items![0]).toMatchObject({ channel: 'shopify', account: 'bob-norman.myshopify.com' });
	});

	it("n8n's Shopify OAuth2 API (a non-expiring token): signed by requestOAuth2 into X-Shopify-Access-Token", async () => {
		sim.withClientApp('n8n-client', 'n8n-secret').clientApp!.approve('c-1');
		const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
		const client = new ClientOAuth2({ clientId: 'n8n-client', clientSecret: 'n8n-secret', accessTokenUri: `${sim.baseUrl}/admin/oauth/access_token`, authorizationUri: '', redirectUri: redirect, authentication: 'body' });
		const token = await client.code.getToken(`${redirect}?code=c-1`);
		expect(token.data).not.toHaveProperty('refresh_token');
		const credentials: ICredentialDataDecryptedObject = {
			shopSubdomain: 'bob-norman',
			baseUrl: sim.baseUrl,
			clientId: 'n8n-client',
			clientSecret: 'n8n-secret',
			grantType: 'authorizationCode',
			accessTokenUrl: `${sim.baseUrl}/admin/oauth/access_token`,
			oauthTokenData: token.data as unknown as IDataObject,
		};
		const items = await pollTwice(
			{
				nodeType: new ShopifyTrigger(),
				parameters: { authentication: 'shopifyOAuth2Api' },
				credentials,
				authenticate: (_c, req) => req,
				oauth2CredentialType: 'shopifyOAuth2Api',
			},
			put,
		);
		expect(orderIds(items)).toEqual(['8101']);
		expect(sim.requests(/graphql\.json$/).at(-1)!.headers['x-shopify-access-token']).toBe(token.accessToken);
	});
});

describe("WooCommerce with n8n's WooCommerce API", () => {
	const keys = { consumerKey: 'ck_n8n', consumerSecret: 'cs_n8n' };
	let sim: WooCommerceSimulator;
	beforeEach(async () => {
		sim = new WooCommerceSimulator(keys);
		await sim.start();
	});
	afterEach(() => sim.stop());

	it('reads its `url` field and sends its keys as HTTP Basic', async () => {
		const items = await pollTwice(
			{
				nodeType: new WooCommerceTrigger(),
				parameters: { authentication: 'wooCommerceApi' },
				credentials: { url: sim.baseUrl, ...keys, includeCredentialsInQuery: false },
				authenticate: (c, req) => ({ ...req, auth: { username: String(c.consumerKey), password: String(c.consumerSecret) } }),
			},
			() => sim.put(wooOrder({ id: 951, modifiedGmt: '2026-03-01T12:05:00', createdGmt: '2026-03-01T12:05:00' })),
		);
		expect(orderIds(items)).toEqual(['951']);
		expect(items![0]).toMatchObject({ channel: 'woocommerce', account: new URL(sim.baseUrl).host });
	});
});

describe("the webhook trigger with n8n's Shopify Access Token API", () => {
	afterAll(() => closeSharedStores());

	it('verifies deliveries with its App Secret Key', async () => {
		const SHOP = 'bob-norman.myshopify.com';
		const sim = new ShopifySimulator('shpat_token');
		const hooks = new ShopifyWebhooks(sim, { shop: SHOP, clientSecret: 'shpss_n8n_app_secret' });
		await sim.start();
		try {
			const trigger = webhookTrigger({
				parameters: { channel: 'shopify', authentication: 'shopifyAccessTokenApi' },
				credentialType: 'shopifyAccessTokenApi',
				credentials: { shopSubdomain: 'bob-norman', accessToken: 'shpat_token', appSecretKey: 'shpss_n8n_app_secret', baseUrl: sim.baseUrl },
				authenticate: (c, req) => ({ ...req, headers: { ...req.headers, 'X-Shopify-Access-Token': String(c.accessToken) } }),
			});
			await trigger.activate();
			const order = shopifyRestOrder({ id: 450789470, updatedAt: '2026-11-20T14:05:40Z', financial: 'PAID', lines: [{ sku: 'CAM-AZ-M', quantity: 1, price: '49.90' }] });
			const valid = await trigger.deliver(hooks.deliveryFor('ORDERS_UPDATED', order, 'evt-n8n-1'));
			expect(valid.items).toEqual([expect.objectContaining({ channel: 'shopify', account: SHOP, channelOrderId: '450789470' })]);
			const forged = await trigger.deliver(shopifyDelivery(order, { secret: 'shpss_other', shop: SHOP, eventId: 'evt-n8n-2' }));
			expect(forged).toMatchObject({ status: 401, items: undefined });
		} finally {
			await sim.stop();
		}
	});
});
