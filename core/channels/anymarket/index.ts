import type { HttpRequest } from '../../http/transport';
import { openRawOrder } from '../common/fields';
import { getArray, getObject, joinUrl, send } from '../common/http';
import { changedInWindow, clampPageSize, nextCountedOffset, parseCountedOffset, withoutTimeFilter } from '../common/paging';
import { isJsonObject } from '../common/raw-reader';
import { absentOn404 } from '../common/writer';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedPage, ListChangedRequest } from '../types';
import { ANYMARKET_MAX_PAGE, feedAck, parseFeedAck, readPage } from './api';
import { anyMarketUpdatedAt, normalizeAnyMarketOrder, type AnyMarketOrder } from './normalize';
import { createAnyMarketWriter } from './writer';

export { ANYMARKET_STATUS } from './status';
export { ANYMARKET_API, ANYMARKET_SANDBOX_API } from './api';
export type { AnyMarketOrder } from './normalize';

/**
 * AnyMarket through its order feed: GET /orders/feeds?limit= answers [{id, token}] for orders created or changed
 * (an entry stays 30 days until acknowledged). listChanged ignores since/until: it reads one lot, fetches each
 * order (GET /orders/{id}; an order gone, 404, is acknowledged and skipped) and returns the lot's
 * acknowledgements; the poller sends them (PUT /orders/feeds/{id} {token}) at a later tick, once the execution
 * that took the orders succeeded, so a crash in between delivers them again (at-least-once; repeats of a
 * version are dropped).
 * [?] Whether the feed hides an entry it handed out (as VTEX's feed does) or serves it again until acknowledged
 * is not documented. A full lot names a next page (the token of the tick's first entry); when the next read
 * holds that entry again the feed re-serves, and the tick stops there: the rest waits for the acknowledgements
 * of the next tick. Either way nothing is skipped and an order is fetched once per lot.
 * filterPrecisionMs 0: there is no time filter to overlap.
 * The catch-up (Re-Import) reads GET /orders by creation time (createdAfter/createdBefore, oldest first, counted
 * offsets): the list filters on nothing that moves.
 */
/** A page token: "feed:" + the token of the tick's first feed entry, to notice a feed that serves it again. */
const FEED_TOKEN = 'feed:';

export function createAnyMarketAdapter(ctx: AdapterContext): ChannelAdapter<AnyMarketOrder> {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);

	const getOrder = (id: string): Promise<AnyMarketOrder> => getObject(ctx, url(`/orders/${encodeURIComponent(id)}`));

	async function listOrders(query: HttpRequest['query']) {
		const req: HttpRequest = { method: 'GET', url: url('/orders'), query };
		return readPage(await send(ctx, req), req);
	}

	const createdMs = (o: AnyMarketOrder) => Date.parse(String(o.createdAt));

	return {
		...withoutTimeFilter('anymarket'),

		async listChanged(req: ListChangedRequest): Promise<ListChangedPage<AnyMarketOrder>> {
			const limit = clampPageSize(req.pageSize, ANYMARKET_MAX_PAGE);
			const entries = (await getArray(ctx, url('/orders/feeds'), { limit }))
				.filter(isJsonObject)
				.filter((e) => e.id !== undefined && typeof e.token === 'string');
			const first = req.pageToken?.startsWith(FEED_TOKEN) ? req.pageToken.slice(FEED_TOKEN.length) : undefined;
			// The feed handed out an entry of this tick's first lot again: it re-serves unacknowledged entries, and
			// the rest of the feed waits for the acknowledgements (next tick).
			if (first !== undefined && entries.some((e) => e.token === first)) return { items: [] };
			const items: AnyMarketOrder[] = [];
			// Several entries of one order in a lot: read it once, acknowledge them all.
			for (const id of new Set(entries.map((e) => String(e.id)))) {
				const order = await absentOn404(() => getOrder(id));
				if (order) items.push(order);
			}
			const acks = entries.map((e) => feedAck(String(e.id), String(e.token)));
			const more = entries.length >= limit && entries.length > 0;
			return { items, acks, nextPageToken: more ? `${FEED_TOKEN}${first ?? String(entries[0].token)}` : undefined };
		},

		async listForCatchUp(req: ListChangedRequest): Promise<ListChangedPage<AnyMarketOrder>> {
			const position = parseCountedOffset(req.pageToken);
			const limit = clampPageSize(req.pageSize, ANYMARKET_MAX_PAGE);
			const { content, total } = await listOrders({
				createdAfter: new Date(Date.parse(req.since)).toISOString(),
				createdBefore: new Date(Date.parse(req.until)).toISOString(),
				sort: 'createdAt',
				sortDirection: 'ASC',
				offset: position.offset,
				limit,
			});
			return { items: changedInWindow(content, createdMs, req.since, req.until), nextPageToken: nextCountedOffset(position, limit, total, content.length) };
		},

		getOrder,

		identify(raw) {
			const { r, o } = openRawOrder('anymarket', raw, 'id');
			return { channelOrderId: r.string(o, 'id'), updatedAt: anyMarketUpdatedAt(r, o) };
		},

		normalize: (raw) => normalizeAnyMarketOrder(raw, ctx.account),

		/** An entry already gone (acknowledged by a repeated tick, or past its 30 days) answers 404: nothing to do. */
		async acknowledge(acks) {
			for (const ack of new Set(acks)) {
				const { id, token } = parseFeedAck(ack);
				await absentOn404(() => send(ctx, { method: 'PUT', url: url(`/orders/feeds/${encodeURIComponent(id)}`), body: { token } }));
			}
		},

		/** Reading the feed would hide its entries from the trigger: the test step reads the newest order of the list. */
		async sample() {
			return (await listOrders({ sort: 'createdAt', sortDirection: 'DESC', offset: 0, limit: 1 })).content[0];
		},
	};
}

export const anyMarketChannel: ChannelDescriptor<'anymarket'> = {
	id: 'anymarket',
	label: 'AnyMarket',
	createAdapter: createAnyMarketAdapter,
	createWriter: createAnyMarketWriter,
	// GET /orders/{id} is the order; GET /orders answers {links, content, page}.
	responseShapes: [{ list: ['content'] }],
	// [?] AnyMarket's callback notifications ({type: ORDER, content: {id}}) carry no signature documented here: the poll trigger is the intake.
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: KEYED_BY_SELLER_SKU },
};
