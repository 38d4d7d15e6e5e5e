import { joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import { absentOn404, sendWrite, stockPerSku } from '../common/writer';
import type { AdapterContext, ChannelWriter } from '../types';

/**
 * Olist write-back:
 * - stock: [3P] PATCH /v1/seller-products/{sku}/ {stock: [{quantity, availability_days}]}: the product is read first
 *   (GET, 404 = not on sale) and its availability_days sent back, so a stock push does not reset the seller's
 *   handling days. [?] That the path takes the seller's SKU (integrators call it so; notifications name
 *   /seller-products/<Olist code>/) and that `stock` replaces the quantity;
 * - invoice: PATCH /v1/seller-orders/{code}/invoice/ (documented): Olist validates the NF-e XML (model 55, the
 *   seller's CNPJ, the payer, a key not used before) asynchronously — the order goes invoice_processing → invoiced
 *   or invoice_error, which the trigger reads. The XML is required. [?] The payload's field names were not
 *   readable in the indexed page: the XML is sent as `xml`;
 * - shipment: not supported — Olist's logistics creates the packages and labels after the NF-e (its tracking is
 *   on /packages and /shipments);
 * - cancel: not supported — no seller cancellation is documented (cancelation_status is set by Olist).
 */
export function createOlistWriter(ctx: AdapterContext): ChannelWriter {
	const product = (sku: string) => joinUrl(ctx.baseUrl, `/seller-products/${encodeURIComponent(sku)}/`);

	async function availabilityDays(sku: string): Promise<number> {
		const res = await send(ctx, { method: 'GET', url: product(sku) });
		const stock = isJsonObject(res.body) && Array.isArray(res.body.stock) ? res.body.stock[0] : undefined;
		const days = isJsonObject(stock) ? Number(stock.availability_days) : NaN;
		return Number.isInteger(days) && days >= 0 ? days : 0;
	}

	return {
		id: 'olist',
		...stockPerSku(
			(sku) => absentOn404(async () => (await availabilityDays(sku), { listingId: sku })),
			async ({ quantity, listing }) => {
				const days = await availabilityDays(listing.listingId);
				// An absolute value: a resend after a 5xx sets the same stock.
				await sendWrite(ctx, 'PATCH', product(listing.listingId), { body: { stock: [{ quantity, availability_days: days }] }, idempotent: true });
			},
		),

		async pushInvoice(input) {
			if (!input.xml) throw new Error(`Olist needs the NF-e XML to invoice order ${input.channelOrderId} (it validates the file, not the key alone)`);
			await sendWrite(ctx, 'PATCH', joinUrl(ctx.baseUrl, `/seller-orders/${encodeURIComponent(input.channelOrderId)}/invoice/`), { body: { xml: input.xml } });
		},
	};
}
