import { createOlistAdapter } from '../../../../core/channels/olist';
import { createOlistWriter } from '../../../../core/channels/olist/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport, type HttpTransport } from '../../../../core/http/transport';
import { OlistSimulator, olistOrder } from '../../../simulators/olist';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: OlistSimulator;
export const OLIST_APP = {
	clientId: 'olist-client',
	clientSecret: 'olist-secret',
	redirectUri: 'https://n8n.example/rest/oauth2-credential/callback',
	code: 'olist-code',
};

/** What the n8n credential does: one code exchange, then "JWT {id_token}" on every call (a stale token when refused). */
async function start(): Promise<void> {
	sim = new OlistSimulator(OLIST_APP);
	await sim.start();
	sim.products.set('MOUSE', { quantity: 9, availability_days: 2 }).set('TECLADO', { quantity: 2, availability_days: 0 });
}

let idToken = '';

function context(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const fetchTransport = createFetchTransport({}, 5000);
	const transport: HttpTransport = async (req) => {
		if (!idToken) idToken = await sim.authorize();
		return fetchTransport({ ...req, headers: { ...req.headers, authorization: `JWT ${refused ? 'stale' : idToken}` } });
	};
	return { transport, baseUrl: sim.apiBase, account: 'fd5d9f6f-6b95-4e1b-8bb8-6c1123456789', retry };
}

const reset = async () => {
	idToken = '';
	await start();
};

export const olistWriterDriver: WriterDriver = {
	channel: 'olist',
	start: reset,
	stop: () => sim.stop(),
	writer: (retry, refused) => createOlistWriter(context(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.products.get(sku)?.quantity,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/v1\/seller-products\//,
};

export const olistListingDriver: ListingDriver = {
	channel: 'olist',
	start: reset,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createOlistAdapter(context(retry, refused)),
	put: (n, at) => {
		const code = `ORDSIM${String(n).padStart(6, '0')}`;
		sim.put(olistOrder({ code, updatedAt: at.toISOString() }));
		return code;
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/v1\/seller-orders\/$/,
};
