import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeMlOrder } from '../../core/channels/mercadolivre/normalize';
import type { MlOrder } from '../../core/channels/mercadolivre/types';
import { createMercadoLivreWriter } from '../../core/channels/mercadolivre/writer';
import type { ChannelWriter, StockUpdate } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { MercadoLivreMultiOriginSimulator } from '../simulators/mercadolivre-stock';
import { tinyRetry } from './helpers/channel-test';

/**
 * Multi-origin stock (user tag warehouse_management): stock written per depot through the user-products API,
 * on Mercado Livre's own examples (test/fixtures/published/mercadolivre/SOURCES.md):
 * - user-warehouse-management.json, user-product-stock-get.json, user-product-stock-put-request.json:
 *   https://developers.mercadolibre.com.ve/es_ar/stock-multi-origen (15/05/2026), via mirror file 56860339671
 * - order-multiorigin-stock.json: https://developers.mercadolibre.com.ve/es_ar/gestion-packs (29/12/2025),
 *   via mirror file 56695654441
 */
const published = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../fixtures/published/mercadolivre', name), 'utf8')) as Record<string, any>;

const TOKEN = 'APP_USR-123-multi';
const UP = 'MLMU123456789';
const { retry } = tinyRetry();
let sim: MercadoLivreMultiOriginSimulator;

const writer = (depots = '9876543=sp, 9876553=rj'): ChannelWriter =>
	createMercadoLivreWriter({
		transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000),
		baseUrl: sim.baseUrl,
		account: String(sim.sellerId),
		retry,
		options: { depots },
	});
const update = (quantity: number, warehouse?: string, inventoryItemId: string | undefined = UP): StockUpdate => ({
	sku: 'ESP-01',
	quantity,
	listing: { listingId: 'MLM2198240631', ...(inventoryItemId ? { inventoryItemId } : {}) },
	...(warehouse ? { warehouse } : {}),
});

/** The published GET example: two depots, 15 and 25 units. */
function seedPublished(): void {
	const stock = published('user-product-stock-get.json');
	for (const l of stock.locations) sim.stores.set(l.store_id, l.network_node_id);
	sim.putUserProduct(stock.id, stock.locations);
}

beforeEach(async () => {
	sim = new MercadoLivreMultiOriginSimulator(TOKEN);
	sim.userTags = [...published('user-warehouse-management.json').tags, 'multiwarehouse'];
	await sim.start();
	seedPublished();
	sim.putItem({ id: 'MLM2198240631', available_quantity: 0, attributes: [{ id: 'SELLER_SKU', value_name: 'ESP-01' }], variations: [], user_product_id: UP });
});
afterEach(() => sim.stop());

describe('Mercado Livre multi-origin stock: writes', () => {
	it('sets the mapped depot through PUT …/stock/type/seller_warehouse with the x-version read; the other depot keeps its stock; /items is not used', async () => {
		expect(await writer().pushStock([update(7, 'sp')])).toEqual([{ sku: 'ESP-01', ok: true }]);
		expect(sim.quantityAt(UP, '9876543')).toBe(7);
		expect(sim.quantityAt(UP, '9876553')).toBe(25);
		const [put] = sim.requests(/\/stock\/type\/seller_warehouse$/);
		expect(put.headers['x-version']).toBe('1');
		expect(put.body).toEqual({
			locations: [
				{ store_id: '9876553', network_node_id: '571615', quantity: 25 },
				{ store_id: '9876543', network_node_id: '123451', quantity: 7 },
			],
		});
		// The documented request shape: each location has exactly the keys of ML's own example.
		const documented = Object.keys(published('user-product-stock-put-request.json').locations[0]).sort();
		for (const l of (put.body as { locations: object[] }).locations) expect(Object.keys(l).sort()).toEqual(documented);
		expect(sim.requests(/^\/items\//).filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('409 (a sale moved the stock between the GET and the PUT): reads again and retries, so the sale is not overwritten', async () => {
		sim.afterNext((r) => r.method === 'GET' && r.path.endsWith('/stock'), () => sim.sell(UP, '9876553', 1));
		expect(await writer().pushStock([update(7, 'sp')])).toEqual([{ sku: 'ESP-01', ok: true }]);
		const puts = sim.requests(/\/stock\/type\/seller_warehouse$/);
		expect(puts.map((r) => r.headers['x-version'])).toEqual(['1', '2']);
		expect(sim.requests(/\/user-products\/[^/]+\/stock$/)).toHaveLength(2);
		expect(sim.quantityAt(UP, '9876543')).toBe(7);
		expect(sim.quantityAt(UP, '9876553')).toBe(24);
	});

	it('conflicts on every try: the SKU fails with the 409 and ML\'s words after 4 reads', async () => {
		for (let i = 0; i < 4; i++) sim.afterNext((r) => r.method === 'GET' && r.path.endsWith('/stock'), () => sim.sell(UP, '9876553', 1));
		const [r] = await writer().pushStock([update(7, 'sp')]);
		expect(r).toMatchObject({ ok: false, error: { httpCode: 409 } });
		expect(r.error!.message).toContain('Version mismatch');
		expect(sim.requests(/\/stock\/type\/seller_warehouse$/)).toHaveLength(4);
		expect(sim.quantityAt(UP, '9876543')).toBe(15);
	});

	it('an OMS warehouse no depot is mapped to fails that SKU with the fix in the message; nothing is written', async () => {
		const [r] = await writer().pushStock([update(3, 'default')]);
		expect(r.ok).toBe(false);
		expect(r.error!.message).toMatch(/No Mercado Livre depot is mapped to OMS warehouse "default".*9876543, 9876553.*storeId=default/);
		expect(sim.requests(/seller_warehouse$/)).toHaveLength(0);
	});

	it('a single-depot seller without a map: the default warehouse is its one depot', async () => {
		sim.userTags = ['normal', 'warehouse_management'];
		sim.putUserProduct('MLBU1', [{ type: 'seller_warehouse', store_id: '9876543', network_node_id: '123451', quantity: 2 }]);
		expect(await writer('').pushStock([update(9, undefined, 'MLBU1')])).toEqual([{ sku: 'ESP-01', ok: true }]);
		expect(sim.quantityAt('MLBU1', '9876543')).toBe(9);
	});

	it('a depot ML does not know is refused with ML\'s message', async () => {
		const [r] = await writer('111=sp').pushStock([update(3, 'sp')]);
		expect(r).toMatchObject({ ok: false, error: { httpCode: 400 } });
		expect(r.error!.message).toContain('store not found: 111');
	});

	it('a user product whose stock was never initialised fails with "stock-locations not found"', async () => {
		const [r] = await writer().pushStock([update(3, 'sp', 'MLMU000')]);
		expect(r).toMatchObject({ ok: false, error: { httpCode: 404 } });
		expect(r.error!.message).toContain('stock-locations not found');
	});

	it('a listing cached without its user product: the item is read for user_product_id', async () => {
		expect(await writer().pushStock([update(4, 'rj', '')])).toEqual([{ sku: 'ESP-01', ok: true }]);
		expect(sim.quantityAt(UP, '9876553')).toBe(4);
		expect(sim.requests(/^\/items\/MLM2198240631$/)).toHaveLength(1);
	});

	it('resolveListings keeps the user product with the listing', async () => {
		const refs = await writer().resolveListings(['ESP-01']);
		expect(refs.get('ESP-01')).toEqual({ listingId: 'MLM2198240631', inventoryItemId: UP });
	});

	it('the seller tags are read once per writer', async () => {
		const w = writer();
		await w.pushStock([update(1, 'sp')]);
		await w.pushStock([update(2, 'rj')]);
		expect(sim.requests(/^\/users\/\d+$/)).toHaveLength(1);
	});
});

describe('Mercado Livre multi-origin orders: the depot on the line', () => {
	const order = published('order-multiorigin-stock.json');
	const normalize = (raw: Record<string, any>, depots?: string) => normalizeMlOrder(raw as MlOrder, '', depots === undefined ? {} : { depots });

	it('order_items[].stock[].store_id → the mapped OMS warehouse, on the line and on the order', () => {
		const o = normalize(order, '54936888=sp, 1=rj');
		expect(o.lines).toEqual([expect.objectContaining({ sku: 'ESPAÇADOR NIVELADOR ECO C/500 PÇS CORTAG-2', quantity: 2, warehouse: 'sp' })]);
		expect(o.warehouse).toBe('sp');
	});

	it('a depot the map does not name is the default warehouse', () => {
		expect(normalize(order, '1=rj')).toMatchObject({ warehouse: 'default', lines: [expect.objectContaining({ warehouse: 'default' })] });
	});

	it('an order without stock entries (no multi-origin) names no warehouse', () => {
		const { stock: _dropped, ...line } = order.order_items[0];
		const o = normalize({ ...order, order_items: [line] }, '54936888=sp');
		expect(o.warehouse).toBeUndefined();
		expect(o.lines[0].warehouse).toBeUndefined();
	});

	it('a malformed map is a clear error', () => {
		expect(() => normalize(order, 'sp')).toThrow('"sp" is not storeId=warehouse');
		expect(() => normalize(order, '1=sp, 1=rj')).toThrow('store 1 is mapped twice');
	});
});
