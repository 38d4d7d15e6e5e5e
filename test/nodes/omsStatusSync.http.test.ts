import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { HttpChannelSimulator, httpOrder, simDefinition } from '../simulators/httpchan';
import { runSync } from '../harness/n8n-sync-harness';
import { tinyRetry } from '../channels/helpers/channel-test';

/**
 * The configurable HTTP channel's write-back through OMS Status Sync inside n8n's ExecuteContext: the node's
 * Channel Definition field and the credential's header (as HttpChannelOmsApi.authenticate sets it).
 */
const { retry } = tinyRetry();
const authenticate = (_type: string, c: ICredentialDataDecryptedObject, req: IHttpRequestOptions): IHttpRequestOptions => ({
	...req,
	headers: { ...req.headers, [String(c.headerName)]: String(c.headerValue) },
});
let sim: HttpChannelSimulator;

function run(parameters: Record<string, unknown>, definition: object = simDefinition('offset')) {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ retry });
	const credentials = { httpChannelOmsApi: { baseUrl: sim.baseUrl, account: 'minhaloja', headerName: 'X-Api-Key', headerValue: 'sim-key' } };
	return runSync({
		nodeType,
		parameters: { channel: 'http', httpChannelDefinition: JSON.stringify(definition), ...parameters },
		credentials,
		authenticate,
		items: [{}],
	});
}

beforeEach(async () => {
	sim = new HttpChannelSimulator('offset');
	await sim.start();
	sim.put(httpOrder({ id: 801, updatedAt: '2026-03-10T12:00:00Z' }));
});
afterEach(() => sim.stop());

describe('OMS Status Sync, Configurable HTTP channel through n8n', () => {
	it("Push Shipment sends the definition's shipment request with the credential's header", async () => {
		const out = await run({ operation: 'pushShipment', channelOrderId: '801', carrier: 'Correios', trackingCode: 'BR9' });
		expect(out[0].json).toMatchObject({ operation: 'pushShipment', status: 'done', channelOrderId: '801' });
		expect(sim.writes).toEqual([{ path: '/api/v1/orders/801/shipment', body: { carrier: 'Correios', tracking_code: 'BR9', tracking_url: null } }]);
		expect(sim.requests(/shipment$/)[0].headers['x-api-key']).toBe('sim-key');
	});

	it('a write the definition does not define fails naming the setting', async () => {
		const { cancel: _cancel, ...writes } = EXAMPLE_DEFINITION.writes!;
		const error = await run({ operation: 'cancelOrder', channelOrderId: '801' }, { ...simDefinition('offset'), writes }).catch((e: unknown) => e);
		expect((error as Error).message).toContain('the channel definition has no "writes.cancel" request');
		expect(sim.writes).toEqual([]);
	});

	it("Get Channel Order reads the order through the definition's order path and maps it", async () => {
		const out = await run({ operation: 'getChannelOrder', channelOrderId: '801' });
		expect(out[0].json).toMatchObject({ channel: 'http', account: 'minhaloja', channelOrderId: '801', lines: [{ sku: 'CAM-AZ-M', quantity: 2 }] });
	});
});
