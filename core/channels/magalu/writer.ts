import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import { listingsBySku, pushEach } from '../common/writer';
import type { AdapterContext, ChannelWriter, InvoiceInput } from '../types';
import { MAGALU_DEFAULT_CHANNEL_ID, MAGALU_ORDERS } from './endpoints';
import { magaluFulfillment } from './fulfillment';

/**
 * Magalu Open API write-back. Auth (ID Magalu bearer) is the transport's; options.channelId is the sales
 * channel, as for the adapter.
 *
 * - Stock: PATCH /seller/v1/portfolios/stocks/{sku} {quantity, type: "AVAILABLE", channel: {id}}. [?] Only
 *   seen in third-party code (README "Magalu: unconfirmed"); the portfolio is keyed by the seller's own SKU.
 * - NF-e: POST /seller/v1/deliveries/{id}/invoices (add_invoice page): per delivery, so the order is read
 *   for its delivery id. A Magalu Fulfillment delivery (fulfillment.ts) is Magalu's to invoice: never chosen.
 * - Shipment and cancellation write-back are not documented: those methods are left out.
 */
export function createMagaluWriter(ctx: AdapterContext): ChannelWriter {
	const channelId = String(ctx.options?.channelId ?? MAGALU_DEFAULT_CHANNEL_ID);
	const headers = { 'X-Channel-Id': channelId };
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const fulfillment = magaluFulfillment(ctx.options);

	/**
	 * The delivery an order's NF-e belongs to: the one named by the group id (a delivery of this order), else
	 * the one live delivery the seller ships; an order with several needs the group id, one NF-e each.
	 */
	async function deliveryOf(orderId: string, deliveryId?: string): Promise<JsonObject> {
		const req: HttpRequest = { method: 'GET', url: url(`${MAGALU_ORDERS.path}/${encodeURIComponent(orderId)}`), headers };
		const order = expectObject(await send(ctx, req), req);
		const open = (Array.isArray(order.deliveries) ? order.deliveries.filter(isJsonObject) : []).filter((d) => d.status !== 'cancelled');
		const live = open.filter((d) => !fulfillment.isFulfillment(d));
		const apart = open.length - live.length;
		if (deliveryId !== undefined) {
			const named = open.find((d) => String(d.id) === deliveryId);
			if (!named) throw new Error(`Magalu order ${orderId} has no open delivery ${deliveryId} (group id)`);
			if (!live.includes(named)) throw new Error(`Magalu order ${orderId}: delivery ${deliveryId} ships from Magalu Fulfillment, whose NF-e Magalu issues`);
			return named;
		}
		if (live.length !== 1 || typeof live[0].id !== 'string') {
			const fromMagalu = apart > 0 ? ` (and ${apart} from Magalu Fulfillment, whose NF-e Magalu issues)` : '';
			throw new Error(`Magalu order ${orderId} has ${live.length} open deliveries the seller ships${fromMagalu}: an NF-e goes to exactly one delivery (give its id as the group id)`);
		}
		return live[0];
	}

	/** Magalu wants the amount as a decimal; the delivery's own total (integer over its normalizer) when no total is given. */
	function amountOf(input: InvoiceInput, delivery: JsonObject): number | undefined {
		if (input.totalCents !== undefined) return input.totalCents / 100;
		const a = isJsonObject(delivery.amounts) ? delivery.amounts : {};
		return typeof a.total === 'number' ? a.total / (typeof a.normalizer === 'number' ? a.normalizer : 100) : undefined;
	}

	return {
		id: 'magalu',
		stockBatchSize: 1,

		// The portfolio is keyed by the seller SKU itself.
		resolveListings: listingsBySku,

		async pushStock(updates) {
			// An absolute quantity: repeating the PATCH is harmless, so 5xx and timeouts may be retried.
			return pushEach(updates, async (u) => {
				const body = { quantity: u.quantity, type: 'AVAILABLE', channel: { id: channelId } };
				const path = `/seller/v1/portfolios/stocks/${encodeURIComponent(u.listing.listingId)}`;
				await send(ctx, { method: 'PATCH', url: url(path), headers, body, idempotent: true });
			});
		},

		async pushInvoice(input) {
			// The XML is a required field of add_invoice: fail before any call rather than with a 400.
			if (!input.xml) throw new Error(`Magalu needs the authorised NF-e XML to invoice order ${input.channelOrderId}`);
			const delivery = await deliveryOf(input.channelOrderId, input.groupId);
			const body = { key: input.nfeKey, issued_at: input.issuedAt, amount: amountOf(input, delivery), channel: { id: channelId }, xml: input.xml };
			await send(ctx, { method: 'POST', url: url(`/seller/v1/deliveries/${encodeURIComponent(String(delivery.id))}/invoices`), headers, body });
		},
	};
}
