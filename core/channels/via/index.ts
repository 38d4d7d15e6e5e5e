import type { HttpRequest } from '../../http/transport';
import { openRawOrder } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow, clampPageSize, nextCountedOffset, parseCountedOffset } from '../common/paging';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { getViaOrder, readViaList, VIA_MAX_LIMIT } from './api';
import { normalizeViaOrder, viaChangedAt, type ViaOrder } from './normalize';
import { createViaWriter } from './writer';

export { VIA_STATUS } from './status';
export type { ViaOrder } from './normalize';

/**
 * The order lists by status, each filtered by the date its orders reached that status ("{from},{to}"), as the
 * API documents them. [?] partiallyDelivered is documented with sentAt (kept as documented).
 */
export const VIA_LISTS = [
	{ status: 'new', filter: 'purchasedAt' },
	{ status: 'approved', filter: 'approvedAt' },
	{ status: 'partiallySent', filter: 'sentAt' },
	{ status: 'sent', filter: 'sentAt' },
	{ status: 'partiallyDelivered', filter: 'sentAt' },
	{ status: 'delivered', filter: 'deliveredAt' },
	{ status: 'canceled', filter: 'canceledAt' },
] as const;

/** "<list index>:<counted offset>" ("3:o50t120"); the first page of a list is "<index>:". */
function parseToken(token: string | undefined): { list: number; offset: string | undefined } {
	if (token === undefined) return { list: 0, offset: undefined };
	const m = /^(\d+):(.*)$/.exec(token);
	if (!m || Number(m[1]) >= VIA_LISTS.length) throw new Error(`Invalid Via page token "${token}"`);
	return { list: Number(m[1]), offset: m[2] || undefined };
}

/**
 * Via / Casas Bahia marketplace API v2 (api-mktplace.viavarejo.com.br; client_id and access_token headers are
 * the transport's). The API has no "changed since" listing: an order's change is its move to another status, and
 * each status has its own list filtered by the date of that move (GET /orders/status/approved?approvedAt=…). A
 * window [since, until) is read list after list, each with its date filter on the window; an order is in one
 * list at a time (its current status), so it is listed once. Each list is paged with _offset/_limit (≤ 50) and
 * metadata totalRows (counted offsets): an order leaving the list while it is read (it moved on, at a time after
 * the window's end) shrinks the total and the list is read again from 0; one joining can only be later than the
 * window's end. Changes that are not status moves (a tracking added, an address edited) are not listed.
 *
 * Not confirmed by public documentation: the order of each list; whether the date bounds are inclusive and at
 * what precision (the end is sent 1 ms before `until`, and the poller overlaps by a second); the status code of
 * cancelled and partially sent/delivered orders (see status.ts); whether Z-suffixed dates are accepted (the
 * examples use -03:00). Via also posts order notifications to a callback URL: not used, the lists are the intake.
 */
export function createViaAdapter(ctx: AdapterContext): ChannelAdapter<ViaOrder> {
	return {
		...bySecondUpToNow('via'),

		async listChanged(req: ListChangedRequest) {
			const token = parseToken(req.pageToken);
			const list = VIA_LISTS[token.list];
			const position = parseCountedOffset(token.offset);
			const limit = clampPageSize(req.pageSize, VIA_MAX_LIMIT);
			const to = new Date(Date.parse(req.until) - 1).toISOString();
			const httpReq: HttpRequest = {
				method: 'GET',
				url: joinUrl(ctx.baseUrl, `/orders/status/${list.status}`),
				query: { [list.filter]: `${new Date(Date.parse(req.since)).toISOString()},${to}`, _offset: position.offset, _limit: limit },
			};
			const { rows: orders, total } = readViaList(expectObject(await send(ctx, httpReq), httpReq));
			const next = nextCountedOffset(position, limit, total, orders.length);
			const nextPageToken = next ? `${token.list}:${next}` : token.list + 1 < VIA_LISTS.length ? `${token.list + 1}:` : undefined;
			return { items: orders, nextPageToken };
		},

		getOrder: (orderId) => getViaOrder(ctx, orderId),

		identify(raw) {
			const { r, o } = openRawOrder('via', raw, 'id');
			return { channelOrderId: r.string(o, 'id'), updatedAt: viaChangedAt(r, o) };
		},

		normalize: (raw) => normalizeViaOrder(raw, ctx.account),
	};
}

export const viaChannel: ChannelDescriptor<'via'> = {
	id: 'via',
	label: 'Via (Casas Bahia)',
	createAdapter: createViaAdapter,
	createWriter: createViaWriter,
	// GET /orders/{orderId} is the order; the lists answer {orders, metadata}.
	responseShapes: [{ list: ['orders'] }],
	capabilities: { writes: ['invoice', 'shipment', 'cancel', 'delivery'], barcodes: { field: 'item `gtin` (its EAN/ISBN codes), by reading the catalogue (GET /sellerItems, 50 a page): items are searched by skuSellerId only' } },
};
