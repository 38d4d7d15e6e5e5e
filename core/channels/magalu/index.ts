import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { openRawOrder, readUtcDate } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { MAGALU_DEFAULT_CHANNEL_ID, MAGALU_ORDERS } from './endpoints';
import { normalizeMagaluOrder, type MagaluOrder } from './normalize';

export { MAGALU_DELIVERY_STATUS_MAP, MAGALU_ORDER_STATUS_MAP, magaluStatusFromDeliveries } from './status';
export * from './endpoints';
export type { MagaluOrder } from './normalize';

/** The page token is the next `_offset`: page sizes may differ between calls of one window. */
function offsetFromToken(token: string | undefined): number {
	if (token === undefined) return 0;
	if (!/^\d+$/.test(token)) throw new Error(`Invalid Magalu page token "${token}": expected an offset`);
	return Number(token);
}

/**
 * Magalu Open API, GET /seller/v1/orders. ctx.baseUrl is api.magalu.com or api-sandbox.magalu.com; auth
 * (ID Magalu bearer token) is the transport's. Options: `channelId` (X-Channel-Id, default the Magalu
 * channel). The list returns whole orders with their deliveries and items, so there is no getDetails.
 *
 * Offset paging is sorted by creation, a key that does not move while paging; an order updated during the
 * paging leaves the window and may shift one order past a page boundary, which the poller's overlapping
 * next window lists again.
 */
export function createMagaluAdapter(ctx: AdapterContext): ChannelAdapter<MagaluOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, MAGALU_ORDERS.path);
	const headers = { 'X-Channel-Id': String(ctx.options?.channelId ?? MAGALU_DEFAULT_CHANNEL_ID) };

	async function list(query: HttpRequest['query']): Promise<MagaluOrder[]> {
		const req: HttpRequest = { method: 'GET', url: ordersUrl, headers, query };
		const body = expectObject(await send(ctx, req), req);
		if (!Array.isArray(body.results)) throw new ChannelHttpError(200, req, `No results array from GET ${MAGALU_ORDERS.path}`, body);
		return body.results as MagaluOrder[];
	}

	return {
		id: 'magalu',
		// [?] Filter precision is not documented; the payloads carry milliseconds.
		filterPrecisionMs: 1000,
		latestUntil: (now) => now,

		async listChanged(req: ListChangedRequest) {
			const offset = offsetFromToken(req.pageToken);
			const limit = Math.max(1, Math.min(req.pageSize, MAGALU_ORDERS.maxLimit));
			const items = await list({
				[MAGALU_ORDERS.since]: new Date(Date.parse(req.since)).toISOString(),
				[MAGALU_ORDERS.until]: new Date(Date.parse(req.until)).toISOString(),
				_sort: MAGALU_ORDERS.sortAsc,
				_limit: limit,
				_offset: offset,
			});
			// A full page may be the last one: one more (empty) request settles it.
			return { items, nextPageToken: items.length >= limit ? String(offset + items.length) : undefined };
		},

		identify(raw) {
			const { r, o } = openRawOrder('magalu', raw, 'id');
			return { channelOrderId: r.string(o, 'id'), updatedAt: readUtcDate(r, o, 'updated_at') };
		},

		normalize: (raw) => normalizeMagaluOrder(raw, ctx.account),

		async sample() {
			return (await list({ _sort: MAGALU_ORDERS.sortDesc, _limit: 1, _offset: 0 }))[0];
		},
	};
}
