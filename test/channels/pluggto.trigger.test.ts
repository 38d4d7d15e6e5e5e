import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { PluggToOmsApi } from '../../credentials/PluggToOmsApi.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { PluggToTrigger } from '../../nodes/PluggToTrigger/PluggToTrigger.node';
import { PluggToSimulator, pluggToId, pluggToOrder } from '../simulators/pluggto';
import { PollHarness } from '../harness/n8n-poll-harness';
import { PLUGGTO_CLIENT } from './conformance/drivers/pluggto';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const LISTING = /\/orders$/;
const T0 = Date.parse('2026-03-10T14:20:00Z');
let sim: PluggToSimulator;
let credentials: ICredentialDataDecryptedObject;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new PluggToTrigger();
	nodeType.poll = orderTriggerPoll('pluggto', { retry, timeoutMs: 5000, now });
	const c = PLUGGTO_CLIENT;
	credentials = {
		accountName: 'loja-plugg',
		clientId: c.id,
		clientSecret: c.secret,
		apiUser: c.user,
		apiPassword: c.password,
		baseUrl: sim.baseUrl,
		accessToken: '',
		refreshToken: '',
	};
	return new PollHarness({
		nodeType,
		parameters,
		credentials,
		authenticate: (cr, req) => ({ ...req, headers: { ...(req.headers ?? {}), Authorization: `Bearer ${String(cr.accessToken)}` } }),
		// As n8n's CredentialsHelper: run when the expirable token is empty or reported expired, and save the output.
		preAuthentication: async (helpers, cr, expired) => {
			if (cr.accessToken !== '' && !expired) return undefined;
			const output = await new PluggToOmsApi().preAuthentication.call({ helpers }, cr);
			Object.assign(credentials, output);
			return output;
		},
	});
}

const start = async () => {
	sim = new PluggToSimulator(PLUGGTO_CLIENT);
	await sim.start();
};

describeTriggerConformance({
	channel: 'pluggto',
	account: 'loja-plugg',
	start,
	stop: () => sim.stop(),
	harness,
	// Ids grow with creation: order n was created n seconds after a fixed instant, and keeps its id when it changes.
	put: (n, at) => {
		sim.put(pluggToOrder({ n, modified: at.toISOString(), created: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return pluggToId(n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('Plugg.To trigger', () => {
	beforeEach(start);
	afterEach(() => sim.stop());

	it('the password grant gives the token; an expired token is renewed with the refresh token, and the tick goes on', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		sim.put(pluggToOrder({ n: 1, modified: new Date(T0 + 5 * 60_000).toISOString(), channel: 'Americanas' }));
		clock = T0 + 15 * 60_000;
		const [first] = (await h.poll())!;
		expect(first).toMatchObject({ channel: 'pluggto', channelOrderId: pluggToId(1), originMarketplace: 'Americanas', status: 'paid' });
		const grants = () => sim.requests(/\/oauth\/token$/).map((r) => new URLSearchParams(r.rawBody).get('grant_type'));
		expect(grants()).toEqual(['password']);
		sim.advance(3600_001);
		sim.put(pluggToOrder({ n: 2, modified: new Date(T0 + 20 * 60_000).toISOString() }));
		clock = T0 + 30 * 60_000;
		expect(orderIds(await h.poll())).toEqual([pluggToId(2)]);
		expect(grants()).toEqual(['password', 'refresh_token']);
	});

	it("lists the window's days by modified, next = the last id of a full page", async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		for (let n = 1; n <= 55; n++) sim.put(pluggToOrder({ n, modified: new Date(T0 + 60_000 + n * 1000).toISOString() }));
		clock = T0 + 15 * 60_000;
		expect(await h.poll()).toHaveLength(55);
		const pages = sim
			.requests(LISTING)
			.slice(-2)
			.map((r) => [r.query.get('modified'), r.query.get('limit'), r.query.get('next')]);
		expect(pages).toEqual([
			['2026-03-10to2026-03-10', '50', null],
			['2026-03-10to2026-03-10', '50', pluggToId(50)],
		]);
	});
});
