import { createAmericanasAdapter } from '../../../../core/channels/americanas';
import { createAmericanasWriter } from '../../../../core/channels/americanas/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { AmericanasSimulator, skyhubOrder } from '../../../simulators/americanas';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: AmericanasSimulator;
const GTIN = '7891000315507';
export const SKYHUB_KEYS = { email: 'loja@exemplo.com.br', apiKey: 'skyhub-api-key', accountManagerKey: 'erp-account-manager-key' };

/** What the n8n credential does: the three SkyHub headers (a wrong API key when refused). */
export function americanasContext(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const headers = {
		'x-user-email': SKYHUB_KEYS.email,
		'x-api-key': refused ? 'wrong' : SKYHUB_KEYS.apiKey,
		'x-accountmanager-key': SKYHUB_KEYS.accountManagerKey,
	};
	return { transport: createFetchTransport(headers, 5000), baseUrl: sim.baseUrl, account: SKYHUB_KEYS.email, retry };
}

export const americanasSim = () => sim;
export const skyhubCode = (n: number) => `Lojas Americanas-${1517940500000 + n}-01`;

export const americanasWriterDriver: WriterDriver = {
	channel: 'americanas',
	start: async () => {
		sim = new AmericanasSimulator(SKYHUB_KEYS);
		await sim.start();
		sim.products.set('CAFETEIRA-110V', 3);
		sim.variations.set('CAMISETA-P-AZUL', null);
		// A connected product whose variation carries the barcode, under SKUs the OMS does not use.
		sim.products.set('LOJA-CANECA', 0);
		sim.variations.set('LOJA-CANECA-AZUL', 2);
		sim.catalog.set('LOJA-CANECA', { linked: true, ean: GTIN, variations: [{ sku: 'LOJA-CANECA-AZUL', ean: GTIN }] });
	},
	stop: () => sim.stop(),
	writer: (retry, refused) => createAmericanasWriter(americanasContext(retry, refused)),
	skus: ['CAFETEIRA-110V', 'CAMISETA-P-AZUL'],
	stockOf: (sku) => sim.products.get(sku) ?? sim.variations.get(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: 'GONE' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/(products|variations)\//,
	barcoded: { gtin: GTIN, stockOf: () => sim.variations.get('LOJA-CANECA-AZUL'), lookupPath: /^\/products$/ },
};

/** Not queued: the listing suite reads the catch-up's time window (GET /orders by creation day). */
export const americanasListingDriver: ListingDriver = {
	channel: 'americanas',
	start: americanasWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createAmericanasAdapter(americanasContext(retry, refused)),
	put: (n, at) => {
		sim.put(skyhubOrder({ code: skyhubCode(n), placedAt: at.toISOString(), updatedAt: at.toISOString() }), false);
		return skyhubCode(n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders$/,
};
