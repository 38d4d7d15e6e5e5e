import type { AdapterContext } from '../../../../core/channels/types';
import { createWakeAdapter } from '../../../../core/channels/wake';
import { createWakeWriter } from '../../../../core/channels/wake/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { WakeSimulator, wakeOrder } from '../../../simulators/wake';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: WakeSimulator;
const TOKEN = 'wake-token';

/** What the n8n credential does: "Authorization: Basic <token>" (a revoked token when refused). */
export function wakeContext(baseUrl: string, retry: AdapterContext['retry'], token = TOKEN, options?: AdapterContext['options']): AdapterContext {
	return { transport: createFetchTransport({ authorization: `Basic ${token}` }, 5000), baseUrl, account: 'loja-wake', retry, options };
}

async function start(): Promise<void> {
	sim = new WakeSimulator(TOKEN);
	await sim.start();
	sim.stock.set('CAMISETA-P', 9).set('CAMISETA-M', 2);
}

export const wakeWriterDriver: WriterDriver = {
	channel: 'wake',
	start,
	stop: () => sim.stop(),
	writer: (retry, refused) => createWakeWriter(wakeContext(sim.baseUrl, retry, refused ? 'revoked' : TOKEN)),
	skus: ['CAMISETA-P', 'CAMISETA-M'],
	stockOf: (sku) => sim.stock.get(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/produtos\/estoques$/,
	identityListings: true,
};

export const wakeListingDriver: ListingDriver = {
	channel: 'wake',
	start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createWakeAdapter(wakeContext(sim.baseUrl, retry, refused ? 'revoked' : TOKEN)),
	put: (n, at) => {
		sim.put(wakeOrder({ id: 100 + n, updatedAt: at.toISOString() }));
		return String(100 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/pedidos$/,
};
