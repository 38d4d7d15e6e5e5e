import type { AdapterContext } from '../types';

/**
 * How long one barcode look-up may read a catalog (options.catalogReadMs overrides it): the look-up runs inside
 * a Push Stock, whose other SKUs wait for it. What is left unread then is read by the next push, from there.
 */
export const CATALOG_READ_MS = 20_000;

/**
 * Where each catalog's last read stopped on its time budget, by channel account: this process only (a restart,
 * or another queue worker, starts from the catalog's beginning). A handful of entries: one per account read.
 */
const resumeAt = new Map<string, string>();

/** What a catalog page reports to the read. */
export interface CatalogSeen<Ref> {
	/** A barcode the page shows, and its listing (kept when it is wanted and not found yet). */
	offer(barcode: string, ref: Ref): void;
	/** False once every barcode is found or the time is spent: a page with costly parts stops between them. */
	more(): boolean;
}

/**
 * Reads one page at `position` (undefined: the catalog's start), offering each barcode it shows; answers where
 * the next page begins, undefined at the catalog's end. A page that stops early (more() false) answers the
 * position of the first part it did not read.
 */
export type CatalogPage<Ref> = (position: string | undefined, seen: CatalogSeen<Ref>) => Promise<string | undefined>;

/**
 * Barcode → listing on a channel whose API has no barcode search: its catalog is read page by page until every
 * barcode is found, the catalog ends or the time budget is spent. One read serves all the barcodes of a push;
 * the listings found become links (core/sync/listings.ts), so a catalog is read only while a barcoded SKU stays
 * unlisted. A read stopped by its budget is resumed by the next one where it stopped (so a catalog longer than
 * one budget is still read whole, over several pushes); a read that resumed past the start goes back to it
 * when it reaches the end. A page that fails throws (the SKUs are retried, never "not listed").
 */
export async function findInCatalog<Ref>(ctx: AdapterContext, channel: string, gtins: string[], page: CatalogPage<Ref>, clock: () => number = Date.now): Promise<Map<string, Ref>> {
	const wanted = new Set(gtins);
	const found = new Map<string, Ref>();
	const key = `${channel} ${ctx.baseUrl} ${ctx.account}`;
	const budgetMs = Number(ctx.options?.catalogReadMs ?? CATALOG_READ_MS);
	const ends = clock() + budgetMs;
	const seen: CatalogSeen<Ref> = {
		offer(barcode, ref) {
			if (wanted.has(barcode) && !found.has(barcode)) found.set(barcode, ref);
		},
		more: () => found.size < wanted.size && clock() < ends,
	};
	if (wanted.size === 0) return found;
	let position = resumeAt.get(key);
	let fromStart = position === undefined;
	// At least one page per read, however short the budget: every push moves the read on.
	do {
		position = await page(position, seen);
		if (position !== undefined) continue;
		if (fromStart) break;
		fromStart = true;
	} while (seen.more());
	if (position === undefined) resumeAt.delete(key);
	else resumeAt.set(key, position);
	return found;
}
