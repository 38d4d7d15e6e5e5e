import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createViaWriter } from '../../core/channels/via/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport, type HttpRequest, type HttpTransport } from '../../core/http/transport';
import { ViaSimulator } from '../simulators/via';
import { VIA_KEYS } from './conformance/drivers/via';
import { tinyRetry } from './helpers/channel-test';

/** Via's barcode look-up reads GET /sellerItems by _offset/_limit (50), matching each item's `gtin` list. */
let sim: ViaSimulator;
beforeEach(async () => {
	sim = new ViaSimulator(VIA_KEYS);
	await sim.start();
	// 120 items SKU-100..SKU-219 (listed in that order); barcodes on SKU-107 and SKU-210.
	for (let n = 100; n < 220; n++) sim.items.set(`SKU-${n}`, { quantity: 0, crossDockingTime: 1, gtin: n === 107 ? ['7891000315507'] : n === 210 ? ['9788535902778', '036000291452'] : null });
});
afterEach(() => sim.stop());

const ctx = (): AdapterContext => ({
	transport: createFetchTransport({ client_id: VIA_KEYS.clientId, access_token: VIA_KEYS.accessToken }, 5000),
	baseUrl: sim.baseUrl,
	account: '12345',
	retry: tinyRetry(2).retry,
});
const pages = () => sim.requests(/^\/sellerItems$/).map((r) => `${r.query.get('_limit')}@${r.query.get('_offset')}`);

test('reads 50 a page until every barcode is found; any code of an item’s gtin list names it (its skuSellerId)', async () => {
	const writer = createViaWriter(ctx());
	const found = await writer.resolveListingsByGtin!(['036000291452', '7891000315507']);
	expect(Object.fromEntries(found)).toEqual({ '7891000315507': { listingId: 'SKU-107' }, '036000291452': { listingId: 'SKU-210' } });
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
	expect(await writer.pushStock([{ sku: 'OMS', quantity: 4, listing: found.get('036000291452')! }])).toEqual([{ sku: 'OMS', ok: true }]);
	expect(sim.items.get('SKU-210')?.quantity).toBe(4);
});

test('a barcode nobody carries reads the catalogue once, to the totalRows the metadata reports', async () => {
	for (let n = 220; n < 250; n++) sim.items.set(`SKU-${n}`, { quantity: 0, crossDockingTime: 1 });
	expect((await createViaWriter(ctx()).resolveListingsByGtin!(['0000000000000'])).size).toBe(0);
	// 150 items: three full pages, the last one ending at totalRows.
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
});

/**
 * GET /sellerItems as published in gpupo/cnova-sdk@58705262f63535da8726004101f95f3904aaf8c3
 * (Resources/fixture/Product/sellerItems.json, unchanged; also at @5dab39eb, the commit the order fixtures
 * name): a CNova sandbox answer, five items with `gtin: null`, metadata totalRows 6273, limit 5.
 */
describe('published seller items', () => {
	const page = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/via/seller-items.json'), 'utf8'));
	const serving = (body: unknown, asked: string[]): HttpTransport => async (req: HttpRequest) => {
		asked.push(String(req.query?._offset));
		return { status: 200, headers: {}, body };
	};
	const writer = (transport: HttpTransport) => createViaWriter({ transport, baseUrl: 'https://api-mktplace.example/api/v2', account: `via-published-${Math.random()}`, retry: tinyRetry(1).retry });

	test('items with a null gtin name no barcode; a page shorter than _limit ends the read although totalRows is larger', async () => {
		const asked: string[] = [];
		expect((await writer(serving(page, asked)).resolveListingsByGtin!(['7891000315507'])).size).toBe(0);
		expect(asked).toEqual(['0']);
	});

	test('an item whose gtin lists the barcode is its skuSellerId', async () => {
		const edited = structuredClone(page);
		edited.sellerItems[2].gtin = ['7891000315507'];
		expect(Object.fromEntries(await writer(serving(edited, [])).resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: '720' } });
	});
});

test('a list without totalRows in its metadata is read on while pages are full, not ended after the first', async () => {
	sim.omitTotals = true;
	const found = await createViaWriter(ctx()).resolveListingsByGtin!(['036000291452']);
	expect(Object.fromEntries(found)).toEqual({ '036000291452': { listingId: 'SKU-210' } });
	expect(pages()).toEqual(['50@0', '50@50', '50@100']);
});

test('a gtin code sent as a number is read as its digits', async () => {
	sim.items.get('SKU-107')!.gtin = [7891000315507 as unknown as string];
	expect(Object.fromEntries(await createViaWriter(ctx()).resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: 'SKU-107' } });
});
