import { createMercadoLivreAdapter } from '../../../../core/channels/mercadolivre';
import { createMercadoLivreWriter } from '../../../../core/channels/mercadolivre/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { MercadoLivreSimulator, mlOrder } from '../../../simulators/mercadolivre';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const TOKEN = 'APP_USR-conformance';
let sim: MercadoLivreSimulator;
const item = (id: string, sku: string) => ({ id, available_quantity: 3, attributes: [{ id: 'SELLER_SKU', value_name: sku }], variations: [] });
const ITEM_OF: Record<string, string> = { 'CAN-01': 'MLB100', 'CAN-02': 'MLB101' };
const GTIN = '7891000315507';
/** On sale under a seller SKU the OMS does not use; its only variation carries the barcode. */
const barcoded = { id: 'MLB300', available_quantity: 2, attributes: [{ id: 'SELLER_SKU', value_name: 'LOJA-7891' }], variations: [{ id: 3001, available_quantity: 2, attributes: [{ id: 'GTIN', value_name: GTIN }] }] };

export const mercadoLivreWriterDriver: WriterDriver = {
	channel: 'mercadolivre',
	start: async () => {
		sim = new MercadoLivreSimulator(TOKEN);
		await sim.start();
		sim.putItem(item('MLB100', 'CAN-01'), item('MLB101', 'CAN-02'), structuredClone(barcoded));
	},
	stop: () => sim.stop(),
	writer: (retry, refused) =>
		createMercadoLivreWriter({
			transport: createFetchTransport({ authorization: `Bearer ${refused ? 'wrong' : TOKEN}` }, 5000),
			baseUrl: sim.baseUrl,
			account: String(sim.sellerId),
			retry,
		}),
	skus: ['CAN-01', 'CAN-02'],
	stockOf: (sku) => sim.items.get(ITEM_OF[sku])?.available_quantity,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'MLB999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/items\//,
	barcoded: { gtin: GTIN, stockOf: () => sim.items.get('MLB300')?.variations[0].available_quantity, lookupPath: /\/items\/search$/ },
};

export const mercadoLivreListingDriver: ListingDriver = {
	channel: 'mercadolivre',
	start: mercadoLivreWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) =>
		createMercadoLivreAdapter({
			transport: createFetchTransport({ authorization: `Bearer ${refused ? 'wrong' : TOKEN}` }, 5000),
			baseUrl: sim.baseUrl,
			account: String(sim.sellerId),
			retry,
		}),
	put: (n, at) => {
		sim.put(mlOrder({ id: 2000000 + n, lastUpdated: at.toISOString(), created: at.toISOString() }));
		return String(2000000 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders\/search$/,
};
