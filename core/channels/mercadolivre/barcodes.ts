import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { findInCatalog, type CatalogSeen } from '../common/catalog-read';
import { expectArray, expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext, ListingRef, ListingsByGtin } from '../types';
import { attributeOf, listingRef, variationsOf, type MlItemBody } from './items';

/**
 * Listings by barcode. The GTIN attribute (item or variation) cannot be searched: /users/{id}/items/search
 * filters by seller_sku, sku, status, listing type and missing identifiers only. So the seller's items are
 * read (findInCatalog: until every barcode is found, within the push's time budget, resumed by the next push),
 * as "Busca de itens" documents it (developers.mercadolivre.com.br/itens-e-buscas, 31/08/2026, read through a
 * verbatim mirror; its Global Selling twin global-selling.mercadolibre.com/devsite/items-and-searches-global-selling
 * says the same):
 * - GET /users/{id}/items/search?search_type=scan, without offset: item ids and a `scroll_id` that "expires in
 *   5 minutes"; the same GET with `scroll_id` gives the next page, until the end (scroll_id null on the pt-BR
 *   page, "" with `results: []` on the Global Selling one); `limit` 50 by default, 100 at most. A scroll is the
 *   stable position the project asks for (offset paging stops at 1,000 and shifts as items change). An expired
 *   one answers 400 `invalid.scroll.id` (the Global Selling page's error table).
 * - GET /items/bulk?ids=… (the multiget /items?ids= was to be migrated by 25/10/2026): "a maximum of 20
 *   results" a call; each element carries `id`, `status_code` (formerly `code`) and `body`; `attributes=
 *   body.x,…` selects fields.
 * The GTIN ("Identificadores de produtos", developers.mercadolivre.com.br/identificadores-de-produtos,
 * 29/12/2025): `attributes[]` entry `GTIN`, `value_name`, on the item or on each variation (not both); several
 * codes "separados por vírgula"; a code may be left-padded with zeros. The page reads it with
 * GET /items/{id}?include_attributes=all ("para obter o detalhe completo do item").
 * A page is read whole; ML moves the scroll on as it answers a scan page (the same scroll_id gives the next
 * page), so a page whose /items/bulk call fails keeps its ids as the read's position, read first by the next
 * read (seen.reached), rather than lost behind the scroll. A read resumed by a later push sends its
 * scroll only while it may live; an older one, or one ML refuses as expired, starts the scan over.
 * [?] Unconfirmed, so sent anyway or handled both ways: that /items/bulk takes include_attributes=all and
 * keeps variations' attributes under a `body.variations` selection; whether the scroll_id changes from page to
 * page (the latest one is sent); whether "expires in 5 minutes" counts from the scroll's start or its last
 * page (its last page is assumed, and 4 minutes kept as the margin); whether a scroll lists items created
 * while it is read.
 */

/** Item ids per scan page: the documented maximum. */
const SCAN_LIMIT = 100;
/** Ids per /items/bulk call: the documented maximum. */
const BULK_MAX = 20;
const BULK_FIELDS = ['id', 'status', 'user_product_id', 'attributes', 'variations'].map((f) => `body.${f}`).join(',');
/** A scroll older than this is not resumed: ML lets one live 5 minutes. */
const SCROLL_REUSE_MS = 4 * 60_000;

/** The barcodes of an item's listings, each with the listing it names. */
export interface BarcodedListing {
	barcodes: string[];
	ref: ListingRef;
}

/**
 * Where a read stopped: the scan's scroll and when it was last used (none: the scan's end), and the ids of a
 * scan page whose items were not all read (an /items/bulk call failed after ML moved the scroll past them).
 */
interface ScrollAt {
	scroll?: string;
	at: number;
	pending?: string[];
}
const scrollAt = (position: string | undefined): ScrollAt | undefined => {
	if (position === undefined) return undefined;
	const p = JSON.parse(position) as Partial<ScrollAt>;
	const pending = Array.isArray(p.pending) ? p.pending.map(String) : undefined;
	return typeof p.at === 'number' ? { scroll: typeof p.scroll === 'string' ? p.scroll : undefined, at: p.at, pending } : undefined;
};
const isExpiredScroll = (error: unknown) => error instanceof ChannelHttpError && error.httpCode === 400;

/** The codes of a GTIN attribute: one, or several separated by commas. */
const gtinsOf = (x: Pick<MlItemBody, 'attributes'>): string[] =>
	(attributeOf(x, 'GTIN') ?? '')
		.split(',')
		.map((g) => g.trim())
		.filter((g) => g !== '');

/**
 * The barcodes of an item's listings: each variation's GTIN names the variation; an item-level GTIN names the
 * item, or its only variation (stock of an item with variations is written per variation, so an item-level
 * code over several variations names none of them). Closed items take no stock: left out.
 */
export function barcodedListings(item: MlItemBody): BarcodedListing[] {
	if (item.status === 'closed') return [];
	const variations = variationsOf(item);
	const own = gtinsOf(item);
	if (variations.length === 0) return own.length > 0 ? [{ barcodes: own, ref: listingRef(item) }] : [];
	const out = variations.flatMap((v) => (gtinsOf(v).length > 0 ? [{ barcodes: gtinsOf(v), ref: listingRef(item, v) }] : []));
	if (own.length > 0 && variations.length === 1) out.push({ barcodes: own, ref: listingRef(item, variations[0]) });
	return out;
}

export function mlItemsByBarcode(ctx: AdapterContext, base: string): (gtins: string[]) => Promise<ListingsByGtin> {
	const search = joinUrl(base, `/users/${encodeURIComponent(ctx.account)}/items/search`);

	/**
	 * The items of `ids`, 20 a call. An item ML refuses on its own with a 4xx (404: gone since the scan) is
	 * skipped: a failed page is read again by the next read (seen.reached), so a lasting refusal of one item would
	 * stop every read there. A 5xx or 429 for an item, or no status, fails the read (its SKUs are retried).
	 */
	async function items(ids: string[]): Promise<MlItemBody[]> {
		const out: MlItemBody[] = [];
		for (let i = 0; i < ids.length; i += BULK_MAX) {
			const req: HttpRequest = {
				method: 'GET',
				url: joinUrl(base, '/items/bulk'),
				query: { ids: ids.slice(i, i + BULK_MAX).join(','), attributes: BULK_FIELDS, include_attributes: 'all' },
			};
			for (const entry of expectArray(await send(ctx, req), req)) {
				if (!isJsonObject(entry)) continue;
				const status = Number(entry.status_code ?? entry.code);
				if (status === 200 && isJsonObject(entry.body)) out.push({ ...(entry.body as unknown as MlItemBody), id: String(entry.body.id ?? entry.id) });
				else if (!(status >= 400 && status < 500 && status !== 429)) throw new ChannelHttpError(status || undefined, req, `Mercado Livre answered ${status} for item ${String(entry.id)} in /items/bulk`, entry.body);
			}
		}
		return out;
	}

	async function scan(scroll: string | undefined): Promise<{ ids: string[]; next?: string }> {
		const req: HttpRequest = { method: 'GET', url: search, query: { search_type: 'scan', limit: SCAN_LIMIT, ...(scroll ? { scroll_id: scroll } : {}) } };
		const res = expectObject(await send(ctx, req), req);
		const ids = (Array.isArray(res.results) ? res.results : []).map(String);
		return { ids, next: typeof res.scroll_id === 'string' && res.scroll_id !== '' && ids.length > 0 ? res.scroll_id : undefined };
	}

	return (gtins: string[]) => {
		/** Scrolls this read was given: one of them refused is a failure, not an old scroll to start over from. */
		const own = new Set<string>();
		const offerItems = async (ids: string[], seen: CatalogSeen<ListingRef>) => {
			for (const { barcodes, ref } of (await items(ids)).flatMap(barcodedListings)) {
				// Every length a code fits (ML takes codes "completado com zeros no começo"): findInCatalog offers them.
				for (const code of barcodes) seen.offer(code, ref);
			}
		};
		return findInCatalog<ListingRef>(ctx, 'mercadolivre', gtins, async (position, seen) => {
			const resumed = scrollAt(position);
			// A page whose items were not all read: its ids, then on where the scroll stood after it.
			if (resumed?.pending) {
				await offerItems(resumed.pending, seen);
				return resumed.scroll === undefined ? undefined : JSON.stringify({ scroll: resumed.scroll, at: resumed.at } satisfies ScrollAt);
			}
			const scroll = resumed?.scroll !== undefined && (own.has(resumed.scroll) || Date.now() - resumed.at < SCROLL_REUSE_MS) ? resumed.scroll : undefined;
			let page: { ids: string[]; next?: string };
			try {
				page = await scan(scroll);
			} catch (error) {
				if (!scroll || own.has(scroll) || !isExpiredScroll(error)) throw error;
				page = await scan(undefined);
				seen.restarted();
			}
			if (resumed && !scroll) seen.restarted();
			const next: ScrollAt | undefined = page.next === undefined ? undefined : { scroll: page.next, at: Date.now() };
			if (page.next !== undefined) own.add(page.next);
			// ML has moved the scroll past this page: a failed /items/bulk call leaves its ids to read first.
			if (page.ids.length > 0) seen.reached(JSON.stringify({ ...(next ?? { at: Date.now() }), pending: page.ids } satisfies ScrollAt));
			await offerItems(page.ids, seen);
			return next === undefined ? undefined : JSON.stringify(next);
		});
	};
}
