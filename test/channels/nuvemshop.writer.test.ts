import { createNuvemshopWriter } from '../../core/channels/nuvemshop/writer';
import type { AdapterContext, ChannelWriter, StockUpdate } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { NuvemshopSimulator, nuvemshopOrder, type NuvemshopProduct } from '../simulators/nuvemshop';
import { tinyRetry } from './helpers/channel-test';

const auth = { storeId: '123456', accessToken: 'tok_writer' };
const headers = { authentication: `bearer ${auth.accessToken}`, 'user-agent': 'OMS n8n nodes (oms@example.com)' };
const { retry } = tinyRetry();
let sim: NuvemshopSimulator;
const writer = (options?: AdapterContext['options'], h: Record<string, string> = headers): ChannelWriter =>
	createNuvemshopWriter({ transport: createFetchTransport(h, 5000), baseUrl: `${sim.baseUrl}/v1`, account: auth.storeId, retry, options });

const level = (location_id: string, stock: number) => ({ id: Number(location_id.slice(-2)), location_id, stock });
const product = (): NuvemshopProduct => ({
	id: 1234,
	name: { pt: 'Camiseta' },
	variants: [
		{ id: 101, product_id: 1234, sku: 'CAM-AZ-M', inventory_levels: [level('01LOC01', 4), level('01LOC02', 1)] },
		{ id: 102, product_id: 1234, sku: 'CAM-AZ-G', inventory_levels: [level('01LOC01', 6)] },
	],
});
const update = (sku: string, quantity: number, variantId?: string): StockUpdate => ({ sku, quantity, listing: { listingId: '1234', variantId } });
const stocks = () => sim.products.get(1234)!.variants.map((v) => v.inventory_levels.map((l) => l.stock));

beforeEach(async () => {
	sim = new NuvemshopSimulator(auth);
	await sim.start();
	sim.putProduct(product());
});
afterEach(() => sim.stop());

describe('Nuvemshop writer: listings and stock', () => {
	it('resolves product and variant ids by SKU; a 404 means unknown', async () => {
		const refs = await writer().resolveListings(['CAM-AZ-G', 'NOPE']);
		expect(Object.fromEntries(refs)).toEqual({ 'CAM-AZ-G': { listingId: '1234', variantId: '102' } });
		expect(sim.requests(/products\/sku/)[0].path).toBe('/v1/123456/products/sku/CAM-AZ-G');
	});

	it('replaces each variant\'s stock, one call per SKU', async () => {
		expect(await writer().pushStock([update('CAM-AZ-M', 9, '101'), update('CAM-AZ-G', 0, '102')])).toEqual([
			{ sku: 'CAM-AZ-M', ok: true },
			{ sku: 'CAM-AZ-G', ok: true },
		]);
		expect(sim.requests(/variants\/stock/)[0].body).toEqual({ action: 'replace', value: 9, id: 101 });
		// Without location_id Nuvemshop changes the store's default (first) location.
		expect(stocks()).toEqual([[9, 1], [0]]);
	});

	it('targets one location when options.locationId is set', async () => {
		await writer({ locationId: '01LOC02' }).pushStock([update('CAM-AZ-M', 3, '101')]);
		expect(sim.requests(/variants\/stock/)[0].body).toMatchObject({ location_id: '01LOC02' });
		expect(stocks()).toEqual([[4, 3], [6]]);
	});

	it('a rejected SKU fails alone; an update without variant id is refused before sending', async () => {
		const results = await writer().pushStock([update('GONE', 1, '999'), update('NOVAR', 1), update('CAM-AZ-G', 2, '102')]);
		expect(results[0]).toMatchObject({ sku: 'GONE', ok: false, error: { httpCode: 404 } });
		expect(results[1]).toMatchObject({ sku: 'NOVAR', ok: false, error: { message: expect.stringMatching(/variant id/) } });
		expect(results[2]).toEqual({ sku: 'CAM-AZ-G', ok: true });
		expect(sim.requests(/variants\/stock/)).toHaveLength(2);
	});

	it('a missing User-Agent is the documented 400', async () => {
		await expect(writer(undefined, { authentication: headers.authentication }).resolveListings(['CAM-AZ-G'])).rejects.toMatchObject({ httpCode: 400 });
	});
});

describe('Nuvemshop writer: orders', () => {
	beforeEach(() => sim.put(nuvemshopOrder({ id: 450789469, updatedAt: '2026-01-10T12:00:00-03:00' })));

	it('fulfils with tracking', async () => {
		await writer().pushShipment!({ channelOrderId: '450789469', carrier: 'Correios', trackingCode: 'BR1', trackingUrl: 'https://rastreio/BR1' });
		expect(sim.requests(/fulfill/)[0].body).toEqual({ shipping_tracking_number: 'BR1', shipping_tracking_url: 'https://rastreio/BR1', notify_customer: true });
		expect(sim.orders.get(450789469)).toMatchObject({ shipping_status: 'fulfilled', shipping_tracking_number: 'BR1' });
	});

	it('cancels with a documented reason and no restock', async () => {
		await writer().cancelOrder!({ channelOrderId: '450789469', reason: 'Inventory' });
		expect(sim.requests(/cancel/)[0].body).toEqual({ reason: 'inventory', email: false, restock: false });
		expect(sim.orders.get(450789469)).toMatchObject({ status: 'cancelled', cancel_reason: 'inventory' });
		await writer().cancelOrder!({ channelOrderId: '450789469', reason: 'cliente desistiu' });
		expect(sim.requests(/cancel/)[1].body).toMatchObject({ reason: 'other' });
	});

	it('stores the NF-e as nfe.key and nfe.link order metafields', async () => {
		await writer().pushInvoice!({ channelOrderId: '450789469', nfeKey: '3'.repeat(44), number: '1', series: '1', issuedAt: '2026-01-10T15:00:00Z', url: 'https://nfe/danfe.pdf' });
		expect(sim.metafields.map((m) => [m.namespace, m.key, m.value, m.owner_resource, m.owner_id])).toEqual([
			['nfe', 'key', '3'.repeat(44), 'Order', 450789469],
			['nfe', 'link', 'https://nfe/danfe.pdf', 'Order', 450789469],
		]);
	});

	it('an unknown order is a 404', async () => {
		await expect(writer().pushShipment!({ channelOrderId: '1', carrier: 'x', trackingCode: 'y' })).rejects.toMatchObject({ httpCode: 404 });
	});
});
