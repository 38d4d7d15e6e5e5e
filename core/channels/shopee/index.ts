import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { identifyBy } from '../common/clock';
import { joinUrl, send } from '../common/http';
import { bySecondUpToNow, checkedOffsetPage, checkedOffsetRequest, clampPageSize, parseCheckedOffset } from '../common/paging';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { readResponse, SHOPEE_DETAIL_LIMIT, SHOPEE_MAX_RANGE_S } from './api';
import { normalizeShopeeOrder, readUnixSeconds, type ShopeeOrder } from './normalize';
import { shopeeWebhookReader } from './webhook';
import { createShopeeWriter } from './writer';

export { SHOPEE_STATUS } from './status';
export { SHOPEE_API } from './api';
export type { ShopeeOrder } from './normalize';

/** The detail fields the normaliser reads (get_order_detail returns only the basic ones without them). */
const DETAIL_FIELDS =
	'buyer_user_id,buyer_username,estimated_shipping_fee,recipient_address,actual_shipping_fee,item_list,pay_time,payment_method,total_amount,buyer_cpf_id,cancel_reason,package_list,shipping_carrier,payment_info';

/**
 * Page token "<slice start>:<position>": the start of the current ≤ 15-day slice of the window, and in it a
 * checked offset ("<offset>:<order_sn before it>", see checkedOffsetPage) or, should Shopee answer a cursor that
 * is not a number, that cursor as is ("~<cursor>").
 */
function parseToken(token: string | undefined): { from?: number; position?: string } {
	if (!token) return {};
	const m = /^(\d+):(.*)$/.exec(token);
	if (!m) throw new Error(`Invalid Shopee page token "${token}"`);
	return { from: Number(m[1]), position: m[2] === '' ? undefined : m[2] };
}

/**
 * Shopee orders. GET /api/v2/order/get_order_list by time_range_field=update_time (time_from/time_to in
 * seconds, at most 15 days apart: a longer window is read slice by slice) with `cursor` and `more`, then GET
 * /api/v2/order/get_order_detail for the page's order_sn (≤ 50 per call) with the optional fields; the
 * listing's items are the complete orders.
 *
 * Paging: the documents call the cursor "the offset" of the next entry and their sample's next_cursor is "20",
 * and no sort order is documented; an order that changes while a slice is listed leaves it (its update_time
 * passes the slice's end) and would move the later ones up one place. So the cursor is used as an offset
 * checked as Magalu's and Loja Integrada's are (each page asked from one order earlier; the slice starts over
 * when that order is not the one expected). A cursor that is not a number is passed back as Shopee gave it.
 *
 * Not confirmed by public docs: whether time_to is inclusive (assumed; orders at or past the window's end are
 * left to the next window and the poller de-duplicates the shared second), the list's order, whether the
 * cursor is always an offset (assumed from the sample; an opaque one is trusted as a stable position), and whether Brazil's shops are served by
 * partner.shopeemobile.com (the documented global host) or a regional one (the credential can override it).
 */
export function createShopeeAdapter(ctx: AdapterContext): ChannelAdapter<ShopeeOrder> {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);

	async function details(orderSns: string[]): Promise<ShopeeOrder[]> {
		const req: HttpRequest = {
			method: 'GET',
			url: url('/api/v2/order/get_order_detail'),
			query: { order_sn_list: orderSns.join(','), response_optional_fields: DETAIL_FIELDS },
		};
		const list = readResponse(await send(ctx, req), req).order_list;
		const bySn = new Map((Array.isArray(list) ? (list as ShopeeOrder[]) : []).map((o) => [String(o.order_sn), o]));
		// A listed order the detail does not return is not skipped: the page fails and is read again.
		const missing = orderSns.filter((sn) => !bySn.has(sn));
		if (missing.length > 0)
			throw new ChannelHttpError(
				missing.length === orderSns.length && orderSns.length === 1 ? 404 : 502,
				req,
				`Shopee get_order_detail did not return order ${missing.join(', ')}`,
			);
		return orderSns.map((sn) => bySn.get(sn)!);
	}

	const updatedMs = (o: ShopeeOrder) => Number(o.update_time) * 1000;

	return {
		...bySecondUpToNow('shopee'),

		async listChanged(req: ListChangedRequest) {
			const sinceS = Math.floor(Date.parse(req.since) / 1000);
			const untilMs = Date.parse(req.until);
			const untilS = Math.ceil(untilMs / 1000);
			const token = parseToken(req.pageToken);
			const from = token.from ?? sinceS;
			const to = Math.min(from + SHOPEE_MAX_RANGE_S, untilS);
			const opaque = token.position?.startsWith('~') ? token.position.slice(1) : undefined;
			const checked = parseCheckedOffset(opaque === undefined ? token.position : undefined, 'Shopee');
			// One slot of each request holds the check order, and a page's orders fit one detail call.
			const limit = clampPageSize(req.pageSize, SHOPEE_DETAIL_LIMIT - 1);
			const ask = opaque === undefined ? checkedOffsetRequest(checked, limit) : { offset: 0, limit };
			const cursor = opaque ?? (ask.offset > 0 ? String(ask.offset) : '');
			const listReq: HttpRequest = {
				method: 'GET',
				url: url('/api/v2/order/get_order_list'),
				query: { time_range_field: 'update_time', time_from: from, time_to: to, page_size: ask.limit, cursor },
			};
			const page = readResponse(await send(ctx, listReq), listReq);
			const listed = (Array.isArray(page.order_list) ? page.order_list : []).map((o) => String((o as { order_sn?: unknown }).order_sn));
			const nextCursor = typeof page.next_cursor === 'string' ? page.next_cursor : '';
			let sns = listed;
			let position: string | undefined;
			if (opaque === undefined && (nextCursor === '' || /^\d+$/.test(nextCursor))) {
				const next = checkedOffsetPage(checked, limit, listed, (sn) => sn);
				sns = next.items;
				position = next.nextPageToken === '0' || page.more === true ? next.nextPageToken : undefined;
			} else if (page.more === true && nextCursor !== '') position = `~${nextCursor}`;
			const orders = sns.length > 0 ? await details(sns) : [];
			const nextPageToken = position !== undefined ? `${from}:${position === '0' ? '' : position}` : to < untilS ? `${to}:` : undefined;
			// Orders changed at or after the window's end belong to the next window; unreadable times go on to identify().
			return { items: orders.filter((o) => !(updatedMs(o) >= untilMs)), nextPageToken };
		},

		getOrder: async (orderSn) => (await details([orderSn]))[0],

		identify: identifyBy('shopee', 'order_sn', 'update_time', readUnixSeconds),

		normalize: (raw) => normalizeShopeeOrder(raw, ctx.account),

		// The manual test: the newest of the first page changed in the last 15 days (one range, so not the
		// oldest slice of a longer window). [?] The list's order is undocumented: a later page may hold a newer one.
		async sample() {
			const nowS = Math.floor(Date.now() / 1000);
			const query = { time_range_field: 'update_time', time_from: nowS - SHOPEE_MAX_RANGE_S, time_to: nowS, page_size: SHOPEE_DETAIL_LIMIT, cursor: '' };
			const listReq: HttpRequest = { method: 'GET', url: url('/api/v2/order/get_order_list'), query };
			const listed = readResponse(await send(ctx, listReq), listReq).order_list;
			const sns = (Array.isArray(listed) ? listed : []).map((o) => String((o as { order_sn?: unknown }).order_sn));
			const orders = sns.length > 0 ? await details(sns) : [];
			return orders.reduce<ShopeeOrder | undefined>((newest, o) => (newest === undefined || updatedMs(o) > updatedMs(newest) ? o : newest), undefined);
		},
	};
}

export const shopeeChannel: ChannelDescriptor<'shopee'> = {
	id: 'shopee',
	label: 'Shopee',
	createAdapter: createShopeeAdapter,
	createWriter: createShopeeWriter,
	// Every answer is {error, message, request_id, response}; orders are response.order_list.
	responseShapes: [{ list: ['response', 'order_list'] }],
	// Push (order status, code 3) through the OMS webhook trigger; the callback URL is set in the app console.
	capabilities: { writes: ['invoice', 'cancel'], barcodes: { field: '`gtin_code` of items and models (Brazil), by reading the catalog (get_item_list, get_item_base_info, get_model_list): product/search_item has no barcode search' }, webhooks: { reader: shopeeWebhookReader } },
};
