import { createLojaIntegradaWriter } from '../../core/channels/lojaintegrada/writer';
import type { ChannelWriter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { LojaIntegradaSimulator, liOrder } from '../simulators/lojaintegrada';
import { tinyRetry } from './helpers/channel-test';

const keys = { chaveApi: 'k', chaveAplicacao: 'app' };
const { retry, sleeps } = tinyRetry();
let sim: LojaIntegradaSimulator;
const writer = (storeKey = keys.chaveApi): ChannelWriter =>
	createLojaIntegradaWriter({ transport: createFetchTransport({ authorization: `chave_api ${keys.chaveApi} aplicacao ${keys.chaveAplicacao}` }, 5000), baseUrl: sim.baseUrl, account: '1234567', retry, options: { storeKey } });

beforeEach(async () => {
	sim = new LojaIntegradaSimulator(keys);
	await sim.start();
	sim.putProduct(174389010, 'CASACO-AZ-M', 10).putProduct(174389011, 'CASACO-AZ-G', 4, 5);
	sim.put(liOrder({ numero: 165, modifiedAt: '2026-03-10T12:00:00Z' }));
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('Loja Integrada writer', () => {
	it('resolves a SKU to its produto id (a variation is its own produto)', async () => {
		expect(Object.fromEntries(await writer().resolveListings(['CASACO-AZ-G', 'NOPE']))).toEqual({ 'CASACO-AZ-G': { listingId: '174389011' } });
	});

	it('sets the quantity and sends the store\'s lead time and out-of-stock rule back as they were', async () => {
		const update = (sku: string, quantity: number, listingId: string) => ({ sku, quantity, listing: { listingId } });
		expect(await writer().pushStock([update('CASACO-AZ-M', 7, '174389010'), update('CASACO-AZ-G', 0, '174389011')])).toEqual([
			{ sku: 'CASACO-AZ-M', ok: true },
			{ sku: 'CASACO-AZ-G', ok: true },
		]);
		expect(sim.requests(/produto_estoque\/174389011/).map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(sim.requests(/produto_estoque\/174389011/)[1].body).toEqual({ gerenciado: true, quantidade: 0, situacao_em_estoque: 2, situacao_sem_estoque: 5 });
		expect(sim.stock.get(174389010)).toMatchObject({ quantidade: 7, situacao_sem_estoque: -1 });
	});

	it('an unknown product fails alone; 429 is waited out', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '1' }, /produto_estoque\/174389010/);
		const results = await writer().pushStock([{ sku: 'GONE', quantity: 1, listing: { listingId: '1' } }, { sku: 'CASACO-AZ-M', quantity: 3, listing: { listingId: '174389010' } }]);
		expect(results[0]).toMatchObject({ sku: 'GONE', ok: false, error: { httpCode: 404 } });
		expect(results[1]).toEqual({ sku: 'CASACO-AZ-M', ok: true });
		expect(sleeps).toEqual([1000]);
	});

	it('writes the tracking code on the order\'s envio, then situação pedido_enviado', async () => {
		await writer().pushShipment!({ channelOrderId: '165', carrier: 'Correios', trackingCode: 'QB123456789BR' });
		expect(sim.requests(/pedido_envio/)[0]).toMatchObject({ path: `/v1/pedido_envio/${69290000 + 165}`, body: { objeto: 'QB123456789BR' } });
		expect(sim.requests(/situacao\/pedido/)[0].body).toEqual({ codigo: 'pedido_enviado' });
		expect(sim.orders.get(165)).toMatchObject({ situacao: { codigo: 'pedido_enviado' } });
	});

	it('cancels through situação pedido_cancelado; an unknown order is a 404', async () => {
		await writer().cancelOrder!({ channelOrderId: '165' });
		expect(sim.orders.get(165)).toMatchObject({ situacao: { codigo: 'pedido_cancelado' } });
		await expect(writer().cancelOrder!({ channelOrderId: '404' })).rejects.toMatchObject({ httpCode: 404 });
	});

	it('posts the NF-e as multipart fields with the store key; without the key it is refused before sending', async () => {
		const nfe = { channelOrderId: '165', nfeKey: '3'.repeat(44), number: '00003', series: '1', issuedAt: '2026-03-10T06:44:21Z', url: 'https://nfe.example/danfe/165.pdf' };
		await writer().pushInvoice!(nfe);
		expect(sim.invoices).toEqual([{ account_key: keys.chaveApi, sale_number: '165', date: '2026-03-10 03:44:21', invoice_number: '00003', serie: '1', access_key: '3'.repeat(44), url: 'https://nfe.example/danfe/165.pdf' }]);
		await expect(writer('').pushInvoice!(nfe)).rejects.toThrow(/store key/);
		await expect(writer().pushInvoice!({ ...nfe, channelOrderId: '404' })).rejects.toMatchObject({ httpCode: 404 });
	});
});
