import { createNuvemshopAdapter } from '../../../../core/channels/nuvemshop';
import { createNuvemshopWriter } from '../../../../core/channels/nuvemshop/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { NuvemshopSimulator, nuvemshopOrder } from '../../../simulators/nuvemshop';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const auth = { storeId: '123456', accessToken: 'tok_conformance' };
let sim: NuvemshopSimulator;
const GTIN = '7891000315507';
const transport = (refused?: boolean) =>
	createFetchTransport({ authentication: `bearer ${refused ? 'tok_wrong' : auth.accessToken}`, 'user-agent': 'OMS n8n nodes (oms@example.com)' }, 5000);
const variant = (id: number, sku: string) => ({ id, product_id: 1234, sku, inventory_levels: [{ id: 1, location_id: '01LOC01', stock: 4 }] });

export const nuvemshopWriterDriver: WriterDriver = {
	channel: 'nuvemshop',
	start: async () => {
		sim = new NuvemshopSimulator(auth);
		await sim.start();
		sim.putProduct({ id: 1234, name: { pt: 'Camiseta' }, variants: [variant(101, 'CAM-AZ-M'), variant(102, 'CAM-AZ-G')] });
		// A variant carrying the barcode, under a SKU the OMS does not use.
		sim.putProduct({ id: 1300, name: { pt: 'Caneca' }, variants: [{ ...variant(1301, 'LOJA-7891'), product_id: 1300, barcode: GTIN }] });
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createNuvemshopWriter({ transport: transport(refused), baseUrl: `${sim.baseUrl}/v1`, account: auth.storeId, retry }),
	skus: ['CAM-AZ-M', 'CAM-AZ-G'],
	stockOf: (sku) => sim.products.get(1234)?.variants.find((v) => v.sku === sku)?.inventory_levels[0].stock,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '1234', variantId: '999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /variants\/stock/,
	barcoded: { gtin: GTIN, stockOf: () => sim.products.get(1300)?.variants[0].inventory_levels[0].stock, lookupPath: /\/products$/ },
};

export const nuvemshopListingDriver: ListingDriver = {
	channel: 'nuvemshop',
	start: nuvemshopWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createNuvemshopAdapter({ transport: transport(refused), baseUrl: `${sim.baseUrl}/v1`, account: auth.storeId, retry }),
	put: (n, at) => {
		sim.put(nuvemshopOrder({ id: 450789000 + n, updatedAt: at.toISOString(), createdAt: at.toISOString() }));
		return String(450789000 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders$/,
};
