import { createLojaIntegradaAdapter } from '../../../../core/channels/lojaintegrada';
import { createLojaIntegradaWriter } from '../../../../core/channels/lojaintegrada/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { LojaIntegradaSimulator, liOrder } from '../../../simulators/lojaintegrada';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: LojaIntegradaSimulator;
const keys = { chaveApi: 'li-store', chaveAplicacao: 'li-app' };
const ID_OF: Record<string, number> = { MOUSE: 174389010, TECLADO: 174389011 };
const GTIN = '7891000315507';
/** A variation carrying the barcode, under a SKU the OMS does not use; its parent carries it too and keeps no stock. */
const BARCODED = { parent: 174389020, variation: 174389021 };

/** What the n8n credential does: the "chave_api … aplicacao …" header (another app key when refused). */
function context(retry: AdapterContext['retry'], refused?: boolean): AdapterContext {
	const auth = `chave_api ${keys.chaveApi} aplicacao ${refused ? 'revoked' : keys.chaveAplicacao}`;
	return { transport: createFetchTransport({ authorization: auth }, 5000), baseUrl: sim.baseUrl, account: '1234567', retry };
}

async function start(): Promise<void> {
	sim = new LojaIntegradaSimulator(keys);
	await sim.start();
	sim.putProduct(ID_OF.MOUSE, 'MOUSE', 9).putProduct(ID_OF.TECLADO, 'TECLADO', 2);
	sim.putProduct(BARCODED.parent, 'LOJA-CANECA', 0).putProduct(BARCODED.variation, 'LOJA-CANECA-AZ', 3);
	sim.catalog.set(BARCODED.parent, { tipo: 'atributo', gtin: GTIN });
	sim.catalog.set(BARCODED.variation, { tipo: 'atributo_opcao', pai: BARCODED.parent, gtin: GTIN });
}

export const lojaIntegradaWriterDriver: WriterDriver = {
	channel: 'lojaintegrada',
	start,
	stop: () => sim.stop(),
	writer: (retry, refused) => createLojaIntegradaWriter(context(retry, refused)),
	skus: ['MOUSE', 'TECLADO'],
	stockOf: (sku) => sim.stock.get(ID_OF[sku])?.quantidade,
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '999' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/produto_estoque\//,
	barcoded: { gtin: GTIN, stockOf: () => sim.stock.get(BARCODED.variation)?.quantidade, lookupPath: /\/v1\/produto\/$/ },
};

export const lojaIntegradaListingDriver: ListingDriver = {
	channel: 'lojaintegrada',
	start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createLojaIntegradaAdapter(context(retry, refused)),
	put: (n, at) => {
		sim.put(liOrder({ numero: 100 + n, modifiedAt: at.toISOString(), createdAt: at.toISOString() }));
		return String(100 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/v1\/pedido\/search\/$/,
};
