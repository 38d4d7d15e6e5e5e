import { MagentoTrigger } from '../../nodes/MagentoTrigger/MagentoTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { PollHarness } from '../harness/n8n-poll-harness';
import { MagentoSimulator, mageOrder } from '../simulators/magento';
import { describeTriggerConformance } from './trigger-conformance';

const TOKEN = 'mage-trigger-token';
const LISTING = /\/V1\/orders$/;
let sim: MagentoSimulator;

describeTriggerConformance({
	channel: 'magento',
	account: 'shop',
	start: async () => {
		sim = new MagentoSimulator(TOKEN);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new MagentoTrigger();
		nodeType.poll = orderTriggerPoll('magento', { retry, timeoutMs: 1000, now });
		return new PollHarness({
			nodeType,
			parameters,
			credentials: { accessToken: TOKEN, storeName: 'shop', baseUrl: sim.baseUrl, sourceCode: 'default' },
			// The credential's header, as n8n resolves it.
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, Authorization: `Bearer ${String(c.accessToken)}` } }),
		});
	},
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		sim.put(mageOrder({ id: 1000 + n, updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
		return String(1000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
	},
});
