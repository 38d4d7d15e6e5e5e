import { gtinForms } from '../../catalog/gtin';
import { ChannelHttpError } from '../../http/retry';
import type { AdapterContext } from '../types';
import { answerOf, track, type CatalogAnswer, type CatalogLaps } from './catalog-laps';

export { MAX_TRACKED, type CatalogAnswer } from './catalog-laps';

/**
 * How long one writer (one push) may read a catalog for barcodes (options.catalogReadMs overrides it): the
 * look-ups run inside a Push Stock, whose SKUs wait for them. What is left unread is read by the next push.
 */
export const CATALOG_READ_MS = 20_000;

/** What this process knows of each catalog, by channel account (CatalogLaps). */
const catalogs = new Map<string, CatalogLaps>();
/**
 * Reads of one catalog take turns: two pushes reading at once from one position would read the same pages and
 * count them twice, settling a barcode absent before its page was reached. A push that waited reads on from
 * where the one before stopped, and is answered what that one found.
 */
const turns = new Map<string, Promise<unknown>>();
async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
	const run = (turns.get(key) ?? Promise.resolve()).then(work, work);
	const done = run.catch(() => undefined);
	turns.set(key, done);
	try {
		return await run;
	} finally {
		if (turns.get(key) === done) {
			turns.delete(key);
			// Nobody waits: a barcode asked again later is read again (its listing may have changed).
			for (const [g, entry] of catalogs.get(key)?.asked ?? []) if (entry.answered) catalogs.get(key)!.asked.delete(g);
		}
	}
}

/** A barcode field as a channel may send it: a string, or a number (its digits); anything else is none. */
export const barcodeText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== ''
		? value.trim()
		: typeof value === 'number' && Number.isSafeInteger(value) && value > 0
			? String(value)
			: undefined;

/** What a catalog page reports to the read. */
export interface CatalogSeen<Ref> {
	/** A barcode the page shows (spaces and dashes dropped; a number is read as its digits), and its listing (the first listing seen with a barcode is kept), in every GTIN length it fits. */
	offer(barcode: string | number, ref: Ref): void;
	/** False once every barcode is found or the time is spent: a page with costly parts stops between them. */
	more(): boolean;
	/** The page read from the catalog's start, not from its position (one that no longer lives): laps count from here. */
	restarted(): void;
	/**
	 * Where a read that fails from here on resumes: a page whose channel position moved on as it was read (a scroll)
	 * cannot be read again from its own start, so it names the part still to read (Mercado Livre's item ids).
	 */
	reached(position: string): void;
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
const refusesRequest = (error: unknown) =>
	error instanceof ChannelHttpError &&
	error.httpCode !== undefined &&
	error.httpCode >= 400 &&
	error.httpCode < 500 &&
	![401, 403, 408, 429].includes(error.httpCode);

/**
 * Barcode → listing on a channel whose API has no barcode search: its catalog is read page by page until every
 * barcode is found, the catalog ends or the time budget is spent. The listings found become links
 * (core/sync/listings.ts), so a catalog is read only while a barcoded SKU stays unlisted. Within one writer (one
 * push) later look-ups are answered from what was read, and read on only while the budget lasts and the
 * catalog was not read whole. A read stopped by its budget is resumed by the next push where it stopped (so a
 * catalog longer than one budget is still read whole, over several pushes); a read that resumed past the start
 * goes back to it when it reaches the end; a kept position the channel refuses (4xx: an expired cursor) is
 * dropped and the read starts over. A page that fails throws (the SKUs are retried, never "not listed").
 * The answer's `unsettled` names the barcodes not found whose absence is not known yet (CatalogLaps).
 */
export async function findInCatalog<Ref>(
	ctx: AdapterContext,
	channel: string,
	gtins: string[],
	page: CatalogPage<Ref>,
	clock: () => number = Date.now,
): Promise<CatalogAnswer<Ref>> {
	const read: WriterRead = readsOf.get(ctx) ?? { known: new Map(), whole: false };
	readsOf.set(ctx, read);
	// The first look-up of a push reads at least one page, however short the budget (and however long it waited
	// its turn): every push moves the read on.
	const first = read.ends === undefined;
	const ends = (read.ends ??= clock() + Number(ctx.options?.catalogReadMs ?? CATALOG_READ_MS));
	const key = `${channel} ${ctx.baseUrl} ${ctx.account}`;
	return inTurn(key, () => readCatalog([...new Set(gtins)], read, key, first, ends, page, clock));
}

async function readCatalog<Ref>(
	wanted: string[],
	read: WriterRead,
	key: string,
	first: boolean,
	ends: number,
	page: CatalogPage<Ref>,
	clock: () => number,
): Promise<CatalogAnswer<Ref>> {
	const { known } = read;
	const laps: CatalogLaps = catalogs.get(key) ?? { calls: 0, full: 0, ends: 0, asked: new Map() };
	catalogs.set(key, laps);
	const { asked } = laps;
	track(
		laps,
		wanted.filter((g) => !known.has(g)),
	);
	const answer = () => answerOf<Ref>(wanted, known, laps, read.whole);
	const missing = () => wanted.some((g) => !known.has(g) && asked.get(g)?.ref === undefined);
	if (!missing() || read.whole) return answer();
	if (!first && clock() >= ends) return answer();
	let cut = false;
	let restarted = false;
	let reached: string | undefined;
	// Pages read before a restart may not be read again before a lap's count of pages: counting starts over.
	// A read that keeps starting over (pushes further apart than a scroll lives) never ends a lap: a barcode it
	// started over on twice has had every page it can reach read, and is settled rather than deferred forever.
	const restartLap = () => {
		laps.lapFrom = laps.calls;
		for (const entry of asked.values()) {
			if (entry.settled) continue;
			entry.restarts = (entry.restarts ?? 0) + 1;
			if (entry.restarts >= 2) entry.settled = true;
			else Object.assign(entry, { at: laps.full, endsAt: laps.ends });
		}
	};
	const seen: CatalogSeen<Ref> = {
		offer(barcode, ref) {
			// As the store keeps barcodes (checkGtin): spaces and dashes a seller typed on the channel dropped.
			for (const form of gtinForms(String(barcode).replace(/[\s-]/g, ''))) {
				if (!known.has(form)) known.set(form, ref);
				// Kept for a later push that asks it again (this push may not: another warehouse's, another SKU's).
				const entry = asked.get(form);
				if (entry && entry.ref === undefined) entry.ref = ref;
			}
		},
		more: () => {
			const more = missing() && clock() < ends;
			cut ||= !more;
			return more;
		},
		restarted() {
			restarted = true;
			restartLap();
		},
		reached(at) {
			reached = at;
		},
	};
	let position = laps.position;
	let fromStart = position === undefined;
	let resumed = !fromStart;
	do {
		if (position === undefined) laps.lapFrom = laps.calls;
		cut = restarted = false;
		reached = undefined;
		try {
			position = await page(position, seen);
		} catch (error) {
			// The channel's position moved past the part the page did not read: the next read starts there.
			if (reached !== undefined) {
				laps.position = reached;
				throw error;
			}
			// A kept position the channel refuses (a cursor that expired) would fail every later push: start over.
			if (!resumed || !refusesRequest(error)) throw error;
			position = undefined;
			fromStart = true;
			laps.position = undefined;
			restartLap();
			continue;
		} finally {
			resumed = false;
		}
		// Kept at once: a later page that fails leaves the pages read before it read (and counted once).
		laps.position = position;
		laps.calls += 1;
		if (!cut) laps.full += 1;
		fromStart ||= restarted;
		if (position !== undefined) continue;
		if (laps.lapFrom !== undefined) laps.lapPages = laps.calls - laps.lapFrom;
		laps.lapFrom = undefined;
		laps.ends += 1;
		if (fromStart) {
			read.whole = true;
			break;
		}
		fromStart = true;
	} while (seen.more());
	return answer();
}
