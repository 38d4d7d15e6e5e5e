import { WakeOmsApi } from '../../credentials/WakeOmsApi.credentials';
import { createWakeWriter } from '../../core/channels/wake/writer';
import { N8N_CHANNELS } from '../../nodes/shared/channels';
import { WakeSimulator, wakeOrder } from '../simulators/wake';
import { wakeContext } from './conformance/drivers/wake';
import { tinyRetry } from './helpers/channel-test';

const TOKEN = 'wake-token';
const { retry } = tinyRetry();
let sim: WakeSimulator;
const writer = (options?: Record<string, string>) => createWakeWriter(wakeContext(sim.baseUrl, retry, TOKEN, options));

beforeEach(async () => {
	sim = new WakeSimulator(TOKEN);
	await sim.start();
	sim.stock.set('CAMISETA-P', 5);
	sim.put(wakeOrder({ id: 7, updatedAt: '2026-03-10T12:00:00Z', status: 2 }));
});
afterEach(() => sim.stop());

describe('Wake writer', () => {
	it("writes estoqueFisico by SKU for the distribution centre, 50 SKUs per call; a refused SKU carries Wake's detalhes", async () => {
		const updates = Array.from({ length: 51 }, (_, i) => ({
			sku: i === 0 ? 'CAMISETA-P' : `X${i}`,
			quantity: i,
			listing: { listingId: i === 0 ? 'CAMISETA-P' : `X${i}` },
		}));
		const results = await writer({ distributionCenterId: '3' }).pushStock(updates);
		expect(sim.requests(/produtos\/estoques/).map((r) => (r.body as unknown[]).length)).toEqual([50, 1]);
		expect((sim.requests(/produtos\/estoques/)[0].body as any[])[0]).toEqual({
			identificador: 'CAMISETA-P',
			listaEstoque: [{ estoqueFisico: 0, centroDistribuicaoId: 3 }],
		});
		expect(results[0]).toEqual({ sku: 'CAMISETA-P', ok: true });
		expect(results[1]).toEqual({ sku: 'X1', ok: false, error: { message: 'Wake did not update X1: Produto não encontrado' } });
		expect(results).toHaveLength(51);
	});

	it('invoices with the NF-e on a rastreamento, moving the status only when the credential names one', async () => {
		const nfe = {
			channelOrderId: '7',
			nfeKey: '3'.repeat(44),
			number: '123',
			series: '1',
			issuedAt: '2026-03-10T09:00:00-03:00',
			url: 'https://nfe.example/123',
		};
		await writer().pushInvoice!(nfe);
		expect(sim.trackings[0]).toEqual({
			pedidoId: 7,
			body: {
				numeroNotaFiscal: '123',
				serieNFE: '1',
				chaveAcessoNFE: '3'.repeat(44),
				urlNFE: 'https://nfe.example/123',
				dataEvento: '2026-03-10T09:00:00-03:00',
			},
		});
		expect(sim.orders.get(7)?.situacaoPedidoId).toBe(2);
		await writer({ invoicedStatusId: '6' }).pushInvoice!(nfe);
		expect(sim.orders.get(7)?.situacaoPedidoId).toBe(6);
	});

	it('ships with the tracking code and URL and the Shipped Status ID', async () => {
		await writer({ shippedStatusId: '4' }).pushShipment!({
			channelOrderId: '7',
			carrier: 'Correios',
			trackingCode: 'QB1BR',
			trackingUrl: 'https://rastreio.example/QB1BR',
			shippedAt: '2026-03-11T10:00:00Z',
		});
		expect(sim.trackings[0].body).toEqual({
			rastreamento: 'QB1BR',
			urlRastreamento: 'https://rastreio.example/QB1BR',
			dataEvento: '2026-03-11T10:00:00Z',
			situacaoPedidoId: 4,
		});
		expect(sim.orders.get(7)?.situacaoPedidoId).toBe(4);
	});

	it("cancels to the Cancelled Status ID, else to the store's one status named cancelled", async () => {
		await writer().cancelOrder!({ channelOrderId: '7' });
		expect(sim.orders.get(7)?.situacaoPedidoId).toBe(3);
		await writer({ cancelledStatusId: '5' }).cancelOrder!({ channelOrderId: '7' });
		expect(sim.orders.get(7)?.situacaoPedidoId).toBe(5);
		await expect(writer({ cancelledStatusId: '99' }).cancelOrder!({ channelOrderId: '7' })).rejects.toMatchObject({ httpCode: 422 });
	});
});

describe('Wake credential', () => {
	it('"Authorization: Basic <token>", the store statuses as test request, settings as options', () => {
		const credential = new WakeOmsApi();
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '=Basic {{$credentials.token}}' } } });
		expect(credential.test.request.url).toBe('/situacoesPedido');
		expect(
			N8N_CHANNELS.wake.adapterContext(
				{
					storeName: 'minhaloja.com.br',
					token: 't',
					baseUrl: '',
					timeZoneOffset: '',
					orderStatuses: '9=paid',
					distributionCenterId: '',
					invoicedStatusId: '',
					shippedStatusId: '4',
					cancelledStatusId: '',
				},
				() => undefined,
			),
		).toEqual({
			baseUrl: 'https://api.fbits.net',
			account: 'minhaloja.com.br',
			options: {
				timeZoneOffset: '-03:00',
				orderStatuses: '9=paid',
				distributionCenterId: '1',
				invoicedStatusId: '',
				shippedStatusId: '4',
				cancelledStatusId: '',
			},
		});
	});
});

describe('bare True/False answers', () => {
	it('read as booleans (Wake documents its write answers so), while a truncated JSON body stays invalid', async () => {
		const { parseBody } = await import('../../core/http/transport');
		expect(parseBody('True', 'application/json; charset=utf-8')).toEqual({ body: true });
		expect(parseBody(' False\n', 'application/json')).toEqual({ body: false });
		expect(parseBody('{"pedidoId": 1, "si', 'application/json')).toMatchObject({ invalidJson: true });
	});
});
