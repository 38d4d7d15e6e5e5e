import { createMiraklWriter } from '../../core/channels/mirakl/writer';
import { tinyRetry } from './helpers/channel-test';
import { MiraklOmsApi } from '../../credentials/MiraklOmsApi.credentials';
import { MIRAKL_KEY, miraklContext, miraklWriterDriver, miraklSim } from './conformance/drivers/mirakl';
import { miraklOrder } from '../simulators/mirakl';

const writer = () => createMiraklWriter(miraklContext(tinyRetry(2).retry));

describe('Mirakl writer', () => {
	beforeEach(() => miraklWriterDriver.start());
	afterEach(() => miraklWriterDriver.stop());

	it("stock: one CSV file for the batch, the import read until COMPLETE, the error report's offers refused", async () => {
		miraklSim().importRuns = 2;
		const results = await writer().pushStock([
			{ sku: 'MOUSE', quantity: 4, listing: { listingId: 'MOUSE' } },
			{ sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
		]);
		expect(results).toEqual([
			{ sku: 'MOUSE', ok: true },
			{ sku: 'GONE', ok: false, error: expect.objectContaining({ message: expect.stringContaining('The offer does not exist') }) },
		]);
		expect(miraklSim().stock.get('MOUSE')).toBe(4);
		expect(miraklSim().requests(/\/imports$/)).toHaveLength(1);
		expect(miraklSim().requests(/\/status$/)).toHaveLength(3);
	});

	it('stock: an import still running after the last read is not reported pushed', async () => {
		miraklSim().importRuns = 1000;
		const [result] = await writer().pushStock([{ sku: 'MOUSE', quantity: 4, listing: { listingId: 'MOUSE' } }]);
		expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('still running') } });
	});

	it('shipment: OR23 tracking then OR24 ship; cancel: OR29; no NF-e write', async () => {
		miraklSim().put(miraklOrder({ id: 'M1-A', updatedAt: '2026-03-10T14:00:00Z' }), miraklOrder({ id: 'M2-A', updatedAt: '2026-03-10T14:00:00Z' }));
		await writer().pushShipment!({ channelOrderId: 'M1-A', carrier: 'Correios', trackingCode: 'BR123', trackingUrl: 'https://rastreamento.correios.com.br' });
		expect(miraklSim().requests(/\/tracking$/)[0].body).toEqual({
			carrier_name: 'Correios',
			carrier_url: 'https://rastreamento.correios.com.br',
			tracking_number: 'BR123',
		});
		expect(miraklSim().orders.get('M1-A')).toMatchObject({ order_state: 'SHIPPED', shipping_tracking: 'BR123' });
		await writer().cancelOrder!({ channelOrderId: 'M2-A' });
		expect(miraklSim().orders.get('M2-A')?.order_state).toBe('CANCELED');
		await expect(writer().cancelOrder!({ channelOrderId: 'M1-A' })).rejects.toThrow(/400/);
		expect(writer().pushInvoice).toBeUndefined();
	});
});

describe('MiraklOmsApi credential', () => {
	beforeEach(() => miraklWriterDriver.start());
	afterEach(() => miraklWriterDriver.stop());

	it("sends the shop key as Authorization and tests with A01 (the shop's account); a wrong key is 401", async () => {
		const cred = new MiraklOmsApi();
		expect(cred.authenticate.properties.headers).toEqual({ Authorization: '={{$credentials.apiKey}}' });
		expect(cred.test.request.url).toBe('/api/account');
		const at = `${miraklSim().baseUrl}${cred.test.request.url}`;
		expect((await fetch(at, { headers: { authorization: MIRAKL_KEY } })).status).toBe(200);
		expect((await fetch(at, { headers: { authorization: 'wrong' } })).status).toBe(401);
	});
});
