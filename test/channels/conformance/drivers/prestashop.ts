import { createPrestaShopAdapter } from '../../../../core/channels/prestashop';
import { createPrestaShopWriter } from '../../../../core/channels/prestashop/writer';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { PrestaShopSimulator, psOrder } from '../../../simulators/prestashop';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

let sim: PrestaShopSimulator;
const KEY = 'UCCLLQ9N2ARSHWCXLT74KUKSSK34BFKX';
const GTIN = '7891000315507';

/** What the n8n credential does: the key as the Basic user, no password (a revoked key when refused). */
export function prestaShopContext(baseUrl: string, retry: AdapterContext['retry'], key = KEY): AdapterContext {
	return {
		transport: createFetchTransport({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` }, 5000),
		baseUrl: `${baseUrl}/api`,
		account: 'loja',
		retry,
	};
}

function stockOf(reference: string): number | undefined {
	const owner = [...sim.products, ...sim.combinations].find((p) => p.reference === reference);
	const row = [...sim.stock.values()].find(
		(s) => s.id_product === (owner?.id_product ?? owner?.id) && s.id_product_attribute === (owner?.id_product ? owner.id : '0'),
	);
	return row ? Number(row.quantity) : undefined;
}

async function start(): Promise<void> {
	sim = new PrestaShopSimulator(KEY);
	await sim.start();
	sim.putSku('MOUSE', 9).putSku('TECLADO-AZ', 2, 44).putSku('LOJA-7891', 1, 45, { ean13: GTIN });
}

export const prestaShopWriterDriver: WriterDriver = {
	channel: 'prestashop',
	start,
	stop: () => sim.stop(),
	writer: (retry, refused) => createPrestaShopWriter(prestaShopContext(sim.baseUrl, retry, refused ? 'REVOKED' : KEY)),
	skus: ['MOUSE', 'TECLADO-AZ'],
	stockOf: (sku) => stockOf(sku),
	refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '999', variantId: '0' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/api\/stock_availables/,
	barcoded: { gtin: GTIN, stockOf: () => stockOf('LOJA-7891'), lookupPath: /\/api\/(combinations|products)$/ },
};

export const prestaShopListingDriver: ListingDriver = {
	channel: 'prestashop',
	start,
	stop: () => sim.stop(),
	adapter: (retry, refused) => createPrestaShopAdapter(prestaShopContext(sim.baseUrl, retry, refused ? 'REVOKED' : KEY)),
	put: (n, at) => {
		sim.put(psOrder({ id: 100 + n, updatedAt: at.toISOString() }));
		return String(100 + n);
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/api\/orders$/,
};
