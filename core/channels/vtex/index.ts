import type { HttpRequest } from '../../http/transport';
import type { AdapterContext, ChannelAdapter, ListChangedPage, ListChangedRequest } from '../types';
import { openRawOrder, readUtcDate } from '../common/fields';
import { expectObject, getArray, getObject, joinUrl, send } from '../common/http';
import { clampPageSize, withoutTimeFilter } from '../common/paging';
import { isFeedItem, normalizeVtexOrder, type VtexRaw, type VtexSkuField } from './normalize';
import type { ChannelDescriptor } from '../descriptor';
import { createVtexWriter } from './writer';
import { vtexWebhookReader } from './webhook';
import { vtexRegistrar } from './webhook-register';

export { VTEX_STATUS_MAP, vtexStatus } from './status';
export type { VtexRaw, VtexSkuField } from './normalize';

/** The Feed v3 maximum lot size. */
const MAX_LOT = 10;
/** The order list's maximum page size. */
const LIST_MAX_PER_PAGE = 100;

/** https://{account}.{environment}.com.br: the documented server of the Orders API. */
export const vtexBaseUrl = (account: string, environment = 'vtexcommercestable'): string => `https://${account}.${environment}.com.br`;

/** Several events of one order can share a lot: keep its latest, acknowledge them all. */
function latestPerOrder(items: VtexRaw[]): VtexRaw[] {
	const byOrder = new Map<unknown, VtexRaw>();
	for (const item of items) {
		const seen = byOrder.get(item.orderId);
		if (!seen || Date.parse(String(item.currentChange)) >= Date.parse(String(seen.currentChange))) byOrder.set(item.orderId, item);
	}
	return [...byOrder.values()];
}

/**
 * VTEX through the Feed v3 queue (the integration path VTEX documents; the order list "is not for
 * integrations"). The feed must be configured once for the credential's AppKey (POST /api/orders/feed/config);
 * without it VTEX answers 404. Auth headers (X-VTEX-API-AppKey/AppToken) are the transport's.
 *
 * The feed is a queue, not a time window: listChanged ignores since/until and returns the next lot of
 * unread events (maxlot = pageSize, at most 10) with their handles as `acks`. Items read but not committed
 * become visible again after the feed's visibility timeout, so a crash before emission re-delivers them
 * (at-least-once); acknowledge() commits the handles once the execution that took the orders succeeded
 * (poll-emissions.ts; a failed one has its orders read again by id). A full lot sets nextPageToken, as more
 * events may be waiting. filterPrecisionMs is 0: there is no time filter to overlap.
 *
 * Items are feed summaries: getDetails fetches the order. Options: `skuField` ('refId' default).
 */
export function createVtexAdapter(ctx: AdapterContext): ChannelAdapter<VtexRaw> {
	const skuField = (ctx.options?.skuField ?? 'refId') as VtexSkuField;
	const url = (path: string) => joinUrl(ctx.baseUrl, path);

	const getOrder = (orderId: string): Promise<VtexRaw> => getObject(ctx, url(`/api/oms/pvt/orders/${encodeURIComponent(orderId)}`));

	return {
		...withoutTimeFilter('vtex'),

		async listChanged(req: ListChangedRequest): Promise<ListChangedPage<VtexRaw>> {
			const maxlot = clampPageSize(req.pageSize, MAX_LOT);
			const lot = (await getArray(ctx, url('/api/orders/feed'), { maxlot })) as VtexRaw[];
			const acks = lot.map((item) => item.handle).filter((h): h is string => typeof h === 'string');
			return { items: latestPerOrder(lot), acks, nextPageToken: lot.length >= maxlot ? 'feed' : undefined };
		},

		/**
		 * The catch-up re-reads the order list (GET /api/oms/pvt/orders, the feed cannot be read again), by
		 * creation date: the list filters on nothing else that moves. Its documented cap of 30 pages is
		 * avoided by a keyset on creation time (oldest first): the token is "<from>|<page>", the next page
		 * starts at the creation time of the last order listed (inclusive, so ties are listed again and
		 * dropped), and pages on within that instant only when a whole page shares it.
		 */
		async listForCatchUp(req: ListChangedRequest): Promise<ListChangedPage<VtexRaw>> {
			const [from, pageText] = req.pageToken ? req.pageToken.split('|') : [req.since, '1'];
			const page = Number(pageText);
			if (Number.isNaN(Date.parse(from)) || !Number.isInteger(page) || page < 1) throw new Error(`Invalid VTEX catch-up token "${req.pageToken}"`);
			const perPage = clampPageSize(req.pageSize, LIST_MAX_PER_PAGE);
			const to = new Date(Date.parse(req.until) - 1).toISOString();
			const httpReq: HttpRequest = {
				method: 'GET',
				url: url('/api/oms/pvt/orders'),
				query: { f_creationDate: `creationDate:[${new Date(Date.parse(from)).toISOString()} TO ${to}]`, orderBy: 'creationDate,asc', page, per_page: perPage },
			};
			const body = expectObject(await send(ctx, httpReq), httpReq);
			const list = (Array.isArray(body.list) ? body.list : []) as VtexRaw[];
			if (list.length < perPage) return { items: list };
			const last = String(list[list.length - 1].creationDate);
			const sameInstant = Date.parse(last) === Date.parse(from) || Number.isNaN(Date.parse(last));
			return { items: list, nextPageToken: sameInstant ? `${from}|${page + 1}` : `${last}|1` };
		},

		async getDetails(summary) {
			// Feed items and list entries (catch-up) are summaries: neither carries the order's items.
			if (!isFeedItem(summary) && Array.isArray(summary.items)) return summary;
			const { r, o } = openRawOrder('vtex', summary, 'orderId');
			return getOrder(r.string(o, 'orderId'));
		},

		identify(raw) {
			const { r, o } = openRawOrder('vtex', raw, 'orderId');
			return { channelOrderId: r.string(o, 'orderId'), updatedAt: readUtcDate(r, o, isFeedItem(o) ? 'currentChange' : 'lastChange') };
		},

		normalize: (raw) => normalizeVtexOrder(raw, ctx.account, skuField, typeof ctx.options?.currency === 'string' ? ctx.options.currency : undefined),

		getOrder,

		async acknowledge(handles) {
			if (handles.length === 0) return;
			await send(ctx, { method: 'POST', url: url('/api/orders/feed'), body: { handles } });
		},

		/** Reading the feed would hide events from the trigger: the test step reads the order list instead. */
		async sample() {
			const req: HttpRequest = { method: 'GET', url: url('/api/oms/pvt/orders'), query: { orderBy: 'creationDate,desc', per_page: 1 } };
			const list = expectObject(await send(ctx, req), req).list;
			const first = Array.isArray(list) ? (list[0] as VtexRaw | undefined) : undefined;
			return first && typeof first.orderId === 'string' ? getOrder(first.orderId) : undefined;
		},
	};
}

export const vtexChannel: ChannelDescriptor<'vtex'> = {
	id: 'vtex',
	label: 'VTEX',
	createAdapter: createVtexAdapter,
	createWriter: createVtexWriter,
	// Get order is the order; order-group is a bare array; List orders answers {list, paging, stats} of
	// summaries, which normalize rejects by name (they have no items).
	responseShapes: [{ list: ['list'] }],
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { field: 'SKU EAN (Catalog API: Get SKU by EAN)' }, webhooks: { reader: vtexWebhookReader, registrar: vtexRegistrar } },
};
