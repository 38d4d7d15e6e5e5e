import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { OlistOmsApi } from '../../credentials/OlistOmsApi.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { OlistTrigger } from '../../nodes/OlistTrigger/OlistTrigger.node';
import { OlistSimulator, olistOrder } from '../simulators/olist';
import { PollHarness } from '../harness/n8n-poll-harness';
import { OLIST_APP } from './conformance/drivers/olist';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const LISTING = /\/v1\/seller-orders\/$/;
const T0 = Date.parse('2026-03-10T14:20:00.000Z');
const DAY = 86_400_000;
let sim: OlistSimulator;
let credentials: ICredentialDataDecryptedObject;
const code = (n: number) => `ORDTRG${String(n).padStart(6, '0')}`;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new OlistTrigger();
	nodeType.poll = orderTriggerPoll('olist', { retry, timeoutMs: 1000, now });
	credentials = {
		environment: 'production',
		sellerId: 'seller-1',
		...OLIST_APP,
		baseUrl: sim.apiBase,
		authUrl: `${sim.baseUrl}/auth/`,
		idToken: '',
		refreshToken: '',
	};
	return new PollHarness({
		nodeType,
		parameters,
		credentials,
		authenticate: (c, req) => ({ ...req, headers: { ...(req.headers ?? {}), Authorization: `JWT ${String(c.idToken)}` } }),
		// As n8n's CredentialsHelper: run when the expirable token is empty or reported expired, and save the output.
		preAuthentication: async (helpers, c, expired) => {
			if (c.idToken !== '' && !expired) return undefined;
			const output = await new OlistOmsApi().preAuthentication.call({ helpers }, c);
			Object.assign(credentials, output);
			return output;
		},
	});
}

describeTriggerConformance({
	channel: 'olist',
	account: 'seller-1',
	start: async () => {
		sim = new OlistSimulator(OLIST_APP);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness,
	put: (n, at) => {
		// Order n was placed n seconds after a fixed instant ten days before the ticks (inside the default 30 days read back).
		sim.put(olistOrder({ code: code(n), updatedAt: at.toISOString(), createdAt: new Date(T0 - 10 * DAY + n * 1000).toISOString() }));
		return code(n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('Olist trigger: tokens through the n8n credential, days read back', () => {
	let clock = T0;
	beforeEach(async () => {
		sim = new OlistSimulator(OLIST_APP);
		await sim.start();
		clock = T0;
	});
	afterEach(() => sim.stop());

	it('exchanges the code once, renews the id_token with the refresh token after a 401, and loses no order', async () => {
		const h = harness(() => new Date(clock));
		await h.poll();
		clock = T0 + 15 * 60_000;
		expect(await h.poll()).toBeNull();
		const grants = () => sim.requests(/\/openid-connect\/token$/).map((r) => new URLSearchParams(r.rawBody).get('grant_type'));
		expect(grants()).toEqual(['authorization_code']);
		sim.put(olistOrder({ code: code(7001), updatedAt: new Date(T0 + 20 * 60_000).toISOString() }));
		sim.expireIdToken();
		clock = T0 + 30 * 60_000;
		expect(orderIds(await h.poll())).toEqual([code(7001)]);
		expect(grants()).toEqual(['authorization_code', 'refresh_token']);
		expect(credentials).toMatchObject({ idToken: 'ID_TOKEN_2', refreshToken: 'REFRESH_2' });
		expect(sim.requests(LISTING).every((r) => String(r.headers.authorization).startsWith('JWT '))).toBe(true);
	});

	it('reads back to the orders placed the given days before the window, and no further', async () => {
		const h = harness(() => new Date(clock), TINY_RETRY, { olistLookbackDays: 5 });
		await h.poll();
		// Newest first: the one placed 3 days ago is reached; the one placed 8 days ago, behind 60 placed 6 days ago, is not.
		sim.put(
			olistOrder({ code: code(1), createdAt: new Date(T0 - 3 * DAY).toISOString(), updatedAt: new Date(T0 + 5 * 60_000).toISOString(), status: 'shipped' }),
			olistOrder({ code: code(2), createdAt: new Date(T0 - 8 * DAY).toISOString(), updatedAt: new Date(T0 + 6 * 60_000).toISOString(), status: 'delivered' }),
		);
		for (let i = 0; i < 120; i++)
			sim.put(olistOrder({ code: code(100 + i), createdAt: new Date(T0 - 4 * DAY - i * 60_000).toISOString(), updatedAt: new Date(T0 - DAY).toISOString() }));
		for (let i = 0; i < 60; i++)
			sim.put(olistOrder({ code: code(300 + i), createdAt: new Date(T0 - 6 * DAY - i * 60_000).toISOString(), updatedAt: new Date(T0 - DAY).toISOString() }));
		clock = T0 + 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual([code(1)]);
		// Pages of 50 until the one holding an order placed before the floor (the third); the 8-day-old order is on the fourth.
		expect(sim.requests(LISTING).map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
	});
});

describe('OlistOmsApi credential', () => {
	it('sends the id_token as "JWT …" and tests with one order of the list', () => {
		const cred = new OlistOmsApi();
		expect(cred.authenticate.properties.headers).toEqual({ Authorization: '=JWT {{$credentials.idToken}}' });
		expect(cred.properties.find((p) => p.name === 'idToken')).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(cred.test.request).toMatchObject({ url: '/seller-orders/', qs: { page_size: 1 } });
	});
});
