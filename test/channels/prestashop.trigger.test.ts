import { PrestaShopTrigger } from '../../nodes/PrestaShopTrigger/PrestaShopTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { PollHarness } from '../harness/n8n-poll-harness';
import { PrestaShopSimulator, psOrder } from '../simulators/prestashop';
import { describeTriggerConformance } from './trigger-conformance';

const KEY = 'ps-trigger-key';
const LISTING = /\/api\/orders$/;
let sim: PrestaShopSimulator;

describeTriggerConformance({
	channel: 'prestashop',
	account: 'loja',
	start: async () => {
		sim = new PrestaShopSimulator(KEY);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new PrestaShopTrigger();
		nodeType.poll = orderTriggerPoll('prestashop', { retry, timeoutMs: 1000, now });
		return new PollHarness({
			nodeType,
			parameters,
			credentials: {
				apiKey: KEY,
				shopName: 'loja',
				baseUrl: `${sim.baseUrl}/api`,
				timeZoneOffset: '-03:00',
				orderStates: '',
				shippedState: '4',
				cancelledState: '6',
			},
			// The credential's Basic auth (key as user, empty password), as n8n resolves it.
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, Authorization: `Basic ${Buffer.from(`${String(c.apiKey)}:`).toString('base64')}` } }),
		});
	},
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		sim.put(psOrder({ id: 1000 + n, updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return String(1000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});
