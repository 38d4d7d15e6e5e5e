import type { SimResponse } from './http-sim';

/** Page-number paging shared by the page/per_page simulators (WooCommerce, Nuvemshop). */
export interface PageSlice<T> {
	items: T[];
	total: number;
	totalPages: number;
}

export function slicePage<T>(all: T[], page: number, perPage: number): PageSlice<T> {
	return { items: all.slice((page - 1) * perPage, page * perPage), total: all.length, totalPages: Math.ceil(all.length / perPage) };
}

/** An integer query parameter within [min, max]; `fallback` when absent, undefined when invalid. */
export function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number | undefined {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const n = Number(raw);
	return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** RFC 8288 Link header for a page-numbered collection, as both channels send it. */
export function linkHeader(url: URL, page: number, totalPages: number): string {
	const at = (p: number) => {
		const u = new URL(url);
		u.searchParams.set('page', String(p));
		return u.toString();
	};
	const links: string[] = [];
	if (page < totalPages) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(totalPages)}>; rel="last"`);
	if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
	return links.join(', ');
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({ status, body, headers });
