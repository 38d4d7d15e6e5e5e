import { gtinForms } from '../../core/catalog/gtin';
import { CATALOG_READ_MS, findInCatalog, type CatalogPage } from '../../core/channels/common/catalog-read';
import type { AdapterContext } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';

/**
 * The shared catalog read of barcode look-ups: a fake catalog of 10 pages (page p shows barcode "g<p>"), each
 * page read costing 1 s on a fake clock.
 */
let now = 0;
let reads: number[] = [];
let account = 0;
const ctx = (budgetMs?: number): AdapterContext => ({
	transport: async () => ({ status: 500, headers: {}, body: '' }),
	baseUrl: 'https://catalog.example',
	account: `shop-${account}`,
	options: budgetMs === undefined ? {} : { catalogReadMs: budgetMs },
});
const page: CatalogPage<string> = async (position, seen) => {
	const p = Number(position ?? 0);
	reads.push(p);
	now += 1000;
	seen.offer(`g${p}`, `listing-${p}`);
	return p < 9 ? String(p + 1) : undefined;
};
const find = (gtins: string[], budgetMs?: number) => findInCatalog(ctx(budgetMs), 'test', gtins, page, () => now);

beforeEach(() => {
	now = 0;
	reads = [];
	account += 1;
});

test('reads pages until every barcode is found, and no further', async () => {
	expect(Object.fromEntries(await find(['g3', 'g1']))).toEqual({ g1: 'listing-1', g3: 'listing-3' });
	expect(reads).toEqual([0, 1, 2, 3]);
});

test('a barcode nobody carries reads the catalog once, to its end; nothing wanted reads nothing', async () => {
	expect((await find(['g99'])).size).toBe(0);
	expect(reads).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	reads = [];
	expect((await find([])).size).toBe(0);
	expect(reads).toEqual([]);
});

test('stops on its time budget; the next read resumes where it stopped and goes back to the start at the end', async () => {
	expect((await find(['g99'], 3500)).size).toBe(0);
	expect(reads).toEqual([0, 1, 2, 3]);
	reads = [];
	expect(Object.fromEntries(await find(['g7'], 3500))).toEqual({ g7: 'listing-7' });
	expect(reads).toEqual([4, 5, 6, 7]);
	reads = [];
	// From 8: to the end, then from the start, until the budget.
	expect(Object.fromEntries(await find(['g0', 'g2'], 10_000))).toEqual({ g0: 'listing-0', g2: 'listing-2' });
	expect(reads).toEqual([8, 9, 0, 1, 2]);
	reads = [];
	// Started mid-way, reached the end twice: stops there, and the next read starts at the beginning.
	expect((await find(['g99'], 60_000)).size).toBe(0);
	expect(reads).toEqual([3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	reads = [];
	await find(['g0'], 60_000);
	expect(reads).toEqual([0]);
});

test('a spent budget still reads one page, so every push moves the read on; the default budget is 20 s', async () => {
	expect((await find(['g99'], 0)).size).toBe(0);
	expect(reads).toEqual([0]);
	account += 1;
	now = 0;
	const endless: CatalogPage<string> = async (position) => {
		now += 1000;
		return String(Number(position ?? 0) + 1);
	};
	await findInCatalog(ctx(), 'test', ['g99'], endless, () => now);
	expect(now).toBe(CATALOG_READ_MS);
	expect(CATALOG_READ_MS).toBe(20_000);
});

test('a failing page throws and leaves the resume position as it was', async () => {
	await find(['g99'], 1500);
	expect(reads).toEqual([0, 1]);
	const failing: CatalogPage<string> = async (position) => {
		reads.push(Number(position));
		throw new Error('503');
	};
	await expect(findInCatalog(ctx(1500), 'test', ['g5'], failing, () => now)).rejects.toThrow('503');
	reads = [];
	await find(['g99'], 1500);
	expect(reads).toEqual([2, 3]);
});

test('a kept position the channel now refuses (4xx: an expired cursor) is dropped and the read starts over; other failures still throw', async () => {
	await find(['g99'], 1500);
	expect(reads).toEqual([0, 1]);
	reads = [];
	// Position 2 was kept; the channel refuses it from now on, as an expired cursor would be.
	const expired: CatalogPage<string> = async (position, seen) => {
		if (position === '2') {
			reads.push(-2);
			throw new ChannelHttpError(400, { method: 'GET', url: 'https://catalog.example/products' }, 'cursor expired');
		}
		return page(position, seen);
	};
	expect(Object.fromEntries(await findInCatalog(ctx(10_000), 'test', ['g1'], expired, () => now))).toEqual({ g1: 'listing-1' });
	expect(reads).toEqual([-2, 0, 1]);
	reads = [];
	await find(['g99'], 1500);
	expect(reads).toEqual([2, 3]);
	// A 5xx (or a refusal of a page this read reached itself) is a failure: thrown, the position kept.
	const down: CatalogPage<string> = async () => {
		throw new ChannelHttpError(503, { method: 'GET', url: 'https://catalog.example/products' }, 'down');
	};
	await expect(findInCatalog(ctx(1500), 'test', ['g5'], down, () => now)).rejects.toThrow('down');
	const refusedLater: CatalogPage<string> = async (position, seen) => {
		if (position === '5') throw new ChannelHttpError(400, { method: 'GET', url: 'https://catalog.example/products' }, 'bad page');
		return page(position, seen);
	};
	reads = [];
	await expect(findInCatalog(ctx(10_000), 'test', ['g99'], refusedLater, () => now)).rejects.toThrow('bad page');
	expect(reads).toEqual([4]);
});

describe('one writer (one push) reads its catalog once, within one budget', () => {
	const sameWriter = ctx(3500);
	const again = (gtins: string[]) => findInCatalog(sameWriter, 'test', gtins, page, () => now);

	test('barcodes already seen are answered without reading; the read goes on for the others while the budget lasts', async () => {
		expect(Object.fromEntries(await again(['g1']))).toEqual({ g1: 'listing-1' });
		expect(reads).toEqual([0, 1]);
		// g0 was seen on the way (not wanted then): no page read.
		expect(Object.fromEntries(await again(['g0']))).toEqual({ g0: 'listing-0' });
		expect(reads).toEqual([0, 1]);
		// Budget 3.5 s, 2 s spent: two more pages, then this writer reads no more.
		expect((await again(['g8'])).size).toBe(0);
		expect(reads).toEqual([0, 1, 2, 3]);
		expect((await again(['g9'])).size).toBe(0);
		expect(reads).toEqual([0, 1, 2, 3]);
	});

	test('after a whole read, a barcode nobody carries is answered without reading', async () => {
		const whole = ctx();
		expect((await findInCatalog(whole, 'test', ['g99'], page, () => now)).size).toBe(0);
		expect(reads.length).toBe(10);
		expect(Object.fromEntries(await findInCatalog(whole, 'test', ['g98', 'g4'], page, () => now))).toEqual({ g4: 'listing-4' });
		expect(reads.length).toBe(10);
	});
});

test('a code is found in every GTIN length it fits: a UPC-A asked as 12 digits matches the catalog\'s 13, and back', async () => {
	const padded: CatalogPage<string> = async (_position, seen) => {
		seen.offer('0036000291452', 'upc-as-ean13');
		seen.offer('7891000315507', 'ean13');
		seen.offer('SEM-GTIN', 'text');
		// Typed by hand, kept as typed by a channel that does not clean the field: matched as checkGtin stores it.
		seen.offer(' 789-6004-00001-5 ', 'typed');
		return undefined;
	};
	const found = await findInCatalog(ctx(), 'test', ['036000291452', '00036000291452', '07891000315507', '7891000315507', '7896004000015'], padded, () => now);
	expect(Object.fromEntries(found)).toEqual({
		'036000291452': 'upc-as-ean13',
		'00036000291452': 'upc-as-ean13',
		'07891000315507': 'ean13',
		'7891000315507': 'ean13',
		'7896004000015': 'typed',
	});
	expect(gtinForms('00000123')).toEqual(['00000123', '000000000123', '0000000000123', '00000000000123']);
});

test('a page that fails keeps the position of the pages read before it: the next push resumes at the failed page, not before', async () => {
	let failOn: number | undefined = 3;
	const failing: CatalogPage<string> = async (position, seen) => {
		if (Number(position ?? 0) === failOn) {
			failOn = undefined;
			reads.push(-1);
			throw new ChannelHttpError(503, { method: 'GET', url: 'https://catalog.example/products' }, 'unavailable');
		}
		return page(position, seen);
	};
	const read = (gtins: string[]) => findInCatalog(ctx(60_000), 'test', gtins, failing, () => now);
	await expect(read(['g7'])).rejects.toThrow('unavailable');
	expect(reads).toEqual([0, 1, 2, -1]);
	// Pages 0-2 are not read (nor counted towards a lap) a second time.
	expect(Object.fromEntries(await read(['g7']))).toEqual({ g7: 'listing-7' });
	expect(reads).toEqual([0, 1, 2, -1, 3, 4, 5, 6, 7]);
});

test('a barcode the channel sends as a number is read as its digits (numbers as strings, and strings as numbers)', async () => {
	const numeric: CatalogPage<string> = async (_position, seen) => {
		seen.offer(7891000315507, 'listing-n');
		seen.offer(36000291452, 'listing-upc');
		return undefined;
	};
	const found = await findInCatalog(ctx(), 'test', ['7891000315507', '036000291452'], numeric, () => now);
	expect(Object.fromEntries(found)).toEqual({ '7891000315507': 'listing-n', '036000291452': 'listing-upc' });
});
