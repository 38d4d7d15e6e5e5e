import { createPluggToWriter } from '../../core/channels/pluggto/writer';
import { N8N_CHANNELS } from '../../nodes/shared/channels';
import { PluggToOmsApi } from '../../credentials/PluggToOmsApi.credentials';
import { pluggToId, pluggToOrder } from '../simulators/pluggto';
import { pluggToContext, pluggToSim, pluggToWriterDriver } from './conformance/drivers/pluggto';
import { tinyRetry } from './helpers/channel-test';

const writer = () => createPluggToWriter(pluggToContext(tinyRetry(2).retry));
const ID = pluggToId(7);
const KEY = '31210617888732102479550010005269381003054430';
const puts = () =>
	pluggToSim()
		.requests(new RegExp(`/orders/${ID}$`))
		.filter((r) => r.method === 'PUT')
		.map((r) => r.body);

describe('Plugg.To writer', () => {
	beforeEach(async () => {
		await pluggToWriterDriver.start();
		pluggToSim().put(pluggToOrder({ n: 7, modified: '2026-11-20T10:00:00Z' }));
	});
	afterEach(() => pluggToWriterDriver.stop());

	it('stock: PUT /skus/{sku}/stock {action: update, quantity, sku}, one SKU per request', async () => {
		expect(await writer().pushStock([{ sku: '486086', quantity: 3, listing: { listingId: '486086' } }])).toEqual([{ sku: '486086', ok: true }]);
		expect(
			pluggToSim()
				.requests(/\/skus\//)
				.map((r) => [r.path, r.body]),
		).toEqual([['/skus/486086/stock', { action: 'update', quantity: 3, sku: '486086' }]]);
	});

	it('invoice, then shipment: the NF-e creates the shipment; the tracking goes to that shipment (its id sent back)', async () => {
		await writer().pushInvoice!({
			channelOrderId: ID,
			nfeKey: KEY,
			number: '5269322',
			series: '1',
			issuedAt: '2026-11-21T10:00:00-03:00',
			url: 'https://nfe.example/1',
		});
		const created = (pluggToSim().orders.get(ID)!.shipments as Array<{ id: string }>)[0].id;
		await writer().pushShipment!({
			channelOrderId: ID,
			carrier: 'Correios',
			trackingCode: 'QC123456729BR',
			trackingUrl: 'https://correios.com.br',
			shippedAt: '2026-11-22T09:00:00Z',
		});
		expect(puts()).toEqual([
			{
				status: 'invoiced',
				shipments: [{ nfe_key: KEY, nfe_number: '5269322', nfe_serie: '1', nfe_date: '2026-11-21T10:00:00-03:00', nfe_link: 'https://nfe.example/1' }],
			},
			{
				status: 'shipping_informed',
				shipments: [
					{
						id: created,
						shipping_company: 'Correios',
						track_code: 'QC123456729BR',
						track_url: 'https://correios.com.br',
						date_shipped: '2026-11-22T09:00:00Z',
						status: 'shipped',
					},
				],
			},
		]);
		expect(pluggToSim().orders.get(ID)).toMatchObject({ status: 'shipping_informed', shipments: [{ id: created, nfe_key: KEY, track_code: 'QC123456729BR' }] });
	});

	it("cancel: status canceled; sent again, Plugg.To's not_updated answer counts as done", async () => {
		await writer().cancelOrder!({ channelOrderId: ID });
		await writer().cancelOrder!({ channelOrderId: ID });
		expect(puts()).toEqual([{ status: 'canceled' }, { status: 'canceled' }]);
		expect(pluggToSim().orders.get(ID)?.status).toBe('canceled');
	});

	it('an order Plugg.To does not know fails with its status', async () => {
		await expect(writer().cancelOrder!({ channelOrderId: 'nope' })).rejects.toMatchObject({ httpCode: 404 });
	});
});

describe('Plugg.To credential', () => {
	it('password grant with client id/secret (form-encoded), Bearer header, base URL override; the test request lists one order', () => {
		const credential = new PluggToOmsApi();
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } } });
		expect(credential.test.request).toMatchObject({ url: '/orders', qs: { limit: 1 } });
		const context = (c: Record<string, string>) => N8N_CHANNELS.pluggto.adapterContext({ accountName: 'loja-plugg', ...c }, () => undefined);
		expect(context({})).toEqual({ baseUrl: 'https://api.plugg.to', account: 'loja-plugg' });
		expect(context({ baseUrl: 'http://127.0.0.1:1' }).baseUrl).toBe('http://127.0.0.1:1');
		expect(N8N_CHANNELS.pluggto.tokenExpiredStatus).toBe(401);
	});
});
