import { WakeTrigger } from '../../nodes/WakeTrigger/WakeTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { PollHarness } from '../harness/n8n-poll-harness';
import { WakeSimulator, wakeOrder } from '../simulators/wake';
import { describeTriggerConformance } from './trigger-conformance';

const TOKEN = 'wake-trigger-token';
const LISTING = /\/pedidos$/;
let sim: WakeSimulator;

describeTriggerConformance({
	channel: 'wake',
	account: 'loja-wake',
	start: async () => {
		sim = new WakeSimulator(TOKEN);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new WakeTrigger();
		nodeType.poll = orderTriggerPoll('wake', { retry, timeoutMs: 1000, now });
		return new PollHarness({
			nodeType,
			parameters,
			credentials: {
				storeName: 'loja-wake',
				token: TOKEN,
				baseUrl: sim.baseUrl,
				timeZoneOffset: '-03:00',
				orderStatuses: '',
				distributionCenterId: '',
				invoicedStatusId: '',
				shippedStatusId: '',
				cancelledStatusId: '',
			},
			// The credential's header, as n8n resolves it.
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, Authorization: `Basic ${String(c.token)}` } }),
		});
	},
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		sim.put(wakeOrder({ id: 1000 + n, updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return String(1000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});
