import { createNuvemshopWriter } from '../../core/channels/nuvemshop/writer';
import { createFetchTransport } from '../../core/http/transport';
import { NuvemshopSimulator } from '../simulators/nuvemshop';
import { tinyRetry } from './helpers/channel-test';

/** Nuvemshop's barcode look-up reads the catalog by since_id pages: across pages, stopping once all are found. */
const auth = { storeId: '123456', accessToken: 'tok' };
let sim: NuvemshopSimulator;
beforeEach(async () => {
	sim = new NuvemshopSimulator(auth);
	await sim.start();
	// 450 products, ids 1..450; product n's only variant is 10n, barcodes on products 5 and 420.
	for (let n = 1; n <= 450; n++) {
		const barcode = n === 5 ? '7891000315507' : n === 420 ? '036000291452' : null;
		sim.putProduct({ id: n, name: { pt: `P${n}` }, variants: [{ id: 10 * n, product_id: n, sku: `SKU-${n}`, barcode, inventory_levels: [] }] });
	}
});
afterEach(() => sim.stop());

const writer = (catalogReadMs?: number) =>
	createNuvemshopWriter({
		transport: createFetchTransport({ authentication: `bearer ${auth.accessToken}`, 'user-agent': 'OMS (oms@example.com)' }, 5000),
		baseUrl: `${sim.baseUrl}/v1`,
		account: auth.storeId,
		retry: tinyRetry(2).retry,
		...(catalogReadMs === undefined ? {} : { options: { catalogReadMs } }),
	});
const pages = () => sim.requests(/\/products$/).map((r) => r.query.get('since_id'));

test('pages on since_id (the highest id read) and stops as soon as every barcode is found', async () => {
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['036000291452', '7891000315507']))).toEqual({
		'036000291452': { listingId: '420', variantId: '4200' },
		'7891000315507': { listingId: '5', variantId: '50' },
	});
	expect(pages()).toEqual(['0', '200', '400']);
});

test('a barcode nobody carries reads the whole catalog once, to its end (404 "Last page is 0" included)', async () => {
	sim.products.delete(450);
	for (let n = 401; n <= 449; n++) sim.products.delete(n);
	sim.putProduct({ id: 400, name: { pt: 'P400' }, variants: [] });
	expect((await writer().resolveListingsByGtin!(['0000000000000'])).size).toBe(0);
	// 400 products: two full pages, then the listing past the end answers 404 "Last page is 0".
	expect(pages()).toEqual(['0', '200', '400']);
});

test('a read out of time stops after its page; the next look-up resumes at the since_id where it stopped', async () => {
	expect((await writer(0).resolveListingsByGtin!(['036000291452'])).size).toBe(0);
	expect((await writer(0).resolveListingsByGtin!(['036000291452'])).size).toBe(0);
	expect(Object.fromEntries(await writer(0).resolveListingsByGtin!(['036000291452']))).toEqual({ '036000291452': { listingId: '420', variantId: '4200' } });
	expect(pages()).toEqual(['0', '200', '400']);
});

test('asks for the products by creation (sort_by=created-at-ascending): since_id pages on the highest id read, which skips products in any other order', async () => {
	// The store's manual order puts the newest first; GET /products documents no default order, and sort_by's
	// values include "user" (manual) and "created-at-ascending" (tiendanube.github.io/api-documentation/resources/product).
	// The simulator's orders are this project's reading of that page, not a published payload.
	const manual = [...sim.products.values()].reverse();
	sim.products.clear();
	sim.putProduct(...manual);
	expect(Object.fromEntries(await writer().resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: '5', variantId: '50' } });
	expect(sim.requests(/\/products$/).map((r) => r.query.get('sort_by'))).toEqual(['created-at-ascending']);
});
