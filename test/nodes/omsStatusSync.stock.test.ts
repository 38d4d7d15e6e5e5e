import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { order } from '../fixtures/orders';
import { link, listingOrder } from '../fixtures/unlinked';
import { ShopifySimulator } from '../simulators/shopify';
import { FakeWriter } from '../sync/fake-writer';
import { runSync } from '../harness/n8n-sync-harness';
import { rawSql } from '../store/stores';

/** Push Stock through n8n's ExecuteContext against the Shopify simulator (real writer, real SQLite store). */

const TOKEN = 'shpat_sync';
const STORE_KEY = 'shopify:bob-norman.myshopify.com';
const retry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5000, sleep: async () => undefined };

let sim: ShopifySimulator;
let storeCredential: ICredentialDataDecryptedObject;
let store: OmsStore;

const authenticate = (type: string, credentials: ICredentialDataDecryptedObject, req: IHttpRequestOptions) =>
	type === 'shopifyOmsApi' ? { ...req, headers: { ...req.headers, 'X-Shopify-Access-Token': String(credentials.accessToken) } } : req;

function run(parameters: INodeParameters, extra: { items?: IDataObject[]; continueOnFail?: boolean; staticData?: IDataObject; nodeType?: OmsStatusSync } = {}) {
	const nodeType = extra.nodeType ?? new OmsStatusSync();
	if (!extra.nodeType) nodeType.execute = statusSyncRouter({ retry, timeoutMs: 2000 });
	return runSync({
		nodeType,
		parameters: { channel: 'shopify', operation: 'pushStock', ...parameters },
		credentials: {
			omsStoreApi: storeCredential,
			shopifyOmsApi: { shopSubdomain: 'bob-norman', accessToken: TOKEN, apiVersion: '2026-04', baseUrl: sim.baseUrl },
		},
		authenticate,
		...extra,
	});
}

const stockCalls = () => sim.requests().filter((r) => /OmsSetStock/.test((r.body as { query: string }).query));

beforeEach(async () => {
	sim = new ShopifySimulator(TOKEN);
	await sim.start();
	sim.putVariant(4001, 'IPOD-PINK', 0).putVariant(4002, 'IPOD-BLUE', 0);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-sync-node-'));
	storeCredential = { storeType: 'sqlite', sqlitePath: path.join(dir, 'oms.sqlite') };
	// The node opens the same shared store for this credential: the test sets stock through it.
	store = getSharedStore({ driver: 'sqlite', path: String(storeCredential.sqlitePath) });
});
afterEach(() => sim.stop());
afterAll(() => closeSharedStores());

describe('OMS Status Sync, Push Stock to Shopify', () => {
	test('reference example: 10 on hand, 2 reserved → 8 on Shopify; pushing again → unchanged', async () => {
		await store.setOnHand([{ sku: 'IPOD-PINK', onHand: 10 }]);
		const [applied] = await store.applyOrders([order('1', 'paid', [['IPOD-PINK', 2]])]);

		const first = await run({}, { items: [applied as unknown as IDataObject] });
		expect(first).toEqual([
			{ json: { channel: STORE_KEY, sku: 'IPOD-PINK', warehouse: 'default', available: 8, value: 8, previous: null, changeSeq: 2, status: 'pushed', listings: 1 }, pairedItem: { item: 0 } },
		]);
		expect(sim.available('IPOD-PINK')).toBe(8);

		const again = await run({}, { items: [{ sku: 'IPOD-PINK', warehouse: 'default', available: 8 }] });
		expect(again[0].json).toMatchObject({ status: 'unchanged', value: 8, previous: 8 });
		expect(stockCalls()).toHaveLength(1);
		// Looked up once: the second run read the listing from the store.
		expect(sim.requests().filter((r) => /OmsVariantsBySku/.test((r.body as { query: string }).query))).toHaveLength(1);
	});

	test('safety stock and cap from the node; a SKU Shopify does not list is reported, not failed', async () => {
		await store.setOnHand([{ sku: 'IPOD-PINK', onHand: 50 }, { sku: 'IPOD-BLUE', onHand: 3 }, { sku: 'ZUNE', onHand: 4 }]);
		const out = await run({ safetyStock: 2, maxQuantity: 10 }, { items: [{ sku: 'IPOD-PINK' }, { sku: 'IPOD-BLUE' }, { sku: 'ZUNE' }] });
		expect(out.map((o) => [o.json.sku, o.json.value, o.json.status, o.pairedItem])).toEqual([
			['IPOD-PINK', 10, 'pushed', { item: 0 }],
			['IPOD-BLUE', 1, 'pushed', { item: 1 }],
			['ZUNE', 2, 'not_listed', { item: 2 }],
		]);
		expect(out[2].json.message).toBe('not listed on channel');
		expect([sim.available('IPOD-PINK'), sim.available('IPOD-BLUE')]).toEqual([10, 1]);
	});

	test('changed since last push: cursor in static data moves past a failed SKU, which waits in the retry set until due', async () => {
		const staticData: IDataObject = {};
		await store.setOnHand([{ sku: 'IPOD-PINK', onHand: 5 }]);
		const first = await run({ source: 'changedSinceLastPush' }, { staticData });
		expect(first.map((o) => [o.json.sku, o.json.status])).toEqual([['IPOD-PINK', 'pushed']]);
		const cursors = () => (staticData['node:OMS Status Sync'] as IDataObject).stockCursors as IDataObject;
		expect(Object.keys(cursors())).toEqual([`${STORE_KEY}|default`]);
		const cursor = cursors()[`${STORE_KEY}|default`];

		await store.setOnHand([{ sku: 'IPOD-BLUE', onHand: 6 }]);
		sim.levels.delete('gid://shopify/InventoryItem/4002|gid://shopify/Location/1'); // not stocked at the location: refused
		const failed = await run({ source: 'changedSinceLastPush' }, { staticData, continueOnFail: true });
		expect(failed.map((o) => [o.json.sku, o.json.status])).toEqual([['IPOD-BLUE', 'failed']]);
		expect((failed[0].json.error as IDataObject).message).toEqual(expect.any(String));
		expect(Number(cursors()[`${STORE_KEY}|default`])).toBeGreaterThan(Number(cursor));
		const [entry] = await store.listPushRetries(STORE_KEY);
		expect(entry).toMatchObject({ sku: 'IPOD-BLUE', attempts: 1, lastError: expect.any(String) });

		sim.levels.set('gid://shopify/InventoryItem/4002|gid://shopify/Location/1', 0);
		expect(await run({ source: 'changedSinceLastPush' }, { staticData })).toEqual([]); // not due yet
		// A minute later (moved back by hand here), the run retries it first.
		await rawSql({ driver: 'sqlite', path: String(storeCredential.sqlitePath) }, "UPDATE oms_push_retry SET next_ms = next_ms - 60000 WHERE sku = 'IPOD-BLUE'");
		const retried = await run({ source: 'changedSinceLastPush' }, { staticData });
		expect(retried.map((o) => [o.json.sku, o.json.status, o.json.retried])).toEqual([['IPOD-BLUE', 'pushed', true]]);
		expect(sim.available('IPOD-BLUE')).toBe(6);
		expect(await run({ source: 'changedSinceLastPush' }, { staticData })).toEqual([]);
	});

	test('a final HTTP failure: NodeApiError with the code after the other SKUs went; error item with continue on fail', async () => {
		await store.setOnHand([{ sku: 'IPOD-PINK', onHand: 3 }]);
		// Resolve first, so the failing request is the stock mutation itself.
		await run({}, { items: [{ sku: 'IPOD-PINK' }] });
		await store.adjustStock([{ sku: 'IPOD-PINK', delta: 1 }]);
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 503 });
		await expect(run({}, { items: [{ sku: 'IPOD-PINK' }] })).rejects.toMatchObject({ httpCode: '503', message: expect.stringContaining('IPOD-PINK') });

		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 503 });
		const out = await run({}, { items: [{ sku: 'IPOD-PINK' }] , continueOnFail: true });
		expect(out[0].json).toMatchObject({ sku: 'IPOD-PINK', status: 'failed', error: { httpCode: 503 } });
		expect(await store.getPushed(STORE_KEY, ['IPOD-PINK'])).toEqual(new Map([['IPOD-PINK', 3]]));

		sim.injectFault({ kind: 'status', status: 429, retryAfter: '0' });
		expect((await run({}, { items: [{ sku: 'IPOD-PINK' }] }))[0].json).toMatchObject({ status: 'pushed', value: 4 });
	});

	test('an item without a SKU is an error item with continue on fail; the others still go (fake writer seam)', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 2 }]);
		const fake = new FakeWriter(FakeWriter.listing('A'));
		const nodeType = new OmsStatusSync();
		nodeType.execute = statusSyncRouter({ writerFactory: () => () => fake });
		const out = await run({}, { nodeType, items: [{ nope: 1 }, { sku: 'A' }, { affected: [{ sku: 'A', warehouse: 'default' }] }], continueOnFail: true });
		expect(out.map((o) => [o.json.sku ?? (o.json.error as IDataObject).message, o.pairedItem])).toEqual([
			['The item has no "sku" (nor "affected" levels of an OMS Store Apply result)', { item: 0 }],
			['A', [{ item: 1 }, { item: 2 }]],
		]);
		expect(fake.quantities.get('A')).toBe(2);
		await expect(run({}, { nodeType, items: [{ nope: 1 }] })).rejects.toThrow('The item has no "sku"');
	});
	test('a Link Listing result publishes the linked SKU and every level its waiting orders moved: a listing linked to a kit republishes the components and their other kits', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 10 }, { sku: 'B', onHand: 10 }]);
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
		await store.defineKit('OTHER', [{ sku: 'B', quantity: 1 }]);
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', quantity: 2 }])]);
		const results = await store.linkListings([link('P1', 'KIT')]);
		const fake = new FakeWriter(FakeWriter.listing('KIT', 'A', 'B', 'OTHER'));
		const nodeType = new OmsStatusSync();
		nodeType.execute = statusSyncRouter({ writerFactory: () => () => fake });
		// The item as OMS Store → Catalog → Link Listing outputs it (template 9 feeds it to Push Stock).
		const out = await run({}, { nodeType, items: JSON.parse(JSON.stringify(results)) as IDataObject[] });
		// A 10 − 4 = 6, B 10 − 2 = 8: KIT min(3, 8) = 3, OTHER 8.
		expect(Object.fromEntries(out.map((o) => [o.json.sku, o.json.value]))).toEqual({ KIT: 3, A: 6, B: 8, OTHER: 8 });
		expect([...fake.quantities].sort()).toEqual([['A', 6], ['B', 8], ['KIT', 3], ['OTHER', 8]]);
	});
});
