import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { barcodedListings } from '../../core/channels/mercadolivre/barcodes';
import type { MlItemBody } from '../../core/channels/mercadolivre/items';
import { createMercadoLivreWriter } from '../../core/channels/mercadolivre/writer';
import { createNuvemshopWriter } from '../../core/channels/nuvemshop/writer';
import { createTrayWriter } from '../../core/channels/tray/writer';
import type { AdapterContext, ChannelWriter } from '../../core/channels/types';
import { createVtexWriter } from '../../core/channels/vtex/writer';
import type { HttpRequest, HttpResponse } from '../../core/http/transport';
import { tinyRetry } from './helpers/channel-test';

/**
 * Listing look-ups by barcode on the answers the channels published (each writer's request is answered with the
 * published body, whatever its query: the writers re-check the barcode themselves):
 * - VTEX sku-by-ean.json: vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c:"VTEX - Catalog API.json",
 *   GET /api/catalog_system/pvt/sku/stockkeepingunitbyean/{ean}, 200 example (unchanged);
 * - Tray products-list.json: tray-tecnologia/tray-api-php-client@ae0c259304790aef7e619811bffc740f6e2703ac:
 *   tests/Unit/Services/Catalog/__mocks__/products.json; variants-list.json: NelsonEspadoto/api-doc@
 *   ce3e57196c40b24abf67ebd3d5f91fecdadeef65:source/includes/_variacao-produtos.md, "Listagem de variações"
 *   success answer (unchanged). Both list `ean` in availableFilters.
 * - Nuvemshop products-get-products.json: TiendaNube/api-docs@4058823422f89f94e0b68660a43b13ec65457cec:
 *   resources/product.md, "GET /products" 200 example (unchanged). Its variants have no `barcode` (the field is
 *   documented in resources/product_variant.md): one is set in a copy, said where.
 * - Mercado Livre item-gtin-variations.json: https://developers.mercadolivre.com.br/identificadores-de-produtos
 *   (29/12/2025), "Consultar nas publicações", response of GET /items/$ITEM_ID?include_attributes=all (unchanged;
 *   read through a verbatim mirror, test/fixtures/published/mercadolivre/SOURCES.md). Its variation carries the
 *   GTIN. The scan page and the /items/bulk envelope around it are built here from "Busca de itens"
 *   (developers.mercadolivre.com.br/itens-e-buscas): that page publishes no /items/bulk answer.
 */
const load = (channel: string, name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8'));

/** A writer whose requests are answered by `answer(path)`: a published body, or 404. */
function over<W extends ChannelWriter>(create: (ctx: AdapterContext) => W, answer: (path: string) => unknown, options?: AdapterContext['options']) {
	const sent: HttpRequest[] = [];
	const writer = create({
		transport: async (req): Promise<HttpResponse> => {
			sent.push(req);
			const body = answer(new URL(req.url).pathname);
			return body === undefined ? { status: 404, headers: {}, body: { message: 'Not Found' } } : { status: 200, headers: {}, body };
		},
		baseUrl: 'https://loja.example',
		account: 'loja',
		retry: tinyRetry(1).retry,
		options,
	});
	return { writer, sent };
}

describe('barcode look-ups on published answers', () => {
	it('VTEX: Get SKU by EAN → the SKU Id is the listing the stock endpoint takes', async () => {
		const { writer, sent } = over(createVtexWriter, (path) => (path.endsWith('/8781') ? load('vtex', 'sku-by-ean.json') : undefined), { warehouseId: '1_1' });
		const found = await writer.resolveListingsByGtin!(['8781', '7891000315507']);
		expect(Object.fromEntries(found)).toEqual({ '8781': { listingId: '2001773' } });
		expect(sent.map((r) => new URL(r.url).pathname)).toEqual([
			'/api/catalog_system/pvt/sku/stockkeepingunitbyean/8781',
			'/api/catalog_system/pvt/sku/stockkeepingunitbyean/7891000315507',
		]);
	});

	it('Tray: a variant by its ean (the variant and its product), else a product by its ean; the filter is the ean', async () => {
		const { writer, sent } = over(createTrayWriter, (path) => (path.endsWith('/products/variants') ? load('tray', 'variants-list.json') : load('tray', 'products-list.json')));
		const found = await writer.resolveListingsByGtin!(['123', '321321321312', '7891000315507']);
		expect(Object.fromEntries(found)).toEqual({ '123': { listingId: '18', variantId: '1233' }, '321321321312': { listingId: '1' } });
		expect(sent[0].query).toMatchObject({ ean: '123' });
	});

	it("Mercado Livre: the published item's variation GTIN names that variation, found by reading the seller's items", async () => {
		const item = load('mercadolivre', 'item-gtin-variations.json') as MlItemBody;
		expect(barcodedListings(item)).toEqual([{ barcodes: ['7898945080293'], ref: { listingId: 'MLA1378022956', variantId: '177163823616' } }]);
		let searches = 0;
		const { writer, sent } = over(createMercadoLivreWriter, (path) => {
			if (path.endsWith('/items/bulk')) return [{ id: item.id, status_code: 200, body: item }];
			const first = ++searches === 1; // the first scan page holds the item; the second ends the scroll
			return { seller_id: 'loja', results: first ? [item.id] : [], scroll_id: first ? 'c2Nyb2xs' : null, paging: { limit: 100, total: 1 } };
		});
		// Asked with left zero padding, as ML allows a code to be written: the same GTIN.
		expect(Object.fromEntries(await writer.resolveListingsByGtin!(['07898945080293', '7891000315507']))).toEqual({
			'07898945080293': { listingId: 'MLA1378022956', variantId: '177163823616' },
		});
		expect(sent.map((r) => [new URL(r.url).pathname, r.query?.scroll_id ?? r.query?.ids])).toEqual([
			['/users/loja/items/search', undefined],
			['/items/bulk', 'MLA1378022956'],
			['/users/loja/items/search', 'c2Nyb2xs'],
		]);
		expect(sent[0].query).toMatchObject({ search_type: 'scan', limit: 100 });
		expect(sent[1].query).toMatchObject({ include_attributes: 'all' });
	});

	it('Nuvemshop: the catalog page read finds a variant by its barcode; the published example (no barcode) finds none', async () => {
		const published = load('nuvemshop', 'products-get-products.json') as Array<{ variants: Array<Record<string, unknown>> }>;
		const none = over(createNuvemshopWriter, () => published);
		expect((await none.writer.resolveListingsByGtin!(['7891000315507'])).size).toBe(0);
		expect(none.sent).toHaveLength(1); // one page, shorter than 200: the catalog ends there
		expect(none.sent[0].query).toMatchObject({ since_id: 0, per_page: 200, fields: 'id,variants' });
		const copy = structuredClone(published);
		copy[0].variants[1].barcode = '7891000315507'; // set here: the example has no barcode value
		const { writer } = over(createNuvemshopWriter, () => copy);
		expect(Object.fromEntries(await writer.resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: '1234', variantId: '112' } });
	});
});
