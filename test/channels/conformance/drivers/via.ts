import { createViaAdapter } from '../../../../core/channels/via';
import { createViaWriter } from '../../../../core/channels/via/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { ViaSimulator, viaOrder } from '../../../simulators/via';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: ViaSimulator;
const GTIN = '7891000315507';
export const VIA_KEYS = { clientId: 'via-app-client-id', accessToken: 'via-store-token' };

/** What the n8n credential does: client_id and access_token headers (a wrong token when refused). */
export function viaContext(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const headers = { client_id: VIA_KEYS.clientId, access_token: refused ? 'wrong' : VIA_KEYS.accessToken };
	return { transport: createFetchTransport(headers, 5000), baseUrl: sim.baseUrl, account: '12345', retry };
}

export const viaSim = () => sim;
export const viaId = (n: number) => String(23236100 + n);

export const viaWriterDriver: WriterDriver = {
	channel: 'via',
	start: async () => {
		sim = new ViaSimulator(VIA_KEYS);
		await sim.start();
		sim.items.set('14080', { quantity: 3, crossDockingTime: 2 }).set('CAFETEIRA-110V', { quantity: null, crossDockingTime: 0 });
		// An item carrying the barcode, under a skuSellerId the OMS does not use.
		sim.items.set('LOJA-7891', { quantity: 1, crossDockingTime: 1, gtin: ['9788535902778', GTIN] });
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createViaWriter(viaContext(retry, refused)),
	skus: ['14080', 'CAFETEIRA-110V'],
	stockOf: (sku) => sim.items.get(sku)?.quantity,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/sellerItems\//,
	barcoded: { gtin: GTIN, stockOf: () => sim.items.get('LOJA-7891')?.quantity, lookupPath: /^\/sellerItems$/ },
};

export const viaListingDriver: ListingDriver = {
	channel: 'via',
	start: viaWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createViaAdapter(viaContext(retry, refused)),
	put: (n, at) => {
		sim.put(viaOrder({ id: viaId(n), purchasedAt: at.toISOString(), at: at.toISOString(), status: n % 2 ? 'PAY' : 'NEW' }));
		return viaId(n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders\/status\//,
};
