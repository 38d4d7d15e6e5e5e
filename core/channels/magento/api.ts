import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { formatUpdatedKeyset, parseUpdatedKeyset, type UpdatedKeyset } from '../common/paging';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Magento 2 / Adobe Commerce REST (developer.adobe.com/commerce/webapi/rest). Base URL: the store's
 * "<host>/rest/<store code>" (e.g. https://shop.example/rest/default); the integration access token is sent
 * as "Authorization: Bearer <token>". Search endpoints take searchCriteria[filter_groups][g][filters][f]
 * [field|value|condition_type] (filters of one group are OR-ed, groups AND-ed), searchCriteria[sortOrders][i]
 * [field|direction], [pageSize] and [currentPage], and answer {items, search_criteria, total_count}.
 * Dates are "YYYY-MM-DD HH:MM:SS" in UTC (Magento stores sales dates in UTC and converts only for display).
 */
export const MAGENTO_MAX_PAGE = 100;

/** ISO 8601 → Magento's "YYYY-MM-DD HH:MM:SS" (UTC, whole seconds, rounded down). */
export const magentoDate = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** Magento's UTC "YYYY-MM-DD HH:MM:SS" → ms (NaN when unreadable). */
export const magentoMs = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v) ? Date.parse(`${v.replace(' ', 'T')}Z`) : NaN);

type Filter = { field: string; value: string; condition_type: string };

/** searchCriteria query parameters: `groups` AND-ed, filters inside a group OR-ed. */
export function searchCriteria(groups: Filter[][], sort: Array<[string, 'ASC' | 'DESC']>, pageSize: number): Record<string, string | number> {
	const q: Record<string, string | number> = {};
	groups.forEach((filters, g) =>
		filters.forEach((f, i) => {
			for (const [k, v] of Object.entries(f)) q[`searchCriteria[filter_groups][${g}][filters][${i}][${k}]`] = v;
		}),
	);
	sort.forEach(([field, direction], i) => {
		q[`searchCriteria[sortOrders][${i}][field]`] = field;
		q[`searchCriteria[sortOrders][${i}][direction]`] = direction;
	});
	q['searchCriteria[pageSize]'] = pageSize;
	q['searchCriteria[currentPage]'] = 1;
	return q;
}

export function readItems(res: HttpResponse, req: HttpRequest): JsonObject[] {
	const body = res.body;
	if (!isJsonObject(body) || !Array.isArray(body.items)) throw new ChannelHttpError(res.status, req, `Expected {items: [...]} from GET ${new URL(req.url).pathname}`, body);
	return body.items.filter(isJsonObject);
}

/**
 * Keyset on (updated_at, entity_id), both ascending (common/paging UpdatedKeyset, tag "m"): the token names
 * the last order listed, the next page asks for orders after it. A page number is no position here: Magento
 * re-sorts on every request, an order that changes moves to the end, and a currentPage past the last page
 * answers the last page again.
 */
export const parseMagentoKeyset = (token: string | undefined) => parseUpdatedKeyset(token, 'm', 'Magento');
export const formatMagentoKeyset = (k: UpdatedKeyset) => formatUpdatedKeyset('m', k);

/** Filter groups for "changed since `since`, after `after`": (u ≥ U) AND (u > U OR id > I) is the keyset. */
export function keysetGroups(since: string, after: UpdatedKeyset | undefined): Filter[][] {
	if (!after) return [[{ field: 'updated_at', value: magentoDate(since), condition_type: 'gteq' }]];
	return [
		[{ field: 'updated_at', value: after.updatedAt, condition_type: 'gteq' }],
		[
			{ field: 'updated_at', value: after.updatedAt, condition_type: 'gt' },
			{ field: 'entity_id', value: String(after.id), condition_type: 'gt' },
		],
	];
}
