import type { HttpRequest } from '../../http/transport';
import { barcodeText, findInCatalog } from '../common/catalog-read';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext, ListingRef, ListingsByGtin } from '../types';
import { SKYHUB_MAX_PER_PAGE } from './api';

/**
 * SkyHub's products by barcode. GET /products filters by sku, name, status, qty and categories (the SDK's
 * allowed filters; "Paginação e filtros" names no other), not by `ean`, so the catalogue is read (findInCatalog):
 * each product carries `ean`, and each of its `variations` its own `ean` ("Produto Simples e Variável",
 * desenvolvedores.skyhub.com.br/produtos/consulta-produto/produto-simples; the products resource of
 * skyhub.gelato.io). Pages follow the response's `next` (cursor paging, "Paginação e filtros"), which avoids the
 * 10,000-entry limit of page numbers. That page says GET /products lists the products not connected to the
 * marketplace and `filters[type]=link` the connected ones, so both lists are read, the connected (on sale) first.
 * A product with variations keeps its stock on them (PUT /variations/{sku}): its own `ean` is passed over.
 * [?] Not confirmed: whether the list's products carry `variations` as GET /products/{sku} does; the exact form
 * of `next` (a URL or a path with the cursor: both are followed, on the configured base URL); whether the
 * unfiltered list also holds the connected products (then they are read twice, harmlessly).
 */
/** The connected products (`filters[type]=link`), then the list without filter. */
type List = 'link' | 'all';

/** A read position: which list, and the path of its next page (absent: the list's first). */
const encode = (list: List, path?: string) => (path ? `${list} ${path}` : list);
function decode(position: string | undefined): { list: List; path?: string } {
	const [list, ...rest] = (position ?? 'link').split(' ');
	return { list: list === 'all' ? 'all' : 'link', path: rest.length ? rest.join(' ') : undefined };
}

/** The `next` of a page as a path on the API root ("https://api.skyhub.com.br/products?cursor=…" → "/products?cursor=…"). */
function nextPath(next: unknown): string | undefined {
	if (typeof next !== 'string' || next.trim() === '') return undefined;
	const u = new URL(next.trim(), 'https://api.skyhub.com.br/');
	return `${u.pathname}${u.search}`;
}

export function skyhubProductsByEan(ctx: AdapterContext): (gtins: string[]) => Promise<ListingsByGtin> {
	return (gtins) =>
		findInCatalog<ListingRef>(ctx, 'americanas', gtins, async (position, seen) => {
			const { list, path } = decode(position);
			const req: HttpRequest = path
				? { method: 'GET', url: joinUrl(ctx.baseUrl, path) }
				: { method: 'GET', url: joinUrl(ctx.baseUrl, '/products'), query: { per_page: SKYHUB_MAX_PER_PAGE, ...(list === 'link' ? { 'filters[type]': 'link' } : {}) } };
			const body = expectObject(await send(ctx, req), req);
			const products = Array.isArray(body.products) ? body.products.filter(isJsonObject) : [];
			for (const p of products) {
				if (typeof p.sku !== 'string' || p.removed === true) continue;
				const variations = Array.isArray(p.variations) ? p.variations.filter(isJsonObject) : [];
				for (const v of variations) if (barcodeText(v.ean) && typeof v.sku === 'string') seen.offer(barcodeText(v.ean)!, { listingId: p.sku, variantId: v.sku });
				if (variations.length === 0 && barcodeText(p.ean)) seen.offer(barcodeText(p.ean)!, { listingId: p.sku });
			}
			const next = products.length > 0 ? nextPath(body.next) : undefined;
			if (next && next !== path) return encode(list, next);
			return list === 'link' ? encode('all') : undefined;
		});
}
