/** Lap bookkeeping of a catalog read (catalog-read.ts): when a barcode not found is known absent. */

/**
 * What this process knows of each catalog, by channel account (a restart, or another queue worker, starts
 * from the catalog's beginning and counts again). A handful of entries: one per account read.
 * Positions are opaque, so laps are counted in pages: a barcode asked and not found is settled absent once
 * the read passed the catalog's end since it was first asked and more pages were read since then than that lap
 * (start to end) had, one page more than a lap because a read resumed mid-page shifts the page bounds. The end
 * must be passed: a lap is measured as it ends, and a catalog that grew since the last lap has pages past the
 * old count. Until then it is unsettled.
 */
export interface CatalogLaps {
	/** Where the last read stopped on its time budget (undefined: the catalog's start). */
	position?: string;
	/** Page reads, and those that read their page to its end (a page stopped by more() is not counted here). */
	calls: number;
	full: number;
	/** `calls` when the lap under way began at the catalog's start; pages (calls) of the last complete lap. */
	lapFrom?: number;
	lapPages?: number;
	/** Times the read reached the catalog's end. */
	ends: number;
	/**
	 * Barcodes asked and not found: `full` when first asked, settled once absent over a lap, a listing seen since,
	 * and the read's restarts since asked (a second one settles it: the read cannot get further than it did).
	 */
	asked: Map<string, Asked>;
}
export interface Asked {
	at: number;
	/** `ends` when first asked (or when the read last started over). */
	endsAt: number;
	settled?: true;
	ref?: unknown;
	/** Its listing was answered: kept only for pushes that waited their turn meanwhile (dropped when none waits). */
	answered?: true;
	restarts?: number;
}

/** A catalog's answer: the listings found, and the barcodes asked that may still be in a part not read yet. */
export type CatalogAnswer<Ref> = Map<string, Ref> & { unsettled: ReadonlySet<string> };

/**
 * Barcodes tracked per catalog. Past it, one not asked now that is absent over a lap, or whose listing was seen
 * (kept for a push that may never ask it again: its SKU linked some other way), gives its place (the oldest
 * first; one asked again is read again); with none, a new barcode is not tracked and is answered absent, as a
 * settled one: evicting unsettled ones instead would re-stamp barcodes asked every push before they could
 * settle, deferring them forever.
 */
export const MAX_TRACKED = 10_000;

/** Absent since first asked over the catalog's end and more pages than the lap that ended had (or settled before). */
export const lapSince = (laps: CatalogLaps, entry: Asked) =>
	entry.settled === true || (laps.ends > entry.endsAt && laps.lapPages !== undefined && laps.full - entry.at > laps.lapPages);

export function track(laps: CatalogLaps, gtins: string[]): void {
	const { asked } = laps;
	const now = new Set(gtins);
	const older = asked.entries();
	for (const g of gtins) {
		if (asked.has(g)) continue;
		while (asked.size >= MAX_TRACKED) {
			const next = older.next();
			if (next.done) return;
			const [old, entry] = next.value;
			if (!now.has(old) && (entry.ref !== undefined || lapSince(laps, entry))) asked.delete(old);
		}
		asked.set(g, { at: laps.full, endsAt: laps.ends });
	}
}

/** The listings of `wanted` found (in this push's read, or seen since asked), and the unsettled ones. */
export function answerOf<Ref>(wanted: string[], known: Map<string, unknown>, laps: CatalogLaps, readWhole: boolean): CatalogAnswer<Ref> {
	const found = new Map<string, Ref>();
	const unsettled = new Set<string>();
	for (const g of wanted) {
		const entry = laps.asked.get(g);
		if (known.has(g) || entry?.ref !== undefined) {
			found.set(g, (known.has(g) ? known.get(g) : entry!.ref) as Ref);
			if (entry) {
				entry.ref ??= known.get(g);
				entry.answered = true;
			}
			continue;
		}
		// Read from start to end in this push, or over more pages than a lap since first asked, or not tracked
		// (past MAX_TRACKED): absent.
		if (!entry || readWhole || lapSince(laps, entry)) {
			if (entry) entry.settled = true;
		} else unsettled.add(g);
	}
	return Object.assign(found, { unsettled });
}
