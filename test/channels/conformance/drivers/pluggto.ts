import { createPluggToAdapter } from '../../../../core/channels/pluggto';
import { createPluggToWriter } from '../../../../core/channels/pluggto/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport, type HttpTransport } from '../../../../core/http/transport';
import { PluggToSimulator, pluggToId, pluggToOrder } from '../../../simulators/pluggto';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: PluggToSimulator;
export const PLUGGTO_CLIENT = { id: 'plugg-client', secret: 'plugg-secret', user: '1445461182', password: 'api-password' };
export const pluggToSim = () => sim;

/** What the n8n credential does: a token from the password grant as `Authorization: Bearer` (a wrong one when refused). */
export function pluggToContext(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const fetchTransport = createFetchTransport({}, 5000);
	let token: string | undefined;
	const transport: HttpTransport = (req) => {
		token ??= refused ? 'wrong' : sim.issue();
		return fetchTransport({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } });
	};
	return { transport, baseUrl: sim.baseUrl, account: 'loja-plugg', retry };
}

export async function startPluggTo(): Promise<PluggToSimulator> {
	sim = new PluggToSimulator(PLUGGTO_CLIENT);
	await sim.start();
	return sim;
}

export const pluggToWriterDriver: WriterDriver = {
	channel: 'pluggto',
	start: async () => {
		(await startPluggTo()).stock.set('486086', 5).set('486078', 1);
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createPluggToWriter(pluggToContext(retry, refused)),
	skus: ['486086', '486078'],
	stockOf: (sku) => sim.stock.get(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/skus\//,
	identityListings: true,
};

export const pluggToListingDriver: ListingDriver = {
	channel: 'pluggto',
	start: pluggToWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createPluggToAdapter(pluggToContext(retry, refused)),
	put: (n, at) => {
		sim.put(pluggToOrder({ n, modified: at.toISOString() }));
		return pluggToId(n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders$/,
};
