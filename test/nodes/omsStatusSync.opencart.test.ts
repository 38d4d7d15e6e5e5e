import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';
import { forgetSessions } from '../../core/channels/http/session';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { tinyRetry } from '../channels/helpers/channel-test';
import { runSync } from '../harness/n8n-sync-harness';
import { OpenCartSimulator } from '../simulators/opencart';

/**
 * OpenCart's status writes through OMS Status Sync inside n8n's ExecuteContext: the credential's login
 * username and secret reach the definition's api/login session; no header is set (its value is empty).
 */
const { retry } = tinyRetry();
let sim: OpenCartSimulator;

function run(parameters: Record<string, unknown>) {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ retry });
	const credentials = {
		httpChannelOmsApi: {
			baseUrl: sim.baseUrl,
			account: 'loja-opencart',
			headerName: 'Authorization',
			headerValue: '',
			loginUsername: 'Default',
			loginSecret: 'chave-api-256',
		},
	};
	return runSync({
		nodeType,
		parameters: { channel: 'http', httpChannelDefinition: JSON.stringify(OPENCART_DEFINITION), ...parameters },
		credentials,
		authenticate: (_type, _c, req) => req,
		items: [{}],
	});
}

beforeEach(async () => {
	forgetSessions();
	sim = new OpenCartSimulator();
	await sim.start();
	sim.put({ id: 1042, updatedAt: '2026-03-10T12:00:00Z' });
});
afterEach(() => sim.stop());

describe('OMS Status Sync, OpenCart (configurable channel) through n8n', () => {
	it('Push Shipment logs in with the credential and adds the Shipped history with the tracking', async () => {
		const out = await run({ operation: 'pushShipment', channelOrderId: '1042', carrier: 'Correios', trackingCode: 'BR9' });
		expect(out[0].json).toMatchObject({ operation: 'pushShipment', status: 'done', channelOrderId: '1042' });
		expect(sim.histories).toEqual([{ orderId: 1042, form: { order_status_id: '3', notify: '1', override: '0', comment: 'Enviado: Correios BR9 ' } }]);
		expect(sim.requests().map((r) => r.query.get('route'))).toEqual(['api/login', 'api/order/history']);
	});

	it('Cancel Order on an order OpenCart does not have fails with its message, not as done', async () => {
		const error = await run({ operation: 'cancelOrder', channelOrderId: '77' }).catch((e: unknown) => e);
		expect((error as Error).message).toContain('Warning: Order could not be found!');
		expect(sim.histories).toEqual([]);
	});
});
