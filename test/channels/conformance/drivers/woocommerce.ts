import { createWooCommerceAdapter } from '../../../../core/channels/woocommerce';
import { createWooCommerceWriter } from '../../../../core/channels/woocommerce/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { WooCommerceSimulator, wooOrder, type WooProduct } from '../../../simulators/woocommerce';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const keys = { consumerKey: 'ck_conformance', consumerSecret: 'cs_conformance' };
const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`${keys.consumerKey}:${secret}`).toString('base64')}` });
let sim: WooCommerceSimulator;
const product = (id: number, sku: string): WooProduct => ({
	id,
	name: sku,
	sku,
	type: 'simple',
	parent_id: 0,
	manage_stock: false,
	stock_quantity: null,
	stock_status: 'instock',
});
const ID_OF: Record<string, number> = { 'CAN-01': 10, 'CAN-02': 11 };
const GTIN = '7891000315507';

export const wooCommerceWriterDriver: WriterDriver = {
	channel: 'woocommerce',
	start: async () => {
		sim = new WooCommerceSimulator(keys);
		await sim.start();
		// A variation carrying the barcode, under a seller SKU the OMS does not use.
		sim.putProduct(product(10, 'CAN-01'), product(11, 'CAN-02'), { ...product(13, 'LOJA-7891'), type: 'variation', parent_id: 12, global_unique_id: GTIN });
	},
	stop: () => sim.stop(),
	writer: (retry, refused) =>
		createWooCommerceWriter({
			transport: createFetchTransport(basic(refused ? 'cs_wrong' : keys.consumerSecret), 5000),
			baseUrl: sim.baseUrl,
			account: 'shop',
			retry,
		}),
	skus: ['CAN-01', 'CAN-02'],
	stockOf: (sku) => sim.products.get(ID_OF[sku])?.stock_quantity,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /batch/,
	barcoded: { gtin: GTIN, stockOf: () => sim.products.get(13)?.stock_quantity, lookupPath: /\/products$/ },
};

export const wooCommerceListingDriver: ListingDriver = {
	channel: 'woocommerce',
	start: wooCommerceWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) =>
		createWooCommerceAdapter({
			transport: createFetchTransport(basic(refused ? 'cs_wrong' : keys.consumerSecret), 5000),
			baseUrl: sim.baseUrl,
			account: 'shop',
			retry,
		}),
	put: (n, at) => {
		const gmt = at.toISOString().slice(0, 19);
		sim.put(wooOrder({ id: 700 + n, modifiedGmt: gmt, createdGmt: gmt }));
		return String(700 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders$/,
};
