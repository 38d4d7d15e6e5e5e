import { NuvemshopTrigger } from '../../nodes/NuvemshopTrigger/NuvemshopTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { NuvemshopSimulator, nuvemshopOrder } from '../simulators/nuvemshop';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance } from './trigger-conformance';

const auth = { storeId: '123456', accessToken: 'nuvem-token' };
let sim: NuvemshopSimulator;

describeTriggerConformance({
	channel: 'nuvemshop',
	account: auth.storeId,
	start: async () => {
		sim = new NuvemshopSimulator(auth);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new NuvemshopTrigger();
		nodeType.poll = orderTriggerPoll('nuvemshop', { retry, timeoutMs: 500, now });
		return new PollHarness({
			nodeType,
			parameters,
			credentials: { ...auth, userAgent: 'OMS tests (ops@example.com)', platform: 'nuvemshop', baseUrl: `${sim.baseUrl}/v1` },
			// The credential's headers block, as n8n resolves it.
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, Authentication: `bearer ${String(c.accessToken)}`, 'User-Agent': String(c.userAgent) } }),
		});
	},
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		const createdAt = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString();
		sim.put(nuvemshopOrder({ id: 450789000 + n, updatedAt: at.toISOString(), createdAt }));
		return String(450789000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && /\/orders$/.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/orders$/);
	},
});
