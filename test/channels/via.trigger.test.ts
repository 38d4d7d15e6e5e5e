import type { INodeParameters } from 'n8n-workflow';
import { ViaTrigger } from '../../nodes/ViaTrigger/ViaTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { ViaSimulator, viaOrder } from '../simulators/via';
import { PollHarness } from '../harness/n8n-poll-harness';
import { VIA_KEYS, viaId } from './conformance/drivers/via';
import { describeTriggerConformance, orderIds, TINY_RETRY } from './trigger-conformance';

const LISTS = /\/orders\/status\//;
const T0 = Date.parse('2026-03-10T14:20:00Z');
let sim: ViaSimulator;
let flip = 0;

function harness(now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}): PollHarness {
	const nodeType = new ViaTrigger();
	nodeType.poll = orderTriggerPoll('via', { retry, timeoutMs: 1000, now });
	return new PollHarness({
		nodeType,
		parameters,
		credentials: { sellerId: '12345', ...VIA_KEYS, environment: 'production', baseUrl: sim.baseUrl },
		authenticate: (c, req) => ({ ...req, headers: { ...(req.headers ?? {}), client_id: String(c.clientId), access_token: String(c.accessToken) } }),
	});
}

/** Each put moves order n to another status at `at` (approved and sent in turn), as Via's lists see a change. */
function put(n: number, at: Date): string {
	const purchasedAt = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString();
	sim.put(viaOrder({ id: viaId(n), purchasedAt, at: at.toISOString(), status: ++flip % 2 ? 'PAY' : 'SHP' }));
	return viaId(n);
}

const start = async () => {
	sim = new ViaSimulator(VIA_KEYS);
	await sim.start();
};

describeTriggerConformance({
	channel: 'via',
	account: '12345',
	start,
	stop: () => sim.stop(),
	harness,
	put,
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTS.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTS);
	},
});

describe('Via trigger: the status lists', () => {
	beforeEach(start);
	afterEach(() => sim.stop());

	it('reads every status list with its own date filter on the window; an order is listed in its current status only', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		const at = (m: number) => new Date(T0 + m * 60_000).toISOString();
		sim.put(viaOrder({ id: 'N1', purchasedAt: at(2), at: at(2), status: 'NEW' }));
		sim.put(viaOrder({ id: 'C1', purchasedAt: '2026-03-01T10:00:00Z', at: at(3), status: 'CAN' }));
		sim.put(viaOrder({ id: 'D1', purchasedAt: '2026-03-01T10:00:00Z', at: at(4), status: 'DLV' }));
		clock = T0 + 15 * 60_000;
		const items = (await h.poll())!;
		expect(orderIds(items)).toEqual(['C1', 'D1', 'N1']);
		expect(Object.fromEntries(items.map((i) => [i.channelOrderId, i.status]))).toEqual({ N1: 'pending_payment', C1: 'cancelled', D1: 'delivered' });
		const filters = sim.requests(LISTS).map((r) => `${r.path.replace('/orders/status/', '')}?${[...r.query.keys()].find((k) => k.endsWith('At'))}`);
		expect(filters).toEqual([
			'new?purchasedAt',
			'approved?approvedAt',
			'partiallySent?sentAt',
			'sent?sentAt',
			'partiallyDelivered?sentAt',
			'delivered?deliveredAt',
			'canceled?canceledAt',
		]);
		const window = sim.requests(/\/orders\/status\/new$/)[0].query.get('purchasedAt');
		expect(window).toBe(`${new Date(T0 - 5 * 60_000).toISOString()},${new Date(T0 + 15 * 60_000 - 1).toISOString()}`);
	});

	it('an order leaving a list between two of its pages (it moved on after the window) does not make the next page skip one', async () => {
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		// 60 approved orders in the window; the list shows the newest purchase first.
		const ids = Array.from({ length: 60 }, (_, i) => {
			sim.put(
				viaOrder({
					id: viaId(200 + i),
					purchasedAt: new Date(T0 - (60 - i) * 60_000).toISOString(),
					at: new Date(T0 + 60_000 + i).toISOString(),
					status: 'PAY',
				}),
			);
			return viaId(200 + i);
		});
		// After the first page of the approved list, its first order is shipped (after the window's end): every later
		// order moves up one place.
		sim.afterNext(
			(r) => /\/orders\/status\/approved$/.test(r.path),
			() => {
				const first = sim.orders.get(viaId(259))!;
				first.order.status = 'SHP';
				first.statusAt = T0 + 16 * 60_000;
			},
		);
		clock = T0 + 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual([...ids].sort());
	});

	it('lists whose metadata carries no totalRows are read on while pages are full: no order past the first page is lost', async () => {
		sim.omitTotals = true;
		let clock = T0;
		const h = harness(() => new Date(clock));
		await h.poll();
		const ids = Array.from({ length: 120 }, (_, i) => put(300 + i, new Date(T0 + 60_000 + i)));
		clock = T0 + 15 * 60_000;
		expect(orderIds(await h.poll())).toEqual([...ids].sort());
	});
});
