import { ChannelHttpError } from '../../http/retry';
import { joinUrl } from '../common/http';
import { listingsBySku, pushEach, pushed, reasonFrom, sendWrite, stockInBatches } from '../common/writer';
import type { AdapterContext, ChannelWriter, StockPushResult, StockUpdate } from '../types';

/** SKUs per PUT /stocks. [?] AnyMarket documents no limit: 100, as its pages. */
const STOCK_BATCH = 100;

/** The SDK's OrderCancellationCode values a free-text reason may name; anything else is OTHER. */
const CANCELLATION_CODES = ['BUYER_CANCELED', 'WITHOUT_STOCK', 'OUT_OF_STOCK', 'SHIPPING_ADDRESS', 'WRONG_PRODUCT_PRICE', 'SELLER_REGRETS', 'OTHER'] as const;

/**
 * AnyMarket write-back (api.ts names the sources). The hub forwards each change to the origin marketplace.
 * - stock: PUT /stocks [{partnerId, quantity}] — partnerId is the seller's SKU, so every SKU resolves without a
 *   call. [?] Whether one unknown partnerId refuses the whole request is not documented: a batch refused with a
 *   4xx is sent again one SKU per request, so only the unknown SKU fails;
 * - invoice: PUT /orders/{id} {status: INVOICED, invoice{accessKey, series, number, date, linkNfe}}, then the XML
 *   (when given) with PUT /orders/{id}/nfe (application/xml), as the SDK's putXMLNFe;
 * - shipment: PUT /orders/{id} {status: PAID_WAITING_DELIVERY, tracking{number, carrier, url, date, shippedDate}}.
 *   [?] Some marketplaces ask the hub for an estimated delivery date (tracking.estimateDate): the OMS has none,
 *   so such a marketplace's refusal comes back as the write's error;
 * - cancel: PUT /orders/{id} {status: CANCELED, cancellationCode, cancelDetails} (the code from the reason when it
 *   names one of OrderCancellationCode, else OTHER).
 */
export function createAnyMarketWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const order = (id: string) => url(`/orders/${encodeURIComponent(id)}`);
	const putStocks = (updates: StockUpdate[]) =>
		sendWrite(ctx, 'PUT', url('/stocks'), { body: updates.map((u) => ({ partnerId: u.listing.listingId, quantity: u.quantity })), idempotent: true });

	/** One batch; a 4xx (not auth, not rate) sends its SKUs one by one, so a refused SKU fails alone. */
	async function pushBatch(batch: StockUpdate[]): Promise<StockPushResult[]> {
		try {
			await putStocks(batch);
			return batch.map((u) => pushed(u.sku));
		} catch (error) {
			const code = error instanceof ChannelHttpError ? error.httpCode : undefined;
			if (batch.length === 1 || code === undefined || code < 400 || code >= 500 || [401, 403, 429].includes(code)) throw error;
			return pushEach(batch, (u) => putStocks([u]).then(() => undefined));
		}
	}

	return {
		id: 'anymarket',
		...stockInBatches(STOCK_BATCH, listingsBySku, pushBatch),

		async pushInvoice(input) {
			const invoice = { accessKey: input.nfeKey, series: input.series, number: input.number, date: input.issuedAt, linkNfe: input.url };
			await sendWrite(ctx, 'PUT', order(input.channelOrderId), { body: { status: 'INVOICED', invoice }, idempotent: true });
			if (input.xml)
				await sendWrite(ctx, 'PUT', `${order(input.channelOrderId)}/nfe`, {
					body: input.xml,
					headers: { 'content-type': 'application/xml' },
					idempotent: true,
				});
		},

		async pushShipment(input) {
			const shippedDate = input.shippedAt ?? new Date().toISOString();
			const tracking = { number: input.trackingCode, carrier: input.carrier, url: input.trackingUrl, date: shippedDate, shippedDate };
			await sendWrite(ctx, 'PUT', order(input.channelOrderId), { body: { status: 'PAID_WAITING_DELIVERY', tracking }, idempotent: true });
		},

		async cancelOrder(input) {
			const cancellationCode = reasonFrom(input.reason, CANCELLATION_CODES, 'OTHER');
			await sendWrite(ctx, 'PUT', order(input.channelOrderId), { body: { status: 'CANCELED', cancellationCode, cancelDetails: input.reason } });
		},
	};
}
