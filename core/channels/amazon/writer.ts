import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import { pushEach, requireOption } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef, ShipmentInput, StockUpdate } from '../types';
import { createAmazonAdapter } from './index';

const LISTINGS = '/listings/2021-08-01/items';

/** A listings submission Amazon did not accept (status INVALID): its ERROR issues are the reason. */
function rejection(sku: string, res: JsonObject): Error {
	const issues = (Array.isArray(res.issues) ? res.issues.filter(isJsonObject) : []).filter((i) => i.severity === 'ERROR');
	const why = issues.map((i) => `${String(i.code)}: ${String(i.message)}`).join('; ') || 'no issue given';
	return new Error(`Amazon rejected the stock of ${sku} (${String(res.status)}): ${why}`);
}

/**
 * Amazon SP-API write-back, through the context's transport (LWA-signed: withLwaAuth in the core, the
 * credential's preAuthentication in n8n), shaped after amzn/selling-partner-api-models.
 *
 * - Stock (MFN): Listings Items 2021-08-01 patchListingsItem, a JSON-Patch `replace` of
 *   /attributes/fulfillment_availability, by seller SKU (no lookup). FBA stock is Amazon's: not writable.
 * - Shipment: Orders v0 confirmShipment, for the order's unshipped items.
 * - Invoice (BR) is left out: the Delivery by Amazon invoice API needs the restricted "Tax Invoicing" role
 *   and a binary upload. Cancellation is left out: sellers cancel through the order feeds, not this API.
 *
 * ctx.account (or options.sellerId) is the seller id. Options: `marketplaceIds` (required for stock),
 * `productType` (the listings' product type, "PRODUCT" by default).
 */
export function createAmazonWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const sellerId = String(ctx.options?.sellerId ?? ctx.account);
	const productType = String(ctx.options?.productType ?? 'PRODUCT');
	// getDetails already pages getOrderItems: the shipment reuses it rather than a second copy.
	const reader = createAmazonAdapter(ctx);

	async function pushOne(u: StockUpdate, marketplaceIds: string): Promise<void> {
		const req: HttpRequest = {
			method: 'PATCH',
			url: url(`${LISTINGS}/${encodeURIComponent(sellerId)}/${encodeURIComponent(u.listing.listingId)}`),
			query: { marketplaceIds },
			body: {
				productType,
				patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: u.quantity }] }],
			},
			// Replacing with an absolute quantity is idempotent: 5xx and timeouts may be retried.
			idempotent: true,
		};
		const res = expectObject(await send(ctx, req), req);
		// A 200 is not an acceptance: the submission's status says whether Amazon took it.
		if (res.status !== 'ACCEPTED') throw rejection(u.sku, res);
	}

	async function getOrder(orderId: string): Promise<JsonObject> {
		const req: HttpRequest = { method: 'GET', url: url(`/orders/v0/orders/${encodeURIComponent(orderId)}`) };
		const payload = expectObject(await send(ctx, req), req).payload;
		if (!isJsonObject(payload)) throw new ChannelHttpError(200, req, `No payload in the response to GET /orders/v0/orders/{orderId}`);
		return payload;
	}

	return {
		id: 'amazon',
		// patchListingsItem takes one SKU per call.
		stockBatchSize: 1,

		async resolveListings(skus) {
			return new Map<string, ListingRef>(skus.map((sku) => [sku, { listingId: sku }]));
		},

		async pushStock(updates) {
			const marketplaceIds = requireOption(ctx, 'amazon', 'marketplaceIds', 'e.g. A2Q3Y263D00KWC').replace(/\s+/g, '');
			return pushEach(updates, (u) => pushOne(u, marketplaceIds));
		},

		async pushShipment(input: ShipmentInput) {
			const order = await reader.getDetails!(await getOrder(input.channelOrderId));
			const items = (Array.isArray(order.OrderItems) ? order.OrderItems.filter(isJsonObject) : [])
				.map((i) => ({ orderItemId: String(i.OrderItemId), quantity: Number(i.QuantityOrdered ?? 0) - Number(i.QuantityShipped ?? 0) }))
				.filter((i) => i.quantity > 0);
			// Everything already confirmed (e.g. a retry after a lost answer): nothing to send, not an error.
			if (items.length === 0) return;
			const body = {
				marketplaceId: order.MarketplaceId,
				packageDetail: {
					// Unique within the order; the writer confirms all open items in one package.
					packageReferenceId: '1',
					carrierCode: input.carrier,
					carrierName: input.carrier,
					trackingNumber: input.trackingCode,
					shipDate: input.shippedAt ?? new Date().toISOString(),
					orderItems: items,
				},
			};
			await send(ctx, { method: 'POST', url: url(`/orders/v0/orders/${encodeURIComponent(input.channelOrderId)}/shipmentConfirmation`), body });
		},
	};
}
