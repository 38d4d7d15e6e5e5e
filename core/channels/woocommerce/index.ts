import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { expectArray, expectObject, joinUrl, send, secondsIso } from '../common/http';
import { bySecondUpToNow, hasMoreByTotal, nextCreatedKeyset, parseCreatedKeyset } from '../common/paging';
import { identifyBy } from '../common/clock';
import { readOptUtcDate } from '../common/fields';
import { normalizeWooOrder, type WooOrder } from './normalize';
import { WOO_REFUNDS_KEY } from './refunds';
import type { ChannelDescriptor } from '../descriptor';
import { createWooCommerceWriter } from './writer';
import { wooCommerceWebhookReader } from './webhook';
import { wooCommerceRegistrar } from './webhook-register';

export { WOOCOMMERCE_STATUS_MAP } from './status';
export type { WooOrder } from './normalize';

/** WordPress REST caps per_page at 100 (the WP default; Woo's docs do not restate it). */
const MAX_PER_PAGE = 100;

/**
 * WooCommerce REST wc/v3. ctx.baseUrl is the site root (https://shop.example.com); auth (HTTP Basic with
 * the consumer key/secret) is the transport's.
 *
 * The window is filtered on the GMT modification time (dates_are_gmt, otherwise Woo reads the bounds in the
 * site's timezone) with whole-second bounds widened to cover [since, until), as Woo stores seconds: the
 * poller's de-duplication absorbs the extra second, and filterPrecisionMs = 1000 says so.
 *
 * Pages are a keyset on creation time, newest first (`before`, documented as "published before", read in
 * GMT with dates_are_gmt): see nextCreatedKeyset. Within one bound `page` is at the window's fixed page size.
 */
export function createWooCommerceAdapter(ctx: AdapterContext): ChannelAdapter<WooOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, '/wp-json/wc/v3/orders');

	/** An order with refunds gets their line items (GET /orders/{id}/refunds) under WOO_REFUNDS_KEY: see refunds.ts. */
	async function withRefundLines(order: WooOrder): Promise<WooOrder> {
		const o = order as unknown as Record<string, unknown>;
		if (!Array.isArray(o?.refunds) || o.refunds.length === 0 || o.id === undefined || o.id === null) return order;
		const httpReq = { method: 'GET' as const, url: joinUrl(ordersUrl, `/${encodeURIComponent(String(o.id))}/refunds`), query: { per_page: 100 } };
		return { ...o, [WOO_REFUNDS_KEY]: expectArray(await send(ctx, httpReq), httpReq) } as unknown as WooOrder;
	}

	return {
		...bySecondUpToNow('woocommerce'),

		async listChanged(req: ListChangedRequest) {
			const keyset = parseCreatedKeyset(req.pageToken);
			const query = {
				// Both bounds are exclusive in Woo: one second earlier so orders modified in since's second count.
				modified_after: secondsIso(req.since, 'down', -1),
				modified_before: secondsIso(req.until, 'up'),
				before: keyset.before?.slice(0, 19),
				dates_are_gmt: true,
				orderby: 'date',
				order: 'desc',
				page: keyset.page,
				per_page: Math.min(req.pageSize, MAX_PER_PAGE),
			};
			const httpReq = { method: 'GET' as const, url: ordersUrl, query };
			const res = await send(ctx, httpReq);
			const items = await Promise.all((expectArray(res, httpReq) as WooOrder[]).map(withRefundLines));
			const created = items.map((o) => Date.parse(`${String(o?.date_created_gmt)}Z`));
			return { items, nextPageToken: nextCreatedKeyset(keyset, created, hasMoreByTotal(keyset.page, res.headers['x-wp-totalpages'])) };
		},

		identify: identifyBy('woocommerce', 'id', 'date_modified_gmt', readOptUtcDate),

		normalize: (raw) => normalizeWooOrder(raw, ctx.account, ctx.options),

		/** GET /orders/{id}: order.deleted webhooks carry only the id (a trashed order reads as status "trash"). */
		async getOrder(id: string) {
			const httpReq = { method: 'GET' as const, url: joinUrl(ordersUrl, `/${encodeURIComponent(id)}`) };
			return withRefundLines(expectObject(await send(ctx, httpReq), httpReq) as WooOrder);
		},

		async sample() {
			const httpReq = { method: 'GET' as const, url: ordersUrl, query: { per_page: 1, orderby: 'date', order: 'desc' } };
			return (expectArray(await send(ctx, httpReq), httpReq) as WooOrder[])[0];
		},
	};
}

export const wooCommerceChannel: ChannelDescriptor<'woocommerce'> = {
	id: 'woocommerce',
	label: 'WooCommerce',
	createAdapter: createWooCommerceAdapter,
	createWriter: createWooCommerceWriter,
	// GET /orders/{id} is the order; GET /orders is a bare array.
	responseShapes: [],
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { field: '`global_unique_id` of products and variations (search in that field, WooCommerce 9.2+)' }, webhooks: { reader: wooCommerceWebhookReader, registrar: wooCommerceRegistrar } },
};
