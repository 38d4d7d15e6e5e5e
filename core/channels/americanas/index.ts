import type { HttpRequest } from '../../http/transport';
import { localDay, openRawOrder, readUtcDate } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { changedInWindow, clampPageSize, nextCountedOffset, parseCountedOffset, reportedTotal, withoutTimeFilter } from '../common/paging';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { getSkyhubOrder, SKYHUB_MAX_PER_PAGE } from './api';
import { normalizeAmericanasOrder, type AmericanasOrder } from './normalize';
import { acknowledgeQueue, readQueue } from './queue';
import { createAmericanasWriter } from './writer';

export { AMERICANAS_STATUS_CODES, AMERICANAS_STATUS_TYPES } from './status';
export type { AmericanasOrder } from './normalize';

/** Brazil's offset, for SkyHub's day filters (DD/MM/YYYY, the account's calendar day [?]). */
const BRT = '-03:00';
const ddmmyyyy = (iso: string): string => localDay(iso, BRT).split('-').reverse().join('/');

/**
 * Americanas (ex-B2W) through the SkyHub API (api.skyhub.com.br; X-User-Email, X-Api-Key and
 * X-Accountmanager-Key headers are the transport's). SkyHub is the documented seller API of the Americanas
 * marketplace in 2025 (its communiqués name "Americanas Entrega" and the new order code pattern).
 *
 * Orders come from the queue (queue.ts), the only intake SkyHub allows ("the status filter must NOT be used to
 * consume orders"): listChanged ignores the window and reads up to pageSize queued orders, one GET each, with
 * their handles as `acks`; the poller deletes them from the queue (acknowledge) only at a later tick, once the
 * execution that took the items succeeded (a failed one has its orders read again by id: poll-emissions.ts). A full read sets
 * nextPageToken, as more may be waiting.
 *
 * The catch-up (listForCatchUp) reads GET /orders, whose only date filter is the creation DAY
 * (filters[start_date]/[end_date], DD/MM/YYYY): orders created on the window's days, kept when changed inside
 * it; an older order changed in the window is not re-read. Page numbers at a fixed per_page with the
 * response's total (counted offsets: a shrinking total starts over). [?] The list's sort order is not
 * documented (sample() takes its first order as the newest); deep paging stops at 10,000 entries (HTTP 400).
 */
export function createAmericanasAdapter(ctx: AdapterContext): ChannelAdapter<AmericanasOrder> {
	const updatedMs = (o: AmericanasOrder) => Date.parse(String(o.updated_at ?? o.placed_at ?? ''));

	async function listOrders(query: HttpRequest['query']): Promise<{ orders: AmericanasOrder[]; total?: number }> {
		const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, '/orders'), query };
		const body = expectObject(await send(ctx, req), req);
		const orders = (Array.isArray(body.orders) ? body.orders : []) as AmericanasOrder[];
		return { orders, total: reportedTotal(body.total) };
	}

	return {
		...withoutTimeFilter('americanas'),

		async listChanged(req: ListChangedRequest) {
			const max = clampPageSize(req.pageSize, SKYHUB_MAX_PER_PAGE);
			const { items, acks } = await readQueue(ctx, max);
			return { items, acks, nextPageToken: items.length >= max ? 'queue' : undefined };
		},

		async listForCatchUp(req: ListChangedRequest) {
			const perPage = clampPageSize(req.pageSize, SKYHUB_MAX_PER_PAGE);
			const position = parseCountedOffset(req.pageToken);
			const { orders, total } = await listOrders({
				page: Math.floor(position.offset / perPage) + 1,
				per_page: perPage,
				'filters[start_date]': ddmmyyyy(req.since),
				'filters[end_date]': ddmmyyyy(new Date(Date.parse(req.until) - 1).toISOString()),
			});
			return { items: changedInWindow(orders, updatedMs, req.since, req.until), nextPageToken: nextCountedOffset(position, perPage, total, orders.length) };
		},

		getOrder: (code) => getSkyhubOrder(ctx, code),

		identify(raw) {
			const { r, o } = openRawOrder('americanas', raw, 'code');
			return { channelOrderId: r.string(o, 'code'), updatedAt: readUtcDate(r, o, o.updated_at ? 'updated_at' : 'placed_at') };
		},

		normalize: (raw) => normalizeAmericanasOrder(raw, ctx.account),

		acknowledge: (handles) => acknowledgeQueue(ctx, handles),

		/** Reading the queue would hide an order from the trigger for 5 minutes: the test step reads the order list. */
		async sample() {
			return (await listOrders({ page: 1, per_page: 1 })).orders[0];
		},
	};
}

export const americanasChannel: ChannelDescriptor<'americanas'> = {
	id: 'americanas',
	label: 'Americanas',
	createAdapter: createAmericanasAdapter,
	createWriter: createAmericanasWriter,
	// The queue and GET /orders/{code} answer the order; GET /orders answers {total, orders}.
	responseShapes: [{ list: ['orders'] }],
	// [?] SkyHub documents no order webhooks: the queue is the intake.
	capabilities: { writes: ['invoice', 'shipment', 'cancel', 'delivery'], barcodes: { field: '`ean` of products and variations, by reading the catalogue (GET /products, connected then not connected, following `next`): no `ean` filter' } },
};
