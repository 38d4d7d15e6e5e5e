import type { ChannelWriter, StockUpdate } from '../../core/channels/types';
import { createWooCommerceWriter } from '../../core/channels/woocommerce/writer';
import { createFetchTransport } from '../../core/http/transport';
import { WooCommerceSimulator, wooOrder, type WooProduct } from '../simulators/woocommerce';
import { tinyRetry } from './helpers/channel-test';

const keys = { consumerKey: 'ck_writer', consumerSecret: 'cs_writer' };
const basic = (k = keys) => ({ authorization: `Basic ${Buffer.from(`${k.consumerKey}:${k.consumerSecret}`).toString('base64')}` });
const { retry } = tinyRetry();
let sim: WooCommerceSimulator;
const writer = (headers = basic()): ChannelWriter => createWooCommerceWriter({ transport: createFetchTransport(headers, 5000), baseUrl: sim.baseUrl, account: 'shop', retry });

const product = (id: number, sku: string, extra: Partial<WooProduct> = {}): WooProduct => ({
	id, name: sku, sku, type: 'simple', parent_id: 0, manage_stock: false, stock_quantity: null, stock_status: 'instock', ...extra,
});
const update = (sku: string, quantity: number, listingId: string, variantId?: string): StockUpdate => ({ sku, quantity, listing: { listingId, variantId } });
const stock = (id: number) => sim.products.get(id)!.stock_quantity;

beforeEach(async () => {
	sim = new WooCommerceSimulator(keys);
	await sim.start();
	sim.putProduct(product(10, 'CAN-01'), product(11, 'CAN-02'), product(20, 'CAM', { type: 'variable' }), product(21, 'CAM-M', { type: 'variation', parent_id: 20 }));
});
afterEach(() => sim.stop());

describe('WooCommerce writer: listings and stock', () => {
	it('resolves products and variations by SKU; unknown SKUs are absent', async () => {
		const refs = await writer().resolveListings(['CAN-01', 'CAM-M', 'NOPE']);
		expect(Object.fromEntries(refs)).toEqual({ 'CAN-01': { listingId: '10' }, 'CAM-M': { listingId: '20', variantId: '21' } });
	});

	it('one batch for products, one per parent for variations, with manage_stock on', async () => {
		const results = await writer().pushStock([update('CAN-01', 5, '10'), update('CAM-M', 2, '20', '21'), update('CAN-02', 0, '11')]);
		expect(results.map((r) => [r.sku, r.ok])).toEqual([['CAN-01', true], ['CAM-M', true], ['CAN-02', true]]);
		expect([stock(10), stock(21), stock(11)]).toEqual([5, 2, 0]);
		expect(sim.requests(/batch/).map((r) => r.path)).toEqual(['/wp-json/wc/v3/products/batch', '/wp-json/wc/v3/products/20/variations/batch']);
		expect(sim.requests(/products\/batch/)[0].body).toEqual({ update: [{ id: 10, manage_stock: true, stock_quantity: 5 }, { id: 11, manage_stock: true, stock_quantity: 0 }] });
		expect(sim.products.get(10)!.manage_stock).toBe(true);
	});

	it('500 on every attempt fails the whole batch with the status', async () => {
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 500 }, /batch/);
		const results = await writer().pushStock([update('CAN-01', 6, '10'), update('CAN-02', 7, '11')]);
		expect(results.map((r) => [r.ok, r.error?.httpCode])).toEqual([[false, 500], [false, 500]]);
		expect(sim.requests(/batch/)).toHaveLength(3);
		expect(stock(10)).toBeNull();
	});
});

describe('WooCommerce writer: orders', () => {
	beforeEach(() => sim.put(wooOrder({ id: 727, modifiedGmt: '2026-01-10T12:00:00' })));
	const notes = () => (sim.notes.get(727) ?? []).map((n) => [n.note, n.customer_note]);

	it('shipment: status completed, then a customer note with carrier and tracking', async () => {
		await writer().pushShipment!({ channelOrderId: '727', carrier: 'Correios', trackingCode: 'BR1', trackingUrl: 'https://rastreio/BR1' });
		expect(sim.orders.get(727)!.status).toBe('completed');
		expect(sim.requests(/orders\/727$/)[0].body).toEqual({ status: 'completed' });
		expect(notes()).toEqual([['Enviado por Correios | rastreio BR1 | https://rastreio/BR1', true]]);
	});

	it('invoice: a note with number, series and access key', async () => {
		await writer().pushInvoice!({ channelOrderId: '727', nfeKey: '3'.repeat(44), number: '123', series: '1', issuedAt: '2026-01-10T15:00:00Z' });
		expect(notes()[0][0]).toContain(`NF-e 123 série 1 | chave ${'3'.repeat(44)}`);
		expect(sim.orders.get(727)!.status).toBe('processing');
	});

	it('cancel: status cancelled and a private note with the reason', async () => {
		await writer().cancelOrder!({ channelOrderId: '727', reason: 'sem estoque' });
		expect(sim.orders.get(727)!.status).toBe('cancelled');
		expect(notes()).toEqual([['Cancelado: sem estoque', false]]);
	});

	it('an unknown order is a 404', async () => {
		await expect(writer().cancelOrder!({ channelOrderId: '1' })).rejects.toMatchObject({ httpCode: 404 });
	});
});
