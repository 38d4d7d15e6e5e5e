import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { TrayOmsApi } from '../../credentials/TrayOmsApi.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { TrayTrigger } from '../../nodes/TrayTrigger/TrayTrigger.node';
import { TraySimulator, trayOrder } from '../simulators/tray';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const app = { consumerKey: 'ck_tray', consumerSecret: 'cs_tray', code: 'store-code-391250' };
const LISTING = /\/web_api\/orders$/;
let sim: TraySimulator;
let credentials: ICredentialDataDecryptedObject;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new TrayTrigger();
	nodeType.poll = orderTriggerPoll('tray', { retry, timeoutMs: 1000, now });
	credentials = { apiAddress: `${sim.apiAddress}/`, storeId: '391250', ...app, accessToken: '', refreshToken: '' };
	return new PollHarness({
		nodeType,
		parameters,
		credentials,
		authenticate: (c, req) => ({ ...req, qs: { ...(req.qs ?? {}), access_token: String(c.accessToken) } }),
		// As n8n's CredentialsHelper: run when the expirable token is empty or reported expired, and save the output.
		preAuthentication: async (helpers, c, expired) => {
			if (c.accessToken !== '' && !expired) return undefined;
			const output = await new TrayOmsApi().preAuthentication.call({ helpers }, c);
			Object.assign(credentials, output);
			return output;
		},
	});
}

describeTriggerConformance({
	channel: 'tray',
	account: '391250',
	start: async () => {
		sim = new TraySimulator(app);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness,
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		sim.put(trayOrder({ id: 5000 + n, modifiedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return String(5000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('Tray trigger: tokens through the n8n credential', () => {
	const T0 = Date.parse('2026-03-10T14:20:00.000Z');
	let clock = T0;
	beforeEach(async () => {
		sim = new TraySimulator(app);
		await sim.start();
		clock = T0;
	});
	afterEach(() => sim.stop());

	it('exchanges the code once, renews with the refresh token after a 401, and loses no order', async () => {
		const h = harness(() => new Date(clock));
		await h.poll();
		clock = T0 + 15 * 60_000;
		expect(await h.poll()).toBeNull();
		// The first read exchanged the code.
		expect(sim.requests(/\/auth$/).map((r) => r.method)).toEqual(['POST']);
		sim.put(trayOrder({ id: 7001, modifiedAt: new Date(T0 + 20 * 60_000).toISOString() }));
		sim.expireAccessToken();
		clock = T0 + 30 * 60_000;
		expect(orderIds(await h.poll())).toEqual(['7001']);
		// The refresh (GET /auth?refresh_token=), not a second code exchange; both tokens saved on the credential.
		expect(sim.requests(/\/auth$/).map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(credentials).toMatchObject({ accessToken: 'APP_ACCESS_2', refreshToken: 'APP_REFRESH_2' });
		expect(sim.requests(LISTING).every((r) => r.query.get('access_token') !== null)).toBe(true);
	});

	it('a refresh token that no longer works falls back to the authorisation code', async () => {
		const h = harness(() => new Date(clock));
		await h.poll();
		clock = T0 + 15 * 60_000;
		await h.poll();
		credentials.refreshToken = 'revoked';
		sim.expireAccessToken();
		clock = T0 + 30 * 60_000;
		expect(await h.poll()).toBeNull();
		expect(sim.requests(/\/auth$/).map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
	});

	it('manual "fetch test event" returns the newest order, complete', async () => {
		sim.put(trayOrder({ id: 10, modifiedAt: '2026-03-09T12:00:00Z' }), trayOrder({ id: 11, modifiedAt: '2026-03-09T12:00:00Z' }));
		const [item] = (await harness(() => new Date(clock)).poll('manual'))!;
		expect(item).toMatchObject({ channel: 'tray', channelOrderId: '11', lines: [{ sku: 'CAM-AZ-M', quantity: 2 }] });
	});
});
