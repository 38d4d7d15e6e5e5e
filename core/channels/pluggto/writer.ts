import { ChannelHttpError } from '../../http/retry';
import { getObject, joinUrl } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import { listingsBySku, pushEach, sendWrite } from '../common/writer';
import type { AdapterContext, ChannelWriter } from '../types';

/** Plugg.To's answer when the order already has what was sent ("Changes not found in the order"). */
const alreadyDone = (error: unknown) => error instanceof ChannelHttpError && isJsonObject(error.responseBody) && error.responseBody.type === 'not_updated';

/**
 * Plugg.To write-back (api.ts names the sources); the hub forwards each change to the origin marketplace.
 * - stock: PUT /skus/{sku}/stock {action: "update", quantity, sku} — absolute, one SKU per request; the seller SKU
 *   is Plugg.To's sku, so every SKU resolves without a call (an unknown one fails its own push);
 * - invoice: PUT /orders/{id} {status: "invoiced", shipments: [{id, nfe_key, nfe_number, nfe_serie, nfe_date,
 *   nfe_link}]} — the order is read first and its shipment id sent, as the documentation asks (else a second
 *   delivery is created). The XML itself is not sent: Plugg.To takes an XML only as a public URL ("documents");
 * - shipment: PUT /orders/{id} {status: "shipping_informed", shipments: [{id, shipping_company, track_code,
 *   track_url, date_shipped, status: "shipped"}]}, the shipment id read likewise;
 * - cancel: PUT /orders/{id} {status: "canceled"} [?] (the status its library validates; no cancel endpoint is
 *   documented). A `not_updated` answer (the order already has that status) counts as done.
 */
export function createPluggToWriter(ctx: AdapterContext): ChannelWriter {
	const order = (id: string) => joinUrl(ctx.baseUrl, `/orders/${encodeURIComponent(id)}`);

	/** The id of the order's first shipment, when it has one. */
	async function shipmentId(id: string): Promise<string | undefined> {
		const body = await getObject(ctx, order(id));
		const o = isJsonObject(body.Order) ? body.Order : body;
		const first = Array.isArray(o.shipments) ? o.shipments.find(isJsonObject) : undefined;
		return typeof first?.id === 'string' && first.id !== '' ? first.id : undefined;
	}

	async function update(id: string, body: Record<string, unknown>): Promise<void> {
		try {
			await sendWrite(ctx, 'PUT', order(id), { body, idempotent: true });
		} catch (error) {
			if (!alreadyDone(error)) throw error;
		}
	}

	async function updateShipment(id: string, status: string, fields: Record<string, unknown>): Promise<void> {
		const existing = await shipmentId(id);
		await update(id, { status, shipments: [{ ...(existing ? { id: existing } : {}), ...fields }] });
	}

	return {
		id: 'pluggto',
		stockBatchSize: 1,
		resolveListings: listingsBySku,

		pushStock: (updates) =>
			pushEach(updates, async (u) => {
				const url = joinUrl(ctx.baseUrl, `/skus/${encodeURIComponent(u.listing.listingId)}/stock`);
				await sendWrite(ctx, 'PUT', url, { body: { action: 'update', quantity: u.quantity, sku: u.listing.listingId }, idempotent: true });
			}),

		pushInvoice: (input) =>
			updateShipment(input.channelOrderId, 'invoiced', {
				nfe_key: input.nfeKey,
				nfe_number: input.number,
				nfe_serie: input.series,
				nfe_date: input.issuedAt,
				nfe_link: input.url,
			}),

		pushShipment: (input) =>
			updateShipment(input.channelOrderId, 'shipping_informed', {
				shipping_company: input.carrier,
				track_code: input.trackingCode,
				track_url: input.trackingUrl,
				date_shipped: input.shippedAt ?? new Date().toISOString(),
				status: 'shipped',
			}),

		cancelOrder: (input) => update(input.channelOrderId, { status: 'canceled' }),
	};
}
