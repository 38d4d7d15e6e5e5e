import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { MadeiraMadeiraOmsApi } from '../../credentials/MadeiraMadeiraOmsApi.credentials';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { MadeiraMadeiraTrigger } from '../../nodes/MadeiraMadeiraTrigger/MadeiraMadeiraTrigger.node';
import { MadeiraMadeiraSimulator, mmOrder } from '../simulators/madeiramadeira';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const LISTING = /\/v1\/pedido\/from=/;
const TOKEN = 'mm-token-3';
const T0 = Date.parse('2026-03-10T14:20:00.000Z');
const DAY = 86_400_000;
let sim: MadeiraMadeiraSimulator;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new MadeiraMadeiraTrigger();
	nodeType.poll = orderTriggerPoll('madeiramadeira', { retry, timeoutMs: 1000, now });
	const credentials: ICredentialDataDecryptedObject = { environment: 'production', baseUrl: `${sim.baseUrl}/`, sellerId: '3', token: TOKEN };
	return new PollHarness({
		nodeType,
		parameters,
		credentials,
		authenticate: (c, req) => ({ ...req, headers: { ...(req.headers ?? {}), TOKENMM: String(c.token) } }),
	});
}

describeTriggerConformance({
	channel: 'madeiramadeira',
	account: '3',
	start: async () => {
		sim = new MadeiraMadeiraSimulator(TOKEN);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness,
	put: (n, at) => {
		// Order n was placed n seconds after a fixed instant ten days before the ticks (inside the default 30 days read back).
		sim.put(mmOrder({ id: 6050000 + n, updatedAt: at.toISOString(), createdAt: new Date(T0 - 10 * DAY + n * 1000).toISOString() }));
		return String(6050000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('MadeiraMadeira trigger: days read back', () => {
	let clock = T0;
	beforeEach(async () => {
		sim = new MadeiraMadeiraSimulator(TOKEN);
		await sim.start();
		clock = T0;
	});
	afterEach(() => sim.stop());

	const placedLongAgo = (id: number, changedAt: number) =>
		mmOrder({ id, updatedAt: new Date(changedAt).toISOString(), createdAt: new Date(T0 - 40 * DAY).toISOString(), status: '4' });

	it('a change to an order placed before the days read back is not seen (the documented limit); more days see it', async () => {
		for (const [days, expected] of [
			[30, []],
			[60, ['6040001']],
		] as const) {
			clock = T0;
			const h = harness(() => new Date(clock), TINY_RETRY, { madeiraMadeiraLookbackDays: days });
			await h.poll();
			sim.put(placedLongAgo(6040001, T0 + 5 * 60_000), mmOrder({ id: 6040002, updatedAt: new Date(T0 + 6 * 60_000).toISOString() }));
			clock = T0 + 15 * 60_000;
			expect(orderIds(await h.poll())).toEqual([...expected, '6040002']);
			// The listing asked for the window's days and the days read back before them, in the API's path form.
			const last = sim.requests(LISTING).pop()!;
			expect(last.path).toBe(`/v1/pedido/from=${days === 30 ? '2026-02-08' : '2026-01-09'}&to=2026-03-10&limit=50&offset=0`);
			sim.orders.clear();
		}
	});
});

describe('MadeiraMadeiraOmsApi credential', () => {
	it('sends TOKENMM and tests with the category tree; a missing or unknown token is refused', async () => {
		const cred = new MadeiraMadeiraOmsApi();
		expect(cred.authenticate.properties.headers).toEqual({ TOKENMM: '={{$credentials.token}}' });
		expect(cred.test.request.url).toBe('/v1/categoria/limit=1&offset=0');
		sim = new MadeiraMadeiraSimulator(TOKEN);
		await sim.start();
		try {
			const ok = await fetch(`${sim.baseUrl}${cred.test.request.url}`, { headers: { TOKENMM: TOKEN } });
			expect(ok.status).toBe(200);
			expect(await ok.json()).toMatchObject({ meta: { count: '2378' } });
			expect((await fetch(`${sim.baseUrl}${cred.test.request.url}`, { headers: { TOKENMM: 'revoked' } })).status).toBe(401);
		} finally {
			await sim.stop();
		}
	});
});
