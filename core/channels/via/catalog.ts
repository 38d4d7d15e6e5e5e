import type { HttpRequest } from '../../http/transport';
import { barcodeText, findInCatalog } from '../common/catalog-read';
import { expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext, ListingRef, ListingsByGtin } from '../types';
import { readViaList, VIA_MAX_LIMIT } from './api';

/**
 * Via items by barcode. Items are read by skuSellerId only (GET /sellerItems/{skuSellerId}); the list GET
 * /sellerItems (`_offset`, `_limit`: "all the seller's products, even those not on sale") takes no barcode filter,
 * but each item carries `gtin`, a list of its EAN and ISBN codes (CNova "API Lojista v2" SDK, the SellerItem model
 * and SellerItemsApi.getSellerItems: ballke-dev/ViaVarejoSDK@90875423, leoaug/onsys-cnova-integracao@8250ca6f).
 * So the catalogue is read (findInCatalog), 50 a page (Via's recommended maximum for product reads, "Tecnologias e
 * Padrões"); an item found is its skuSellerId, the key of its stock endpoint.
 * [?] No sort order is documented, so an offset is not a stable position: an item added or removed during the read
 * may shift one row past it unread, until a later read. The SDK's optional `site` (which site's products; "only
 * Extra's" when absent, in the 2015 SDK) is not sent, as GET /sellerItems/{skuSellerId} does not send it.
 */
export function viaItemsByGtin(ctx: AdapterContext): (gtins: string[]) => Promise<ListingsByGtin> {
	return (gtins) =>
		findInCatalog<ListingRef>(ctx, 'via', gtins, async (position, seen) => {
			const offset = Number(position ?? 0);
			const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, '/sellerItems'), query: { _offset: offset, _limit: VIA_MAX_LIMIT } };
			const { rows, total } = readViaList(expectObject(await send(ctx, req), req), 'sellerItems');
			for (const item of rows) {
				if (typeof item.skuSellerId !== 'string' || item.skuSellerId === '') continue;
				for (const code of Array.isArray(item.gtin) ? item.gtin.map(barcodeText) : []) if (code) seen.offer(code, { listingId: item.skuSellerId });
			}
			const end = offset + rows.length;
			// Without a reported totalRows, a full page says there may be more.
			return rows.length === VIA_MAX_LIMIT && (total === undefined || end < total) ? String(end) : undefined;
		});
}
