import { LojaIntegradaTrigger } from '../../nodes/LojaIntegradaTrigger/LojaIntegradaTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { LojaIntegradaSimulator, liOrder } from '../simulators/lojaintegrada';
import { PollHarness } from '../harness/n8n-poll-harness';
import { describeTriggerConformance } from './trigger-conformance';

const keys = { chaveApi: 'li-store-key', chaveAplicacao: 'li-app-key' };
const LISTING = /\/v1\/pedido\/search\/$/;
let sim: LojaIntegradaSimulator;

/** The trigger over the simulator; `sortByChange` lists by last change instead of numero (the order is undocumented). */
function conformance(sortByChange: boolean): void {
	describeTriggerConformance({
		channel: 'lojaintegrada',
		account: '1234567',
		start: async () => {
			sim = new LojaIntegradaSimulator(keys);
			sim.sortByChange = sortByChange;
			await sim.start();
		},
		stop: () => sim.stop(),
		harness: (now, retry, parameters) => {
			const nodeType = new LojaIntegradaTrigger();
			nodeType.poll = orderTriggerPoll('lojaintegrada', { retry, timeoutMs: 1000, now });
			return new PollHarness({
				nodeType,
				parameters,
				credentials: { ...keys, storeId: '1234567', baseUrl: sim.baseUrl },
				// The credential's header, as n8n resolves it.
				authenticate: (c, req) => ({ ...req, headers: { ...req.headers, Authorization: `chave_api ${String(c.chaveApi)} aplicacao ${String(c.chaveAplicacao)}` } }),
			});
		},
		put: (n, at) => {
			// Order n was created n seconds after a fixed instant, and keeps that time when it changes.
			sim.put(liOrder({ numero: 1000 + n, modifiedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
			return String(1000 + n);
		},
		afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
		failListing: (count) => {
			for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
		},
	});
}

describe('listed by numero', () => conformance(false));
describe('listed by last change (an order that changes moves)', () => conformance(true));
