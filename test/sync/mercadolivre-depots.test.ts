import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMercadoLivreWriter } from '../../core/channels/mercadolivre/writer';
import { normalizeMlOrder } from '../../core/channels/mercadolivre/normalize';
import type { MlOrder } from '../../core/channels/mercadolivre/types';
import { createFetchTransport } from '../../core/http/transport';
import { pushStock } from '../../core/sync/push-stock';
import type { OmsStore } from '../../core/store/types';
import { tinyRetry } from '../channels/helpers/channel-test';
import { MercadoLivreMultiOriginSimulator } from '../simulators/mercadolivre-stock';
import { freshStore } from './stores';

/**
 * A multi-origin sale end to end: ML's published order (order_items[].stock names depot 54936888;
 * https://developers.mercadolibre.com.ve/es_ar/gestion-packs, 29/12/2025, mirror file 56695654441) is
 * reserved in the OMS warehouse that depot maps to, released there on cancellation, and Push Stock for that
 * warehouse writes that depot only.
 */
const raw = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/mercadolivre/order-multiorigin-stock.json'), 'utf8')) as MlOrder;
const SKU = 'ESPAÇADOR NIVELADOR ECO C/500 PÇS CORTAG-2';
const DEPOTS = '54936888=sp, 54936889=rj';
const TOKEN = 'APP_USR-depots';
const UP = 'MLBU1458960576';

let store: OmsStore;
let sim: MercadoLivreMultiOriginSimulator;
beforeEach(async () => {
	store = freshStore();
	sim = new MercadoLivreMultiOriginSimulator(TOKEN);
	await sim.start();
	sim.stores.set('54936888', '163942').set('54936889', '163943');
	sim.putUserProduct(UP, [
		{ type: 'seller_warehouse', store_id: '54936888', network_node_id: '163942', quantity: 10 },
		{ type: 'seller_warehouse', store_id: '54936889', network_node_id: '163943', quantity: 4 },
	]);
	sim.putItem({ id: 'MLB3737188005', available_quantity: 0, attributes: [{ id: 'SELLER_SKU', value_name: SKU }], variations: [], user_product_id: UP });
	await store.setOnHand([
		{ sku: SKU, warehouse: 'sp', onHand: 10 },
		{ sku: SKU, warehouse: 'rj', onHand: 4 },
	]);
});
afterEach(async () => {
	await sim.stop();
	await store.close();
});

const level = async (warehouse: string) => (await store.getAvailability([SKU], warehouse))[0];
const normalize = (o: MlOrder) => normalizeMlOrder(o, '779432305', { depots: DEPOTS });

it('reserves in the depot\'s warehouse, releases there on cancellation, and pushes that depot only', async () => {
	const [applied] = await store.applyOrders([normalize(raw)]);
	expect(applied.affected).toEqual([expect.objectContaining({ sku: SKU, warehouse: 'sp', reserved: 2, available: 8 })]);
	expect(await level('rj')).toMatchObject({ reserved: 0, available: 4 });

	const writer = createMercadoLivreWriter({
		transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000),
		baseUrl: sim.baseUrl,
		account: String(sim.sellerId),
		retry: tinyRetry().retry,
		options: { depots: DEPOTS },
	});
	const pushed = await pushStock({ store, channel: `mercadolivre:${sim.sellerId}`, writer, levels: [{ sku: SKU }], warehouse: 'sp', safetyStock: 0, maxQuantity: 0 });
	expect(pushed.results).toEqual([expect.objectContaining({ sku: SKU, warehouse: 'sp', value: 8, status: 'pushed' })]);
	expect(sim.quantityAt(UP, '54936888')).toBe(8);
	expect(sim.quantityAt(UP, '54936889')).toBe(4);

	// A later snapshot without the stock entries still releases in sp: the order keeps its warehouse.
	const { stock: _gone, ...line } = (raw as unknown as { order_items: Array<Record<string, unknown>> }).order_items[0];
	const cancelled = { ...raw, status: 'cancelled', last_updated: '2024-11-02T09:00:00.000-04:00', order_items: [line] } as unknown as MlOrder;
	const [released] = await store.applyOrders([normalize(cancelled)]);
	expect(released.affected).toEqual([expect.objectContaining({ sku: SKU, warehouse: 'sp', reserved: 0, available: 10 })]);
});
