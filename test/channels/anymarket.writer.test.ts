import { createAnyMarketWriter } from '../../core/channels/anymarket/writer';
import { AnyMarketOmsApi } from '../../credentials/AnyMarketOmsApi.credentials';
import { N8N_CHANNELS } from '../../nodes/shared/channels';
import { anyMarketOrder } from '../simulators/anymarket';
import { ANYMARKET_TOKEN, anyMarketContext, anyMarketSim, anyMarketWriterDriver } from './conformance/drivers/anymarket';
import { tinyRetry } from './helpers/channel-test';

const writer = () => createAnyMarketWriter(anyMarketContext(tinyRetry(2).retry));
const KEY = '41180112345678000190550010000012341000012347';
const XML = '<nfeProc versao="4.00"><NFe/></nfeProc>';
const writes = () =>
	anyMarketSim()
		.requests(/\/v2\/orders\/1$/)
		.filter((r) => r.method === 'PUT');

describe('AnyMarket writer', () => {
	beforeEach(async () => {
		await anyMarketWriterDriver.start();
		anyMarketSim().put(anyMarketOrder({ id: 1, createdAt: '2026-11-20T10:00:00-03:00' }), false);
	});
	afterEach(() => anyMarketWriterDriver.stop());

	it('stock: one PUT /stocks for the batch; a batch refused for one unknown SKU is sent again SKU by SKU', async () => {
		const results = await writer().pushStock([
			{ sku: 'impala67', quantity: 3, listing: { listingId: 'impala67' } },
			{ sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
			{ sku: 'fusca68', quantity: 0, listing: { listingId: 'fusca68' } },
		]);
		expect(results).toEqual([
			{ sku: 'impala67', ok: true },
			{ sku: 'GONE', ok: false, error: expect.objectContaining({ httpCode: 400, message: expect.stringContaining('HTTP 400 from PUT /v2/stocks') }) },
			{ sku: 'fusca68', ok: true },
		]);
		expect(
			anyMarketSim()
				.requests(/\/v2\/stocks$/)
				.map((r) => (r.body as Array<{ partnerId: string }>).map((s) => s.partnerId)),
		).toEqual([['impala67', 'GONE', 'fusca68'], ['impala67'], ['GONE'], ['fusca68']]);
		expect([anyMarketSim().stock.get('impala67'), anyMarketSim().stock.get('fusca68')]).toEqual([3, 0]);
	});

	it('invoice: status INVOICED with the NF-e fields, then the XML to /nfe; the order reads invoiced', async () => {
		await writer().pushInvoice!({
			channelOrderId: '1',
			nfeKey: KEY,
			number: '1234',
			series: '1',
			issuedAt: '2026-11-21T10:00:00-03:00',
			xml: XML,
			url: 'https://nfe.example/1234',
		});
		expect(writes()[0].body).toEqual({
			status: 'INVOICED',
			invoice: { accessKey: KEY, series: '1', number: '1234', date: '2026-11-21T10:00:00-03:00', linkNfe: 'https://nfe.example/1234' },
		});
		expect(anyMarketSim().xml.get('1')).toBe(XML);
		expect(anyMarketSim().orders.get('1')).toMatchObject({ status: 'INVOICED', invoice: { accessKey: KEY } });
	});

	it('shipment: status PAID_WAITING_DELIVERY with the tracking; cancel: CANCELED with a code from the reason', async () => {
		await writer().pushShipment!({
			channelOrderId: '1',
			carrier: 'Correios',
			trackingCode: 'BR123456789BR',
			trackingUrl: 'https://rastreio/BR1',
			shippedAt: '2026-11-22T09:00:00Z',
		});
		expect(writes()[0].body).toEqual({
			status: 'PAID_WAITING_DELIVERY',
			tracking: {
				number: 'BR123456789BR',
				carrier: 'Correios',
				url: 'https://rastreio/BR1',
				date: '2026-11-22T09:00:00Z',
				shippedDate: '2026-11-22T09:00:00Z',
			},
		});
		await writer().cancelOrder!({ channelOrderId: '1', reason: 'buyer_canceled' });
		expect(writes()[1].body).toEqual({ status: 'CANCELED', cancellationCode: 'BUYER_CANCELED', cancelDetails: 'buyer_canceled' });
		expect(anyMarketSim().orders.get('1')?.status).toBe('CANCELED');
	});

	it('a write the hub refuses (a transition it does not allow) is an error with its status and message', async () => {
		await writer().cancelOrder!({ channelOrderId: '1' });
		await expect(writer().pushShipment!({ channelOrderId: '1', carrier: 'Correios', trackingCode: 'X' })).rejects.toMatchObject({ httpCode: 422 });
	});
});

describe('AnyMarket credential', () => {
	beforeEach(() => anyMarketWriterDriver.start());
	afterEach(() => anyMarketWriterDriver.stop());

	it('production, sandbox or a base URL override; the account name names the account; gumgaToken header; the test request lists one order', async () => {
		const context = (c: Record<string, string>) => N8N_CHANNELS.anymarket.adapterContext({ accountName: 'loja-hub', token: 't', ...c }, () => undefined);
		expect(context({ environment: 'production' })).toEqual({ baseUrl: 'https://api.anymarket.com.br/v2', account: 'loja-hub' });
		expect(context({ environment: 'sandbox' }).baseUrl).toBe('https://sandbox-api.anymarket.com.br/v2');
		expect(context({ environment: 'production', baseUrl: ' http://127.0.0.1:1/v2 ' }).baseUrl).toBe('http://127.0.0.1:1/v2');
		const credential = new AnyMarketOmsApi();
		expect(credential.authenticate.properties.headers).toEqual({ gumgaToken: '={{$credentials.token}}' });
		expect(credential.test.request).toMatchObject({ url: '/orders', qs: { limit: 1 } });
		const at = `${anyMarketSim().baseUrl}/v2${credential.test.request.url}?limit=1`;
		expect((await fetch(at, { headers: { gumgaToken: ANYMARKET_TOKEN } })).status).toBe(200);
		expect((await fetch(at, { headers: { gumgaToken: 'wrong' } })).status).toBe(401);
	});
});
