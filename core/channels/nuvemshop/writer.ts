import type { HttpRequest } from '../../http/transport';
import { expectArray, expectObject, joinUrl, send } from '../common/http';
import { readLocationArray } from '../common/locations';
import { isJsonObject } from '../common/raw-reader';
import { findInCatalog } from '../common/catalog-read';
import { absentOn404, reasonFrom, sendWrite, stockPerSku } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef } from '../types';
import { isPastLastPage } from './pages';

/** A localized name ({ pt_BR, es_AR, en_US } in the published example) in Portuguese first, or a plain string. */
function localizedName(name: unknown): string | undefined {
	if (typeof name === 'string') return name;
	if (!isJsonObject(name)) return undefined;
	const texts = [name.pt_BR, name.pt, name.es_AR, name.es, name.en_US, name.en, ...Object.values(name)];
	return texts.find((t): t is string => typeof t === 'string' && t.trim() !== '');
}

const CANCEL_REASONS = ['customer', 'inventory', 'fraud', 'other'] as const;

interface NuvemshopVariant {
	id: number | string;
	sku?: string | null;
	barcode?: string | null;
}

/** Products per page of the catalog read (the listing's maximum). */
const CATALOG_PAGE = 200;

/**
 * Nuvemshop / Tiendanube write-back over REST v1: variant stock (replace, optionally at one location
 * via options.locationId), fulfil with tracking, cancel, and the NF-e as the documented "nfe" order
 * metafields (key and link) that carrier and ERP apps read; the API has no invoice resource.
 */
export function createNuvemshopWriter(ctx: AdapterContext): ChannelWriter {
	const store = (path: string) => joinUrl(ctx.baseUrl, `/${encodeURIComponent(ctx.account)}/${path}`);
	const locationId = ctx.options?.locationId;
	const orderUrl = (id: string, action: string) => store(`orders/${encodeURIComponent(id)}/${action}`);

	async function findBySku(sku: string): Promise<ListingRef | undefined> {
		const req: HttpRequest = { method: 'GET', url: store(`products/sku/${encodeURIComponent(sku)}`) };
		const product = await absentOn404(async () => expectObject(await send(ctx, req), req));
		const variant = (Array.isArray(product?.variants) ? (product.variants as NuvemshopVariant[]) : []).find((v) => v.sku === sku);
		return product && variant ? { listingId: String(product.id), variantId: String(variant.id) } : undefined;
	}

	/**
	 * The variant `barcode` (GTIN, EAN, ISBN…) cannot be searched (`q` covers names, descriptions and SKU), so
	 * the catalog is read (findInCatalog: until every barcode is found, within a time budget): GET
	 * /products?fields=id,variants, 200 per page, keyed by since_id (the highest product id read so far), a
	 * position that does not move as products are added or removed. The list's default order is not documented
	 * (one of its sort criteria is the store's manual order), and since_id on the highest id of a page in any
	 * other order skips the lower ids the page did not hold: sort_by=created-at-ascending is sent, the documented
	 * criterion closest to the id's (GET /products' sort_by values "user", …, "created-at-ascending",
	 * "created-at-descending", "best-selling": tiendanube.github.io/api-documentation/resources/product). Its cost: one request per 200 products while a barcoded SKU stays unlisted.
	 * [?] That ids follow creation is assumed; products created in the same second that straddle a page's end
	 * in an order other than their ids' could leave one unread until a later read.
	 */
	const variantsByBarcode = (gtins: string[]) =>
		findInCatalog<ListingRef>(ctx, 'nuvemshop', gtins, async (position, seen) => {
			const sinceId = Number(position ?? 0);
			const req: HttpRequest = { method: 'GET', url: store('products'), query: { since_id: sinceId, per_page: CATALOG_PAGE, sort_by: 'created-at-ascending', fields: 'id,variants' } };
			let products: Array<{ id: number | string; variants?: NuvemshopVariant[] }>;
			try {
				products = expectArray(await send(ctx, req), req) as typeof products;
			} catch (error) {
				if (isPastLastPage(error)) return undefined;
				throw error;
			}
			for (const p of products) {
				for (const v of Array.isArray(p.variants) ? p.variants : []) if (v.barcode) seen.offer(v.barcode, { listingId: String(p.id), variantId: String(v.id) });
			}
			const last = Math.max(...products.map((p) => Number(p.id)).filter(Number.isFinite));
			return products.length < CATALOG_PAGE || !(last > sinceId) ? undefined : String(last);
		});

	async function metafield(orderId: string, key: string, value: string): Promise<void> {
		await sendWrite(ctx, 'POST', store('metafields'), {
			body: { namespace: 'nfe', key, value, owner_resource: 'Order', owner_id: Number(orderId) },
		});
	}

	return {
		id: 'nuvemshop',
		// The stock endpoint is per product; one variant per call keeps failures per SKU.
		...stockPerSku(findBySku, async ({ listing, quantity }) => {
			// Without `id` the action would apply to every variant of the product.
			if (!listing.variantId) throw new Error(`Nuvemshop stock needs the variant id of product ${listing.listingId}`);
			const body = {
				action: 'replace',
				value: quantity,
				id: Number(listing.variantId),
				...(locationId !== undefined ? { location_id: String(locationId) } : {}),
			};
			// "replace" sets an absolute value, so a resend after a 5xx is harmless.
			await sendWrite(ctx, 'POST', store(`products/${encodeURIComponent(listing.listingId)}/variants/stock`), { body, idempotent: true });
		}),
		resolveListingsByGtin: variantsByBarcode,
		/** GET /locations (multi-inventory, scope read_locations): every location with its localized name. */
		listLocations: () => readLocationArray(ctx, store('locations'), (l) => ({ name: localizedName(l.name) })),

		async pushInvoice(input) {
			await metafield(input.channelOrderId, 'key', input.nfeKey);
			if (input.url) await metafield(input.channelOrderId, 'link', input.url);
		},

		async pushShipment(input) {
			await sendWrite(ctx, 'POST', orderUrl(input.channelOrderId, 'fulfill'), {
				body: { shipping_tracking_number: input.trackingCode, shipping_tracking_url: input.trackingUrl, notify_customer: true },
			});
		},

		async cancelOrder(input) {
			// The OMS owns stock: it republishes quantities itself, so Nuvemshop must not restock on its own.
			await sendWrite(ctx, 'POST', orderUrl(input.channelOrderId, 'cancel'), {
				body: { reason: reasonFrom(input.reason, CANCEL_REASONS, 'other'), email: false, restock: false },
			});
		},
	};
}
