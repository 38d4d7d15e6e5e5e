import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { ShopifyTrigger } from '../../nodes/ShopifyTrigger/ShopifyTrigger.node';
import { ShopifySimulator, shopifyOrder } from '../simulators/shopify';
import { PollHarness } from '../harness/n8n-poll-harness';
import { shopifyAuthenticate } from './shopify-authenticate';
import { describeTriggerConformance } from './trigger-conformance';

const TOKEN = 'shpat_0123456789abcdef';
let sim: ShopifySimulator;

const authenticate = shopifyAuthenticate;

const isListing = (body: unknown) => /OmsChangedOrders/.test(String((body as { query?: unknown } | undefined)?.query));

describeTriggerConformance({
	channel: 'shopify',
	account: 'bob-norman.myshopify.com',
	start: async () => {
		sim = new ShopifySimulator(TOKEN);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new ShopifyTrigger();
		nodeType.poll = orderTriggerPoll('shopify', { retry, timeoutMs: 500, now });
		return new PollHarness({
			nodeType,
			parameters,
			credentials: { shopSubdomain: 'bob-norman', accessToken: TOKEN, apiVersion: '2026-01', baseUrl: sim.baseUrl },
			authenticate,
		});
	},
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		const createdAt = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString().replace('.000Z', 'Z');
		sim.put(shopifyOrder({ id: 5000 + n, updatedAt: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), createdAt }));
		return String(5000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => isListing(r.body), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 });
	},
});
