import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { madeiraMadeiraChannel } from '../../core/channels/madeiramadeira';
import { createMadeiraMadeiraWriter } from '../../core/channels/madeiramadeira/writer';
import { createFetchTransport } from '../../core/http/transport';
import { MadeiraMadeiraSimulator, mmOrder } from '../simulators/madeiramadeira';
import { tinyRetry } from './helpers/channel-test';

/** The published request examples (see madeiramadeira.published.test.ts for the source). */
const published = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/madeiramadeira', name), 'utf8'))[0] as Record<string, any>;
const keysOf = (o: Record<string, unknown>) => Object.keys(o).sort();

describe('MadeiraMadeira writer', () => {
	const TOKEN = 'mm-writer';
	let sim: MadeiraMadeiraSimulator;
	const writer = () =>
		createMadeiraMadeiraWriter({ transport: createFetchTransport({ tokenmm: TOKEN }, 5000), baseUrl: sim.baseUrl, account: '3', retry: tinyRetry(3).retry });
	const approvedAt = '2026-03-09T13:00:00.000Z';

	beforeEach(async () => {
		sim = new MadeiraMadeiraSimulator(TOKEN);
		await sim.start();
		sim.put(
			mmOrder({
				id: 6051652,
				updatedAt: approvedAt,
				status: '3',
				items: [
					{ skuseller: 'MESA-01', quantidade: 2, valor: '341.91' },
					{ skuseller: 'CADEIRA-02', quantidade: 1, valor: '99.90' },
				],
			}),
		);
	});
	afterEach(() => sim.stop());

	it("NF-e then shipment, per SKU of the order, in the published requests' shape; the order goes 3 → 6 → 7", async () => {
		const key = '41260318739399000192550010001349651701411422';
		await writer().pushInvoice!({ channelOrderId: '6051652', nfeKey: key, number: '134965', series: '1', issuedAt: '2026-03-10T02:30:00.000Z' });
		const invoiced = sim.requests(/\/v1\/pedido\/invoiced$/)[0].body as Array<Record<string, any>>;
		expect(keysOf(invoiced[0])).toEqual(keysOf(published('pedido-invoiced-request.json')));
		expect(keysOf(invoiced[0].faturamento[0])).toEqual(keysOf(published('pedido-invoiced-request.json').faturamento[0]).filter((k) => k !== 'url'));
		// One NF-e repeats its key on each SKU, with that SKU's products total; the day is Brasília's (23:30 on the 9th).
		expect(invoiced[0]).toMatchObject({
			id_pedido: 6051652,
			faturamento: [
				{ sku: 'MESA-01', quantidade: 2, valor: 683.82, chave_acesso: key, data_emissao: '09/03/2026', numero: '134965', serie: '1' },
				{ sku: 'CADEIRA-02', quantidade: 1, valor: 99.9, chave_acesso: key },
			],
		});
		expect(sim.orders.get(6051652)!.status).toBe('6');

		await writer().pushShipment!({
			channelOrderId: '6051652',
			carrier: 'CORREIOS',
			trackingCode: 'BR56465464564',
			trackingUrl: 'http://rastreio.correios.com.br/?q=BR56465464564',
			shippedAt: '2026-03-11T15:00:00.000Z',
		});
		const shipped = sim.requests(/\/v1\/pedido\/shipped$/)[0].body as Array<Record<string, any>>;
		expect(keysOf(shipped[0].envio[0])).toEqual(keysOf(published('pedido-shipped-request.json').envio[0]));
		expect(shipped[0].envio).toEqual([
			{
				sku: 'MESA-01',
				quantidade: 2,
				data_transportadora: '11/03/2026',
				codigo_rastreio: 'BR56465464564',
				nome_transportadora: 'CORREIOS',
				url_rastreio: 'http://rastreio.correios.com.br/?q=BR56465464564',
			},
			expect.objectContaining({ sku: 'CADEIRA-02', quantidade: 1 }),
		]);
		expect(sim.orders.get(6051652)!.status).toBe('7');
	});

	it('a write the marketplace refuses (shipment before the NF-e) fails with its message; an unknown order is a 404', async () => {
		await expect(writer().pushShipment!({ channelOrderId: '6051652', carrier: 'X', trackingCode: 'T1' })).rejects.toMatchObject({
			httpCode: 400,
			message: expect.stringContaining('/v1/pedido/shipped'),
		});
		expect(sim.orders.get(6051652)!.status).toBe('3');
		await expect(
			writer().pushInvoice!({ channelOrderId: '999', nfeKey: '1'.repeat(44), number: '1', series: '1', issuedAt: approvedAt }),
		).rejects.toMatchObject({ httpCode: 404 });
	});

	it('does not support cancellation: MadeiraMadeira has no seller cancel endpoint', () => {
		expect(writer().cancelOrder).toBeUndefined();
		expect(madeiraMadeiraChannel.capabilities.writes).toEqual(['invoice', 'shipment']);
	});
});
