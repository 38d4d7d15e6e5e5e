import { createMiraklAdapter } from '../../../../core/channels/mirakl';
import { createMiraklWriter } from '../../../../core/channels/mirakl/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport, type HttpTransport } from '../../../../core/http/transport';
import { MiraklSimulator, miraklOrder } from '../../../simulators/mirakl';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: MiraklSimulator;
export const MIRAKL_KEY = 'mirakl-shop-key';

/** What the n8n credential does: the shop key as the Authorization header (a wrong one when refused). */
export function miraklContext(retry: AdapterContext['retry'], refused?: boolean, options?: AdapterContext['options']): AdapterContext {
	const fetchTransport = createFetchTransport({}, 5000);
	const transport: HttpTransport = (req) => fetchTransport({ ...req, headers: { ...req.headers, authorization: refused ? 'wrong' : MIRAKL_KEY } });
	return { transport, baseUrl: sim.baseUrl, account: '2001', retry, options: { importPollMs: 1, ...options } };
}

export const miraklSim = () => sim;

export const miraklWriterDriver: WriterDriver = {
	channel: 'mirakl',
	start: async () => {
		sim = new MiraklSimulator(MIRAKL_KEY);
		await sim.start();
		sim.stock.set('MOUSE', 9).set('TECLADO', 2);
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createMiraklWriter(miraklContext(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.stock.get(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/api\/offers\/stock\/imports/,
	identityListings: true,
};

export const miraklListingDriver: ListingDriver = {
	channel: 'mirakl',
	start: miraklWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createMiraklAdapter(miraklContext(retry, refused)),
	put: (n, at) => {
		sim.put(miraklOrder({ id: `MKP${String(n).padStart(5, '0')}-A`, updatedAt: at.toISOString() }));
		return `MKP${String(n).padStart(5, '0')}-A`;
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/api\/orders$/,
};
