import { createAnyMarketAdapter } from '../../../../core/channels/anymarket';
import { createAnyMarketWriter } from '../../../../core/channels/anymarket/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { AnyMarketSimulator, anyMarketOrder } from '../../../simulators/anymarket';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: AnyMarketSimulator;
export const ANYMARKET_TOKEN = 'gumga-token-conformance';
export const anyMarketSim = () => sim;

/** What the n8n credential does: the token in the gumgaToken header (a wrong one when refused). */
export function anyMarketContext(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	return {
		transport: createFetchTransport({ gumgaToken: refused ? 'wrong' : ANYMARKET_TOKEN }, 5000),
		baseUrl: `${sim.baseUrl}/v2`,
		account: 'loja-hub',
		retry,
	};
}

export async function startAnyMarket(): Promise<AnyMarketSimulator> {
	sim = new AnyMarketSimulator(ANYMARKET_TOKEN);
	await sim.start();
	return sim;
}

export const anyMarketWriterDriver: WriterDriver = {
	channel: 'anymarket',
	start: async () => {
		(await startAnyMarket()).stock.set('impala67', 4).set('fusca68', 1);
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createAnyMarketWriter(anyMarketContext(retry, refused)),
	skus: ['impala67', 'fusca68'],
	stockOf: (sku) => sim.stock.get(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/v2\/stocks$/,
	identityListings: true,
};

export const anyMarketListingDriver: ListingDriver = {
	channel: 'anymarket',
	start: anyMarketWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createAnyMarketAdapter(anyMarketContext(retry, refused)),
	// Not put in the feed: the listing suite reads the time-window listing (listForCatchUp), by creation time.
	put: (n, at) => {
		sim.put(anyMarketOrder({ id: 7000 + n, createdAt: at.toISOString() }), false);
		return String(7000 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/v2\/orders$/,
};
