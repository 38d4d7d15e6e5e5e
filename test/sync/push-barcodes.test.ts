import { withShopeeSigning } from '../../core/channels/shopee/api';
import { createShopeeWriter } from '../../core/channels/shopee/writer';
import { createLojaIntegradaWriter } from '../../core/channels/lojaintegrada/writer';
import { createTrayWriter } from '../../core/channels/tray/writer';
import { createVtexWriter } from '../../core/channels/vtex/writer';
import type { ChannelWriter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { CHANGED_SINCE_LAST_PUSH, pushStock } from '../../core/sync/push-stock';
import { CATALOG_UNREAD } from '../../core/sync/push-publish';
import type { OmsStore } from '../../core/store/types';
import { SHOPEE_KEYS } from '../channels/conformance/drivers/shopee';
import { tinyRetry } from '../channels/helpers/channel-test';
import { ShopeeSimulator } from '../simulators/shopee';
import { LojaIntegradaSimulator } from '../simulators/lojaintegrada';
import { TraySimulator } from '../simulators/tray';
import { VtexSimulator } from '../simulators/vtex';
import { freshStore, stock } from './stores';

/**
 * Push Stock on channels beyond Shopify whose catalog is searched (or read) by barcode: the SKU the channel shows under
 * another seller SKU is found by its barcode, linked ('catalog') and published there; the next push uses the
 * link without asking the channel again.
 */
const GTIN = '7891000315507';
let store: OmsStore;
beforeEach(async () => {
	store = freshStore();
	await stock(store, { CAMISA: [7] });
	await store.setBarcodes([{ sku: 'CAMISA', gtin: GTIN }]);
});
afterEach(() => store.close());

const push = (channel: string, writer: ChannelWriter) => pushStock({ store, channel, writer, levels: [{ sku: 'CAMISA' }], safetyStock: 0, maxQuantity: 0 });

test('Tray: the variant whose ean is the barcode is linked and gets the value; the second push asks no catalog', async () => {
	const sim = new TraySimulator({ consumerKey: 'ck', consumerSecret: 'cs', code: 'code' });
	await sim.start();
	try {
		sim.putProduct({ id: 16, reference: 'CAM', stock: 0, variants: [{ id: 161, reference: 'CAM-AZUL-M', stock: 1, ean: GTIN }] });
		const fetchTransport = createFetchTransport({}, 5000);
		const writer = createTrayWriter({ transport: (req) => fetchTransport({ ...req, query: { ...req.query, access_token: sim.token() } }), baseUrl: sim.apiAddress, account: '391250', retry: tinyRetry(2).retry });
		expect((await push('tray:391250', writer)).results.map((r) => [r.sku, r.status, r.value])).toEqual([['CAMISA', 'pushed', 7]]);
		expect(sim.products.get(16)?.variants?.[0].stock).toBe(7);
		expect((await store.listLinks({ channel: 'tray' })).map((l) => [l.sku, l.listingId, l.variantId, l.source])).toEqual([['CAMISA', '16', '161', 'catalog']]);
		const lookups = sim.requests(/\/products(\/variants)?$/).filter((r) => r.method === 'GET').length;
		await stock(store, { CAMISA: [2] });
		expect((await push('tray:391250', writer)).results.map((r) => [r.sku, r.status])).toEqual([['CAMISA', 'pushed']]);
		expect(sim.requests(/\/products(\/variants)?$/).filter((r) => r.method === 'GET').length).toBe(lookups);
	} finally {
		await sim.stop();
	}
});

test('VTEX: the SKU whose EAN is the barcode (another RefId) is linked by its skuId and gets the value', async () => {
	const creds = { appKey: 'vtexappkey-luxstore-ABCDEF', appToken: 'secret' };
	const sim = new VtexSimulator(creds);
	await sim.start();
	try {
		sim.catalog.set('REF-OUTRA', '20');
		sim.eans.set(GTIN, '20');
		const transport = createFetchTransport({ 'x-vtex-api-appkey': creds.appKey, 'x-vtex-api-apptoken': creds.appToken }, 5000);
		const writer = createVtexWriter({ transport, baseUrl: sim.baseUrl, account: 'luxstore', retry: tinyRetry(2).retry, options: { warehouseId: '1_1' } });
		expect((await push('vtex:luxstore', writer)).results.map((r) => [r.sku, r.status, r.value])).toEqual([['CAMISA', 'pushed', 7]]);
		expect(sim.stockOf('20')).toBe(7);
		expect((await store.listLinks({ channel: 'vtex' })).map((l) => [l.sku, l.listingId, l.source])).toEqual([['CAMISA', '20', 'catalog']]);
	} finally {
		await sim.stop();
	}
});

test('Shopee: the model whose gtin_code is the barcode is found by reading the catalog, linked and published; the next push reads no catalog', async () => {
	const sim = new ShopeeSimulator(SHOPEE_KEYS);
	await sim.start();
	try {
		sim.putItem(501, 'OUTRA', [{ id: 0, sku: 'OUTRA', stock: 0 }]).putItem(502, 'CAM', [{ id: 5021, sku: 'CAM-AZUL-M', stock: 1, gtin: GTIN }]);
		const transport = withShopeeSigning(createFetchTransport({}, 5000), SHOPEE_KEYS, () => sim.token0());
		const writer = createShopeeWriter({ transport, baseUrl: sim.baseUrl, account: SHOPEE_KEYS.shopId, retry: tinyRetry(2).retry });
		const channel = `shopee:${SHOPEE_KEYS.shopId}`;
		expect((await push(channel, writer)).results.map((r) => [r.sku, r.status, r.value])).toEqual([['CAMISA', 'pushed', 7]]);
		expect(sim.stockOf('CAM-AZUL-M')).toBe(7);
		expect((await store.listLinks({ channel: 'shopee' })).map((l) => [l.sku, l.listingId, l.variantId, l.source])).toEqual([['CAMISA', '502', '5021', 'catalog']]);
		const catalogReads = () => sim.requests(/\/(search_item|get_item_list|get_item_base_info|get_model_list)$/).length;
		const reads = catalogReads();
		expect(sim.requests(/get_item_list$/).length).toBe(1);
		await stock(store, { CAMISA: [2] });
		expect((await push(channel, writer)).results.map((r) => [r.sku, r.status, r.value])).toEqual([['CAMISA', 'pushed', 2]]);
		expect(sim.stockOf('CAM-AZUL-M')).toBe(2);
		expect(catalogReads()).toBe(reads);
	} finally {
		await sim.stop();
	}
});

test('Loja Integrada: the variation whose gtin is the barcode is found by reading the catalogue, linked and published; the next push reads nothing', async () => {
	const keys = { chaveApi: 'li-store', chaveAplicacao: 'li-app' };
	const sim = new LojaIntegradaSimulator(keys);
	await sim.start();
	try {
		for (let n = 1; n <= 60; n++) sim.putProduct(174389000 + n, `LOJA-${n}`, 0);
		sim.putProduct(174389100, 'CAM', 0).putProduct(174389101, 'CAM-AZUL-M', 1);
		sim.catalog.set(174389100, { tipo: 'atributo', gtin: GTIN });
		sim.catalog.set(174389101, { tipo: 'atributo_opcao', pai: 174389100, gtin: GTIN });
		const transport = createFetchTransport({ authorization: `chave_api ${keys.chaveApi} aplicacao ${keys.chaveAplicacao}` }, 5000);
		const writer = createLojaIntegradaWriter({ transport, baseUrl: sim.baseUrl, account: '1234567', retry: tinyRetry(2).retry });
		expect((await push('lojaintegrada:1234567', writer)).results.map((r) => [r.sku, r.status, r.value])).toEqual([['CAMISA', 'pushed', 7]]);
		expect(sim.stock.get(174389101)?.quantidade).toBe(7);
		expect((await store.listLinks({ channel: 'lojaintegrada' })).map((l) => [l.sku, l.listingId, l.source])).toEqual([['CAMISA', '174389101', 'catalog']]);
		// The SKU asked by sku, then the catalogue read on two pages.
		const reads = () => sim.requests(/\/v1\/produto\/$/).map((r) => r.query.get('sku') ?? `offset ${r.query.get('offset')}`);
		expect(reads()).toEqual(['CAMISA', 'offset 0', 'offset 50']);
		await stock(store, { CAMISA: [2] });
		expect((await push('lojaintegrada:1234567', writer)).results.map((r) => [r.sku, r.status])).toEqual([['CAMISA', 'pushed']]);
		expect(reads()).toHaveLength(3);
	} finally {
		await sim.stop();
	}
});

test('Loja Integrada, Changed Since Last Push: a SKU whose barcode is on a page the read has not reached is deferred, and linked by the next push without its level changing', async () => {
	const keys = { chaveApi: 'li-store', chaveAplicacao: 'li-app' };
	const sim = new LojaIntegradaSimulator(keys);
	await sim.start();
	try {
		// 60 produtos first: the barcoded variation is on the second page (offset 50).
		for (let n = 1; n <= 60; n++) sim.putProduct(174389000 + n, `LOJA-${n}`, 0);
		sim.putProduct(174389101, 'CAM-AZUL-M', 1);
		sim.catalog.set(174389101, { tipo: 'atributo_opcao', gtin: GTIN });
		const transport = createFetchTransport({ authorization: `chave_api ${keys.chaveApi} aplicacao ${keys.chaveAplicacao}` }, 5000);
		// A writer per push, as n8n makes one per execution; no time for more than the one page every push reads.
		const writer = () => createLojaIntegradaWriter({ transport, baseUrl: sim.baseUrl, account: '1234567', retry: tinyRetry(2).retry, options: { catalogReadMs: 0 } });
		const changed = (cursor?: string) => pushStock({ store, channel: 'lojaintegrada:1234567', writer: writer(), levels: CHANGED_SINCE_LAST_PUSH, cursor, safetyStock: 0, maxQuantity: 0 });
		const first = await changed();
		expect(first.results.map((r) => [r.sku, r.status, r.message])).toEqual([['CAMISA', 'deferred', CATALOG_UNREAD]]);
		expect((await store.listPushRetries('lojaintegrada:1234567', { limit: 10 })).map((e) => [e.sku, e.attempts])).toEqual([['CAMISA', 0]]);
		expect(await store.listLinks({ channel: 'lojaintegrada' })).toEqual([]);
		// No level changed since: the retry set brings CAMISA back, and the read goes on at offset 50.
		const second = await changed(first.cursor);
		expect(second.results.map((r) => [r.sku, r.status, r.value, r.retried])).toEqual([['CAMISA', 'pushed', 7, true]]);
		expect(sim.stock.get(174389101)?.quantidade).toBe(7);
		expect((await store.listLinks({ channel: 'lojaintegrada' })).map((l) => [l.sku, l.listingId, l.source])).toEqual([['CAMISA', '174389101', 'catalog']]);
		expect(await store.listPushRetries('lojaintegrada:1234567', { limit: 10 })).toEqual([]);
		const reads = sim.requests(/\/v1\/produto\/$/).map((r) => r.query.get('sku') ?? `offset ${r.query.get('offset')}`);
		expect(reads).toEqual(['CAMISA', 'offset 0', 'CAMISA', 'offset 50']);
	} finally {
		await sim.stop();
	}
});

test('Shopee: a push whose unlisted SKUs span several lease groups reads the catalog once for all of them', async () => {
	const sim = new ShopeeSimulator(SHOPEE_KEYS);
	await sim.start();
	try {
		// 60 SKUs (two groups of 50) with barcodes, none listed under its seller SKU; one is on a model.
		const gtin = (n: number) => {
			const body = `789100${String(n).padStart(6, '0')}`;
			const sum = [...body].reverse().reduce((t, d, i) => t + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
			return `${body}${(10 - (sum % 10)) % 10}`;
		};
		const skus = Array.from({ length: 60 }, (_, n) => `SKU-${String(n).padStart(2, '0')}`);
		await stock(store, Object.fromEntries(skus.map((sku) => [sku, [3]])));
		await store.setBarcodes(skus.map((sku, n) => ({ sku, gtin: gtin(n) })));
		sim.putItem(502, 'CAM', [{ id: 5021, sku: 'CAM-AZUL-M', stock: 1, gtin: gtin(59) }]);
		const transport = withShopeeSigning(createFetchTransport({}, 5000), SHOPEE_KEYS, () => sim.token0());
		const writer = createShopeeWriter({ transport, baseUrl: sim.baseUrl, account: SHOPEE_KEYS.shopId, retry: tinyRetry(2).retry });
		const outcome = await pushStock({ store, channel: `shopee:${SHOPEE_KEYS.shopId}`, writer, levels: skus.map((sku) => ({ sku })), safetyStock: 0, maxQuantity: 0 });
		expect(outcome.results.filter((r) => r.status === 'pushed').map((r) => r.sku)).toEqual(['SKU-59']);
		expect(outcome.results.filter((r) => r.status === 'not_listed').length).toBe(59);
		expect(sim.requests(/get_item_list$/).length).toBe(1);
	} finally {
		await sim.stop();
	}
});
