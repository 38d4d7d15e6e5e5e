import { PrestaShopOmsApi } from '../../credentials/PrestaShopOmsApi.credentials';
import { createPrestaShopAdapter } from '../../core/channels/prestashop';
import { createPrestaShopWriter } from '../../core/channels/prestashop/writer';
import type { ChannelWriter } from '../../core/channels/types';
import { N8N_CHANNELS } from '../../nodes/shared/channels';
import { PrestaShopSimulator, psOrder } from '../simulators/prestashop';
import { prestaShopContext } from './conformance/drivers/prestashop';
import { oneListing, tinyRetry } from './helpers/channel-test';

const KEY = 'UCCLLQ9N2ARSHWCXLT74KUKSSK34BFKX';
const { retry } = tinyRetry();
let sim: PrestaShopSimulator;
const writer = (options?: Record<string, string>): ChannelWriter => createPrestaShopWriter({ ...prestaShopContext(sim.baseUrl, retry), options });

beforeEach(async () => {
	sim = new PrestaShopSimulator(KEY);
	await sim.start();
	sim.putSku('CAMISA', 5).putSku('CAMISA-P', 3, 46);
	sim.put(psOrder({ id: 7, updatedAt: '2026-03-10T12:00:00Z', state: '2' }));
	sim.carriers.push({ id: '31', id_order: '7', id_carrier: '2', weight: '0.300000', shipping_cost_tax_incl: '2.000000', tracking_number: '' });
});
afterEach(() => sim.stop());

describe('PrestaShop writer', () => {
	it("resolves a product's reference (attribute 0) and a combination's; a near match of the case-insensitive filter or filter syntax is unknown", async () => {
		sim.products.push({ id: '900', reference: 'camisa-p' });
		const found = await writer().resolveListings(['CAMISA', 'CAMISA-P', 'CAMISA|X', 'camisa']);
		expect(Object.fromEntries(found)).toEqual({
			CAMISA: { listingId: '1', variantId: '0', inventoryItemId: '100' },
			'CAMISA-P': { listingId: '2', variantId: '46', inventoryItemId: '101' },
		});
		expect(sim.requests(/\/api\/(products|combinations)$/).some((r) => r.query.get('filter[reference]') === '[CAMISA|X]')).toBe(false);
	});

	it('pushes the stock row whole (PUT empties what it is not sent), as XML with the new quantity', async () => {
		const listing = oneListing((await writer().resolveListings(['CAMISA-P'])).get('CAMISA-P'));
		expect(await writer().pushStock([{ sku: 'CAMISA-P', quantity: 0, listing }])).toEqual([{ sku: 'CAMISA-P', ok: true }]);
		expect(sim.stock.get('2')).toMatchObject({ quantity: '0', id_product: '101', id_product_attribute: '46', out_of_stock: '2', id_shop: '1' });
		const put = sim.requests(/stock_availables\/2$/).find((r) => r.method === 'PUT')!;
		expect(put.headers['content-type']).toBe('application/xml');
		expect(put.rawBody).toContain('<quantity><![CDATA[0]]></quantity>');
	});

	it("ships: the tracking number on the order_carriers row, then the shipped state (the shop's id when set), with the email", async () => {
		await writer({ shippedState: '15' }).pushShipment!({ channelOrderId: '7', carrier: 'Correios', trackingCode: 'QB123456789BR' });
		expect(sim.carriers[0]).toMatchObject({ tracking_number: 'QB123456789BR', weight: '0.300000' });
		expect(sim.histories).toEqual([{ id_order: '7', id_order_state: '15' }]);
		expect(sim.requests(/order_histories$/)[0].query.get('sendemail')).toBe('1');
	});

	it('cancels with the cancelled state (6 by default); the order reads back cancelled, with its buyer and address records', async () => {
		await writer().cancelOrder!({ channelOrderId: '7' });
		expect(sim.orders.get(7)).toMatchObject({ current_state: '6' });
		const adapter = createPrestaShopAdapter(prestaShopContext(sim.baseUrl, retry));
		const order = adapter.normalize(await adapter.getDetails!((await adapter.getOrder!('7')) as Record<string, unknown>));
		expect(order).toMatchObject({
			status: 'cancelled',
			customer: { name: 'Maria Silva', document: '12345678909' },
			shippingAddress: { state: 'SP', country: 'BR' },
		});
		await expect(writer().cancelOrder!({ channelOrderId: '404' })).rejects.toMatchObject({ httpCode: 400 });
	});

	it('has no invoice operation (no NF-e field in PrestaShop)', () => {
		expect(writer().pushInvoice).toBeUndefined();
	});
});

describe('PrestaShop credential', () => {
	it('the key as the Basic user with no password; settings become options; a test request', () => {
		const credential = new PrestaShopOmsApi();
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { auth: { username: '={{$credentials.apiKey}}', password: '' } } });
		expect(credential.test.request).toMatchObject({ url: '/order_states', qs: { output_format: 'JSON' } });
		expect(
			N8N_CHANNELS.prestashop.adapterContext(
				{
					baseUrl: 'https://loja.example.com.br/api/',
					shopName: '',
					apiKey: 'k',
					timeZoneOffset: '',
					orderStates: '14=paid',
					shippedState: '',
					cancelledState: '',
				},
				() => undefined,
			),
		).toEqual({
			baseUrl: 'https://loja.example.com.br/api',
			account: 'loja.example.com.br',
			options: { timeZoneOffset: '-03:00', orderStates: '14=paid', shippedState: '4', cancelledState: '6' },
		});
	});
});
