import type { HttpRequest } from '../../http/transport';
import { expectArray, expectObject, joinUrl, send } from '../common/http';
import { chunk, pushBatches, resolveEach, sendWrite } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef, StockPushResult, StockUpdate, WriteFailure } from '../types';

/** Woo's batch endpoints take at most 100 objects per request. */
const BATCH_LIMIT = 100;

interface WooProduct {
	id: number;
	sku?: string;
	global_unique_id?: string;
	type?: string;
	parent_id?: number;
}

/** One item of a batch answer: the saved object, or { id, error } for the ones Woo refused. */
interface BatchItem {
	id?: number;
	error?: { code?: string; message?: string; data?: { status?: number } };
}

/**
 * WooCommerce write-back over wc/v3: stock through the product and variation batch endpoints, order status
 * (completed / cancelled) and order notes. Core Woo has no NF-e or tracking fields (Brazilian and tracking
 * plugins add their own), so those travel as notes the merchant and plugins can read.
 */
export function createWooCommerceWriter(ctx: AdapterContext): ChannelWriter {
	const api = (path: string) => joinUrl(ctx.baseUrl, `/wp-json/wc/v3/${path.replace(/^\//, '')}`);

	/** Stock for one batch endpoint; Woo answers item by item, in the order sent. */
	async function pushBatch(url: string, batch: StockUpdate[]): Promise<Map<number, WriteFailure>> {
		const update = batch.map((u) => ({ id: Number(u.listing.variantId ?? u.listing.listingId), manage_stock: true, stock_quantity: u.quantity }));
		// Absolute values: resending after a 5xx cannot double anything.
		const res = expectObject(await sendWrite(ctx, 'POST', url, { body: { update }, idempotent: true }), { method: 'POST', url });
		const items = Array.isArray(res.update) ? (res.update as BatchItem[]) : [];
		const failures = new Map<number, WriteFailure>();
		batch.forEach((_u, i) => {
			const item: BatchItem | undefined = items.find((x) => x?.id === update[i].id) ?? items[i];
			if (typeof item !== 'object' || item === null) failures.set(i, { message: 'WooCommerce batch answer has no entry for this product' });
			else if (item.error) failures.set(i, { message: item.error.message ?? item.error.code ?? 'rejected', httpCode: item.error.data?.status });
		});
		return failures;
	}

	async function addNote(orderId: string, note: string, customerNote: boolean): Promise<void> {
		await sendWrite(ctx, 'POST', api(`orders/${encodeURIComponent(orderId)}/notes`), { body: { note, customer_note: customerNote } });
	}

	/** The product or variation whose `field` is exactly `value`, as a listing (a variation with its parent). */
	async function findBy(field: 'sku' | 'global_unique_id', value: string, query: HttpRequest['query']): Promise<ListingRef | undefined> {
		const req: HttpRequest = { method: 'GET', url: api('products'), query };
		const found = (expectArray(await send(ctx, req), req) as WooProduct[]).find((p) => p[field] === value);
		if (!found) return undefined;
		// A variation comes back as type "variation" with its parent product.
		const isVariation = found.type === 'variation' || (found.parent_id ?? 0) > 0;
		return isVariation ? { listingId: String(found.parent_id), variantId: String(found.id) } : { listingId: String(found.id) };
	}

	/** PUT is idempotent: set the status first, so a retry after a failed note does not change it twice. */
	async function setStatus(orderId: string, status: 'completed' | 'cancelled'): Promise<void> {
		await sendWrite(ctx, 'PUT', api(`orders/${encodeURIComponent(orderId)}`), { body: { status } });
	}

	return {
		id: 'woocommerce',
		stockBatchSize: BATCH_LIMIT,

		resolveListings: (skus) => resolveEach(skus, (sku) => findBy('sku', sku, { sku })),
		/**
		 * The product or variation whose `global_unique_id` (GTIN, UPC, EAN or ISBN; Woo 9.2+) is the barcode:
		 * `search` limited by `search_fields=global_unique_id` covers variations too (the `global_unique_id` filter
		 * lists parent products only), and matches partially, so the answer is checked exactly. Read in
		 * woocommerce/woocommerce@010784f:…/Version3/class-wc-rest-products-controller.php (get_collection_params,
		 * prepare_objects_query). [?] A store older than search_fields ignores it and searches names: nothing
		 * matches exactly, so the barcode is absent.
		 */
		resolveListingsByGtin: (gtins) => resolveEach(gtins, (gtin) => findBy('global_unique_id', gtin, { search: gtin, search_fields: 'global_unique_id' })),

		async pushStock(updates) {
			const groups = new Map<string, StockUpdate[]>();
			for (const u of updates) {
				const url = u.listing.variantId ? api(`products/${encodeURIComponent(u.listing.listingId)}/variations/batch`) : api('products/batch');
				groups.set(url, [...(groups.get(url) ?? []), u]);
			}
			const results = new Map<StockUpdate, StockPushResult>();
			for (const [url, group] of groups) {
				const done = await pushBatches(chunk(group, BATCH_LIMIT), (batch) => pushBatch(url, batch));
				done.forEach((r, u) => results.set(u, r));
			}
			return updates.map((u) => results.get(u)!);
		},

		async pushInvoice(input) {
			const parts = [`NF-e ${input.number} série ${input.series}`, `chave ${input.nfeKey}`, `emitida ${input.issuedAt}`, input.url];
			await addNote(input.channelOrderId, parts.filter(Boolean).join(' | '), true);
		},

		async pushShipment(input) {
			await setStatus(input.channelOrderId, 'completed');
			const parts = [`Enviado por ${input.carrier}`, `rastreio ${input.trackingCode}`, input.trackingUrl];
			await addNote(input.channelOrderId, parts.filter(Boolean).join(' | '), true);
		},

		async cancelOrder(input) {
			await setStatus(input.channelOrderId, 'cancelled');
			if (input.reason) await addNote(input.channelOrderId, `Cancelado: ${input.reason}`, false);
		},
	};
}
