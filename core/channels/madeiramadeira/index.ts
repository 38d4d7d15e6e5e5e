import type { HttpRequest } from '../../http/transport';
import { orderClock } from '../common/clock';
import { localDay, readLocalDate } from '../common/fields';
import { joinUrl, send } from '../common/http';
import { bySecondUpToNow, changedInWindow, listCheckedOffset, lookbackMs } from '../common/paging';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { fetchOrder, isEnvelope404, MADEIRAMADEIRA_MAX_LIMIT, madeiraOffset, pagedPath, readData } from './api';
import { normalizeMadeiraMadeiraOrder, type MadeiraMadeiraOrder } from './normalize';
import { createMadeiraMadeiraWriter } from './writer';

export { MADEIRAMADEIRA_STATUS } from './status';
export { MADEIRAMADEIRA_API, MADEIRAMADEIRA_SANDBOX } from './api';
export type { MadeiraMadeiraOrder } from './normalize';

/** Days before the window whose orders are read again for changes (options.lookbackDays), see below. */
export const MADEIRAMADEIRA_LOOKBACK_DAYS = 30;

/**
 * MadeiraMadeira orders. GET /v1/pedido/from={from}&to={to}&limit={n}&offset={k} lists full orders (items,
 * buyer, NF-e, shipments) between two days "aaaa-mm-dd"; there is no "changed since" filter and the collection
 * does not say which date the range applies to. Read as the creation day (the cautious reading): the listing
 * covers the window's days plus `lookbackDays` before them and keeps the orders whose ultima_atualizacao falls
 * inside the window, so a change to an order created up to lookbackDays before it is seen. An order changed
 * later than that after its creation (a late return or cancellation) is missed unless lookbackDays reaches it.
 *
 * Paging: limit/offset as path segments. The examples list by id_pedido ascending, but no order is documented,
 * so each page is requested from one order earlier and the window starts over when that order moved
 * (checkedOffsetPage). [3P] A page past the end answers 404 in the API's envelope: an empty page.
 *
 * Not confirmed by public docs: the date the range filters and whether its days are inclusive (assumed), the
 * zone of dates (-03:00 assumed), the largest limit (100 assumed), the list's order, and the 404-when-empty.
 * Not used: the status lists (/pedido/new, /approved...) and PUT /pedido/received (the acknowledgement some
 * integrators send; the NF-e write asks for status 3, so the adapter leaves the status as it is).
 */
export function createMadeiraMadeiraAdapter(ctx: AdapterContext): ChannelAdapter<MadeiraMadeiraOrder> {
	const offset = madeiraOffset(ctx);
	const readBackMs = lookbackMs(ctx.options, MADEIRAMADEIRA_LOOKBACK_DAYS);
	const idOf = (o: MadeiraMadeiraOrder | undefined) => (o && o.id_pedido !== undefined && o.id_pedido !== null ? String(o.id_pedido) : undefined);
	/** One page of a listing path; [3P] a page past the end answers 404 in the API's envelope: empty. */
	async function page(path: string, limit: number, at: number): Promise<MadeiraMadeiraOrder[]> {
		const httpReq: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, pagedPath(path, limit, at)) };
		try {
			return readData(await send(ctx, httpReq), httpReq);
		} catch (error) {
			if (isEnvelope404(error)) return [];
			throw error;
		}
	}

	const clock = orderClock('madeiramadeira', 'id_pedido', 'ultima_atualizacao', (r, o, key) => readLocalDate(r, o, key, offset));

	return {
		...bySecondUpToNow('madeiramadeira'),

		async listChanged(req: ListChangedRequest) {
			const from = localDay(new Date(Date.parse(req.since) - readBackMs).toISOString(), offset);
			const to = localDay(new Date(Date.parse(req.until) - 1).toISOString(), offset);
			const next = await listCheckedOffset(
				req.pageToken,
				req.pageSize,
				MADEIRAMADEIRA_MAX_LIMIT,
				'MadeiraMadeira',
				(at, limit) => page(`/v1/pedido/from=${from}&to=${to}&`, limit, at),
				idOf,
			);
			return { ...next, items: changedInWindow(next.items, clock.changedMs, req.since, req.until) };
		},

		getOrder: (id) => fetchOrder(ctx, id),

		identify: clock.identify,

		normalize: (raw) => normalizeMadeiraMadeiraOrder(raw, ctx.account, offset),
	};
}

export const madeiraMadeiraChannel: ChannelDescriptor<'madeiramadeira'> = {
	id: 'madeiramadeira',
	label: 'MadeiraMadeira',
	createAdapter: createMadeiraMadeiraAdapter,
	createWriter: createMadeiraMadeiraWriter,
	// Every read answers {meta: {count}, data: [...] or {...}, errors}.
	responseShapes: [{ list: ['data'] }, { one: ['data'] }],
	// [?] Callbacks exist (PEDIDO_NOVO, PEDIDO_APROVADO registered with MadeiraMadeira) without a documented
	// signature; the poll trigger is the intake.
	capabilities: { writes: ['invoice', 'shipment'], barcodes: KEYED_BY_SELLER_SKU },
};
