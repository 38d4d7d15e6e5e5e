import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { identifyBy } from '../common/clock';
import { openRawOrder, readOptUtcDate } from '../common/fields';
import { joinUrl, send } from '../common/http';
import { bySecondUpToNow, changedInWindow, clampPageSize, nextCountedOffset, parseCountedOffset } from '../common/paging';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { acceptWaiting } from './accept';
import { MIRAKL_MAX_PAGE, readOrders } from './api';
import { normalizeMiraklOrder, type MiraklOrder } from './normalize';
import { createMiraklWriter } from './writer';

export { MIRAKL_STATUS } from './status';
export type { MiraklOrder } from './normalize';

/**
 * Mirakl orders: OR11 GET /api/orders with start_update_date (no end: the set only grows while it is listed),
 * sorted by creation date then id (the documented default), offset/max with total_count. An order that
 * changes while the window is listed stays in the set at its place; one that joins (changed since) pushes the
 * later ones down, which repeats one (the poller drops repeats); a smaller total means the list moved and the
 * window starts over (nextCountedOffset). Orders changed at or after the window's end are left to the next.
 * "Mirakl will subtract a time delta" from start_update_date: earlier orders come too and are dropped here.
 * Not confirmed: the largest `max`, whether OR11 lists STAGING orders to the seller.
 */
export function createMiraklAdapter(ctx: AdapterContext): ChannelAdapter<MiraklOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, '/api/orders');
	const updatedMs = (o: MiraklOrder) => {
		const { r } = openRawOrder('mirakl', o, 'order_id');
		return Date.parse(r.optString(o, 'last_updated_date') ?? '');
	};

	async function list(query: HttpRequest['query']) {
		const req: HttpRequest = { method: 'GET', url: ordersUrl, query };
		return readOrders(await send(ctx, req), req);
	}

	return {
		...bySecondUpToNow('mirakl'),

		async listChanged(req: ListChangedRequest) {
			const position = parseCountedOffset(req.pageToken);
			const max = clampPageSize(req.pageSize, MIRAKL_MAX_PAGE);
			const { orders, total } = await list({ start_update_date: new Date(Date.parse(req.since)).toISOString(), offset: position.offset, max });
			const inWindow = changedInWindow(orders, updatedMs, req.since, req.until);
			await acceptWaiting(ctx, inWindow);
			return { items: inWindow, nextPageToken: nextCountedOffset(position, max, total, orders.length) };
		},

		async getOrder(orderId) {
			const { orders } = await list({ order_ids: orderId });
			const found = orders.find((o) => String(o.order_id) === orderId);
			if (!found) throw new ChannelHttpError(404, { method: 'GET', url: ordersUrl }, `Mirakl order ${orderId} not found`);
			return found;
		},

		identify: identifyBy('mirakl', 'order_id', 'last_updated_date', readOptUtcDate),

		normalize: (raw) => normalizeMiraklOrder(raw, ctx.account),
	};
}

export const miraklChannel: ChannelDescriptor<'mirakl'> = {
	id: 'mirakl',
	label: 'Mirakl',
	createAdapter: createMiraklAdapter,
	createWriter: createMiraklWriter,
	// OR11 answers {orders: [...], total_count}.
	responseShapes: [{ list: ['orders'] }],
	// [?] Mirakl Connect has webhooks; the MMP seller API has none documented: the poll trigger is the intake.
	capabilities: { writes: ['shipment', 'cancel'], barcodes: KEYED_BY_SELLER_SKU },
};
