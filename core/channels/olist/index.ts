import type { HttpRequest } from '../../http/transport';
import { openRawOrder, readOptUtcDate, readUtcDate } from '../common/fields';
import { getObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow, changedInWindow, clampPageSize, lookbackMs, nextPageToken, pageFromToken } from '../common/paging';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { OLIST_MAX_PAGE_SIZE, readPage } from './api';
import { normalizeOlistOrder, type OlistOrder } from './normalize';
import { createOlistWriter } from './writer';

export { OLIST_STATUS } from './status';
export { OLIST_API, OLIST_AUTH, OLIST_SANDBOX_API, OLIST_SANDBOX_AUTH, OLIST_GRANT_PATH } from './api';
export type { OlistOrder } from './normalize';

/** Days before the window whose orders are read again for changes: Olist notifies order changes for 90 days. */
export const OLIST_LOOKBACK_DAYS = 30;

/**
 * Olist seller orders. [3P] GET /v1/seller-orders/?ordering=-created_at&page=&page_size= lists full orders newest
 * first (the list page was not indexed; integrators read it so); no "changed since" filter is known. The listing
 * reads from the newest order back to the first one placed `lookbackDays` before the window and keeps the orders
 * whose updated_at falls inside the window, like MadeiraMadeira's.
 *
 * Paging: page numbers over creation time, newest first. Creation never changes and orders are never removed, so
 * the only move is a new order joining at the front while the window is listed: every later order moves down one
 * place and is read twice (the poller drops repeats), never skipped.
 *
 * Not confirmed by public docs: the list endpoint's parameters and page size limit, that updated_at moves on every
 * change (the order example shown is cut before it), and the production token URL (id.olist.com + Keycloak's
 * standard path). Olist's order notifications (topic "orders", resource /seller-orders/{code}/, sent for 90 days
 * after an order is created) are not an intake here: the poll trigger is.
 */
export function createOlistAdapter(ctx: AdapterContext): ChannelAdapter<OlistOrder> {
	const readBackMs = lookbackMs(ctx.options, OLIST_LOOKBACK_DAYS);
	const dateMs = (o: OlistOrder, key: 'created_at' | 'updated_at') => {
		const { r } = openRawOrder('olist', o, 'code');
		return Date.parse(readOptUtcDate(r, o, key) ?? '');
	};

	const order = (code: string): Promise<OlistOrder> => getObject(ctx, joinUrl(ctx.baseUrl, `/seller-orders/${encodeURIComponent(code)}/`));

	return {
		...bySecondUpToNow('olist'),

		async listChanged(req: ListChangedRequest) {
			const page = pageFromToken(req.pageToken);
			const httpReq: HttpRequest = {
				method: 'GET',
				url: joinUrl(ctx.baseUrl, '/seller-orders/'),
				query: { ordering: '-created_at', page, page_size: clampPageSize(req.pageSize, OLIST_MAX_PAGE_SIZE) },
			};
			const { results, hasNext } = readPage(await send(ctx, httpReq), httpReq);
			const floor = Date.parse(req.since) - readBackMs;
			// Newest first: a page reaching an order placed before the floor is the last one needed.
			const reachedFloor = results.some((o) => dateMs(o, 'created_at') < floor);
			const updated = (o: OlistOrder) => dateMs(o, 'updated_at') || dateMs(o, 'created_at');
			return { items: changedInWindow(results, updated, req.since, req.until), nextPageToken: nextPageToken(page, hasNext && !reachedFloor) };
		},

		getOrder: order,

		identify(raw) {
			const { r, o } = openRawOrder('olist', raw, 'code');
			return { channelOrderId: r.string(o, 'code'), updatedAt: readOptUtcDate(r, o, 'updated_at') ?? readUtcDate(r, o, 'created_at') };
		},

		normalize: (raw) => normalizeOlistOrder(raw, ctx.account),
	};
}

export const olistChannel: ChannelDescriptor<'olist'> = {
	id: 'olist',
	label: 'Olist',
	createAdapter: createOlistAdapter,
	createWriter: createOlistWriter,
	// GET /v1/seller-orders/{code}/ is the order; lists answer {count, next, previous, results}.
	responseShapes: [{ list: ['results'] }],
	// Notifications (topic orders) exist, without a documented signature: the poll trigger is the intake.
	capabilities: { writes: ['invoice'], barcodes: { none: 'Olist documents `gtin` only as a field of the product it creates (POST /v1/seller-products/, dev.olist.com/en/guides-and-tutorials/products/creating-a-product); no list or barcode search of seller-products is documented (integrators list GET /v1/seller-products/?limit&offset, filtered by product_code only), and which code the product path takes is unconfirmed: a barcode could not be turned into a listing the stock write reaches (not built)' } },
};
