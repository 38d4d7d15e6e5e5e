import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { joinUrl, send } from '../common/http';
import { absentOn404, sendWrite, stockPerSku, writeFault } from '../common/writer';
import type { AdapterContext, ChannelWriter } from '../types';

/**
 * Magento write-back (developer.adobe.com/commerce/webapi/rest, Inventory and Sales):
 * - stock: MSI POST /V1/inventory/source-items {sourceItems: [{sku, source_code, quantity, status}]}, the
 *   source from options.sourceCode ("default" when unset). A store without MSI (the module disabled) answers
 *   404 there: the single-source PUT /V1/products/{sku}/stockItems/1 {stockItem: {qty, is_in_stock}} is used;
 * - invoice: POST /V1/order/{id}/invoice {capture: true}; the NF-e number and key go in its comment (Magento
 *   invoices are its own documents, not fiscal ones);
 * - shipment: POST /V1/order/{id}/ship {notify: true, tracks: [{track_number, title, carrier_code}]};
 * - cancel: POST /V1/orders/{id}/cancel answers true, or false when the order cannot be cancelled.
 * [?] Whether source-items accepts a SKU that has no product (it is refused here first by resolveListings).
 */
export function createMagentoWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const source = typeof ctx.options?.sourceCode === 'string' && ctx.options.sourceCode !== '' ? ctx.options.sourceCode : 'default';

	async function pushOne(sku: string, quantity: number): Promise<void> {
		const status = quantity > 0 ? 1 : 0;
		try {
			// Absolute values: a resend after a 5xx sets the same stock.
			await sendWrite(ctx, 'POST', url('/V1/inventory/source-items'), { body: { sourceItems: [{ sku, source_code: source, quantity, status }] }, idempotent: true });
		} catch (e) {
			if (!(e instanceof ChannelHttpError && e.httpCode === 404)) throw e;
			await sendWrite(ctx, 'PUT', url(`/V1/products/${encodeURIComponent(sku)}/stockItems/1`), { body: { stockItem: { qty: quantity, is_in_stock: status === 1 } }, idempotent: true });
		}
	}

	return {
		id: 'magento',
		...stockPerSku(
			(sku) =>
				absentOn404(async () => {
					const req: HttpRequest = { method: 'GET', url: url(`/V1/products/${encodeURIComponent(sku)}`) };
					await send(ctx, req);
					return { listingId: sku };
				}),
			({ listing, quantity }) => pushOne(listing.listingId, quantity),
		),

		async pushInvoice(input) {
			const comment = `NF-e ${input.number}/${input.series} ${input.nfeKey}${input.url ? ` ${input.url}` : ''}`;
			await sendWrite(ctx, 'POST', url(`/V1/order/${encodeURIComponent(input.channelOrderId)}/invoice`), { body: { capture: true, notify: false, appendComment: true, comment: { comment, is_visible_on_front: 0 } } });
		},

		async pushShipment(input) {
			const track = { track_number: input.trackingCode, title: input.carrier ?? 'Carrier', carrier_code: 'custom' };
			await sendWrite(ctx, 'POST', url(`/V1/order/${encodeURIComponent(input.channelOrderId)}/ship`), { body: { notify: true, tracks: [track] } });
		},

		async cancelOrder(input) {
			const target = url(`/V1/orders/${encodeURIComponent(input.channelOrderId)}/cancel`);
			const res = await sendWrite(ctx, 'POST', target, { idempotent: true });
			if (res.body !== true) throw writeFault({ method: 'POST', url: target }, `Magento refused to cancel order ${input.channelOrderId} (its state does not allow it)`, res.body);
		},
	};
}
