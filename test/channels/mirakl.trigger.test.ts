import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { MiraklTrigger } from '../../nodes/MiraklTrigger/MiraklTrigger.node';
import { MiraklSimulator, miraklOrder } from '../simulators/mirakl';
import { PollHarness } from '../harness/n8n-poll-harness';
import { MIRAKL_KEY } from './conformance/drivers/mirakl';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const LISTING = /\/api\/orders$/;
let sim: MiraklSimulator;
const id = (n: number) => `MKT${String(n).padStart(5, '0')}-A`;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new MiraklTrigger();
	nodeType.poll = orderTriggerPoll('mirakl', { retry, timeoutMs: 1000, now });
	const credentials: ICredentialDataDecryptedObject = { host: `${sim.baseUrl}/`, shopId: '2001', apiKey: MIRAKL_KEY };
	return new PollHarness({
		nodeType,
		parameters,
		credentials,
		authenticate: (c, req) => ({ ...req, headers: { ...(req.headers ?? {}), Authorization: String(c.apiKey) } }),
	});
}

describeTriggerConformance({
	channel: 'mirakl',
	account: '2001',
	start: async () => {
		sim = new MiraklSimulator(MIRAKL_KEY);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness,
	put: (n, at) => {
		sim.put(miraklOrder({ id: id(n), updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return id(n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});

describe('Mirakl trigger: Accept Orders', () => {
	const T0 = Date.parse('2026-03-10T14:20:00.000Z');
	let clock = T0;
	beforeEach(async () => {
		sim = new MiraklSimulator(MIRAKL_KEY);
		await sim.start();
		clock = T0;
	});
	afterEach(() => sim.stop());

	it('on: a waiting order is accepted (every line) and emitted reserved (pending_payment); off: left waiting', async () => {
		for (const accept of [true, false]) {
			const h = harness(() => new Date(clock), TINY_RETRY, { miraklAcceptOrders: accept });
			clock = T0;
			await h.poll();
			const n = accept ? 1 : 2;
			sim.put(
				miraklOrder({
					id: id(n),
					updatedAt: new Date(T0 + 5 * 60_000).toISOString(),
					state: 'WAITING_ACCEPTANCE',
					lines: [
						{ sku: 'A', quantity: 1, price: 10 },
						{ sku: 'B', quantity: 2, price: 5 },
					],
				}),
			);
			clock = T0 + 15 * 60_000;
			const items = await h.poll();
			expect(orderIds(items)).toEqual([id(n)]);
			expect(items![0]).toMatchObject({ status: 'pending_payment', channelStatusRaw: 'WAITING_ACCEPTANCE' });
			expect(sim.orders.get(id(n))?.order_state).toBe(accept ? 'WAITING_DEBIT' : 'WAITING_ACCEPTANCE');
		}
		expect(sim.requests(/\/accept$/).map((r) => r.body)).toEqual([
			{
				order_lines: [
					{ accepted: true, id: `${id(1)}-1` },
					{ accepted: true, id: `${id(1)}-2` },
				],
			},
		]);
	});
});
