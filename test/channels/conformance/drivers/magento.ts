import { createMagentoAdapter } from '../../../../core/channels/magento';
import { createMagentoWriter } from '../../../../core/channels/magento/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { MagentoSimulator, mageOrder } from '../../../simulators/magento';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: MagentoSimulator;
const TOKEN = 'mage-token';

/** What the n8n credential does: the Bearer header (a revoked token when refused). */
function context(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	return { transport: createFetchTransport({ authorization: `Bearer ${refused ? 'revoked' : TOKEN}` }, 5000), baseUrl: sim.baseUrl, account: 'shop', retry };
}

async function start(): Promise<void> {
	sim = new MagentoSimulator(TOKEN);
	await sim.start();
	sim.putProduct('MOUSE', 9).putProduct('TECLADO', 2);
}

export const magentoWriterDriver: WriterDriver = {
	channel: 'magento',
	start,
	stop: () => sim.stop(),
	writer: (retry, refused) => createMagentoWriter(context(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.sourceItems.get(sku)?.quantity,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/V1\/inventory\/source-items$/,
};

export const magentoListingDriver: ListingDriver = {
	channel: 'magento',
	start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createMagentoAdapter(context(retry, refused)),
	put: (n, at) => {
		sim.put(mageOrder({ id: 100 + n, updatedAt: at.toISOString() }));
		return String(100 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/V1\/orders$/,
};
