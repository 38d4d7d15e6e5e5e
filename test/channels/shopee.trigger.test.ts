import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import { ShopeeOmsApi } from '../../credentials/ShopeeOmsApi.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { ShopeeTrigger } from '../../nodes/ShopeeTrigger/ShopeeTrigger.node';
import { ShopeeSimulator, shopeeOrder } from '../simulators/shopee';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';
import { SHOPEE_KEYS } from './conformance/drivers/shopee';

const LISTING = /\/api\/v2\/order\/get_order_list$/;
let sim: ShopeeSimulator;
let credentials: ICredentialDataDecryptedObject;
const cred = new ShopeeOmsApi();
const sn = (n: number) => `2603TR${String(n).padStart(5, '0')}`;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new ShopeeTrigger();
	nodeType.poll = orderTriggerPoll('shopee', { retry, timeoutMs: 1000, now });
	credentials = { ...SHOPEE_KEYS, baseUrl: `${sim.baseUrl}/`, accessToken: '', refreshToken: '' };
	return new PollHarness({
		nodeType,
		parameters,
		credentials,
		// The credential's own signing (awaited by the harness as n8n's CredentialsHelper awaits it).
		authenticate: (c, req) => cred.authenticate(c, req) as unknown as IHttpRequestOptions,
		// As n8n's CredentialsHelper: run when the expirable token is empty or reported expired, and save the output.
		preAuthentication: async (helpers, c, expired) => {
			if (c.accessToken !== '' && !expired) return undefined;
			const output = await cred.preAuthentication.call({ helpers }, c);
			Object.assign(credentials, output);
			return output;
		},
	});
}

describeTriggerConformance({
	channel: 'shopee',
	account: SHOPEE_KEYS.shopId,
	start: async () => {
		sim = new ShopeeSimulator(SHOPEE_KEYS);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness,
	put: (n, at) => {
		sim.put(shopeeOrder({ sn: sn(n), updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return sn(n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('Shopee trigger: signed requests and tokens through the n8n credential', () => {
	beforeEach(async () => {
		sim = new ShopeeSimulator(SHOPEE_KEYS);
		await sim.start();
	});
	afterEach(() => sim.stop());

	const T0 = Date.parse('2026-03-10T14:20:00.000Z');
	let clock = T0;

	it('exchanges the code once, renews with the refresh token after a 403, and loses no order', async () => {
		clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		clock = T0 + 15 * 60_000;
		expect(await h.poll()).toBeNull();
		expect(sim.requests(/\/auth\//).map((r) => r.path)).toEqual(['/api/v2/auth/token/get']);
		sim.put(shopeeOrder({ sn: sn(7001), updatedAt: new Date(T0 + 20 * 60_000).toISOString() }));
		sim.expireAccessToken();
		clock = T0 + 30 * 60_000;
		expect(orderIds(await h.poll())).toEqual([sn(7001)]);
		expect(sim.requests(/\/auth\//).map((r) => r.path)).toEqual(['/api/v2/auth/token/get', '/api/v2/auth/access_token/get']);
		expect(credentials).toMatchObject({ accessToken: 'ACCESS_2', refreshToken: 'REFRESH_2' });
		// Every shop call carried the documented common parameters; the simulator checked each sign.
		for (const r of sim.requests(LISTING))
			expect([...r.query.keys()]).toEqual(expect.arrayContaining(['partner_id', 'timestamp', 'access_token', 'shop_id', 'sign']));
	});

	it('manual "fetch test event" returns the newest order of the last 15 days, complete', async () => {
		const day = 24 * 3600_000;
		sim.put(
			shopeeOrder({ sn: sn(10), updatedAt: new Date(Date.now() - 20 * day).toISOString() }),
			shopeeOrder({ sn: sn(11), updatedAt: new Date(Date.now() - 2 * day).toISOString() }),
			shopeeOrder({ sn: sn(12), updatedAt: new Date(Date.now() - day).toISOString() }),
		);
		const [item] = (await harness(() => new Date()).poll('manual'))!;
		expect(item).toMatchObject({ channel: 'shopee', channelOrderId: sn(12), lines: [{ sku: 'CAM-AZ-M', quantity: 2 }] });
	});

	it('a wrong partner key is refused (the signature), not read as "no orders"', async () => {
		clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		credentials.partnerKey = 'wrong';
		credentials.accessToken = 'ACCESS_1';
		clock = T0 + 15 * 60_000;
		await expect(h.poll()).rejects.toThrow(/403|sign|Shopee/i);
		expect(sim.requests(LISTING).at(-1)?.query.get('sign')).toMatch(/^[0-9a-f]{64}$/);
	});
});
