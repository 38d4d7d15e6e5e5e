import { createMadeiraMadeiraAdapter } from '../../../../core/channels/madeiramadeira';
import { createMadeiraMadeiraWriter } from '../../../../core/channels/madeiramadeira/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { MadeiraMadeiraSimulator, mmOrder } from '../../../simulators/madeiramadeira';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: MadeiraMadeiraSimulator;
const TOKEN = 'mm-seller-token';

/** What the n8n credential does: the TOKENMM header (a revoked one when refused). */
function context(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	return { transport: createFetchTransport({ tokenmm: refused ? 'revoked' : TOKEN }, 5000), baseUrl: sim.baseUrl, account: '3', retry };
}

async function start(): Promise<void> {
	sim = new MadeiraMadeiraSimulator(TOKEN);
	await sim.start();
	sim.stock.set('MOUSE', 9).set('TECLADO', 2);
}

export const madeiraMadeiraWriterDriver: WriterDriver = {
	channel: 'madeiramadeira',
	start,
	stop: () => sim.stop(),
	writer: (retry, refused) => createMadeiraMadeiraWriter(context(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.stock.get(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/v1\/produto\/estoque$/,
	identityListings: true,
};

export const madeiraMadeiraListingDriver: ListingDriver = {
	channel: 'madeiramadeira',
	start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createMadeiraMadeiraAdapter(context(retry, refused)),
	put: (n, at) => {
		sim.put(mmOrder({ id: 6051600 + n, updatedAt: at.toISOString() }));
		return String(6051600 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/v1\/pedido\/from=/,
};
