import { ChannelHttpError } from '../../http/retry';
import type { HttpMethod, HttpRequest, HttpResponse } from '../../http/transport';
import type { AdapterContext, ChannelId, ChannelWriter, ListingAnswer, ListingRef, StockPushResult, StockUpdate, WriteFailure } from '../types';
import { send } from './http';

/**
 * What the channel writers share: one write call shape, per-SKU and batched pushes that keep one SKU's
 * failure from failing the others (ChannelWriter.pushStock's contract), the error → WriteFailure mapping,
 * required options and SKU look-ups.
 */

/**
 * Any error → a result's WriteFailure. The HTTP status survives (ChannelHttpError carries it) so the node can
 * raise NodeApiError with the code; messages name requests by path only, never with their secrets.
 */
export function writeFailure(error: unknown): WriteFailure {
	const message = error instanceof Error ? error.message : String(error);
	const httpCode = (error as { httpCode?: unknown } | undefined)?.httpCode;
	return typeof httpCode === 'number' ? { message, httpCode } : { message };
}

/**
 * Pushes updates one at a time (sequentially, so a batch does not burst the channel's rate limit) and
 * turns each throw into that SKU's failure: one rejected SKU never fails the others. `push` throws to
 * reject; its error's message (and HTTP code) is what the store records.
 */
export async function pushEach(updates: StockUpdate[], push: (update: StockUpdate) => Promise<void>): Promise<StockPushResult[]> {
	const results: StockPushResult[] = [];
	for (const update of updates) {
		try {
			await push(update);
			results.push({ sku: update.sku, ok: true });
		} catch (error) {
			results.push({ sku: update.sku, ok: false, error: writeFailure(error) });
		}
	}
	return results;
}

/** A required channel option, read when an operation needs it (so a writer used for invoices only does not need it). */
export function requireOption(ctx: AdapterContext, channel: ChannelId, name: string, hint: string): string {
	const value = ctx.options?.[name];
	if (value === undefined || value === '') throw new Error(`${channel} writer: options.${name} is required (${hint})`);
	return String(value);
}

export interface WriteCall {
	query?: HttpRequest['query'];
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * Safe to resend after a 5xx or timeout. True for absolute stock values (setting 7 twice is still 7);
	 * left false for notes, fulfilments and cancellations, which a blind resend could duplicate.
	 */
	idempotent?: boolean;
}

/** One write through the context's transport and retry policy (429 + Retry-After always retried). */
export function sendWrite(ctx: AdapterContext, method: HttpMethod, url: string, call: WriteCall = {}): Promise<HttpResponse> {
	return send(ctx, { method, url, ...call });
}

export const pushed = (sku: string): StockPushResult => ({ sku, ok: true });
export const rejected = (sku: string, error: WriteFailure): StockPushResult => ({ sku, ok: false, error });

/** One batch's results; a batch that fails as a whole (HTTP error after retries) fails each of its SKUs with that error. */
async function pushOneBatch(batch: StockUpdate[], push: (batch: StockUpdate[]) => Promise<StockPushResult[]>): Promise<StockPushResult[]> {
	try {
		return await push(batch);
	} catch (error) {
		const failure = writeFailure(error);
		return batch.map((u) => rejected(u.sku, failure));
	}
}

/**
 * Bulk channels: `push` sends one batch and returns the per-item failures by position in that batch.
 * Results come back keyed by update, however the batches were grouped.
 */
export async function pushBatches(
	batches: StockUpdate[][],
	push: (batch: StockUpdate[]) => Promise<Map<number, WriteFailure>>,
): Promise<Map<StockUpdate, StockPushResult>> {
	const out = new Map<StockUpdate, StockPushResult>();
	for (const batch of batches) {
		const results = await pushOneBatch(batch, async (b) => {
			const failures = await push(b);
			return b.map((u, i) => {
				const failure = failures.get(i);
				return failure ? rejected(u.sku, failure) : pushed(u.sku);
			});
		});
		batch.forEach((u, i) => out.set(u, results[i]));
	}
	return out;
}

/** Bulk channels whose batch call answers SKU by SKU: `push` sends one batch of at most `size` and returns its results. */
export async function pushEachBatch(
	updates: StockUpdate[],
	size: number,
	push: (batch: StockUpdate[]) => Promise<StockPushResult[]>,
): Promise<StockPushResult[]> {
	const results: StockPushResult[] = [];
	for (const batch of chunk(updates, size)) results.push(...(await pushOneBatch(batch, push)));
	return results;
}

/** Consecutive slices of at most `size` (the channel's documented bulk limit). */
export function chunk<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/**
 * SKU → ListingRef, one look-up per distinct SKU. A SKU the channel does not know is absent from the map;
 * a failed look-up (auth, 5xx after retries) throws, so the store never caches "unknown" for a SKU that
 * merely could not be read.
 */
export async function resolveEach<A extends ListingAnswer>(skus: string[], find: (sku: string) => Promise<A | undefined>): Promise<Map<string, A>> {
	const found = new Map<string, A>();
	for (const sku of new Set(skus)) {
		const ref = await find(sku);
		if (ref && listingsOf(ref).length > 0) found.set(sku, ref);
	}
	return found;
}

/** A SKU's listings as a look-up answers them: the one listing itself, several as a list, none absent. */
export const answerOf = (refs: ListingRef[]): ListingAnswer | undefined => (refs.length <= 1 ? refs[0] : refs);

/** The listings of a look-up's answer for one SKU, as a list. */
export const listingsOf = (answer: ListingAnswer | undefined): ListingRef[] => (answer === undefined ? [] : Array.isArray(answer) ? answer : [answer]);

/** resolveListings for channels whose stock calls take the seller SKU itself: nothing to look up (an unknown SKU fails its push). */
export async function listingsBySku(skus: string[]): Promise<Map<string, ListingRef>> {
	return new Map(skus.map((sku) => [sku, { listingId: sku }]));
}

/**
 * The stock members of a writer whose channel takes one SKU per call: look-ups one per distinct SKU
 * (resolveEach), pushes one after the other, each SKU failing alone (pushEach).
 */
export function stockPerSku(
	find: (sku: string) => Promise<ListingRef | undefined>,
	push: (update: StockUpdate) => Promise<void>,
): Pick<ChannelWriter, 'stockBatchSize' | 'resolveListings' | 'pushStock'> {
	return { stockBatchSize: 1, resolveListings: (skus) => resolveEach(skus, find), pushStock: (updates) => pushEach(updates, push) };
}

/** The stock members of a bulk writer: one size for stockBatchSize and for the batches pushEachBatch sends. */
export function stockInBatches(
	size: number,
	resolveListings: ChannelWriter['resolveListings'],
	pushBatch: (batch: StockUpdate[]) => Promise<StockPushResult[]>,
): Pick<ChannelWriter, 'stockBatchSize' | 'resolveListings' | 'pushStock'> {
	return { stockBatchSize: size, resolveListings, pushStock: (updates) => pushEachBatch(updates, size, pushBatch) };
}

/** A 404 on a look-up means "no such SKU", not a failure. */
export async function absentOn404<T>(read: () => Promise<T>): Promise<T | undefined> {
	try {
		return await read();
	} catch (error) {
		if (error instanceof ChannelHttpError && error.httpCode === 404) return undefined;
		throw error;
	}
}

/** A free-text reason → one of the channel's enum values, `fallback` when it is not one of them. */
export function reasonFrom<T extends string>(reason: string | undefined, allowed: readonly T[], fallback: T): T {
	const r = (reason ?? '').trim().toLowerCase();
	return allowed.find((a) => a.toLowerCase() === r) ?? fallback;
}

/** A 2xx that still is not what the write needed (missing id, wrong shape) is a channel fault. */
export function writeFault(req: { method: HttpMethod; url: string }, message: string, body?: unknown): ChannelHttpError {
	return new ChannelHttpError(undefined, req, message, body);
}
