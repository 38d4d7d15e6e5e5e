import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLojaIntegradaWriter } from '../../core/channels/lojaintegrada/writer';
import { createFetchTransport, type HttpRequest, type HttpTransport } from '../../core/http/transport';
import { LojaIntegradaSimulator } from '../simulators/lojaintegrada';
import { tinyRetry } from './helpers/channel-test';

/** Loja Integrada's barcode look-up reads GET /v1/produto/ by limit/offset, 50 a page, matching each produto's gtin. */
const keys = { chaveApi: 'li-store', chaveAplicacao: 'li-app' };
let sim: LojaIntegradaSimulator;
beforeEach(async () => {
	sim = new LojaIntegradaSimulator(keys);
	await sim.start();
	// 120 produtos, ids 1..120; barcodes on produtos 7 and 110.
	for (let n = 1; n <= 120; n++) {
		sim.putProduct(n, `SKU-${n}`, 1);
		sim.catalog.set(n, { gtin: n === 7 ? '7891000315507' : n === 110 ? '036000291452' : null });
	}
});
afterEach(() => sim.stop());

const writer = (options?: Record<string, number>, transport?: HttpTransport) =>
	createLojaIntegradaWriter({
		transport: transport ?? createFetchTransport({ authorization: `chave_api ${keys.chaveApi} aplicacao ${keys.chaveAplicacao}` }, 5000),
		baseUrl: sim.baseUrl,
		account: '1234567',
		retry: tinyRetry(2).retry,
		options,
	});
const pages = () => sim.requests(/\/v1\/produto\/$/).map((r) => `${r.query.get('limit')}@${r.query.get('offset')}`);

test('reads 50 a page by offset and stops as soon as every barcode is found', async () => {
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['036000291452', '7891000315507']))).toEqual({
		'036000291452': { listingId: '110' },
		'7891000315507': { listingId: '7' },
	});
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
	expect((await writer().resolveListingsByGtin!(['7891000315507'])).get('7891000315507')).toEqual({ listingId: '7' });
	expect(pages()).toEqual(['50@0', '50@50', '50@100', '50@0']);
});

test('a barcode nobody carries reads the catalogue once, to the total the list reports', async () => {
	sim.putProduct(150, 'SKU-150', 1);
	expect((await writer().resolveListingsByGtin!(['0000000000000'])).size).toBe(0);
	// 121 produtos: two full pages and a last one of 21.
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
	for (let n = 121; n <= 149; n++) sim.putProduct(n, `SKU-${n}`, 1);
	// Exactly 150: the third page is full and the total says it is the last.
	expect((await writer().resolveListingsByGtin!(['0000000000000'])).size).toBe(0);
	expect(pages().slice(3)).toEqual(['50@0', '50@50', '50@100']);
});

test('a variation is matched on its own row; its parent (tipo atributo) and removed produtos are passed over', async () => {
	sim.putProduct(200, 'CANECA', 0).putProduct(201, 'CANECA-AZ', 3).putProduct(202, 'VELHO', 0);
	sim.catalog.set(200, { tipo: 'atributo', gtin: '7894900011517' });
	sim.catalog.set(201, { tipo: 'atributo_opcao', pai: 200, gtin: '7894900011517' });
	sim.catalog.set(202, { gtin: '7896004000015', removido: true });
	const found = await writer().resolveListingsByGtin!(['7894900011517', '7896004000015']);
	expect(Object.fromEntries(found)).toEqual({ '7894900011517': { listingId: '201' } });
});

test('spaces and dashes in the gtin as the store typed it are ignored', async () => {
	sim.catalog.set(7, { gtin: '789 1000-315507' });
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: '7' } });
});

test('a read stops when its time is spent (catalogReadMs); the next read resumes at the offset where it stopped', async () => {
	const found = await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['036000291452', '7891000315507']);
	expect(Object.fromEntries(found)).toEqual({ '7891000315507': { listingId: '7' } });
	expect(pages()).toEqual(['50@0']);
	expect(Object.fromEntries(await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['036000291452']))).toEqual({});
	expect(Object.fromEntries(await writer({ catalogReadMs: 0 }).resolveListingsByGtin!(['036000291452']))).toEqual({ '036000291452': { listingId: '110' } });
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
});

/**
 * The produto of Loja Integrada's OpenAPI document (api-docs.lojaintegrada.com.br, published 2026-09-29), its
 * GET /v1/produto/{produto_id} 200 example as transcribed in Hinten/next_erp@490b4189575034700dd40b9339591d43be9227cd:
 * apps/loja-integrada/lib/lojaIntegrada/testing/especificacaoPii.ts (the demo store's names and image paths made
 * "loja.example" / "Produto Exemplo" by the transcriber; ids, sku, gtin and the rest are the document's own).
 * The list example itself was not available, only its leaf inventory (same repository and commit,
 * apps/loja-integrada/lib/lojaIntegrada/testing/especificacaoFolhas.json: GET /v1/produto objects.* carry id
 * (integer), gtin (null | string), sku, tipo, removido, filhos.* (URIs)), so the produto is served as a
 * one-row page of the documented {meta, objects} shape.
 */
describe('published produto', () => {
	const produto = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/lojaintegrada/produto-238281213.json'), 'utf8'));
	const listOf = (...objects: unknown[]): HttpTransport => async (req: HttpRequest) => {
		expect(new URL(req.url).pathname).toBe('/v1/produto/');
		return { status: 200, headers: {}, body: { meta: { limit: 50, next: null, offset: 0, previous: null, total_count: objects.length }, objects } };
	};

	test('its empty gtin names no barcode; with a gtin it is the listing (its id), as a normal produto', async () => {
		expect((await writer(undefined, listOf(produto)).resolveListingsByGtin!(['7891000315507'])).size).toBe(0);
		const barcoded = { ...produto, gtin: '7891000315507' };
		expect(Object.fromEntries(await writer(undefined, listOf(barcoded)).resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: '238281213' } });
		expect((await writer(undefined, listOf({ ...barcoded, removido: true })).resolveListingsByGtin!(['7891000315507'])).size).toBe(0);
	});
});

test('a page whose meta carries no total_count is read on while full, not taken as the catalogue’s end', async () => {
	const base = createFetchTransport({ authorization: `chave_api ${keys.chaveApi} aplicacao ${keys.chaveAplicacao}` }, 5000);
	const withoutTotal: HttpTransport = async (req: HttpRequest) => {
		const res = await base(req);
		const meta = (res.body as { meta?: Record<string, unknown> } | undefined)?.meta;
		if (meta) delete meta.total_count;
		return res;
	};
	expect(Object.fromEntries(await writer(undefined, withoutTotal).resolveListingsByGtin!(['036000291452']))).toEqual({ '036000291452': { listingId: '110' } });
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
});

test('a gtin sent as a number is read as its digits', async () => {
	sim.catalog.set(7, { gtin: 7891000315507 as unknown as string });
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: '7' } });
});
