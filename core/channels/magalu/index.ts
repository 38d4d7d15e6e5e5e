import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { identifyBy } from '../common/clock';
import { readOptUtcDate } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow, listCheckedOffset } from '../common/paging';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { MAGALU_DEFAULT_CHANNEL_ID, MAGALU_ORDERS } from './endpoints';
import { normalizeMagaluOrder, type MagaluOrder } from './normalize';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import { createMagaluWriter } from './writer';
import { magaluWebhookReader } from './webhook';
import { deliveryIdOf, orderIdOfDelivery } from './delivery-ref';
import { magaluFulfillment } from './fulfillment';

export { MAGALU_DELIVERY_STATUS_MAP, MAGALU_ORDER_STATUS_MAP, magaluStatusFromDeliveries } from './status';
export * from './endpoints';
export type { MagaluOrder } from './normalize';
export { MAGALU_FULFILLMENT_WAREHOUSE, MAGALU_FULFILLMENT_WHEN } from './fulfillment';

const orderIdOf = (o: MagaluOrder | undefined) => (o && typeof o === 'object' && o.id !== undefined && o.id !== null ? String(o.id) : undefined);

/**
 * Magalu Open API, GET /seller/v1/orders. ctx.baseUrl is api.magalu.com or api-sandbox.magalu.com; auth
 * (ID Magalu bearer token) is the transport's. Options: `channelId` (X-Channel-Id, default the Magalu
 * channel), `fulfillmentWhen` / `fulfillmentWarehouse` (Magalu Fulfillment, fulfillment.ts). The list returns whole orders with their deliveries and items, so there is no getDetails.
 *
 * Offset paging is sorted by creation; an order updated while the window is listed leaves it and moves
 * later orders down one place, which the token's check order detects (common/paging.ts, checkedOffsetPage).
 */
export function createMagaluAdapter(ctx: AdapterContext): ChannelAdapter<MagaluOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, MAGALU_ORDERS.path);
	const headers = { 'X-Channel-Id': String(ctx.options?.channelId ?? MAGALU_DEFAULT_CHANNEL_ID) };
	// A malformed fulfilment test stops the trigger here, before any order is read.
	magaluFulfillment(ctx.options);

	async function list(query: HttpRequest['query']): Promise<MagaluOrder[]> {
		const req: HttpRequest = { method: 'GET', url: ordersUrl, headers, query };
		const body = expectObject(await send(ctx, req), req);
		if (!Array.isArray(body.results)) throw new ChannelHttpError(200, req, `No results array from GET ${MAGALU_ORDERS.path}`, body);
		return body.results as MagaluOrder[];
	}

	return {
		// [?] Filter precision is not documented; the payloads carry milliseconds.
		...bySecondUpToNow('magalu'),

		// One slot of each request holds the check order, so a page has at most max_limit − 1 new orders.
		listChanged: (req: ListChangedRequest) =>
			listCheckedOffset(
				req.pageToken,
				req.pageSize,
				MAGALU_ORDERS.maxLimit,
				'Magalu',
				(offset, limit) =>
					list({
						[MAGALU_ORDERS.since]: new Date(Date.parse(req.since)).toISOString(),
						[MAGALU_ORDERS.until]: new Date(Date.parse(req.until)).toISOString(),
						_sort: MAGALU_ORDERS.sortAsc,
						_limit: limit,
						_offset: offset,
					}),
				orderIdOf,
			),

		identify: identifyBy('magalu', 'id', 'updated_at', readOptUtcDate),

		normalize: (raw) => normalizeMagaluOrder(raw, ctx.account, ctx.options),

		/**
		 * GET /seller/v1/orders/{id}: the webhook body only names the order. A `delivery:<id>` reference (a
		 * delivery event) reads the delivery first for its order (delivery-ref.ts).
		 */
		async getOrder(ref: string): Promise<MagaluOrder> {
			const deliveryId = deliveryIdOf(ref);
			let id = ref;
			if (deliveryId !== undefined) {
				const dreq: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, `/seller/v1/deliveries/${encodeURIComponent(deliveryId)}`), headers };
				const delivery = expectObject(await send(ctx, dreq), dreq);
				id = orderIdOfDelivery(delivery) ?? '';
				if (!id) throw new ChannelHttpError(200, dreq, `Magalu delivery ${deliveryId} names no order (neither order.id nor order_id)`, delivery);
			}
			const req: HttpRequest = { method: 'GET', url: joinUrl(ordersUrl, `/${encodeURIComponent(id)}`), headers };
			return expectObject(await send(ctx, req), req) as MagaluOrder;
		},

		async sample() {
			return (await list({ _sort: MAGALU_ORDERS.sortDesc, _limit: 1, _offset: 0 }))[0];
		},
	};
}

export const magaluChannel: ChannelDescriptor<'magalu'> = {
	id: 'magalu',
	label: 'Magalu',
	createAdapter: createMagaluAdapter,
	createWriter: createMagaluWriter,
	// GET /seller/v1/orders/{id} is the order; GET /seller/v1/orders answers {meta, results}.
	responseShapes: [{ list: ['results'] }],
	capabilities: { writes: ['invoice'], barcodes: KEYED_BY_SELLER_SKU, webhooks: { reader: magaluWebhookReader } },
};
