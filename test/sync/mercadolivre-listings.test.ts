import { createMercadoLivreWriter } from '../../core/channels/mercadolivre/writer';
import { createFetchTransport } from '../../core/http/transport';
import { pushStock } from '../../core/sync/push-stock';
import type { OmsStore } from '../../core/store/types';
import { tinyRetry } from '../channels/helpers/channel-test';
import { MercadoLivreSimulator, type MlItem } from '../simulators/mercadolivre';
import { freshStore, stock } from './stores';

/**
 * One SKU sold under a classic and a premium Mercado Livre listing: Push Stock's catalog look-up links both
 * and writes the value to both; two listings of one user product (one stock at ML) are written once.
 */
const TOKEN = 'APP_USR-listings';
let store: OmsStore;
let sim: MercadoLivreSimulator;
beforeEach(async () => {
	store = freshStore();
	sim = new MercadoLivreSimulator(TOKEN);
	await sim.start();
});
afterEach(async () => {
	await sim.stop();
	await store.close();
});

const item = (id: string, extra: Partial<MlItem> = {}): MlItem => ({ id, available_quantity: 1, attributes: [{ id: 'SELLER_SKU', value_name: 'CAN-01' }], variations: [], ...extra });
const push = () => {
	const writer = createMercadoLivreWriter({ transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000), baseUrl: sim.baseUrl, account: String(sim.sellerId), retry: tinyRetry().retry });
	return pushStock({ store, channel: `mercadolivre:${sim.sellerId}`, writer, levels: [{ sku: 'CAN-01' }], safetyStock: 0, maxQuantity: 0 });
};

it('a SKU under two listings: both are linked from the catalog and both get the value', async () => {
	sim.putItem(item('MLB100'), item('MLB101'));
	await stock(store, { 'CAN-01': [9] });
	const { results } = await push();
	expect(results).toEqual([expect.objectContaining({ sku: 'CAN-01', status: 'pushed', value: 9, listings: 2 })]);
	expect([sim.items.get('MLB100')!.available_quantity, sim.items.get('MLB101')!.available_quantity]).toEqual([9, 9]);
	expect((await store.listLinks({ channel: 'mercadolivre' })).map((l) => [l.listingId, l.sku, l.source])).toEqual([
		['MLB100', 'CAN-01', 'catalog'],
		['MLB101', 'CAN-01', 'catalog'],
	]);
});

it('two listings of one user product: the shared stock is written once', async () => {
	sim.putItem(item('MLB100', { user_product_id: 'MLBU77' }), item('MLB101', { user_product_id: 'MLBU77' }));
	await stock(store, { 'CAN-01': [4] });
	const { results } = await push();
	expect(results).toEqual([expect.objectContaining({ sku: 'CAN-01', status: 'pushed', value: 4, listings: 1 })]);
	expect(sim.requests(/^\/items\/MLB10[01]$/).filter((r) => r.method === 'PUT').map((r) => [r.path, r.body])).toEqual([['/items/MLB100', { available_quantity: 4 }]]);
});
