import type { INodeParameters } from 'n8n-workflow';
import type { PagingStyle } from '../../core/channels/http/definition';
import { HttpChannelTrigger } from '../../nodes/HttpChannelTrigger/HttpChannelTrigger.node';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { PollHarness } from '../harness/n8n-poll-harness';
import { HttpChannelSimulator, httpOrder, simDefinition } from '../simulators/httpchan';
import { describeTriggerConformance, TINY_RETRY } from './trigger-conformance';

const LISTING = /\/api\/v1\/orders$/;

/** The trigger conformance suite once per paging style: each must keep the poller's guarantees. */
for (const style of ['offset', 'page', 'cursor', 'link'] as PagingStyle[]) {
	let sim: HttpChannelSimulator;
	const harness = (now: () => Date, retry = TINY_RETRY, parameters: INodeParameters = {}) => {
		const nodeType = new HttpChannelTrigger();
		nodeType.poll = orderTriggerPoll('http', { retry, timeoutMs: 1000, now });
		return new PollHarness({
			nodeType,
			parameters: { httpChannelDefinition: JSON.stringify(simDefinition(style)), ...parameters },
			credentials: { baseUrl: `${sim.baseUrl}/`, account: `loja-${style}`, headerName: 'X-Api-Key', headerValue: 'sim-key' },
			// As HttpChannelOmsApi.authenticate: the configured header.
			authenticate: (c, req) => ({ ...req, headers: { ...(req.headers ?? {}), [String(c.headerName)]: String(c.headerValue) } }),
		});
	};
	describe(`configurable HTTP channel, ${style} paging`, () => {
		describeTriggerConformance({
			channel: 'http',
			account: `loja-${style}`,
			start: async () => {
				sim = new HttpChannelSimulator(style);
				await sim.start();
			},
			stop: () => sim.stop(),
			harness,
			put: (n, at) => {
				sim.put(httpOrder({ id: 5000 + n, updatedAt: at.toISOString(), createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + n * 1000).toISOString() }));
				return String(5000 + n);
			},
			afterListing: (fn) => sim.afterNext((r) => r.method === 'GET' && LISTING.test(r.path), fn),
			failListing: (count) => {
				for (let i = 0; i < count; i++) sim.injectFault({ kind: 'status', status: 500 }, LISTING);
			},
		});
	});
}

describe('configurable HTTP trigger: a definition that cannot be used', () => {
	let sim: HttpChannelSimulator;
	beforeEach(async () => {
		sim = new HttpChannelSimulator('page');
		await sim.start();
	});
	afterEach(() => sim.stop());

	test('activation fails naming the setting, sends nothing, and records no state', async () => {
		const def = simDefinition('page');
		const nodeType = new HttpChannelTrigger();
		nodeType.poll = orderTriggerPoll('http', { retry: TINY_RETRY, timeoutMs: 1000, now: () => new Date('2026-03-10T14:20:00Z') });
		const h = new PollHarness({
			nodeType,
			parameters: { httpChannelDefinition: JSON.stringify({ ...def, list: { ...def.list, paging: { style: 'page' } } }) },
			credentials: { baseUrl: sim.baseUrl, account: 'x', headerName: 'X-Api-Key', headerValue: 'sim-key' },
			authenticate: (c, req) => ({ ...req, headers: { ...(req.headers ?? {}), [String(c.headerName)]: String(c.headerValue) } }),
		});
		const error = await h.poll().catch((e: unknown) => e);
		expect((error as Error).message).toContain('Channel definition: "list.paging.sizeParam" is required for page paging');
		expect(sim.requests()).toEqual([]);
		expect(h.staticData).toEqual({});
	});
});
