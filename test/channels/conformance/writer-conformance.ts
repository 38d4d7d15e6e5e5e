import { CHANNELS, type ChannelId } from '../../../core/channels/registry';
import type { ChannelWriter, StockUpdate } from '../../../core/channels/types';
import type { RetryPolicy } from '../../../core/http/retry';
import type { Fault } from '../../simulators/http-sim';
import { oneListing, tinyRetry } from '../helpers/channel-test';

/**
 * What every channel writer shares, run against the channel's simulator: publishing stock, isolating a
 * refused SKU, waiting out a 429, reporting exhausted 5xx per SKU, and never reading a refused credential as
 * an unknown SKU. A driver knows the channel (its listings, where faults go); the checks are the same.
 */
export interface WriterDriver {
	channel: ChannelId;
	/** Starts the simulator with `skus` on sale. */
	start(): Promise<void>;
	stop(): Promise<void>;
	/** The writer over the simulator; `refusedCredential`: a credential the channel answers 401/403 to. */
	writer(retry: RetryPolicy, refusedCredential?: boolean): ChannelWriter;
	/** Two SKUs on sale on the channel. */
	skus: [string, string];
	/** What the channel shows as the SKU's quantity now (undefined or null when never set). */
	stockOf(sku: string): number | undefined | null;
	/** An update the channel refuses (a listing it does not know). */
	refusedUpdate: StockUpdate;
	/** The next request whose path matches `path` answers with `fault`. */
	fault(fault: Fault, path: RegExp): void;
	/** Requests that write stock (and, before them, any look-up the write needs). */
	stockPath: RegExp;
	/** Channels that key stock by the seller SKU resolve every SKU without a call (Magalu, Amazon). */
	identityListings?: boolean;
	/** The status a refused credential gets (SP-API: 403). */
	authStatus?: number;
	/**
	 * Channels whose capabilities name a barcode field: one more listing, on sale under a seller SKU the OMS
	 * does not use, carrying the barcode `gtin` (start() puts it); what the channel shows as its quantity; the
	 * barcode look-up's requests.
	 */
	barcoded?: { gtin: string; stockOf(): number | undefined | null; lookupPath: RegExp };
}

/** A valid GTIN-12 no driver's listing carries. */
const UNKNOWN_GTIN = '036000291452';

export function describeWriterConformance(d: WriterDriver): void {
	describe(`${d.channel} writer conformance`, () => {
		const { retry, sleeps } = tinyRetry(3);
		const [a, b] = d.skus;
		let listings: Map<string, StockUpdate['listing']>;
		const update = (sku: string, quantity: number): StockUpdate => ({ sku, quantity, listing: listings.get(sku)! });

		beforeEach(async () => {
			await d.start();
			sleeps.length = 0;
			listings = new Map([...(await d.writer(retry).resolveListings([a, b]))].map(([sku, answer]) => [sku, oneListing(answer)]));
		});
		afterEach(() => d.stop());

		it('resolves the listings of SKUs on sale; an unknown SKU is absent (or itself, where stock is keyed by SKU)', async () => {
			expect([...listings.keys()].sort()).toEqual([a, b].sort());
			const unknown = await d.writer(retry).resolveListings(['OMS-NOT-ON-SALE']);
			expect(unknown.has('OMS-NOT-ON-SALE')).toBe(d.identityListings === true);
		});

		it('publishes each value, zero included: one ok result per update, in order', async () => {
			expect(await d.writer(retry).pushStock([update(a, 7), update(b, 0)])).toEqual([
				{ sku: a, ok: true },
				{ sku: b, ok: true },
			]);
			expect([d.stockOf(a), d.stockOf(b)]).toEqual([7, 0]);
		});

		it('a refused SKU fails alone, with a message; the others are published', async () => {
			const results = await d.writer(retry).pushStock([d.refusedUpdate, update(a, 4)]);
			expect(results[0]).toMatchObject({ sku: d.refusedUpdate.sku, ok: false, error: { message: expect.any(String) } });
			expect(results[1]).toEqual({ sku: a, ok: true });
			expect(d.stockOf(a)).toBe(4);
		});

		it('waits out a 429 for its Retry-After and loses nothing', async () => {
			d.fault({ kind: 'status', status: 429, retryAfter: '2' }, d.stockPath);
			expect(await d.writer(retry).pushStock([update(a, 6), update(b, 5)])).toEqual([
				{ sku: a, ok: true },
				{ sku: b, ok: true },
			]);
			expect(sleeps).toContain(2000);
			expect([d.stockOf(a), d.stockOf(b)]).toEqual([6, 5]);
		});

		it('5xx on every attempt: ok:false with the status, not thrown, nothing published; the next push goes through', async () => {
			const before = d.stockOf(a);
			for (let i = 0; i < retry.maxAttempts; i++) d.fault({ kind: 'status', status: 503 }, d.stockPath);
			expect(await d.writer(retry).pushStock([update(a, 9)])).toEqual([{ sku: a, ok: false, error: expect.objectContaining({ httpCode: 503 }) }]);
			expect(d.stockOf(a)).toBe(before);
			expect(await d.writer(retry).pushStock([update(a, 9)])).toEqual([{ sku: a, ok: true }]);
			expect(d.stockOf(a)).toBe(9);
		});

		const barcodes = CHANNELS[d.channel].capabilities.barcodes;
		if ('field' in barcodes) {
			it(`finds a listing by its barcode (${barcodes.field}); a barcode nobody carries is absent; stock pushed to it lands there`, async () => {
				const { gtin, stockOf } = d.barcoded!;
				const found = await d.writer(retry).resolveListingsByGtin!([gtin, UNKNOWN_GTIN]);
				expect([...found.keys()]).toEqual([gtin]);
				expect(await d.writer(retry).pushStock([{ sku: 'OMS-BY-BARCODE', quantity: 8, listing: found.get(gtin)! }])).toEqual([{ sku: 'OMS-BY-BARCODE', ok: true }]);
				expect(stockOf()).toBe(8);
			});

			it('a barcode look-up the channel does not answer throws (5xx on every attempt, a refused credential): never "not listed"', async () => {
				const { gtin, lookupPath } = d.barcoded!;
				for (let i = 0; i < retry.maxAttempts; i++) d.fault({ kind: 'status', status: 503 }, lookupPath);
				await expect(d.writer(retry).resolveListingsByGtin!([gtin])).rejects.toMatchObject({ httpCode: 503 });
				await expect(d.writer(retry, true).resolveListingsByGtin!([gtin])).rejects.toMatchObject({ httpCode: d.authStatus ?? 401 });
			});
		} else {
			it(`declares no barcode look-up (${barcodes.none.slice(0, 60)}…) and has none`, () => {
				expect(d.writer(retry).resolveListingsByGtin).toBeUndefined();
				expect(d.barcoded).toBeUndefined();
			});
		}

		it('a refused credential is never an unknown SKU: the look-up fails, a push reports the status per SKU, nothing retried', async () => {
			const status = d.authStatus ?? 401;
			const refused = d.writer(retry, true);
			if (!d.identityListings) await expect(refused.resolveListings([a])).rejects.toMatchObject({ httpCode: status });
			const results = await refused.pushStock([update(a, 3)]);
			expect(results).toEqual([{ sku: a, ok: false, error: expect.objectContaining({ httpCode: status }) }]);
			expect(sleeps).toEqual([]);
		});
	});
}
