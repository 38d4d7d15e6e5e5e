import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';
import { forgetSessions } from '../../core/channels/http/session';
import { HttpChannelTrigger } from '../../nodes/HttpChannelTrigger/HttpChannelTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { PollHarness } from '../harness/n8n-poll-harness';
import { OpenCartSimulator } from '../simulators/opencart';
import { describeTriggerConformance, TINY_RETRY } from './trigger-conformance';

/** The README's OpenCart definition in the configurable channel's trigger, through n8n's PollContext. */
let sim: OpenCartSimulator;
const isListing = (r: { method: string; query: URLSearchParams }) => r.method === 'GET' && r.query.get('route') === 'extension/feed/gss_api/orders';

describe('OpenCart (configurable HTTP channel, CartRover listing)', () => {
	describeTriggerConformance({
		channel: 'http',
		account: 'loja-opencart',
		start: async () => {
			forgetSessions();
			sim = new OpenCartSimulator();
			await sim.start();
		},
		stop: () => sim.stop(),
		harness: (now, retry = TINY_RETRY, parameters = {}) => {
			const nodeType = new HttpChannelTrigger();
			nodeType.poll = orderTriggerPoll('http', { retry, timeoutMs: 1000, now });
			return new PollHarness({
				nodeType,
				parameters: { httpChannelDefinition: JSON.stringify(OPENCART_DEFINITION), ...parameters },
				// No auth header: the session's token is the only credential OpenCart reads.
				credentials: {
					baseUrl: sim.baseUrl,
					account: 'loja-opencart',
					headerName: 'Authorization',
					headerValue: '',
					loginUsername: 'Default',
					loginSecret: 'chave-api-256',
				},
				authenticate: (_c, req) => req,
			});
		},
		put: (n, at) => {
			sim.put({ id: 5000 + n, updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() });
			return String(5000 + n);
		},
		afterListing: (fn) => sim.afterNext(isListing, fn),
		failListing: (count) => sim.failListing(count),
	});
});
