/**
 * Page-number paging (WooCommerce, Nuvemshop, Magalu-style offset channels): the poller's opaque page
 * token is the 1-based number of the next page, so the request for any page is rebuilt from the same
 * window and nothing channel-specific (or secret) is stored in the token.
 */

/** The page a token points at; page 1 without a token. A malformed token is a caller bug: fail loudly. */
export function pageFromToken(token: string | undefined): number {
	if (token === undefined) return 1;
	if (!/^[1-9]\d*$/.test(token)) throw new Error(`Invalid page token "${token}": expected a page number`);
	return Number(token);
}

/** Token for the page after `page`, or undefined when `page` was the last. */
export function nextPageToken(page: number, hasMore: boolean): string | undefined {
	return hasMore ? String(page + 1) : undefined;
}

/** When the channel reports its page count (X-WP-TotalPages). */
export function hasMoreByTotal(page: number, totalPages: string | undefined): boolean {
	const total = Number(totalPages);
	return Number.isInteger(total) && page < total;
}

/** RFC 8288 Link header → { rel: url }, e.g. { next: "https://…?page=3", last: "…" }. */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
	const links: Record<string, string> = {};
	if (!header) return links;
	for (const m of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]*)*)/g)) {
		const rel = /;\s*rel="?([^";]+)"?/i.exec(m[2]);
		if (rel) for (const r of rel[1].trim().split(/\s+/)) links[r.toLowerCase()] = m[1];
	}
	return links;
}

/** The `page` query parameter of a Link URL (the channel's own next page), if any. */
export function pageOfLink(url: string | undefined): number | undefined {
	if (!url) return undefined;
	try {
		const page = Number(new URL(url).searchParams.get('page'));
		return Number.isInteger(page) && page > 0 ? page : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Keyset paging on creation time, newest first (WooCommerce, Nuvemshop). A page number is not a stable
 * position: an order on an earlier page that changes leaves the window and every later order moves up one
 * place, so page N+1 would skip one. Creation time never changes, so the token names a bound instead:
 * "orders created before B" (B = the second after the last order listed, so ties are listed again and
 * de-duplicated). Only when a whole page shares one creation second (more than a page of orders created in
 * the same second) does the token page within that bound.
 */
export interface CreatedKeyset {
	/** Exclusive upper bound on creation time, whole seconds, ISO 8601 UTC; absent on the first page. */
	before?: string;
	/** 1-based page among the orders created before `before`. */
	page: number;
}

export function parseCreatedKeyset(token: string | undefined): CreatedKeyset {
	if (token === undefined) return { page: 1 };
	const m = /^k:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)?:([1-9]\d*)$/.exec(token);
	if (!m) throw new Error(`Invalid page token "${token}": expected a creation-time keyset`);
	return { before: m[1], page: Number(m[2]) };
}

export function formatCreatedKeyset(k: CreatedKeyset): string {
	return `k:${k.before ?? ''}:${k.page}`;
}

/**
 * The token after a page. `createdMs`: creation times of the page's orders (unreadable ones left out).
 * Undefined when the channel says there is nothing more.
 */
export function nextCreatedKeyset(current: CreatedKeyset, createdMs: number[], hasMore: boolean): string | undefined {
	if (!hasMore) return undefined;
	const valid = createdMs.filter((ms) => Number.isFinite(ms));
	const oldest = valid.length ? Math.min(...valid) : NaN;
	const bound = Number.isFinite(oldest) ? (Math.floor(oldest / 1000) + 1) * 1000 : NaN;
	const currentBound = current.before === undefined ? Infinity : Date.parse(current.before);
	// No progress (the page's orders all share the bound's last second): page on within the same bound.
	if (!Number.isFinite(bound) || bound >= currentBound) return formatCreatedKeyset({ before: current.before, page: current.page + 1 });
	return formatCreatedKeyset({ before: new Date(bound).toISOString().replace('.000Z', 'Z'), page: 1 });
}

/**
 * Offset paging over a set that only grows while it is read (sorted by a key that never changes, e.g. the
 * order id, and filtered so that a change keeps an order in the set): an order joining the set before the
 * current position moves later ones down one place, which lists one order twice (the poller drops repeats)
 * but never skips one. The set shrinking is the one way to skip: an order before the position left it, so
 * every later order moved up one place. The token therefore carries the total the channel reported with the
 * previous page; a smaller total restarts the listing from offset 0 (Tray, Loja Integrada).
 */
export interface CountedOffset {
	offset: number;
	/** The channel's total for the set, as reported with the previous page; absent on the first page. */
	total?: number;
}

export function parseCountedOffset(token: string | undefined): CountedOffset {
	if (token === undefined) return { offset: 0 };
	const m = /^o(\d+)(?:t(\d+))?$/.exec(token);
	if (!m) throw new Error(`Invalid page token "${token}": expected an offset and total`);
	return { offset: Number(m[1]), total: m[2] === undefined ? undefined : Number(m[2]) };
}

export function formatCountedOffset(c: CountedOffset): string {
	return `o${c.offset}${c.total === undefined ? '' : `t${c.total}`}`;
}

/** True when the set shrank since the previous page: the page just read may have skipped an order. */
export function countedSetShrank(current: CountedOffset, total: number): boolean {
	return current.total !== undefined && total < current.total;
}

/** A list's reported total (a number or numeric string, 0 or more); undefined when left out, null or not a count. */
export function reportedTotal(value: unknown): number | undefined {
	const total = (typeof value === 'number' || typeof value === 'string') && String(value).trim() !== '' ? Number(value) : NaN;
	return Number.isSafeInteger(total) && total >= 0 ? total : undefined;
}

/**
 * The token after a page of `read` items (at most `limit`) read at `current.offset`, the channel reporting
 * `total`. A shrunken set restarts at offset 0; otherwise the next offset while the total says there is more.
 * A page that reports no total (an optional field left out) is followed while it is full: its own length is
 * never taken for the total, which would end the listing after its first page.
 */
export function nextCountedOffset(current: CountedOffset, limit: number, total: number | undefined, read: number): string | undefined {
	if (total === undefined) return read >= limit ? formatCountedOffset({ offset: current.offset + limit }) : undefined;
	if (countedSetShrank(current, total)) return formatCountedOffset({ offset: 0, total });
	const next = current.offset + limit;
	return next < total ? formatCountedOffset({ offset: next, total }) : undefined;
}

/**
 * Offset paging with a check that the list did not move (Magalu, Loja Integrada: the sort order does not keep
 * positions, or is not documented). The token is the next offset and the id of the order just before it
 * ("<offset>:<id>"); each page is requested from one order earlier, and when that order is no longer the one
 * the token names, an order before it left or joined the window and the later orders moved: the window is
 * listed again from the start ("0") rather than skipping one (the poller drops the repeats).
 */
export interface CheckedOffset {
	offset: number;
	before?: string;
}

export function parseCheckedOffset(token: string | undefined, channel: string): CheckedOffset {
	if (token === undefined) return { offset: 0 };
	const m = /^(\d+)(?::(.+))?$/.exec(token);
	if (!m) throw new Error(`Invalid ${channel} page token "${token}": expected an offset`);
	return { offset: Number(m[1]), before: m[2] };
}

/** What to request for a page of `limit` orders: one more, from one earlier, when there is an order to check. */
export function checkedOffsetRequest(token: CheckedOffset, limit: number): { offset: number; limit: number; check: boolean } {
	const check = token.offset > 0 && token.before !== undefined;
	return { offset: check ? token.offset - 1 : token.offset, limit: check ? limit + 1 : limit, check };
}

/** The page's orders and the next token, from what a checkedOffsetRequest returned. */
export function checkedOffsetPage<T>(
	token: CheckedOffset,
	limit: number,
	results: T[],
	idOf: (o: T) => string | undefined,
): { items: T[]; nextPageToken?: string } {
	const { check } = checkedOffsetRequest(token, limit);
	if (check && idOf(results[0]) !== token.before) return { items: results, nextPageToken: '0' };
	const items = check ? results.slice(1) : results;
	const next = token.offset + items.length;
	if (items.length < limit) return { items };
	// A full page may be the last one: one more (empty) request settles it. A page ending on an order without
	// an id (an error item to be) cannot be checked: the next page is then read at its plain offset.
	const last = idOf(items[items.length - 1]);
	return { items, nextPageToken: last === undefined || last === '' ? String(next) : `${next}:${last}` };
}

/**
 * One page of a checked-offset listing (Magalu, Loja Integrada, MadeiraMadeira): `fetch` asks the channel for
 * `limit` orders from `offset` (one slot of which holds the check order, so `maxLimit` is the channel's own).
 */
export async function listCheckedOffset<T>(
	pageToken: string | undefined,
	pageSize: number,
	maxLimit: number,
	channel: string,
	fetch: (offset: number, limit: number) => Promise<T[]>,
	idOf: (o: T) => string | undefined,
): Promise<{ items: T[]; nextPageToken?: string }> {
	const token = parseCheckedOffset(pageToken, channel);
	const limit = clampPageSize(pageSize, maxLimit - 1);
	const page = checkedOffsetRequest(token, limit);
	return checkedOffsetPage(token, limit, await fetch(page.offset, page.limit), idOf);
}

/** The page size to ask a channel for: what the caller wants, at least 1, at most the channel's maximum. */
export function clampPageSize(wanted: number, max: number): number {
	return Math.max(1, Math.min(wanted, max));
}

/**
 * Orders changed inside [since, until): for filters coarser than the window or open at one end. Orders whose
 * change time cannot be read are kept, so identify() turns them into error items instead of dropping them.
 */
export function changedInWindow<T>(items: T[], changedMs: (o: T) => number, since: string, until: string): T[] {
	const sinceMs = Date.parse(since);
	const untilMs = Date.parse(until);
	return items.filter((o) => {
		const at = changedMs(o);
		return Number.isNaN(at) || (at >= sinceMs && at < untilMs);
	});
}

/**
 * A keyset token on (last-changed time, numeric id), for listings sorted by both ascending whose filters can
 * ask for "after this order" (Magento, PrestaShop): "<tag>:<YYYY-MM-DD HH:MM:SS>:<id>", the time as the
 * channel writes it. The token names the last order listed; nothing secret or positional is stored.
 */
export interface UpdatedKeyset {
	updatedAt: string;
	id: number;
}

export function parseUpdatedKeyset(token: string | undefined, tag: string, channel: string): UpdatedKeyset | undefined {
	if (token === undefined) return undefined;
	const m = new RegExp(`^${tag}:(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}):(\\d+)$`).exec(token);
	if (!m) throw new Error(`Invalid ${channel} page token "${token}": expected "${tag}:<updated time>:<id>"`);
	return { updatedAt: m[1], id: Number(m[2]) };
}

export const formatUpdatedKeyset = (tag: string, k: UpdatedKeyset) => `${tag}:${k.updatedAt}:${k.id}`;

/** The members of an adapter whose changed-since filter is exact to the second and can list up to now. */
export const bySecondUpToNow = <Id extends string>(id: Id) => ({ id, filterPrecisionMs: 1000, latestUntil: (now: Date) => now });

/** The same for an adapter that reads a queue or a feed: no time filter, so nothing to overlap. */
export const withoutTimeFilter = <Id extends string>(id: Id) => ({ id, filterPrecisionMs: 0, latestUntil: (now: Date) => now });

/**
 * Channels with no "changed since" filter (MadeiraMadeira, Olist) list by creation and read back this many days
 * before the window, keeping the orders changed inside it: options.lookbackDays, else the channel's default.
 */
export function lookbackMs(options: Record<string, unknown> | undefined, defaultDays: number): number {
	const days = Number(options?.lookbackDays ?? defaultDays);
	return (Number.isFinite(days) && days >= 0 ? days : defaultDays) * 86_400_000;
}
