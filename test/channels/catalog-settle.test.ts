import { findInCatalog, MAX_TRACKED, type CatalogPage } from '../../core/channels/common/catalog-read';
import type { AdapterContext } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';

/**
 * When a barcode a catalog read has not found is known absent ("settled"): a fake catalog of 3 pages (page p
 * shows barcode "g<p>"), each page read costing 1 s on a fake clock, and a 0.5 s budget, so each push (each
 * writer: a fresh context) reads one page. Until the reads since a barcode was asked cover a lap, it is
 * `unsettled`: its listing may be on a page not read yet.
 */
let now = 0;
let reads: number[] = [];
let account = 0;
const PAGES = 3;
/** The catalog's pages now (a test may grow it). */
let size = PAGES;
const page: CatalogPage<string> = async (position, seen) => {
	const p = Number(position ?? 0);
	reads.push(p);
	now += 1000;
	seen.offer(`g${p}`, `listing-${p}`);
	return p < size - 1 ? String(p + 1) : undefined;
};
/** One push's writer context (each push makes its own), on this test's channel account. */
const context = (budgetMs: number): AdapterContext => ({ transport: async () => ({ status: 500, headers: {}, body: '' }), baseUrl: 'https://catalog.example', account: `settle-${account}`, options: { catalogReadMs: budgetMs } });
const push = (gtins: string[], budgetMs = 500) => findInCatalog(context(budgetMs), 'test', gtins, page, () => now);
const outcome = async (gtins: string[], budgetMs?: number) => {
	const answer = await push(gtins, budgetMs);
	return { found: Object.fromEntries(answer), unsettled: [...answer.unsettled].sort() };
};

beforeEach(() => {
	now = 0;
	reads = [];
	size = PAGES;
	account += 1;
});

test('a barcode the catalog does not show stays unsettled until the reads since it was asked cover more than a lap', async () => {
	// Pushes 1-3 read pages 0, 1, 2: the first lap of this process ends at push 3 (3 pages).
	for (let n = 1; n <= 3; n++) expect(await outcome(['g99'])).toEqual({ found: {}, unsettled: ['g99'] });
	expect(reads).toEqual([0, 1, 2]);
	// One page more than a lap (a resumed read may shift page bounds): absent, and stays so.
	expect(await outcome(['g99'])).toEqual({ found: {}, unsettled: [] });
	expect(await outcome(['g99'])).toEqual({ found: {}, unsettled: [] });
	expect(reads).toEqual([0, 1, 2, 0, 1]);
});

test('a barcode on the last page is unsettled while the read has not reached it, and found by the push that does', async () => {
	expect(await outcome(['g2'])).toEqual({ found: {}, unsettled: ['g2'] });
	expect(await outcome(['g2'])).toEqual({ found: {}, unsettled: ['g2'] });
	expect(await outcome(['g2'])).toEqual({ found: { g2: 'listing-2' }, unsettled: [] });
	expect(reads).toEqual([0, 1, 2]);
});

test('after a lap, a barcode asked mid-way is unsettled until more pages than a lap were read since', async () => {
	for (let n = 1; n <= 3; n++) await push(['g99']);
	expect(reads).toEqual([0, 1, 2]);
	// The read is back at page 0; g98 first asked now.
	for (let n = 1; n <= 3; n++) expect(await outcome(['g98'])).toEqual({ found: {}, unsettled: ['g98'] });
	expect(await outcome(['g98'])).toEqual({ found: {}, unsettled: [] });
	expect(reads).toEqual([0, 1, 2, 0, 1, 2, 0]);
});

test('a push that reads the catalog from start to end settles every barcode it did not find at once', async () => {
	expect(await outcome(['g99', 'g1'], 10_000)).toEqual({ found: { g1: 'listing-1' }, unsettled: [] });
	expect(reads).toEqual([0, 1, 2]);
});

test('a listing seen by a push that did not ask its barcode answers the next push that does, without reading again', async () => {
	expect(await outcome(['g1'])).toEqual({ found: {}, unsettled: ['g1'] });
	// Another SKU's push (another warehouse's, say) reads page 1, which shows g1.
	expect(await outcome(['g99'])).toEqual({ found: {}, unsettled: ['g99'] });
	expect(reads).toEqual([0, 1]);
	expect(await outcome(['g1'])).toEqual({ found: { g1: 'listing-1' }, unsettled: [] });
	expect(reads).toEqual([0, 1]);
});

test('a page stopped between its parts (out of time) is not counted as read: a barcode further on is never settled absent before it is reached', async () => {
	// Two parts a page (barcodes g<p>a and g<p>b, 1 s each); a stop between them resumes at "<p>b", as Shopee's does.
	const parts: CatalogPage<string> = async (position, seen) => {
		const p = Number((position ?? '0').replace('b', ''));
		reads.push(p);
		if (!position?.endsWith('b')) {
			now += 1000;
			seen.offer(`g${p}a`, `listing-${p}a`);
			if (!seen.more()) return `${p}b`;
		}
		now += 1000;
		seen.offer(`g${p}b`, `listing-${p}b`);
		return p < PAGES - 1 ? String(p + 1) : undefined;
	};
	const read = (gtins: string[], budgetMs: number) => {
		return findInCatalog(context(budgetMs), 'test', gtins, parts, () => now);
	};
	// A whole lap in one push: 3 page reads.
	expect([...(await read(['g88'], 60_000)).unsettled]).toEqual([]);
	reads = [];
	// Then one part per push: 0a, 0b, 1a, 1b, 2a, 2b. Four reads are more than the lap's 3, but page 2 is not read yet.
	for (let n = 1; n <= 5; n++) expect([...(await read(['g2b'], 500)).unsettled]).toEqual(['g2b']);
	expect(Object.fromEntries(await read(['g2b'], 500))).toEqual({ g2b: 'listing-2b' });
	expect(reads).toEqual([0, 0, 1, 1, 2, 2]);
});

test('a page that had to start over from the catalog\'s start (its position no longer lives) restarts the count: what was read before is not counted', async () => {
	let stale = false;
	// As Mercado Livre's scan: a scroll too old to resume is not sent; the scan starts over from the first page.
	const expiring: CatalogPage<string> = async (position, seen) => {
		if (position !== undefined && stale) {
			stale = false;
			seen.restarted();
			return page(undefined, seen);
		}
		return page(position, seen);
	};
	const read = (budgetMs: number) => {
		return findInCatalog(context(budgetMs), 'test', budgetMs > 10_000 ? ['g88'] : ['g2'], expiring, () => now);
	};
	await read(60_000); // a whole lap: 3 pages
	expect([...(await read(500)).unsettled]).toEqual(['g2']); // page 0
	expect([...(await read(500)).unsettled]).toEqual(['g2']); // page 1
	stale = true;
	expect([...(await read(500)).unsettled]).toEqual(['g2']); // page 0 again, not 2
	// Four pages read since g2 was asked, more than the lap's 3, but page 2 not among them.
	expect([...(await read(500)).unsettled]).toEqual(['g2']); // page 1
	expect(Object.fromEntries(await read(500))).toEqual({ g2: 'listing-2' });
	expect(reads).toEqual([0, 1, 2, 0, 1, 0, 1, 2]);
});

test('a kept position the channel refuses (4xx) starts the read and the count over', async () => {
	let refuse = false;
	const refusing: CatalogPage<string> = async (position, seen) => {
		if (position !== undefined && refuse) {
			refuse = false;
			throw new ChannelHttpError(400, { method: 'GET', url: 'https://catalog.example/products' }, 'cursor expired');
		}
		return page(position, seen);
	};
	const read = (gtins: string[], budgetMs: number) => {
		return findInCatalog(context(budgetMs), 'test', gtins, refusing, () => now);
	};
	await read(['g88'], 60_000);
	expect([...(await read(['g2'], 500)).unsettled]).toEqual(['g2']); // page 0
	expect([...(await read(['g2'], 500)).unsettled]).toEqual(['g2']); // page 1
	refuse = true;
	expect([...(await read(['g2'], 500)).unsettled]).toEqual(['g2']); // position 2 refused: page 0
	expect([...(await read(['g2'], 500)).unsettled]).toEqual(['g2']); // page 1
	expect(Object.fromEntries(await read(['g2'], 500))).toEqual({ g2: 'listing-2' });
});

test('at most MAX_TRACKED barcodes are tracked per catalog: past it a new one is answered absent, and one absent over a lap and not asked gives its place', async () => {
	expect(await outcome(['gA'])).toEqual({ found: {}, unsettled: ['gA'] }); // page 0
	const others = Array.from({ length: MAX_TRACKED }, (_, n) => `other-${n}`);
	// gA is kept (unsettled): the last of the others has no place, and is answered absent, not deferred.
	const crowded = await push(others); // page 1
	expect(crowded.unsettled.size).toBe(MAX_TRACKED - 1);
	expect(crowded.unsettled.has(`other-${MAX_TRACKED - 1}`)).toBe(false);
	const sizes: number[] = [];
	for (let n = 1; n <= 6; n++) sizes.push((await push(others)).unsettled.size);
	// gA, absent over a lap and not asked, gives its place at the 4th page: the last of the others waits a lap from there.
	expect(sizes).toEqual([MAX_TRACKED - 1, MAX_TRACKED - 1, 1, 1, 1, 0]);
	// A new barcode takes the place of the oldest one absent over a lap (other-0), which asked again waits anew.
	expect(await outcome(['gB'])).toEqual({ found: {}, unsettled: ['gB'] });
	expect(await outcome(['other-0'])).toEqual({ found: {}, unsettled: ['other-0'] });
	expect(await outcome(['other-5'])).toEqual({ found: {}, unsettled: [] });
	expect(reads).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1]);
});

test('more barcodes than MAX_TRACKED asked by every push settle (or are answered absent), never deferred forever', async () => {
	const many = Array.from({ length: MAX_TRACKED + MAX_TRACKED / 2 }, (_, n) => `many-${n}`);
	expect((await push(many)).unsettled.size).toBe(MAX_TRACKED); // page 0: the rest is not tracked
	const sizes: number[] = [];
	for (let n = 1; n <= 5; n++) sizes.push((await push(many)).unsettled.size);
	expect(sizes).toEqual([MAX_TRACKED, MAX_TRACKED, 0, 0, 0]); // more than a lap (3 pages) since asked at push 1
});

test('a read that starts over on every push (its position never lives to the next) settles a barcode on its second restart, not deferred forever', async () => {
	// As Mercado Livre's scan with pushes more than 4 minutes apart: every resumed scroll is too old.
	const expiring: CatalogPage<string> = async (position, seen) => {
		if (position !== undefined) seen.restarted();
		return page(undefined, seen);
	};
	const read = () => findInCatalog(context(500), 'test', ['g99'], expiring, () => now);
	expect([...(await read()).unsettled]).toEqual(['g99']); // page 0
	expect([...(await read()).unsettled]).toEqual(['g99']); // restart 1: page 0 again
	expect([...(await read()).unsettled]).toEqual([]); // restart 2: no further page can be reached
	expect([...(await read()).unsettled]).toEqual([]);
	expect(reads).toEqual([0, 0, 0, 0]);
});

test('two pushes of one account reading at once take turns: a page read by both is not counted twice, so a barcode further on is not settled absent before it is reached', async () => {
	// Pages answer on a later turn of the event loop, as HTTP does, so two reads started together would interleave.
	const slow: CatalogPage<string> = async (position, seen) => {
		await new Promise((resolve) => setImmediate(resolve));
		return page(position, seen);
	};
	const read = (gtins: string[], budgetMs = 500) => findInCatalog(context(budgetMs), 'test', gtins, slow, () => now);
	await read(['g88'], 60_000); // a whole lap in one push: 3 pages
	reads = [];
	// Two executions push at once, each asking g2 (on the last page): they read page 0, then page 1, not page 0 twice.
	const firstPair = await Promise.all([read(['g2']), read(['g2'])]);
	expect(firstPair.map((a) => [...a.unsettled])).toEqual([['g2'], ['g2']]);
	expect(reads).toEqual([0, 1]);
	// The next pair reaches page 2 and finds it; at no point was g2 answered absent.
	const secondPair = await Promise.all([read(['g2']), read(['g2'])]);
	expect(secondPair.map((a) => Object.fromEntries(a))).toEqual([{ g2: 'listing-2' }, { g2: 'listing-2' }]);
	expect(reads).toEqual([0, 1, 2]);
});

test('a catalog that grew since the last lap: a barcode is not settled absent on the old lap\'s count of pages before the read passed the end', async () => {
	const read = (gtins: string[]) => findInCatalog(context(500), 'test', gtins, page, () => now);
	for (let n = 1; n <= 3; n++) await read(['g99']); // the first lap: 3 pages
	size = 6; // products added: g5 is on page 5
	// Pages 0-4 are more than the last lap's 3, but page 5 is not read yet: unsettled, then found.
	for (let n = 1; n <= 5; n++) expect([...(await read(['g5'])).unsettled]).toEqual(['g5']);
	expect(Object.fromEntries(await read(['g5']))).toEqual({ g5: 'listing-5' });
	expect(reads).toEqual([0, 1, 2, 0, 1, 2, 3, 4, 5]);
});

test('a listing seen for a barcode nobody asks again gives its place past MAX_TRACKED: a new barcode is tracked (deferred), not answered absent', async () => {
	expect(await outcome(['g1'])).toEqual({ found: {}, unsettled: ['g1'] }); // page 0
	const others = Array.from({ length: MAX_TRACKED - 1 }, (_, n) => `other-${n}`);
	await push(others); // page 1 shows g1: its listing is kept, no push asking it meanwhile
	// The others are asked again with a new barcode: g1's place goes to it (its SKU was linked some other way, say).
	const answer = await push([...others, 'gNew']); // page 2
	expect(answer.unsettled.has('gNew')).toBe(true);
	expect(answer.unsettled.size).toBe(MAX_TRACKED);
	expect(reads).toEqual([0, 1, 2]);
});
