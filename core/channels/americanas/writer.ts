import { joinUrl, send } from '../common/http';
import { absentOn404, sendWrite, stockPerSku } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef } from '../types';
import { getSkyhubOrder, orderPath } from './api';
import { skyhubProductsByEan } from './catalog';

/** B2W accepts tracking URLs of at most 200 characters (the shipments endpoint's note). */
const MAX_TRACKING_URL = 200;

/**
 * Americanas write-back through SkyHub (bittools/skyhub-php, the SDK the SkyHub documentation links to, and
 * the documentation's endpoint examples):
 * - stock: PUT /products/{sku} {product: {qty}}, or PUT /variations/{sku} {variation: {qty}} for a variation's
 *   SKU. resolveListings asks GET /products/{sku}, then GET /variations/{sku}; a SKU neither knows is absent;
 *   by barcode, the products' and variations' `ean`, reading the catalogue (catalog.ts);
 * - invoice: POST /orders/{code}/invoice {status: "order_invoiced", invoice: {key}} (the NF-e access key);
 * - shipment: POST /orders/{code}/shipments {status: "order_shipped", shipment: {code, items: [{sku, qty}],
 *   track: {code, carrier, method, url}}}: the items are the order's own (GET /orders/{code}), all shipped;
 * - cancel: POST /orders/{code}/cancel {status: "order_canceled"};
 * - delivery: POST /orders/{code}/delivery {status: "complete", delivered_date} (the SDK's body; its date format
 *   is not documented: ISO 8601 is sent). [?] Not confirmed: whether invoice needs more than the key outside "B2W Entrega
 * Direct" (which uploads the XML with volume_qty: not built), the shipment's track.method values (the order's
 * shipping_method is sent, else the carrier), a date field for the shipment.
 */
export function createAmericanasWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const exists = async (path: string) => (await absentOn404(() => send(ctx, { method: 'GET', url: url(path) }))) !== undefined;

	return {
		id: 'americanas',
		...stockPerSku(
			async (sku): Promise<ListingRef | undefined> => {
				const path = encodeURIComponent(sku);
				if (await exists(`/products/${path}`)) return { listingId: sku };
				return (await exists(`/variations/${path}`)) ? { listingId: sku, variantId: sku } : undefined;
			},
			async (u) => {
				const variation = u.listing.variantId !== undefined;
				const sku = encodeURIComponent(variation ? u.listing.variantId! : u.listing.listingId);
				const body = variation ? { variation: { qty: u.quantity } } : { product: { qty: u.quantity } };
				await sendWrite(ctx, 'PUT', url(`/${variation ? 'variations' : 'products'}/${sku}`), { body, idempotent: true });
			},
		),

		resolveListingsByGtin: skyhubProductsByEan(ctx),

		async pushInvoice(input) {
			await sendWrite(ctx, 'POST', url(orderPath(input.channelOrderId, 'invoice')), { body: { status: 'order_invoiced', invoice: { key: input.nfeKey } } });
		},

		async pushShipment(input) {
			const order = await getSkyhubOrder(ctx, input.channelOrderId);
			const items = (Array.isArray(order.items) ? order.items : [])
				.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null && typeof i.id === 'string' && i.id.trim() !== '')
				.map((i) => ({ sku: String(i.id), qty: Number(i.qty ?? 1) }));
			const method = typeof order.shipping_method === 'string' && order.shipping_method.trim() ? order.shipping_method : input.carrier;
			const trackUrl = input.trackingUrl && input.trackingUrl.length <= MAX_TRACKING_URL ? input.trackingUrl : undefined;
			await sendWrite(ctx, 'POST', url(orderPath(input.channelOrderId, 'shipments')), {
				body: {
					status: 'order_shipped',
					shipment: { code: input.channelOrderId, items, track: { code: input.trackingCode, carrier: input.carrier, method, url: trackUrl } },
				},
			});
		},

		async cancelOrder(input) {
			await sendWrite(ctx, 'POST', url(orderPath(input.channelOrderId, 'cancel')), { body: { status: 'order_canceled' } });
		},

		async confirmDelivery(input) {
			const body = { status: 'complete', delivered_date: input.deliveredAt ?? new Date().toISOString() };
			await sendWrite(ctx, 'POST', url(orderPath(input.channelOrderId, 'delivery')), { body });
		},
	};
}
