import type { HttpRequest } from '../../http/transport';
import { joinUrl, send } from '../common/http';
import type { JsonObject } from '../common/raw-reader';
import { resolveEach, sendWrite, stockPerSku } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef } from '../types';
import { psXml, readList, readOne } from './api';
import { PRESTASHOP_CANCELLED_STATE, PRESTASHOP_SHIPPED_STATE } from './status';

/**
 * PrestaShop write-back (webservice; writes are XML, answers JSON with output_format=JSON):
 * - stock: the SKU is a combination's `reference` (GET /api/combinations?filter[reference]) or a product's
 *   (GET /api/products?filter[reference]); its stock_availables row (filter[id_product], filter
 *   [id_product_attribute]) is the listing. By barcode: the same with `ean13` (or `upc` for a GTIN-12), the
 *   fields of both (PrestaShop/PrestaShop@01f7fa6:classes/Combination.php and Product.php definitions; the
 *   webservice filters any field). A GTIN-14 fits neither field: never found. A push reads the row and PUTs it whole with the new quantity:
 *   PUT empties the optional fields it is not sent (PATCH would not, but exists only from 8.0);
 * - shipment: the order's order_carriers row gets the tracking_number (PUT, whole row), then POST
 *   /api/order_histories?sendemail=1 moves the order to the shipped state (options.shippedState, 4 unless set);
 * - cancel: POST /api/order_histories to the cancelled state (options.cancelledState, 6 unless set); PrestaShop
 *   puts the units back in stock itself when the state is not `logable`.
 * No invoice: PrestaShop's invoices are its own documents (order_invoices, numbered by the shop) with no field
 * for an NF-e.
 * [?] Not confirmed: a SKU in both a product and a combination (the combination wins here); shops with several
 * stock_availables rows for one product (multistore without shared stock: the first row is written); a row
 * with depends_on_stock=1 (advanced stock management computes it: PrestaShop may ignore the write).
 */
export function createPrestaShopWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const state = (name: string, fallback: string) => {
		const v = ctx.options?.[name];
		return typeof v === 'string' && /^\d+$/.test(v.trim()) ? v.trim() : typeof v === 'number' ? String(v) : fallback;
	};

	async function list(resource: string, query: Record<string, string>): Promise<JsonObject[]> {
		const req: HttpRequest = { method: 'GET', url: url(`/${resource}`), query: { ...query, output_format: 'JSON' } };
		return readList(await send(ctx, req), req, resource);
	}
	async function one(resource: string, singular: string, id: string): Promise<JsonObject> {
		const req: HttpRequest = { method: 'GET', url: url(`/${resource}/${encodeURIComponent(id)}`), query: { output_format: 'JSON' } };
		return readOne(await send(ctx, req), req, singular);
	}
	const putXml = (resource: string, singular: string, id: string, fields: Record<string, string | number | undefined>, idempotent: boolean) =>
		sendWrite(ctx, 'PUT', url(`/${resource}/${encodeURIComponent(id)}`), {
			query: { output_format: 'JSON' },
			body: psXml(singular, { ...fields, id }),
			headers: { 'content-type': 'application/xml' },
			idempotent,
		});
	const flat = (o: JsonObject) =>
		Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;

	/** The combination, else the product, whose `field` is exactly `value`, as its stock_availables row. */
	async function find(field: 'reference' | 'ean13' | 'upc', value: string): Promise<ListingRef | undefined> {
		// "[a|b]", "[1,9]" and "%" are filter syntax: a SKU written with them cannot be asked for exactly.
		if (/[[\]|%]/.test(value) || /^[\d.:\-\s]+,[\d.:\-\s]+$/.test(value)) return undefined;
		const exact = (rows: JsonObject[]) => rows.find((r) => r[field] === value);
		const query = { [`filter[${field}]`]: `[${value}]` };
		const combination = exact(await list('combinations', { ...query, display: `[id,id_product,${field}]` }));
		const product = combination ? undefined : exact(await list('products', { ...query, display: `[id,${field}]` }));
		const productId = combination ? String(combination.id_product) : product ? String(product.id) : undefined;
		if (productId === undefined) return undefined;
		const attribute = combination ? String(combination.id) : '0';
		const [row] = await list('stock_availables', { 'filter[id_product]': `[${productId}]`, 'filter[id_product_attribute]': `[${attribute}]`, display: '[id]' });
		return row ? { listingId: String(row.id), variantId: attribute, inventoryItemId: productId } : undefined;
	}

	async function history(orderId: string, stateId: string): Promise<void> {
		const body = psXml('order_history', { id_order: orderId, id_order_state: stateId });
		await sendWrite(ctx, 'POST', url('/order_histories'), {
			query: { sendemail: 1, output_format: 'JSON' },
			body,
			headers: { 'content-type': 'application/xml' },
		});
	}

	return {
		id: 'prestashop',
		...stockPerSku(
			(sku) => find('reference', sku),
			async ({ listing, quantity }) => {
				const row = await one('stock_availables', 'stock_available', listing.listingId);
				// Absolute value: a resend after a 5xx sets the same stock.
				await putXml('stock_availables', 'stock_available', listing.listingId, { ...flat(row), quantity }, true);
			},
		),
		/** GTIN-12 is the `upc` field (12 characters), the others `ean13` (13): ObjectModel definitions. */
		resolveListingsByGtin: (gtins) => resolveEach(gtins, (gtin) => find(gtin.length === 12 ? 'upc' : 'ean13', gtin)),

		async pushShipment(input) {
			const [carrier] = await list('order_carriers', { 'filter[id_order]': `[${input.channelOrderId}]`, display: 'full' });
			if (carrier) await putXml('order_carriers', 'order_carrier', String(carrier.id), { ...flat(carrier), tracking_number: input.trackingCode }, true);
			await history(input.channelOrderId, state('shippedState', PRESTASHOP_SHIPPED_STATE));
		},

		cancelOrder: (input) => history(input.channelOrderId, state('cancelledState', PRESTASHOP_CANCELLED_STATE)),
	};
}
