import { WooCommerceTrigger } from '../../nodes/WooCommerceTrigger/WooCommerceTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance } from './trigger-conformance';

const keys = { consumerKey: 'ck_test', consumerSecret: 'cs_test' };
let sim: WooCommerceSimulator;

describeTriggerConformance({
	channel: 'woocommerce',
	// The site's host names the shop (the simulator's, port included).
	get account() {
		return new URL(sim.baseUrl).host;
	},
	start: async () => {
		sim = new WooCommerceSimulator(keys);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new WooCommerceTrigger();
		nodeType.poll = orderTriggerPoll('woocommerce', { retry, timeoutMs: 500, now });
		// The credential's `auth` block: n8n sends it as HTTP Basic.
		return new PollHarness({
			nodeType,
			parameters,
			credentials: { siteUrl: `${sim.baseUrl}/`, ...keys },
			authenticate: (c, req) => ({ ...req, auth: { username: String(c.consumerKey), password: String(c.consumerSecret) } }),
		});
	},
	put: (n, at) => {
		const gmt = at.toISOString().slice(0, 19);
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		const createdGmt = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString().slice(0, 19);
		sim.put(wooOrder({ id: 700 + n, modifiedGmt: gmt, createdGmt }));
		return String(700 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && /\/orders$/.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/orders$/);
	},
});
