import { compact } from '../common/fields';
import { absentOn404, pushEach, resolveEach } from '../common/writer';
import type { AdapterContext, CancelInput, ChannelWriter, InvoiceInput, ListingRef, ShipmentInput } from '../types';
import { definitionOf, HTTP_CHANNEL_ID } from './context';
import { channelSender } from './session';
import type { WriteKind } from './definition';
import { parsePath, valueAt } from './paths';
import { buildRequest, type TemplateValues } from './template';

const idText = (v: unknown): string | undefined => (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? String(v) : undefined);

/**
 * Write-back through the definition's requests. Stock values are absolute (a resend after a 5xx sets the
 * same value), so stock requests are retried like a GET; invoice, shipment and cancel requests are not
 * resent after a 5xx or a timeout (the platform may have applied them). 429 is always waited out.
 * Without `writes.lookup` a SKU is its own listing id (platforms whose stock endpoint takes the SKU).
 */
export function createHttpChannelWriter(ctx: AdapterContext): ChannelWriter {
	const def = definitionOf(ctx);
	const send = channelSender(ctx, def);
	const run = async (kind: WriteKind, values: TemplateValues, idempotent: boolean): Promise<void> => {
		const template = def().writes?.[kind];
		if (!template) throw new Error(`HTTP channel: the channel definition has no "writes.${kind}" request`);
		await send({ ...buildRequest(ctx.baseUrl, template, values, `writes.${kind}`), idempotent });
	};

	async function find(sku: string): Promise<ListingRef | undefined> {
		const lookup = def().writes!.lookup!;
		const res = await send(buildRequest(ctx.baseUrl, lookup, { sku }, 'writes.lookup'));
		const listingId = idText(valueAt(res.body, parsePath(lookup.idPath)));
		if (listingId === undefined) return undefined;
		return compact({ listingId, variantId: lookup.variantIdPath ? idText(valueAt(res.body, parsePath(lookup.variantIdPath))) : undefined });
	}

	return {
		id: HTTP_CHANNEL_ID,
		stockBatchSize: 1,
		async resolveListings(skus) {
			if (!def().writes?.lookup) return new Map(skus.map((sku) => [sku, { listingId: sku }]));
			return resolveEach(skus, (sku) => absentOn404(() => find(sku)));
		},
		pushStock: (updates) =>
			pushEach(updates, (u) =>
				run('stock', { sku: u.sku, quantity: u.quantity, listingId: u.listing.listingId, variantId: u.listing.variantId, warehouse: u.warehouse }, true),
			),
		pushInvoice: (i: InvoiceInput) =>
			run(
				'invoice',
				{ orderId: i.channelOrderId, nfeKey: i.nfeKey, number: i.number, series: i.series, issuedAt: i.issuedAt, url: i.url, totalCents: i.totalCents },
				false,
			),
		pushShipment: (s: ShipmentInput) =>
			run(
				'shipment',
				{ orderId: s.channelOrderId, carrier: s.carrier, trackingCode: s.trackingCode, trackingUrl: s.trackingUrl, shippedAt: s.shippedAt },
				false,
			),
		cancelOrder: (c: CancelInput) => run('cancel', { orderId: c.channelOrderId, reason: c.reason }, false),
	};
}
