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
