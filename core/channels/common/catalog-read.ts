import { gtinForms } from '../../catalog/gtin';
import { ChannelHttpError } from '../../http/retry';
import type { AdapterContext } from '../types';

/**
 * How long one writer (one push) may read a catalog for barcodes (options.catalogReadMs overrides it): the
 * look-ups run inside a Push Stock, whose SKUs wait for them. What is left unread is read by the next push.
 */
export const CATALOG_READ_MS = 20_000;

/**
 * Where each catalog's last read stopped on its time budget, by channel account: this process only (a restart,
 * or another queue worker, starts from the catalog's beginning). A handful of entries: one per account read.
 */
const resumeAt = new Map<string, string>();

/** What a catalog page reports to the read. */
export interface CatalogSeen<Ref> {
	/** A barcode the page shows (spaces and dashes dropped), and its listing (the first listing seen with a barcode is kept), in every GTIN length it fits. */
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
 * What one writer has read of its catalog: every barcode seen (wanted or not), whether a read covered the whole
 * catalog, and when its time budget ends. Writers are made per execution, so this is one push's: Push Stock
 * looks SKUs up per group of leased SKUs, and all of a push's look-ups share one budget and one read.
 */
interface WriterRead {
	known: Map<string, unknown>;
	whole: boolean;
	ends?: number;
}
const readsOf = new WeakMap<AdapterContext, WriterRead>();

/** A client error other than auth, timeout and rate limit: the channel refused the request itself (an expired cursor). */
const refusesRequest = (error: unknown) => error instanceof ChannelHttpError && error.httpCode !== undefined && error.httpCode >= 400 && error.httpCode < 500 && ![401, 403, 408, 429].includes(error.httpCode);

/**
 * Barcode → listing on a channel whose API has no barcode search: its catalog is read page by page until every
 * barcode is found, the catalog ends or the time budget is spent. The listings found become links
 * (core/sync/listings.ts), so a catalog is read only while a barcoded SKU stays unlisted. Within one writer (one
 * push) later look-ups are answered from what was read, and read on only while the budget lasts and the
 * catalog was not read whole. A read stopped by its budget is resumed by the next push where it stopped (so a
 * catalog longer than one budget is still read whole, over several pushes); a read that resumed past the start
 * goes back to it when it reaches the end; a kept position the channel refuses (4xx: an expired cursor) is
 * dropped and the read starts over. A page that fails throws (the SKUs are retried, never "not listed").
 */
export async function findInCatalog<Ref>(ctx: AdapterContext, channel: string, gtins: string[], page: CatalogPage<Ref>, clock: () => number = Date.now): Promise<Map<string, Ref>> {
	const wanted = [...new Set(gtins)];
	let read = readsOf.get(ctx);
	if (!read) readsOf.set(ctx, (read = { known: new Map(), whole: false }));
	const { known } = read;
	const answer = () => new Map(wanted.filter((g) => known.has(g)).map((g) => [g, known.get(g) as Ref]));
	const missing = () => wanted.some((g) => !known.has(g));
	if (!missing() || read.whole) return answer();
	// The first look-up reads at least one page, however short the budget: every push moves the read on.
	if (read.ends !== undefined && clock() >= read.ends) return answer();
	const ends = (read.ends ??= clock() + Number(ctx.options?.catalogReadMs ?? CATALOG_READ_MS));
	const seen: CatalogSeen<Ref> = {
		offer(barcode, ref) {
			// As the store keeps barcodes (checkGtin): spaces and dashes a seller typed on the channel dropped.
			for (const form of gtinForms(barcode.replace(/[\s-]/g, ''))) if (!known.has(form)) known.set(form, ref);
		},
		more: () => missing() && clock() < ends,
	};
	const key = `${channel} ${ctx.baseUrl} ${ctx.account}`;
	let position = resumeAt.get(key);
	let fromStart = position === undefined;
	let resumed = !fromStart;
	do {
		try {
			position = await page(position, seen);
		} catch (error) {
			// A kept position the channel refuses (a cursor that expired) would fail every later push: start over.
			if (!resumed || !refusesRequest(error)) throw error;
			position = undefined;
			fromStart = true;
			resumeAt.delete(key);
			continue;
		} finally {
			resumed = false;
		}
		if (position !== undefined) continue;
		if (fromStart) {
			read.whole = true;
			break;
		}
		fromStart = true;
	} while (seen.more());
	if (position === undefined) resumeAt.delete(key);
	else resumeAt.set(key, position);
	return answer();
}
