import { createVtexAdapter } from '../../../../core/channels/vtex';
import { createVtexWriter } from '../../../../core/channels/vtex/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { VtexSimulator, vtexOrder } from '../../../simulators/vtex';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const creds = { appKey: 'vtexappkey-luxstore-ABCDEF', appToken: 'secret-conformance' };
let sim: VtexSimulator;
const transport = (refused?: boolean) =>
	createFetchTransport({ 'x-vtex-api-appkey': creds.appKey, 'x-vtex-api-apptoken': refused ? 'wrong' : creds.appToken }, 5000);
const SKU_ID: Record<string, string> = { BIGBML: '18', SMLBML: '19' };
const GTIN = '7891000315507';

export const vtexWriterDriver: WriterDriver = {
	channel: 'vtex',
	start: async () => {
		sim = new VtexSimulator(creds);
		await sim.start();
		sim.catalog.set('BIGBML', '18').set('SMLBML', '19').set('REF-7891', '20');
		sim.eans.set(GTIN, '20');
	},
	stop: () => sim.stop(),
	writer: (retry, refused) =>
		createVtexWriter({ transport: transport(refused), baseUrl: sim.baseUrl, account: 'luxstore', retry, options: { warehouseId: '1_1' } }),
	skus: ['BIGBML', 'SMLBML'],
	stockOf: (sku) => sim.stockOf(SKU_ID[sku]),
	refusedUpdate: { sku: 'GONE', quantity: 3, listing: { listingId: '999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /inventory/,
	barcoded: { gtin: GTIN, stockOf: () => sim.stockOf('20'), lookupPath: /stockkeepingunitbyean/ },
};

export const vtexListingDriver: ListingDriver = {
	channel: 'vtex',
	start: vtexWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createVtexAdapter({ transport: transport(refused), baseUrl: sim.baseUrl, account: 'luxstore', retry }),
	// Not emitted to the feed: the listing suite reads VTEX's time window (listForCatchUp), by creation date.
	put: (n, at) => {
		const orderId = `v${502556 + n}lux-01`;
		sim.setOrder(vtexOrder({ orderId, status: 'ready-for-handling', lastChange: at.toISOString() }), false);
		return orderId;
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/api\/oms\/pvt\/orders$/,
};
