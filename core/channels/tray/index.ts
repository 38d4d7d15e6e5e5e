import type { HttpRequest } from '../../http/transport';
import { orderClock } from '../common/clock';
import { localDay, readLocalDate } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow, changedInWindow, clampPageSize, nextCountedOffset, parseCountedOffset } from '../common/paging';
import type { JsonObject } from '../common/raw-reader';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { readListing, TRAY_MAX_LIMIT, trayOffset } from './api';
import { normalizeTrayOrder, type TrayOrder } from './normalize';
import { createTrayWriter } from './writer';

export { TRAY_STATUS } from './status';
export type { TrayOrder } from './normalize';

/**
 * Tray Commerce orders. GET /orders lists summaries (ProductsSold holds ids only); GET /orders/:id/complete
 * is the order with its products, customer and addresses, so the adapter has getDetails.
 *
 * Window: `modified` is documented as "Filtro de data de modificação, ex.: [start], [end] Formato:
 * aaaa-mm-dd", a range of whole days in the store's time zone; the listing asks for the days the window
 * touches and keeps the orders whose `modified` time falls inside it (filterPrecisionMs stays 1 s: the
 * client-side filter is exact to the second `modified` carries).
 *
 * Paging: sorted by id ascending (`sort=id_asc`, the documented [campo]_[asc/desc] form), a key that never
 * changes. An order modified while the window is listed moves to today, which is inside the range (its end is
 * the window's last day), so the set only grows and a page position never skips; when the window's days are
 * in the past (a carried-over window), a change moves an order out of the range and the set shrinks: the
 * reported total drops and the listing starts over (see nextCountedOffset).
 *
 * Not confirmed by public docs: the time zone of `modified` (-03:00 assumed), whether the range bounds are
 * inclusive (assumed, as "[start], [end]" reads), how a page past the end answers (an empty Orders list is
 * accepted), and the status texts beyond the documented examples (see status.ts).
 */
export function createTrayAdapter(ctx: AdapterContext): ChannelAdapter<TrayOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, '/orders');
	const offset = trayOffset(ctx);

	async function list(query: HttpRequest['query']): Promise<{ items: TrayOrder[]; total?: number }> {
		const req: HttpRequest = { method: 'GET', url: ordersUrl, query };
		return readListing(await send(ctx, req), req, 'Orders', 'Order');
	}

	const clock = orderClock('tray', 'id', 'modified', (r, o, key) => readLocalDate(r, o, key, offset));

	async function complete(id: string): Promise<TrayOrder> {
		const req: HttpRequest = { method: 'GET', url: joinUrl(ordersUrl, `/${encodeURIComponent(id)}/complete`) };
		const body = expectObject(await send(ctx, req), req);
		return (typeof body.Order === 'object' && body.Order !== null ? body.Order : body) as TrayOrder;
	}

	return {
		...bySecondUpToNow('tray'),

		async listChanged(req: ListChangedRequest) {
			const position = parseCountedOffset(req.pageToken);
			const limit = clampPageSize(req.pageSize, TRAY_MAX_LIMIT);
			const untilMs = Date.parse(req.until);
			const range = `${localDay(req.since, offset)},${localDay(new Date(untilMs - 1).toISOString(), offset)}`;
			// Offsets advance by the window's fixed page size, so the page number is exact.
			const { items, total } = await list({ modified: range, sort: 'id_asc', limit, page: Math.floor(position.offset / limit) + 1 });
			return { items: changedInWindow(items, clock.changedMs, req.since, req.until), nextPageToken: nextCountedOffset(position, limit, total, items.length) };
		},

		getDetails: (summary) => complete(String((summary as JsonObject).id)),
		getOrder: complete,

		identify: clock.identify,

		normalize: (raw) => normalizeTrayOrder(raw, ctx.account, offset),

		async sample() {
			return (await list({ sort: 'id_desc', limit: 1, page: 1 })).items[0];
		},
	};
}

export const trayChannel: ChannelDescriptor<'tray'> = {
	id: 'tray',
	label: 'Tray',
	createAdapter: createTrayAdapter,
	createWriter: createTrayWriter,
	// GET /orders/:id(/complete) answers {Order}; GET /orders answers {paging, Orders: [{Order}]}.
	responseShapes: [{ one: ['Order'] }, { list: ['Orders'], node: 'Order' }],
	// [?] Webhooks ("Sistema de Notificação") are enabled per app by Tray support and carry no signature in the
	// docs; the poll trigger is the intake.
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { field: '`ean` of variants and products (the listings\' `ean` filter)' } },
};
