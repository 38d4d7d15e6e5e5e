import { createMagentoWriter } from '../../core/channels/magento/writer';
import type { ChannelWriter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { MagentoSimulator, mageOrder } from '../simulators/magento';
import { tinyRetry } from './helpers/channel-test';

const TOKEN = 't';
const { retry } = tinyRetry();
let sim: MagentoSimulator;
const writer = (sourceCode?: string): ChannelWriter =>
	createMagentoWriter({ transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000), baseUrl: sim.baseUrl, account: 'shop', retry, options: sourceCode ? { sourceCode } : undefined });

beforeEach(async () => {
	sim = new MagentoSimulator(TOKEN);
	await sim.start();
	sim.putProduct('24-MB01', 10);
	sim.put(mageOrder({ id: 7, updatedAt: '2026-03-10T12:00:00Z', state: 'processing' }));
});
afterEach(() => sim.stop());

describe('Magento writer', () => {
	it('sets the MSI source item of the configured source; out of stock at 0', async () => {
		expect(await writer('warehouse-sp').pushStock([{ sku: '24-MB01', quantity: 0, listing: { listingId: '24-MB01' } }])).toEqual([{ sku: '24-MB01', ok: true }]);
		expect(sim.requests(/source-items/)[0].body).toEqual({ sourceItems: [{ sku: '24-MB01', source_code: 'warehouse-sp', quantity: 0, status: 0 }] });
	});

	it('falls back to the single-source stock item when the store has no MSI', async () => {
		sim.msi = false;
		expect(await writer().pushStock([{ sku: '24-MB01', quantity: 4, listing: { listingId: '24-MB01' } }])).toEqual([{ sku: '24-MB01', ok: true }]);
		expect(sim.requests(/stockItems\/1$/)[0]).toMatchObject({ method: 'PUT', body: { stockItem: { qty: 4, is_in_stock: true } } });
		expect(sim.sourceItems.get('24-MB01')?.quantity).toBe(4);
	});

	it('ships with the track, then a second cancel is refused (false) with a message naming the order', async () => {
		await writer().pushShipment!({ channelOrderId: '7', carrier: 'Correios', trackingCode: 'QB1BR' });
		expect(sim.posts[0]).toEqual({ path: '/V1/order/7/ship', body: { notify: true, tracks: [{ track_number: 'QB1BR', title: 'Correios', carrier_code: 'custom' }] } });
		await expect(writer().cancelOrder!({ channelOrderId: '7' })).rejects.toThrow(/order 7/);
	});

	it('invoices with capture and the NF-e in the comment; cancels a processing order', async () => {
		await writer().pushInvoice!({ channelOrderId: '7', nfeKey: '3'.repeat(44), number: '12', series: '1', issuedAt: '2026-03-10T06:44:21Z' });
		expect(sim.posts[0].body).toMatchObject({ capture: true, comment: { comment: `NF-e 12/1 ${'3'.repeat(44)}` } });
		await writer().cancelOrder!({ channelOrderId: '7' });
		expect(sim.orders.get(7)?.state).toBe('canceled');
	});
});

describe('Magento listing', () => {
	it('a full page whose last order has no readable updated_at fails instead of ending the window', async () => {
		const { createMagentoAdapter } = await import('../../core/channels/magento');
		sim.put(mageOrder({ id: 8, updatedAt: '2026-03-10T12:00:01Z' }));
		sim.orders.get(8)!.updated_at = '2026-03-10T12:00:01';
		const adapter = createMagentoAdapter({ transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000), baseUrl: sim.baseUrl, account: 'shop', retry });
		// Not Magento's "YYYY-MM-DD HH:MM:SS"; sorted as text it comes after order 7, last on a full page of two.
		await expect(adapter.listChanged({ since: '2000-01-01T00:00:00Z', until: '2030-01-01T00:00:00Z', pageSize: 2 })).rejects.toThrow(/order 8.*updated_at/);
	});
});
