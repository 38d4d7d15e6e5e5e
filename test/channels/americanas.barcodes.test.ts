import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAmericanasWriter } from '../../core/channels/americanas/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport, type HttpRequest, type HttpTransport } from '../../core/http/transport';
import { AmericanasSimulator } from '../simulators/americanas';
import { SKYHUB_KEYS } from './conformance/drivers/americanas';
import { tinyRetry } from './helpers/channel-test';

/** Americanas' barcode look-up reads SkyHub's GET /products (connected list, then the rest) by its `next` cursor. */
let sim: AmericanasSimulator;
beforeEach(async () => {
	sim = new AmericanasSimulator(SKYHUB_KEYS);
	await sim.start();
});
afterEach(() => sim.stop());

const ctx = (): AdapterContext => ({
	transport: createFetchTransport({ 'x-user-email': SKYHUB_KEYS.email, 'x-api-key': SKYHUB_KEYS.apiKey, 'x-accountmanager-key': SKYHUB_KEYS.accountManagerKey }, 5000),
	baseUrl: sim.baseUrl,
	account: SKYHUB_KEYS.email,
	retry: tinyRetry(2).retry,
});
const reads = () =>
	sim.requests(/^\/products$/).map((r) => {
		const c = r.query.get('cursor');
		return c ? `cursor ${JSON.parse(Buffer.from(c, 'base64url').toString()).at}` : `${r.query.get('filters[type]') ?? 'all'} ${r.query.get('per_page')}`;
	});
const put = (sku: string, linked: boolean, ean?: string) => {
	sim.products.set(sku, 0);
	sim.catalog.set(sku, { linked, ean });
};

test('reads the connected list, then the others, 100 a page by the cursor, until every barcode is found', async () => {
	for (let n = 100; n < 250; n++) put(`LIG-${n}`, true);
	for (let n = 100; n < 130; n++) put(`DES-${n}`, false);
	sim.catalog.get('LIG-240')!.ean = '7891000315507';
	sim.catalog.get('DES-120')!.ean = '036000291452';
	const found = await createAmericanasWriter(ctx()).resolveListingsByGtin!(['036000291452', '7891000315507']);
	expect(Object.fromEntries(found)).toEqual({ '7891000315507': { listingId: 'LIG-240' }, '036000291452': { listingId: 'DES-120' } });
	expect(reads()).toEqual(['link 100', 'cursor 100', 'all 100']);
});

test('a variation is the listing of its ean (its product kept as listing id); a product with variations, or removed, is passed over', async () => {
	sim.products.set('CANECA', 0);
	sim.variations.set('CANECA-AZUL', 1);
	sim.catalog.set('CANECA', { linked: true, ean: '7894900011517', variations: [{ sku: 'CANECA-AZUL', ean: '7894900011517' }, { sku: 'CANECA-VERDE' }] });
	put('VELHO', true, '7896004000015');
	sim.catalog.get('VELHO')!.removed = true;
	const writer = createAmericanasWriter(ctx());
	const found = await writer.resolveListingsByGtin!(['7894900011517', '7896004000015']);
	expect(Object.fromEntries(found)).toEqual({ '7894900011517': { listingId: 'CANECA', variantId: 'CANECA-AZUL' } });
	expect(await writer.pushStock([{ sku: 'OMS', quantity: 6, listing: found.get('7894900011517')! }])).toEqual([{ sku: 'OMS', ok: true }]);
	expect(sim.variations.get('CANECA-AZUL')).toBe(6);
});

test('a `next` given as a full URL is followed on the configured base URL; a `next` that repeats the page ends the list', async () => {
	const asked: string[] = [];
	const pages: Record<string, unknown> = {
		'/products': { products: [{ sku: 'A', ean: '1' }], next: 'https://api.skyhub.com.br/products?cursor=abc' },
		'/products?cursor=abc': { products: [{ sku: 'B', ean: '2' }], next: '/products?cursor=abc' },
	};
	const transport: HttpTransport = async (req: HttpRequest) => {
		const u = new URL(req.url);
		asked.push(`${u.origin} ${u.pathname}${u.pathname === '/products' && u.searchParams.has('cursor') ? u.search : ''}`);
		const key = u.searchParams.has('cursor') ? `/products${u.search}` : '/products';
		return { status: 200, headers: {}, body: pages[key] ?? { products: [] } };
	};
	const writer = createAmericanasWriter({ ...americanasLike(), transport });
	expect((await writer.resolveListingsByGtin!(['99999999'])).size).toBe(0);
	// The connected list: its page, the cursor's page (whose `next` repeats it); the others: the same pages.
	expect(asked).toEqual(['https://proxy.example /products', 'https://proxy.example /products?cursor=abc', 'https://proxy.example /products', 'https://proxy.example /products?cursor=abc']);
});
const americanasLike = (): AdapterContext => ({ transport: async () => ({ status: 500, headers: {}, body: '' }), baseUrl: 'https://proxy.example', account: 'skyhub-next-test', retry: tinyRetry(1).retry });

/**
 * SkyHub's example product: the GET /products/{SKU} 200 response on desenvolvedores.skyhub.com.br/produtos/
 * consulta-produto/produto-simples ("Produto Simples e Variável"), unchanged; the page says GET /products
 * answers "semelhante" with every product, so it is served as a one-product page of the list.
 */
test('published product: its ean names it (its SKU the listing id)', async () => {
	const product = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/americanas/product-simples-example.json'), 'utf8'));
	const transport: HttpTransport = async () => ({ status: 200, headers: {}, body: { products: [product] } });
	const writer = createAmericanasWriter({ ...americanasLike(), account: 'skyhub-published', transport });
	expect(Object.fromEntries(await writer.resolveListingsByGtin!(['1234567890123']))).toEqual({ '1234567890123': { listingId: 'SKU do produto' } });
});

test('an ean sent as a number is read as its digits', async () => {
	put('LIG-1', true);
	sim.catalog.get('LIG-1')!.ean = 7891000315507 as unknown as string;
	expect(Object.fromEntries(await createAmericanasWriter(ctx()).resolveListingsByGtin!(['7891000315507']))).toEqual({ '7891000315507': { listingId: 'LIG-1' } });
});
