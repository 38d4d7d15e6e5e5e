import { createShopeeAdapter } from '../../../../core/channels/shopee';
import { withShopeeSigning } from '../../../../core/channels/shopee/api';
import { createShopeeWriter } from '../../../../core/channels/shopee/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { ShopeeSimulator, shopeeOrder } from '../../../simulators/shopee';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: ShopeeSimulator;
const GTIN = '7891000315507';
export const SHOPEE_KEYS = { partnerId: '2001887', partnerKey: 'partner-key-test', shopId: '322300222', code: 'auth-code' };

/** What the n8n credential does: every request signed, with the shop's token (a wrong one when refused). */
function context(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const transport = withShopeeSigning(createFetchTransport({}, 5000), SHOPEE_KEYS, () => (refused ? 'wrong' : sim.token0()));
	return { transport, baseUrl: sim.baseUrl, account: SHOPEE_KEYS.shopId, retry };
}

export const shopeeWriterDriver: WriterDriver = {
	channel: 'shopee',
	start: async () => {
		sim = new ShopeeSimulator(SHOPEE_KEYS);
		await sim.start();
		sim.putItem(501, 'CAMISETA', [{ id: 9001, sku: 'MOUSE', stock: 9 }]).putItem(502, 'TECLADO', [{ id: 0, sku: 'TECLADO', stock: 2 }]);
		// A model carrying the barcode, under a SKU the OMS does not use.
		sim.putItem(503, 'CANECA', [{ id: 9031, sku: 'LOJA-7891', stock: 4, gtin: GTIN }]);
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createShopeeWriter(context(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.stockOf(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '999', variantId: '0' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/api\/v2\/product\//,
	authStatus: 403,
	barcoded: { gtin: GTIN, stockOf: () => sim.items.get(503)?.models.get(9031)?.stock, lookupPath: /\/api\/v2\/product\/get_item_list$/ },
};

export const shopeeListingDriver: ListingDriver = {
	channel: 'shopee',
	start: shopeeWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createShopeeAdapter(context(retry, refused)),
	put: (n, at) => {
		sim.put(shopeeOrder({ sn: `2603SN${String(n).padStart(4, '0')}`, updatedAt: at.toISOString() }));
		return `2603SN${String(n).padStart(4, '0')}`;
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/api\/v2\/order\/get_order_list$/,
	authStatus: 403,
	// sample() reads the last 15 days (one get_order_list range): the suite's orders must be recent.
	t0: Math.floor(Date.now() / 3600_000) * 3600_000 - 6 * 3600_000,
};
