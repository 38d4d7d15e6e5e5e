import { createTrayAdapter } from '../../../../core/channels/tray';
import { createTrayWriter } from '../../../../core/channels/tray/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport, type HttpTransport } from '../../../../core/http/transport';
import { TraySimulator, trayOrder } from '../../../simulators/tray';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: TraySimulator;
const ID_OF: Record<string, number> = { MOUSE: 14, TECLADO: 15 };
const GTIN = '7891000315507';

/** What the n8n credential does: ?access_token= on every request (a wrong one when refused). */
function context(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const fetchTransport = createFetchTransport({}, 5000);
	const transport: HttpTransport = (req) => fetchTransport({ ...req, query: { ...req.query, access_token: refused ? 'wrong' : sim.token() } });
	return { transport, baseUrl: sim.apiAddress, account: '391250', retry };
}

export const trayWriterDriver: WriterDriver = {
	channel: 'tray',
	start: async () => {
		sim = new TraySimulator({ consumerKey: 'ck', consumerSecret: 'cs', code: 'code' });
		await sim.start();
		sim.putProduct({ id: 14, reference: 'MOUSE', stock: 9 }, { id: 15, reference: 'TECLADO', stock: 2 });
		// A variation carrying the barcode, under a reference the OMS does not use.
		sim.putProduct({ id: 16, reference: 'CAMISETA', stock: 0, variants: [{ id: 161, reference: 'LOJA-7891', stock: 1, ean: GTIN }] });
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createTrayWriter(context(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.products.get(ID_OF[sku])?.stock,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/products\//,
	barcoded: { gtin: GTIN, stockOf: () => sim.products.get(16)?.variants?.[0].stock, lookupPath: /\/products/ },
};

export const trayListingDriver: ListingDriver = {
	channel: 'tray',
	start: trayWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createTrayAdapter(context(retry, refused)),
	put: (n, at) => {
		sim.put(trayOrder({ id: 100 + n, modifiedAt: at.toISOString(), createdAt: at.toISOString() }));
		return String(100 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/web_api\/orders$/,
};
