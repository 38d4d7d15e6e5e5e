import type { HttpRequest } from '../../http/transport';
import { openRawOrder } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import { listingsBySku, pushEach, requireOption } from '../common/writer';
import type { AdapterContext, ChannelWriter, ShipmentInput, StockUpdate } from '../types';
import type { AmazonOrder } from './normalize';
import { amazonOrdersApi } from './orders-api';
import { accountCarrierCodes, carrierFields, nextPackageReferenceId, shipDate } from './writer-shipment';

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
 * - Shipment: the order is read with Orders API v2026-01-01 getOrder (items and their fulfilled/unfulfilled
 *   quantities in one call); the confirmation itself stays Orders v0 confirmShipment, which Amazon did not
 *   deprecate and v2026-01-01 does not replace (it has searchOrders and getOrder only).
 * - Invoice (BR) is left out: the Delivery by Amazon invoice API needs the restricted "Tax Invoicing" role
 *   and a binary upload. Cancellation is left out: sellers cancel through the order feeds, not this API.
 *
 * ctx.account (or options.sellerId) is the seller id. Options: `marketplaceIds` (required for stock),
 * `productType` (the listings' product type, "PRODUCT" by default), `carrierCodes` (Seller Central carrier
 * codes of the account's marketplace beyond Amazon's published list, comma-separated; see writer-shipment).
 */
export function createAmazonWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const sellerId = String(ctx.options?.sellerId ?? ctx.account);
	const productType = String(ctx.options?.productType ?? 'PRODUCT');
	const orders = amazonOrdersApi(ctx);

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

	/** Items still to ship: `fulfillment.quantityUnfulfilled` (FULFILLMENT dataset), per orderItemId. */
	function openItems(order: AmazonOrder): Array<{ orderItemId: string; quantity: number }> {
		const { r, o } = openRawOrder('amazon', order, 'orderId');
		const items: Array<{ orderItemId: string; quantity: number }> = [];
		for (const { item, path } of r.objects(r.array(o, 'orderItems'), 'orderItems')) {
			const f = r.optObject(item, `${path}.fulfillment`) ?? r.fail(`${path}.fulfillment`, 'is required (includedData=FULFILLMENT)');
			const ordered = r.integer(item, `${path}.quantityOrdered`, 0);
			const open = r.optInteger(f, `${path}.fulfillment.quantityUnfulfilled`, 0) ?? ordered - (r.optInteger(f, `${path}.fulfillment.quantityFulfilled`, 0) ?? 0);
			if (open > 0) items.push({ orderItemId: r.string(item, `${path}.orderItemId`), quantity: open });
		}
		return items;
	}

	return {
		id: 'amazon',
		// patchListingsItem takes one SKU per call.
		stockBatchSize: 1,

		resolveListings: listingsBySku,

		async pushStock(updates) {
			const marketplaceIds = requireOption(ctx, 'amazon', 'marketplaceIds', 'e.g. A2Q3Y263D00KWC').replace(/\s+/g, '');
			return pushEach(updates, (u) => pushOne(u, marketplaceIds));
		},

		async pushShipment(input: ShipmentInput) {
			// A date Amazon would refuse is refused before any call.
			const shipAt = shipDate(input.channelOrderId, input.shippedAt);
			const order = await orders.getOrder(input.channelOrderId);
			const items = openItems(order);
			// Everything already confirmed (e.g. a retry after a lost answer): nothing to send, not an error.
			if (items.length === 0) return;
			const { r, o } = openRawOrder('amazon', order, 'orderId');
			const marketplaceId = r.string(r.object(o, 'salesChannel'), 'salesChannel.marketplaceId');
			const packages = (r.optArray(o, 'packages') ?? []).filter(isJsonObject);
			const body = {
				marketplaceId,
				packageDetail: {
					// The writer confirms all open items in one package, numbered after those already confirmed.
					packageReferenceId: nextPackageReferenceId(packages),
					...carrierFields(input.carrier, accountCarrierCodes(ctx.options?.carrierCodes)),
					trackingNumber: input.trackingCode,
					shipDate: shipAt,
					orderItems: items,
				},
			};
			await send(ctx, { method: 'POST', url: url(`/orders/v0/orders/${encodeURIComponent(input.channelOrderId)}/shipmentConfirmation`), body });
		},
	};
}
