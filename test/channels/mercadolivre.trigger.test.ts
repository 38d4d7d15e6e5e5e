import type { IDataObject } from 'n8n-workflow';
import { MercadoLivreTrigger } from '../../nodes/MercadoLivreTrigger/MercadoLivreTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { MercadoLivreSimulator, mlOrder } from '../simulators/mercadolivre';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance } from './trigger-conformance';

const TOKEN = 'APP_USR-1234567890-test';
let sim: MercadoLivreSimulator;

describeTriggerConformance({
	channel: 'mercadolivre',
	get account() {
		return String(sim.sellerId);
	},
	start: async () => {
		sim = new MercadoLivreSimulator(TOKEN);
		await sim.start();
	},
	stop: () => sim.stop(),
	harness: (now, retry, parameters) => {
		const nodeType = new MercadoLivreTrigger();
		nodeType.poll = orderTriggerPoll('mercadolivre', { retry, timeoutMs: 500, now });
		return new PollHarness({
			nodeType,
			parameters,
			credentials: { baseUrl: sim.baseUrl, sellerId: '', oauthTokenData: { access_token: TOKEN, user_id: sim.sellerId } },
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${(c.oauthTokenData as IDataObject).access_token}` } }),
		});
	},
	put: (n, at) => {
		// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
		const created = new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString();
		sim.put(mlOrder({ id: 2000000 + n, lastUpdated: at.toISOString(), created }));
		return String(2000000 + n);
	},
	afterListing: (fn) => sim.afterNext((r) => /\/orders\/search$/.test(r.path), fn),
	failListing: (count) => {
		for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, /\/orders\/search$/);
	},
});
