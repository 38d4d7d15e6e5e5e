import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNuvemshopWriter } from '../../core/channels/nuvemshop/writer';
import { createShopifyWriter } from '../../core/channels/shopify/writer';
import type { ChannelWriter } from '../../core/channels/types';
import { createVtexWriter } from '../../core/channels/vtex/writer';
import { createFetchTransport, type HttpTransport } from '../../core/http/transport';
import { NuvemshopSimulator } from '../simulators/nuvemshop';
import { ShopifySimulator } from '../simulators/shopify';
import { VtexSimulator } from '../simulators/vtex';
import { tinyRetry } from './helpers/channel-test';

/**
 * listLocations of the three writers whose stock goes to one place (the node's location pickers), against the
 * simulators and, where the channel published the list response, against that payload:
 * - vtex/logistics-list-warehouses.json: vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c,
 *   "VTEX - Logistics API.json", GET /api/logistics/pvt/configuration/warehouses, 200 example (verbatim).
 * - nuvemshop/locations-get-locations.json: https://tiendanube.github.io/api-documentation/resources/location,
 *   "GET /locations" example — its first location, as far as the stored copy of the page reaches (through
 *   address.city; the rest of the entry is not in the fixture).
 * Shopify publishes no GraphQL response for `locations`: only the simulator covers it.
 */
const { retry } = tinyRetry();
const published = (channel: string, name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8'));
/** A transport answering every request with one body, recording the URLs asked. */
const answering = (body: unknown, urls: string[] = []): HttpTransport => async (req) => {
	urls.push(req.url);
	return { status: 200, headers: { 'content-type': 'application/json' }, body, text: JSON.stringify(body) };
};

describe('VTEX: warehouses', () => {
	it('the published example: id, name and isActive of each warehouse', async () => {
		const urls: string[] = [];
		const writer = createVtexWriter({ transport: answering(published('vtex', 'logistics-list-warehouses.json'), urls), baseUrl: 'https://luxstore.vtexcommercestable.com.br', account: 'luxstore', retry });
		expect(await writer.listLocations!()).toEqual([
			{ id: '1937054', name: 'Main warehouse', active: true },
			{ id: '140ac66', name: 'Warehouse B', active: true },
		]);
		expect(urls).toEqual(['https://luxstore.vtexcommercestable.com.br/api/logistics/pvt/configuration/warehouses']);
	});

	it('the simulator: needs no warehouseId option; a warehouse without a name is shown by its id', async () => {
		const sim = new VtexSimulator({ appKey: 'k', appToken: 't' });
		await sim.start();
		try {
			sim.warehouses.add('sp_2');
			const writer = createVtexWriter({ transport: createFetchTransport({ 'x-vtex-api-appkey': 'k', 'x-vtex-api-apptoken': 't' }, 5000), baseUrl: sim.baseUrl, account: 'luxstore', retry });
			expect(await writer.listLocations!()).toEqual([
				{ id: '1_1', name: 'Estoque principal', active: true },
				{ id: 'sp_2', name: 'sp_2', active: true },
			]);
			const wrongKey = createVtexWriter({ transport: createFetchTransport({ 'x-vtex-api-appkey': 'k', 'x-vtex-api-apptoken': 'wrong' }, 5000), baseUrl: sim.baseUrl, account: 'luxstore', retry });
			await expect(wrongKey.listLocations!()).rejects.toMatchObject({ httpCode: 401 });
		} finally {
			await sim.stop();
		}
	});

	it('an answer that is not a list is an error, not "no warehouses"', async () => {
		const writer = createVtexWriter({ transport: answering({ message: 'maintenance' }), baseUrl: 'https://x.vtexcommercestable.com.br', account: 'x', retry });
		await expect(writer.listLocations!()).rejects.toThrow(/Expected a JSON array/);
	});
});

describe('Nuvemshop: locations', () => {
	const auth = { storeId: '123456', accessToken: 'tok' };
	const headers = { authentication: 'bearer tok', 'user-agent': 'OMS n8n nodes (oms@example.com)' };

	it('the published example: the ULID id and the pt_BR name of { es_AR, pt_BR, en_US }', async () => {
		const urls: string[] = [];
		const writer = createNuvemshopWriter({ transport: answering(published('nuvemshop', 'locations-get-locations.json'), urls), baseUrl: 'https://api.nuvemshop.com.br/v1', account: '12345', retry });
		expect(await writer.listLocations!()).toEqual([{ id: '01HTMFDH09VC6E2Q8KGTGP44D3', name: 'Nome em português' }]);
		expect(urls).toEqual(['https://api.nuvemshop.com.br/v1/12345/locations']);
	});

	it('the simulator: Portuguese name first, else another language; the id the stock write takes', async () => {
		const sim = new NuvemshopSimulator(auth);
		await sim.start();
		try {
			const writer: ChannelWriter = createNuvemshopWriter({ transport: createFetchTransport(headers, 5000), baseUrl: `${sim.baseUrl}/v1`, account: auth.storeId, retry });
			const locations = await writer.listLocations!();
			expect(locations).toEqual([
				{ id: '01HTMFDH09VC6E2Q8KGTGP44D3', name: 'Depósito São Paulo' },
				{ id: '01HTMFDH09VC6E2Q8KGTGP44D4', name: 'Depósito Buenos Aires' },
			]);
			// The picked id is what Push Stock sends as location_id.
			sim.putProduct({ id: 7, name: { pt: 'X' }, variants: [{ id: 70, product_id: 7, sku: 'X-1', inventory_levels: locations.map((l, i) => ({ id: i, location_id: l.id, stock: 0 })) }] });
			const picked = createNuvemshopWriter({ transport: createFetchTransport(headers, 5000), baseUrl: `${sim.baseUrl}/v1`, account: auth.storeId, retry, options: { locationId: locations[1].id } });
			expect(await picked.pushStock([{ sku: 'X-1', quantity: 4, listing: { listingId: '7', variantId: '70' } }])).toEqual([{ sku: 'X-1', ok: true }]);
			expect(sim.products.get(7)!.variants[0].inventory_levels.map((l) => l.stock)).toEqual([0, 4]);
		} finally {
			await sim.stop();
		}
	});
});

describe('Shopify: locations', () => {
	it('every location over the pages of the connection, with the active flag; the picked id receives the stock', async () => {
		const sim = new ShopifySimulator('shpat_loc');
		await sim.start();
		try {
			sim.locations.push('gid://shopify/Location/3');
			sim.locationPageSize = 2;
			const writer = (options: Record<string, string> = {}) =>
				createShopifyWriter({ transport: createFetchTransport({ 'x-shopify-access-token': 'shpat_loc' }, 5000), baseUrl: sim.baseUrl, account: 'bob-norman.myshopify.com', retry, options: { apiVersion: '2026-04', ...options } });
			expect(await writer().listLocations!()).toEqual([
				{ id: 'gid://shopify/Location/1', name: 'Loja Centro', active: true },
				{ id: 'gid://shopify/Location/2', name: 'CD Guarulhos', active: false },
				{ id: 'gid://shopify/Location/3', name: 'gid://shopify/Location/3', active: true },
			]);
			expect(sim.requests(/graphql\.json$/).filter((r) => /OmsLocations/.test(String((r.body as { query: string }).query)))).toHaveLength(2);

			sim.putVariant(5001, 'LOC-SKU', 0);
			sim.levels.set(`gid://shopify/InventoryItem/5001|gid://shopify/Location/3`, 0);
			const update = { sku: 'LOC-SKU', quantity: 6, listing: { listingId: 'p', inventoryItemId: 'gid://shopify/InventoryItem/5001' } };
			expect(await writer({ locationId: 'gid://shopify/Location/3' }).pushStock([update])).toEqual([{ sku: 'LOC-SKU', ok: true }]);
			expect([sim.available('LOC-SKU'), sim.available('LOC-SKU', 'gid://shopify/Location/3')]).toEqual([0, 6]);
		} finally {
			await sim.stop();
		}
	});
});
