import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { localDay, openRawOrder } from '../common/fields';
import { getObject, joinUrl, send } from '../common/http';
import { readListing } from '../common/listing';
import { bySecondUpToNow, changedInWindow, clampPageSize } from '../common/paging';
import { isJsonObject } from '../common/raw-reader';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { PLUGGTO_MAX_PAGE, pluggToOffset } from './api';
import { normalizePluggToOrder, pluggToModified, type PluggToOrder } from './normalize';
import { createPluggToWriter } from './writer';

export { PLUGGTO_STATUS } from './status';
export { PLUGGTO_API } from './api';
export type { PluggToOrder } from './normalize';

/** A page token: "after:" + the id of the last order listed (ids never change). */
const AFTER = 'after:';

/**
 * Plugg.To orders by `modified`: GET /orders?modified=<first day>to<last day> for the days the window touches (store
 * time), keeping the orders whose `modified` time falls inside it (the filter has day precision; the client
 * filter is exact to the second). Paging is a keyset on the order id: `next` = the last id listed, `limit` a page
 * (the list in id order). An order that changes while the window is listed stays in the day range (today is its
 * last day) at its place: nothing moves, nothing is skipped; one whose id is before the position joins after it
 * was passed and is read by the next window's overlap. [?] The `modified` and `next` parameters are not in the
 * pages read (api.ts): they follow the documented `created` form and Plugg.To's id paging as integrations use it.
 */
export function createPluggToAdapter(ctx: AdapterContext): ChannelAdapter<PluggToOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, '/orders');
	const offset = pluggToOffset(ctx);

	async function list(query: HttpRequest['query']) {
		const req: HttpRequest = { method: 'GET', url: ordersUrl, query };
		return readListing(await send(ctx, req), req, 'result', 'Order').items;
	}

	const modifiedMs = (o: PluggToOrder) => {
		const { r } = openRawOrder('pluggto', o, 'id');
		return Date.parse(pluggToModified(r, o, offset));
	};

	async function getOrder(id: string): Promise<PluggToOrder> {
		const body = await getObject(ctx, joinUrl(ordersUrl, `/${encodeURIComponent(id)}`));
		if (!isJsonObject(body.Order)) throw new ChannelHttpError(200, { method: 'GET', url: ordersUrl }, `Plugg.To order ${id}: expected {Order}`, body);
		return body.Order;
	}

	return {
		...bySecondUpToNow('pluggto'),

		async listChanged(req: ListChangedRequest) {
			if (req.pageToken !== undefined && !req.pageToken.startsWith(AFTER)) throw new Error(`Invalid Plugg.To page token "${req.pageToken}"`);
			const limit = clampPageSize(req.pageSize, PLUGGTO_MAX_PAGE);
			const days = `${localDay(req.since, offset)}to${localDay(new Date(Date.parse(req.until) - 1).toISOString(), offset)}`;
			const after = req.pageToken?.slice(AFTER.length);
			const items = await list({ modified: days, limit, ...(after ? { next: after } : {}) });
			const last = items.length >= limit ? items[items.length - 1]?.id : undefined;
			return { items: changedInWindow(items, modifiedMs, req.since, req.until), nextPageToken: last !== undefined ? `${AFTER}${String(last)}` : undefined };
		},

		getOrder,

		identify(raw) {
			const { r, o } = openRawOrder('pluggto', raw, 'id');
			return { channelOrderId: r.string(o, 'id'), updatedAt: pluggToModified(r, o, offset) };
		},

		normalize: (raw) => normalizePluggToOrder(raw, ctx.account, offset),
	};
}

export const pluggToChannel: ChannelDescriptor<'pluggto'> = {
	id: 'pluggto',
	label: 'Plugg.To',
	createAdapter: createPluggToAdapter,
	createWriter: createPluggToWriter,
	// GET /orders/{id} answers {Order}; GET /orders answers {result: [{Order}]}.
	responseShapes: [{ one: ['Order'] }, { list: ['result'], node: 'Order' }],
	// [?] Plugg.To notifications ({type, id, action, user, changes}) carry no documented signature: the poll trigger is the intake.
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: KEYED_BY_SELLER_SKU },
};
