import { MagaluTrigger } from '../../nodes/MagaluTrigger/MagaluTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { MAGALU_DEFAULT_CHANNEL_ID } from '../../core/channels/magalu';
import { MagaluSimulator, magaluOrder } from '../simulators/magalu';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance } from './trigger-conformance';

const TOKEN = 'idmagalu-access-token';
let sim: MagaluSimulator;

describeTriggerConformance({
	channel: 'magalu',
	account: 'loja-do-edu',
	start: async () => {
		sim = new MagaluSimulator({ accessToken: TOKEN, channelId: MAGALU_DEFAULT_CHANNEL_ID });
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new MagaluTrigger();
		nodeType.poll = orderTriggerPoll('magalu', { retry, timeoutMs: 500, now });
		return new PollHarness({
			nodeType,
			parameters: { sellerAccount: 'loja-do-edu', ...parameters },
			credentials: { environment: 'production', channelId: MAGALU_DEFAULT_CHANNEL_ID, baseUrl: sim.baseUrl, oauthTokenData: { access_token: TOKEN } },
			// Stands in for the bearer header n8n's OAuth2 client adds.
			authenticate: (_c, req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${TOKEN}` } }),
		});
	},
	put: (n, at) => {
		const id = `e3d0f7a2-0000-4000-8000-00000000000${n}`;
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		const createdAt = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString();
		sim.put(magaluOrder({ id, updatedAt: at.toISOString(), createdAt }));
		return id;
	},
	afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && /\/seller\/v1\/orders$/.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/seller\/v1\/orders$/);
	},
});
