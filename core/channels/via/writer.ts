import { expectObject, joinUrl, send } from '../common/http';
import { absentOn404, sendWrite, stockPerSku } from '../common/writer';
import type { AdapterContext, ChannelWriter } from '../types';
import { getViaOrder, viaItemIds, viaOrderPath } from './api';
import { viaItemsByGtin } from './catalog';

/**
 * Via write-back (API v2; CNova "API Lojista v2" SDK, and for the invoice call a production integration's code,
 * see below):
 * - stock: PUT /sellerItems/{skuSellerId}/stock {quantity, crossDockingTime} (204); the SKU is the seller's, so
 *   resolveListings only checks GET /sellerItems/{skuSellerId} (404 → absent). The item is read before each
 *   write and its crossDockingTime (lead time) sent back unchanged; by barcode, the items' `gtin`, reading the
 *   catalogue (catalog.ts);
 * - invoice: POST /orders/{orderId}/trackings/invoice {items, occurredAt, invoice: {number, serie, accessKey,
 *   issuedAt}} for every item of the order. [?] Not in the 2019 SDK (whose "sent" tracking carries the NF-e);
 *   taken from conectala's Via integration, which calls it in production;
 * - shipment: POST /orders/{orderId}/trackings/sent {items (those not yet sent, else all), occurredAt, number,
 *   url, sellerDeliveryId "<orderId>-<tracking code>" (unique across orders, as required), carrier: {name}};
 * - cancel: POST /orders/{orderId}/trackings/cancel {items: every item, occurredAt} (the SDK's NewTracking body);
 * - delivery: POST /orders/{orderId}/trackings/delivered {items: every item, occurredAt}.
 * Orders shipped by Via's own logistics (Envvias / CB Entrega) get their trackings from Via: a "sent" tracking
 * for them is Via's to refuse.
 */
export function createViaWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const itemPath = (sku: string) => `/sellerItems/${encodeURIComponent(sku)}`;
	const tracking = async (orderId: string, kind: string, body: (order: Record<string, unknown>) => Record<string, unknown>) => {
		const order = await getViaOrder(ctx, orderId);
		await sendWrite(ctx, 'POST', url(viaOrderPath(orderId, `trackings/${kind}`)), { body: body(order) });
	};

	/** The item's current lead time (stocks[].crossDockingTime), kept when the quantity is written. */
	async function crossDockingTime(sku: string): Promise<number | undefined> {
		const req = { method: 'GET' as const, url: url(itemPath(sku)) };
		const item = expectObject(await send(ctx, req), req);
		const stocks = Array.isArray(item.stocks) ? (item.stocks as Array<Record<string, unknown>>) : [];
		const days = stocks.map((s) => s?.crossDockingTime).find((d) => Number.isInteger(d));
		return days as number | undefined;
	}

	return {
		id: 'via',
		...stockPerSku(
			async (sku) => ((await absentOn404(() => send(ctx, { method: 'GET', url: url(itemPath(sku)) }))) ? { listingId: sku } : undefined),
			async (u) => {
				const days = await crossDockingTime(u.listing.listingId);
				const body = days === undefined ? { quantity: u.quantity } : { quantity: u.quantity, crossDockingTime: days };
				await sendWrite(ctx, 'PUT', url(`${itemPath(u.listing.listingId)}/stock`), { body, idempotent: true });
			},
		),

		resolveListingsByGtin: viaItemsByGtin(ctx),

		pushInvoice: (input) =>
			tracking(input.channelOrderId, 'invoice', (order) => ({
				items: viaItemIds(order),
				occurredAt: input.issuedAt,
				invoice: {
					number: input.number,
					serie: input.series,
					accessKey: input.nfeKey,
					issuedAt: input.issuedAt,
					...(input.url ? { linkDanfe: input.url } : {}),
				},
			})),

		pushShipment: (input) =>
			tracking(input.channelOrderId, 'sent', (order) => ({
				items: viaItemIds(order, true),
				occurredAt: input.shippedAt ?? new Date().toISOString(),
				number: input.trackingCode,
				...(input.trackingUrl ? { url: input.trackingUrl } : {}),
				sellerDeliveryId: `${input.channelOrderId}-${input.trackingCode}`,
				carrier: { name: input.carrier },
			})),

		confirmDelivery: (input) =>
			tracking(input.channelOrderId, 'delivered', (order) => ({ items: viaItemIds(order), occurredAt: input.deliveredAt ?? new Date().toISOString() })),

		cancelOrder: (input) => tracking(input.channelOrderId, 'cancel', (order) => ({ items: viaItemIds(order), occurredAt: new Date().toISOString() })),
	};
}
