import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { loadOptionsContext } from '../harness/n8n-execute';
import { runSync } from '../harness/n8n-sync-harness';
import { NuvemshopSimulator } from '../simulators/nuvemshop';
import { ShopifySimulator } from '../simulators/shopify';
import { VtexSimulator } from '../simulators/vtex';

/**
 * OMS Status Sync's Location / Warehouse pickers (listSearch `searchLocations`) run in n8n's own
 * LoadOptionsContext with the node's channel credential against the simulators, and Push Stock honours a
 * picked value (resource locator) as well as a plain ID saved before the pickers existed.
 */
const authenticate = (type: string, c: ICredentialDataDecryptedObject, req: IHttpRequestOptions): IHttpRequestOptions => {
	const headers: Record<string, string> =
		type === 'shopifyOmsApi' ? { 'X-Shopify-Access-Token': String(c.accessToken) }
		: type === 'vtexOmsApi' ? { 'X-VTEX-API-AppKey': String(c.appKey), 'X-VTEX-API-AppToken': String(c.appToken) }
		: type === 'nuvemshopOmsApi' ? { Authentication: `bearer ${String(c.accessToken)}`, 'User-Agent': String(c.userAgent) }
		: {};
	return { ...req, headers: { ...req.headers, ...headers } };
};
const node = new OmsStatusSync();
const search = (parameters: INodeParameters, credentials: Record<string, ICredentialDataDecryptedObject>, filter?: string) =>
	node.methods.listSearch.searchLocations.call(
		loadOptionsContext({ nodeType: node, type: 'n8n-nodes-oms.omsStatusSync', name: 'OMS Status Sync', parameters: { operation: 'pushStock', ...parameters }, credentials, authenticate, withDefaults: true }),
		filter,
	);

describe('searchLocations (the pickers)', () => {
	it('Shopify: every location of the shop by name, the inactive one marked; typed text filters names and ids', async () => {
		const sim = new ShopifySimulator('shpat_pick');
		await sim.start();
		try {
			const credentials = { shopifyOmsApi: { shopSubdomain: 'bob-norman', accessToken: 'shpat_pick', apiVersion: '2026-04', baseUrl: sim.baseUrl } };
			expect(await search({ channel: 'shopify' }, credentials)).toEqual({
				results: [
					{ name: 'Loja Centro', value: 'gid://shopify/Location/1' },
					{ name: 'CD Guarulhos (inactive)', value: 'gid://shopify/Location/2' },
				],
			});
			expect((await search({ channel: 'shopify' }, credentials, 'guaru')).results).toEqual([{ name: 'CD Guarulhos (inactive)', value: 'gid://shopify/Location/2' }]);
			expect((await search({ channel: 'shopify' }, credentials, 'Location/1')).results.map((r) => r.value)).toEqual(['gid://shopify/Location/1']);
			expect(sim.requests(/graphql\.json$/).every((r) => r.headers['x-shopify-access-token'] === 'shpat_pick')).toBe(true);
		} finally {
			await sim.stop();
		}
	});

	it('VTEX: the account warehouses through the credential keys; a refused key is an error, not an empty list', async () => {
		const sim = new VtexSimulator({ appKey: 'k', appToken: 't' });
		await sim.start();
		try {
			sim.warehouses.add('sp_2');
			sim.warehouseNames.set('sp_2', 'CD São Paulo');
			const vtex = { accountName: 'luxstore', appKey: 'k', appToken: 't', baseUrl: sim.baseUrl };
			expect((await search({ channel: 'vtex' }, { vtexOmsApi: vtex })).results).toEqual([
				{ name: 'Estoque principal', value: '1_1' },
				{ name: 'CD São Paulo', value: 'sp_2' },
			]);
			await expect(search({ channel: 'vtex' }, { vtexOmsApi: { ...vtex, appToken: 'wrong' } })).rejects.toThrow(/401/);
		} finally {
			await sim.stop();
		}
	});

	it('Nuvemshop: the store locations by their Portuguese name', async () => {
		const sim = new NuvemshopSimulator({ storeId: '123456', accessToken: 'tok' });
		await sim.start();
		try {
			const nuvemshop = { storeId: '123456', accessToken: 'tok', userAgent: 'OMS (oms@example.com)', baseUrl: `${sim.baseUrl}/v1` };
			expect((await search({ channel: 'nuvemshop' }, { nuvemshopOmsApi: nuvemshop }, 'paulo')).results).toEqual([{ name: 'Depósito São Paulo', value: '01HTMFDH09VC6E2Q8KGTGP44D3' }]);
		} finally {
			await sim.stop();
		}
	});

	it('a channel without a location list says to type the ID', async () => {
		await expect(search({ channel: 'woocommerce' }, { wooCommerceOmsApi: { siteUrl: 'http://127.0.0.1:1', consumerKey: 'ck', consumerSecret: 'cs' } })).rejects.toThrow(/WooCommerce has no list of stock locations: type the ID/);
	});

	it('the pickers are resource locators (list via searchLocations, or by ID) in the Options collection', () => {
		const options = node.description.properties.find((p) => p.name === 'options')!.options as Array<{ name: string; type: string; modes?: Array<{ name: string; typeOptions?: { searchListMethod?: string } }> }>;
		const pickers = options.filter((o) => o.type === 'resourceLocator');
		expect(pickers.map((o) => o.name).sort()).toEqual(['locationId', 'locationId', 'warehouseId']);
		for (const p of pickers) expect(p.modes!.map((m) => [m.name, m.typeOptions?.searchListMethod])).toEqual([['list', 'searchLocations'], ['id', undefined]]);
	});
});

describe('Push Stock to VTEX with a picked warehouse', () => {
	let sim: VtexSimulator;
	let storeCredential: ICredentialDataDecryptedObject;
	beforeEach(async () => {
		sim = new VtexSimulator({ appKey: 'k', appToken: 't' });
		await sim.start();
		sim.warehouses.add('sp_2');
		sim.catalog.set('CAM-01', '18');
		storeCredential = { storeType: 'sqlite', sqlitePath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-pick-')), 'oms.sqlite') };
		await getSharedStore({ driver: 'sqlite', path: String(storeCredential.sqlitePath) }).setOnHand([{ sku: 'CAM-01', onHand: 6 }]);
	});
	afterEach(() => sim.stop());
	afterAll(() => closeSharedStores());

	const push = (warehouseId: unknown) => {
		const nodeType = new OmsStatusSync();
		nodeType.execute = statusSyncRouter({ retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: async () => undefined }, timeoutMs: 2000 });
		return runSync({
			nodeType,
			parameters: { channel: 'vtex', operation: 'pushStock', options: { warehouseId } } as INodeParameters,
			credentials: { omsStoreApi: storeCredential, vtexOmsApi: { accountName: 'luxstore', appKey: 'k', appToken: 't', baseUrl: sim.baseUrl } },
			authenticate,
			items: [{ sku: 'CAM-01' }],
		});
	};

	it('a value picked from the list ({ __rl, mode: list }) is the warehouse written', async () => {
		expect((await push({ __rl: true, mode: 'list', value: 'sp_2', cachedResultName: 'CD São Paulo' }))[0].json).toMatchObject({ sku: 'CAM-01', status: 'pushed', value: 6 });
		expect([sim.stockOf('18', 'sp_2'), sim.stockOf('18', '1_1')]).toEqual([6, undefined]);
	});

	it('a plain ID saved before the pickers still works; an empty picker is "no warehouse" (VTEX requires one)', async () => {
		expect((await push('1_1'))[0].json).toMatchObject({ status: 'pushed' });
		expect(sim.stockOf('18', '1_1')).toBe(6);
		await getSharedStore({ driver: 'sqlite', path: String(storeCredential.sqlitePath) }).setOnHand([{ sku: 'CAM-01', onHand: 7 }]);
		const [empty] = await push({ __rl: true, mode: 'list', value: '' }).catch((e: Error) => [{ json: { error: e.message } }]);
		expect(JSON.stringify(empty.json)).toMatch(/warehouseId/);
	});
});
