import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { AmazonSpApi } from '../../credentials/AmazonSpApi.credentials';
import { AmazonTrigger } from '../../nodes/AmazonTrigger/AmazonTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { AmazonSpApiSimulator, amazonOrder, amazonTime } from '../simulators/amazon';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const lwa = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'lwa-secret', refreshToken: 'Atzr|refresh' };
// The simulator checks "at least two minutes before now" against the real clock: the test clock lags it by
// more than the conformance suite's longest run of 15-minute ticks.
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 12 * 3600_000;
const LISTING = /\/orders\/2026-01-01\/orders$/;
let sim: AmazonSpApiSimulator;
let credentials: ICredentialDataDecryptedObject;

function harness(now: () => Date = () => new Date(T0), retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new AmazonTrigger();
	nodeType.poll = orderTriggerPoll('amazon', { retry, timeoutMs: 1000, now });
	credentials = { environment: 'production', region: 'na', ...lwa, baseUrl: sim.baseUrl, accessToken: '' };
	return new PollHarness({
		nodeType,
		parameters: { sellerId: 'A3SELLER', marketplaceIds: 'A2Q3Y263D00KWC', ...parameters },
		credentials,
		authenticate: (c, req) => ({ ...req, headers: { ...req.headers, 'x-amz-access-token': String(c.accessToken) } }),
		// As n8n's CredentialsHelper: refresh when the expirable token is empty or reported expired, and save it.
		preAuthentication: async (helpers, c, expired) => {
			if (c.accessToken !== '' && !expired) return undefined;
			const output = await new AmazonSpApi().preAuthentication.call({ helpers }, c);
			Object.assign(credentials, output);
			return output;
		},
	});
}

describeTriggerConformance({
	channel: 'amazon',
	account: 'A3SELLER',
	t0: T0,
	start: async () => {
		sim = new AmazonSpApiSimulator(lwa);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness,
	put: (n, at) => {
		const id = `702-${String(n).padStart(7, '0')}-5550000`;
		// Order n was placed n seconds after a fixed instant, and keeps that time when it changes.
		sim.put(amazonOrder({ id, lastUpdate: amazonTime(at.getTime()), purchaseDate: amazonTime(Date.parse('2026-01-01T10:00:00Z') + n * 1000) }));
		return id;
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('Amazon trigger: Login with Amazon through the n8n credential', () => {
	beforeEach(async () => {
		sim = new AmazonSpApiSimulator(lwa);
		await sim.start();
	});
	afterEach(() => sim.stop());
	const tokenCalls = () => sim.requests(/\/auth\/o2\/token$/);

	it('an access token answered with 403 (expired) is refreshed by n8n and the request resent', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		sim.put(amazonOrder({ id: '702-0000010-5550000', lastUpdate: new Date(T0 + 5 * 60_000).toISOString() }));
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['702-0000010-5550000']);
		expect(tokenCalls()).toHaveLength(1);
		const first = credentials.accessToken;

		sim.expireTokens();
		sim.put(amazonOrder({ id: '702-0000011-5550000', lastUpdate: new Date(T0 + 20 * 60_000).toISOString() }));
		clock += 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['702-0000011-5550000']);
		expect(tokenCalls()).toHaveLength(2);
		expect(credentials.accessToken).not.toBe(first);
	});

	it('a 403 that a fresh token does not cure fails the tick with NodeApiError 403', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		const before = h.staticData;
		// A missing role: every order request is refused, whatever the token.
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 403, body: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] } }, LISTING);
		clock += 15 * 60_000;
		await expect(h.poll()).rejects.toMatchObject({ httpCode: '403' });
		expect(h.staticData).toEqual(before);
	});
});
