import type { HttpRequest } from '../../http/transport';
import { ChannelHttpError } from '../../http/retry';
import { expectObject, joinUrl, send } from '../common/http';
import { readLocationArray } from '../common/locations';
import { isJsonObject } from '../common/raw-reader';
import { absentOn404, pushEach, requireOption, resolveEach } from '../common/writer';
import type { AdapterContext, ChannelWriter, InvoiceInput, ListingRef, ShipmentInput } from '../types';

/**
 * VTEX write-back (Logistics API for stock, Orders API for invoice, tracking and cancellation), shaped after
 * vtex/openapi-schemas. Auth headers are the transport's, as for the adapter.
 *
 * Listings: the seller SKU is the catalog RefId; the stock endpoint wants the VTEX skuId, looked up once per
 * SKU. Options: `warehouseId` (required for stock; read at use, so a writer used for invoices needs none).
 */
export function createVtexWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const enc = encodeURIComponent;
	const warehouseId = () => requireOption(ctx, 'vtex', 'warehouseId', 'the VTEX warehouse whose stock is published, e.g. "1_1"');

	async function getOrder(orderId: string): Promise<Record<string, unknown>> {
		const req: HttpRequest = { method: 'GET', url: url(`/api/oms/pvt/orders/${enc(orderId)}`) };
		return expectObject(await send(ctx, req), req);
	}

	/** The catalog answers the id as a JSON string (a number is accepted too); 404 or null means no such RefId. */
	async function skuIdOf(refId: string): Promise<string | undefined> {
		try {
			const res = await send(ctx, { method: 'GET', url: url(`/api/catalog_system/pvt/sku/stockkeepingunitidbyrefid/${enc(refId)}`) });
			return typeof res.body === 'string' || typeof res.body === 'number' ? String(res.body) || undefined : undefined;
		} catch (error) {
			if (error instanceof ChannelHttpError && error.httpCode === 404) return undefined;
			throw error;
		}
	}

	/**
	 * Catalog API "Get SKU by EAN" (GET /api/catalog_system/pvt/sku/stockkeepingunitbyean/{ean}): the SKU object,
	 * whose Id is the skuId the stock endpoint wants. [?] The answer for an unknown EAN is not documented (404
	 * assumed, as for the RefId look-up); VTEX's known issue: inactive SKUs answer "SKU not Found" too.
	 */
	async function skuIdOfEan(ean: string): Promise<ListingRef | undefined> {
		const req: HttpRequest = { method: 'GET', url: url(`/api/catalog_system/pvt/sku/stockkeepingunitbyean/${enc(ean)}`) };
		const sku = await absentOn404(async () => expectObject(await send(ctx, req), req));
		return sku && (typeof sku.Id === 'number' || typeof sku.Id === 'string') && String(sku.Id) !== '' ? { listingId: String(sku.Id) } : undefined;
	}

	/**
	 * The invoice covers every item of the order at its selling (unit) price, as the endpoint requires items:
	 * id (string), price and quantity (integers, cents and units). An order whose items lack them is refused
	 * here, naming the item, rather than sent as nulls for VTEX to answer 400.
	 */
	function invoiceItems(orderId: string, order: Record<string, unknown>): Array<{ id: string; price: number; quantity: number }> {
		const items = Array.isArray(order.items) ? order.items.filter(isJsonObject) : [];
		if (items.length === 0) throw new Error(`VTEX order ${orderId} has no items to invoice`);
		return items.map((i, n) => {
			const item = { id: String(i.id ?? ''), price: Number(i.sellingPrice ?? i.price), quantity: Number(i.quantity) };
			if (!item.id || !Number.isInteger(item.price) || !Number.isInteger(item.quantity)) {
				throw new Error(`VTEX order ${orderId}: items[${n}] needs id, integer price (cents) and quantity to be invoiced`);
			}
			return item;
		});
	}

	/** Tracking is patched onto an invoice: the newest Output (sale) package carries its number. */
	function lastOutputInvoice(order: Record<string, unknown>): string | undefined {
		const attachment = isJsonObject(order.packageAttachment) ? order.packageAttachment : {};
		const packages = Array.isArray(attachment.packages) ? attachment.packages.filter(isJsonObject) : [];
		const sale = packages.filter((p) => (p.type ?? 'Output') === 'Output' && typeof p.invoiceNumber === 'string');
		return sale.length ? String(sale[sale.length - 1].invoiceNumber) : undefined;
	}

	return {
		id: 'vtex',
		// One SKU per request: the bulk inventory job API is early access.
		stockBatchSize: 1,
		/** Logistics API "List all warehouses": an array of { id, name, isActive, ... }. */
		listLocations: () =>
			readLocationArray(ctx, url('/api/logistics/pvt/configuration/warehouses'), (w) => ({
				name: typeof w.name === 'string' ? w.name : undefined,
				active: typeof w.isActive === 'boolean' ? w.isActive : undefined,
			})),

		async resolveListings(skus) {
			warehouseId();
			const found = new Map<string, ListingRef>();
			for (const sku of skus) {
				const skuId = await skuIdOf(sku);
				if (skuId) found.set(sku, { listingId: skuId });
			}
			return found;
		},

		/** The SKU's EAN (AlternateIds.Ean), one look-up per barcode. */
		resolveListingsByGtin: (gtins) => resolveEach(gtins, skuIdOfEan),

		async pushStock(updates) {
			const warehouse = warehouseId();
			// PATCH …/quantity, not PUT on the warehouse: the PUT resets the SKU's lead time to 0 when leadTime is
			// left out. Setting an absolute quantity is idempotent, so 5xx and timeouts may be retried.
			return pushEach(updates, async (u) => {
				const path = `/api/logistics/pvt/inventory/skus/${enc(u.listing.listingId)}/warehouses/${enc(warehouse)}/quantity`;
				await send(ctx, { method: 'PATCH', url: url(path), body: { quantity: u.quantity, unlimitedQuantity: false }, idempotent: true });
			});
		},

		async pushInvoice(input: InvoiceInput) {
			const order = await getOrder(input.channelOrderId);
			// Cents, as a string of digits greater than 0 (InvoiceNotification); the order's value when the caller has no total.
			const value = input.totalCents ?? order.value;
			if (!Number.isInteger(value) || (value as number) <= 0) {
				throw new Error(`VTEX order ${input.channelOrderId}: no invoice value (cents > 0) from the input or the order's value`);
			}
			// Optional keys left undefined are not sent (JSON drops them): the schema requires only type,
			// issuanceDate, invoiceNumber, invoiceValue and items.
			const body = {
				type: 'Output',
				issuanceDate: input.issuedAt,
				invoiceNumber: input.number,
				invoiceValue: String(value),
				invoiceKey: input.nfeKey,
				invoiceUrl: input.url,
				embeddedInvoice: input.xml,
				items: invoiceItems(input.channelOrderId, order),
			};
			await send(ctx, { method: 'POST', url: url(`/api/oms/pvt/orders/${enc(input.channelOrderId)}/invoice`), body });
		},

		async pushShipment(input: ShipmentInput) {
			const invoiceNumber = lastOutputInvoice(await getOrder(input.channelOrderId));
			if (!invoiceNumber) throw new Error(`VTEX order ${input.channelOrderId} has no invoice yet: send the invoice before the tracking`);
			// The schema (Updatepartialinvoice.SendTrackingNumber.Request) requires all four keys, null allowed
			// for trackingUrl and dispatchedDate: a parcel without a tracking page still sends the key.
			const body = { courier: input.carrier, trackingNumber: input.trackingCode, trackingUrl: input.trackingUrl ?? null, dispatchedDate: input.shippedAt ?? null };
			const path = `/api/oms/pvt/orders/${enc(input.channelOrderId)}/invoice/${enc(invoiceNumber)}`;
			// Re-sending the same tracking changes nothing: safe to retry on 5xx.
			await send(ctx, { method: 'PATCH', url: url(path), body, idempotent: true });
		},

		async cancelOrder(input) {
			await send(ctx, { method: 'POST', url: url(`/api/oms/pvt/orders/${enc(input.channelOrderId)}/cancel`), body: { reason: input.reason } });
		},
	};
}
