import { createShopifyAdapter } from '../../../../core/channels/shopify';
import { createShopifyWriter } from '../../../../core/channels/shopify/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { ShopifySimulator, shopifyOrder } from '../../../simulators/shopify';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const TOKEN = 'shpat_conformance';
let sim: ShopifySimulator;
const GTIN = '7891000315507';

export const shopifyWriterDriver: WriterDriver = {
	channel: 'shopify',
	start: async () => {
		sim = new ShopifySimulator(TOKEN);
		await sim.start();
		sim.putVariant(4001, 'IPOD-PINK', 5).putVariant(4002, 'IPOD-BLUE', 5).putVariant(4003, 'LOJA-7891', 5);
		sim.variants.get('gid://shopify/ProductVariant/4003')!.barcode = GTIN;
	},
	stop: () => sim.stop(),
	writer: (retry, refused) =>
		createShopifyWriter({
			transport: createFetchTransport({ 'x-shopify-access-token': refused ? 'shpat_wrong' : TOKEN }, 5000),
			baseUrl: sim.baseUrl,
			account: 'bob-norman.myshopify.com',
			retry,
			options: { apiVersion: '2026-04' },
		}),
	skus: ['IPOD-PINK', 'IPOD-BLUE'],
	stockOf: (sku) => sim.available(sku),
	refusedUpdate: { sku: 'NOITEM', quantity: 1, listing: { listingId: 'p', inventoryItemId: 'gid://shopify/InventoryItem/9999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /graphql/,
	barcoded: { gtin: GTIN, stockOf: () => sim.available('LOJA-7891'), lookupPath: /graphql/ },
};

const seconds = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const shopifyListingDriver: ListingDriver = {
	channel: 'shopify',
	start: shopifyWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) =>
		createShopifyAdapter({
			transport: createFetchTransport({ 'x-shopify-access-token': refused ? 'shpat_wrong' : TOKEN }, 5000),
			baseUrl: sim.baseUrl,
			account: 'bob-norman.myshopify.com',
			retry,
			options: { apiVersion: '2026-01' },
		}),
	put: (n, at) => {
		sim.put(shopifyOrder({ id: 5000 + n, updatedAt: seconds(at), createdAt: seconds(at) }));
		return String(5000 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /graphql/,
};
