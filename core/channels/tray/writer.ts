import type { HttpRequest } from '../../http/transport';
import { joinUrl, send } from '../common/http';
import { absentOn404, resolveEach, sendWrite, stockPerSku } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef } from '../types';
import { localDay } from '../common/fields';
import { readListing, trayOffset } from './api';

/**
 * Tray write-back (developers.tray.com.br, mirrored in NelsonEspadoto/api-doc@ce3e5719):
 * - stock: PUT /products/:id {Product:{stock}} for a product without variations, PUT /products/variants/:id
 *   {Variant:{stock}} for a variation; the seller's SKU is `reference` on both, found with the listings'
 *   `reference` filter (in availableFilters of both listings); by barcode, the same with their `ean` field and
 *   filter (both listings' availableFilters and fields, "Produtos" and "Variações" of the mirror);
 * - invoice: POST /orders/:id/invoices {issue_date, number, serie, value, key, link};
 * - shipment: PUT /orders/:id {Order:{sending_code, sending_date, tracking_url}}, plus status_id when
 *   options.shippedStatusId names the store's "sent" status (status ids differ per store);
 * - cancel: PUT /orders/cancel/:id (no reason field documented).
 * [?] Not confirmed: whether `reference` and `ean` filters match exactly or by prefix (matches are re-checked here);
 * whether the API answers 404 or an empty list for an unknown order; request bodies are sent as JSON, as the
 * "Estrutura do Json" blocks show (the curl examples send form fields).
 */
export function createTrayWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);

	async function byField(path: string, plural: string, singular: string, field: 'reference' | 'ean', value: string) {
		const req: HttpRequest = { method: 'GET', url: url(path), query: { [field]: value, limit: 50 } };
		const { items } = await readListing(await send(ctx, req), req, plural, singular);
		return items.find((i) => i[field] === value);
	}

	/** The variant whose `field` is the value, else the product's: both listings filter by reference and ean. */
	async function findBy(field: 'reference' | 'ean', value: string): Promise<ListingRef | undefined> {
		const variant = await byField('/products/variants', 'Variants', 'Variant', field, value);
		if (variant) return { listingId: String(variant.product_id), variantId: String(variant.id) };
		const product = await byField('/products', 'Products', 'Product', field, value);
		return product ? { listingId: String(product.id) } : undefined;
	}

	const order = (id: string, path = '') => url(`/orders/${encodeURIComponent(id)}${path}`);

	return {
		id: 'tray',
		...stockPerSku(
			(sku) => absentOn404(() => findBy('reference', sku)),
			async ({ listing, quantity }) => {
				// An absolute value: a resend after a 5xx sets the same stock.
				if (listing.variantId) {
					await sendWrite(ctx, 'PUT', url(`/products/variants/${encodeURIComponent(listing.variantId)}`), {
						body: { Variant: { stock: quantity } },
						idempotent: true,
					});
				} else {
					await sendWrite(ctx, 'PUT', url(`/products/${encodeURIComponent(listing.listingId)}`), { body: { Product: { stock: quantity } }, idempotent: true });
				}
			},
		),
		resolveListingsByGtin: (gtins) => resolveEach(gtins, (gtin) => absentOn404(() => findBy('ean', gtin))),

		async pushInvoice(input) {
			const body = {
				issue_date: localDay(input.issuedAt, trayOffset(ctx)),
				number: input.number,
				serie: input.series,
				key: input.nfeKey,
				...(input.totalCents !== undefined ? { value: (input.totalCents / 100).toFixed(2) } : {}),
				...(input.url ? { link: input.url } : {}),
				...(input.xml ? { xml_danfe: input.xml } : {}),
			};
			await sendWrite(ctx, 'POST', order(input.channelOrderId, '/invoices'), { body });
		},

		async pushShipment(input) {
			const statusId = ctx.options?.shippedStatusId;
			const body = {
				Order: {
					sending_code: input.trackingCode,
					sending_date: localDay(input.shippedAt ?? new Date().toISOString(), trayOffset(ctx)),
					...(input.trackingUrl ? { tracking_url: input.trackingUrl } : {}),
					...(statusId !== undefined && statusId !== '' ? { status_id: String(statusId) } : {}),
				},
			};
			// The same values again change nothing: safe to resend.
			await sendWrite(ctx, 'PUT', order(input.channelOrderId), { body, idempotent: true });
		},

		async cancelOrder(input) {
			await sendWrite(ctx, 'PUT', url(`/orders/cancel/${encodeURIComponent(input.channelOrderId)}`));
		},
	};
}
