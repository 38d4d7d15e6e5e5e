import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import { answerOf, pushEach, resolveEach, sendWrite, writeFault } from '../common/writer';
import type { AdapterContext, ChannelWriter, InvoiceInput, ListingAnswer, ListingRef, ShipmentInput, StockUpdate } from '../types';
import { parseDepotMap } from './depots';
import { mlItemsByBarcode } from './barcodes';
import { listingRef, sellerSku, variationsOf, type MlItemBody } from './items';
import { createUserProductStock } from './stock';
import { ML_DEFAULT_BASE_URL } from './types';

/**
 * Mercado Livre write-back: stock per item or per variation — or, for multi-origin sellers (user tag
 * `warehouse_management`), per depot through the user-products API (stock.ts) —, NF-e upload on the
 * order's shipment, and ME1 shipping notifications. ML documents no seller cancellation: cancelOrder is
 * left out. Options: `siteId`, `depots` (ML store → OMS warehouse, depots.ts).
 */
/** items/search pages: ML's default and documented size (offset/limit); past offset 1000 only a scan reads (Búsqueda de ítems). */
const SEARCH_PAGE = 50;
const SEARCH_MAX_OFFSET = 1000;

export function createMercadoLivreWriter(ctx: AdapterContext): ChannelWriter {
	const base = ctx.baseUrl || ML_DEFAULT_BASE_URL;
	const siteId = String(ctx.options?.siteId ?? 'MLB');
	const get = async (path: string, query?: HttpRequest['query']) => {
		const req: HttpRequest = { method: 'GET', url: joinUrl(base, path), query };
		return expectObject(await send(ctx, req), req);
	};
	const enc = (id: string | number) => encodeURIComponent(String(id));
	let multiOrigin: Promise<boolean> | undefined;
	/** The seller's tags, read once per writer: `warehouse_management` = stock per depot ("Estoque Multi Origem"). */
	const isMultiOrigin = () =>
		(multiOrigin ??= get(`/users/${enc(ctx.account)}`).then((user) => Array.isArray(user.tags) && user.tags.includes('warehouse_management')));
	let perDepot: ((update: StockUpdate) => Promise<void>) | undefined;
	const depotPush = () => (perDepot ??= createUserProductStock(ctx, base, parseDepotMap(ctx.options?.depots)));

	/**
	 * The item's own SKU listing, or the variation carrying the SKU; undefined when it is on neither. Variations
	 * show their attributes (SELLER_SKU) only with include_attributes=all (Variações,
	 * developers.mercadolivre.com.br/variacoes, 29/12/2025).
	 */
	async function listingIn(itemId: string, sku: string): Promise<ListingRef | undefined> {
		const item = { ...((await get(`/items/${enc(itemId)}`, { include_attributes: 'all' })) as unknown as MlItemBody), id: itemId };
		if (item.status === 'closed') return undefined;
		const variations = variationsOf(item);
		if (variations.length === 0) return listingRef(item);
		const v = variations.find((x) => sellerSku(x) === sku);
		return v ? listingRef(item, v) : undefined;
	}

	/** The seller's item ids that items/search answers for a SKU, every page (offset/limit, ML's paging). */
	async function itemsWith(sku: string): Promise<string[]> {
		const ids: string[] = [];
		for (let offset = 0; offset < SEARCH_MAX_OFFSET; ) {
			const page = await get(`/users/${enc(ctx.account)}/items/search`, { seller_sku: sku, offset, limit: SEARCH_PAGE });
			const results = Array.isArray(page.results) ? page.results.map(String) : [];
			ids.push(...results);
			offset += results.length;
			const total = isJsonObject(page.paging) ? Number(page.paging.total) : NaN;
			if (results.length === 0 || !(offset < total)) break;
		}
		return [...new Set(ids)];
	}

	/**
	 * Every listing carrying the SKU (a seller often has a classic and a premium one), closed items left out.
	 * Listings of one user product share its stock ("Preço por variação", developers.mercadolivre.com.br/
	 * preco-por-variacao: a user product may have several items; "Estoque distribuído": the stock belongs to
	 * the user product), so only the first of them is answered: the same stock is not written twice. Listings
	 * without one: all. [?] Not confirmed in ML's pages: that a PUT of available_quantity on one item reaches
	 * its user product's other items, and whether items/search answers closed items (read and skipped).
	 */
	async function listingsCarrying(sku: string): Promise<ListingAnswer | undefined> {
		const refs: ListingRef[] = [];
		const products = new Set<string>();
		for (const itemId of await itemsWith(sku)) {
			const ref = await listingIn(itemId, sku);
			if (!ref || (ref.inventoryItemId && products.has(ref.inventoryItemId))) continue;
			if (ref.inventoryItemId) products.add(ref.inventoryItemId);
			refs.push(ref);
		}
		return answerOf(refs);
	}

	/**
	 * Shipments hang off the pack (its orders share one): GET /packs/{pack_id} → shipment.id ("Packs management",
	 * developers.mercadolibre.com.mx/en_us/packs-management); without a pack id, GET /orders/{id} → shipping.id.
	 */
	async function shipmentOf(orderId: string, packId?: string): Promise<string> {
		if (packId) {
			const pack = await get(`/packs/${enc(packId)}`);
			const id = isJsonObject(pack.shipment) ? pack.shipment.id : undefined;
			if (typeof id === 'number' || typeof id === 'string') return String(id);
			throw writeFault({ method: 'GET', url: joinUrl(base, `/packs/${enc(packId)}`) }, `Mercado Livre pack ${packId} (order ${orderId}) has no shipment`);
		}
		const order = await get(`/orders/${enc(orderId)}`);
		const id = isJsonObject(order.shipping) ? order.shipping.id : undefined;
		if (typeof id !== 'number' && typeof id !== 'string') {
			throw writeFault({ method: 'GET', url: joinUrl(base, `/orders/${enc(orderId)}`) }, `Mercado Livre order ${orderId} has no shipment`);
		}
		return String(id);
	}

	return {
		id: 'mercadolivre',
		stockBatchSize: 1,

		resolveListings: (skus) => resolveEach(skus, listingsCarrying),

		resolveListingsByGtin: mlItemsByBarcode(ctx, base),

		// PUT /items/{id} with a partial `variations` list deletes the variations left out, so a variation's
		// stock goes to its own resource instead.
		pushStock: (updates) =>
			pushEach(updates, async (update) => {
				if (await isMultiOrigin()) return depotPush()(update);
				const { listing, quantity } = update;
				const path = listing.variantId ? `/items/${enc(listing.listingId)}/variations/${enc(listing.variantId)}` : `/items/${enc(listing.listingId)}`;
				await sendWrite(ctx, 'PUT', joinUrl(base, path), { body: { available_quantity: quantity } });
			}),

		async pushInvoice(input: InvoiceInput) {
			if (!input.xml) throw new Error(`Mercado Livre needs the authorised NF-e XML (nfeProc) for order ${input.channelOrderId}`);
			const shipment = await shipmentOf(input.channelOrderId, input.groupId);
			await sendWrite(ctx, 'POST', joinUrl(base, `/shipments/${enc(shipment)}/invoice_data`), {
				query: { siteId },
				headers: { 'content-type': 'application/xml' },
				body: input.xml,
			});
		},

		/** ME1 (seller-managed shipping) only: ME2 tracking is ML's own and the API refuses the notification. */
		async pushShipment(input: ShipmentInput) {
			const shipment = await shipmentOf(input.channelOrderId, input.groupId);
			await sendWrite(ctx, 'POST', joinUrl(base, `/shipments/${enc(shipment)}/seller_notifications`), {
				body: {
					tracking_number: input.trackingCode,
					tracking_url: input.trackingUrl ?? null,
					status: 'shipped',
					substatus: null,
					payload: { comment: input.carrier, date: input.shippedAt ?? new Date().toISOString() },
				},
			});
		},
	};
}
