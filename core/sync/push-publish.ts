import type { ChannelWriter, ListingRef, StockUpdate, WriteFailure } from '../channels/types';
import { writeFailure } from '../channels/common/writer';
import type { PushRetryInput, SeenRetry } from '../store/types';
import { resolveListings } from './listings';
import { retryReason } from './push-outcome';
import type { PushStockRequest, SkuPushResult } from './push-stock';

/** A value to send: computed from the level with this change number. */
export interface Planned {
	sku: string;
	available: number;
	value: number;
	changeSeq: number;
}

/** What publishing needs from the run (push-run.ts). */
export interface PublishContext {
	readonly req: PushStockRequest;
	readonly warehouse: string;
	readonly results: Map<string, SkuPushResult>;
	readonly batchSize: number;
	now(): Date;
	lease(skus: string[]): Promise<Set<string>>;
	defer(skus: string[], message: string): Promise<void>;
}

const LEASE_LOST = 'the lease of this SKU expired during the push and another push took it: it waits in the retry set';
const SUPERSEDED = 'a value from a newer change was recorded while this one was on its way: the channel may show either';

type Update = { update: StockUpdate; planned: Planned };

/**
 * The updates in layers: layer k holds the k-th listing of every SKU, so no writer call names a SKU twice
 * (writers answer per SKU) and a SKU sold under several listings is sent to each of them.
 */
function layersOf(ctx: PublishContext, plan: Planned[], found: Map<string, ListingRef[]>): Update[][] {
	const layers: Update[][] = [];
	for (const p of plan) {
		(found.get(p.sku) ?? []).forEach((listing, k) => (layers[k] ??= []).push({ update: { sku: p.sku, quantity: p.value, listing, warehouse: ctx.warehouse }, planned: p }));
	}
	return layers;
}

/**
 * Sends planned values in the writer's chunks, each chunk after renewing its leases (a SKU whose lease
 * expired and was taken over is not sent: the other push owns it now), to every listing linked to the SKU.
 * A value is recorded once every listing of its SKU accepted it (per chunk, with its change number); the
 * store answers those a newer record superseded, which the caller pushes again. Failures go to the retry set
 * per chunk: refused, or uncertain when the outcome is unknown; a SKU's other listings are not sent after
 * one failed (the retry sends them all).
 */
export async function publishPlanned(ctx: PublishContext, plan: Planned[], seen: Map<string, SeenRetry>): Promise<{ sent: Planned[]; superseded: Set<string> }> {
	const { store, channel, writer } = ctx.req;
	const listings = await resolveListings(store, channel, writer, plan.map((p) => p.sku));
	const lookupFailures: PushRetryInput[] = [];
	const notListed: string[] = [];
	for (const p of plan) {
		const result = ctx.results.get(p.sku)!;
		Object.assign(result, { available: p.available, value: p.value, changeSeq: p.changeSeq });
		const lookupFailure = listings.failed.get(p.sku);
		if (listings.found.has(p.sku)) result.listings = listings.found.get(p.sku)!.length;
		else if (lookupFailure) {
			fail(result, lookupFailure);
			// The look-up failed, nothing was written: a plain failure, never uncertain.
			lookupFailures.push(retryEntry(ctx, p.sku, lookupFailure, 'refused'));
		} else {
			Object.assign(result, { status: 'not_listed', message: 'not listed on channel' });
			notListed.push(p.sku);
		}
	}
	await clearSeen(ctx, notListed, seen);
	if (lookupFailures.length > 0) await store.recordPushRetries(channel, lookupFailures);

	const sent: Planned[] = [];
	const superseded = new Set<string>();
	const dropped = new Set<string>(); // failed or lost on one listing: not sent to the others in this run
	const acceptedBy = new Map<string, number>();
	for (const layer of layersOf(ctx, plan, listings.found)) {
		for (let i = 0; i < layer.length; i += ctx.batchSize) {
			const startedAt = ctx.now();
			const batch = layer.slice(i, i + ctx.batchSize).filter((u) => !dropped.has(u.planned.sku));
			if (batch.length === 0) continue;
			const held = await ctx.lease(batch.map((u) => u.planned.sku));
			const chunk = batch.filter((u) => held.has(u.planned.sku));
			const lost = batch.filter((u) => !held.has(u.planned.sku));
			for (const u of lost) dropped.add(u.planned.sku);
			if (lost.length > 0) await ctx.defer(lost.map((u) => u.planned.sku), LEASE_LOST);
			if (chunk.length === 0) continue;

			const answers = await pushChunk(writer, chunk.map((u) => u.update));
			const accepted: Planned[] = [];
			const failures: PushRetryInput[] = [];
			for (const { planned } of chunk) {
				const answer = answers.get(planned.sku) ?? { ok: false, error: { message: `${writer.id} returned no result for SKU ${planned.sku}` } };
				const result = ctx.results.get(planned.sku)!;
				if (answer.ok) {
					const done = (acceptedBy.get(planned.sku) ?? 0) + 1;
					acceptedBy.set(planned.sku, done);
					if (done < listings.found.get(planned.sku)!.length) continue; // more listings to go
					result.status = 'pushed';
					delete result.error;
					delete result.message;
					accepted.push(planned);
				} else {
					const error = answer.error ?? { message: `${writer.id} refused the quantity of SKU ${planned.sku}` };
					fail(result, error);
					dropped.add(planned.sku);
					failures.push(retryEntry(ctx, planned.sku, error));
				}
			}
			// Recorded per chunk: a run that dies later does not send these again.
			if (accepted.length > 0) {
				const values = accepted.map((p) => ({ sku: p.sku, warehouse: ctx.warehouse, value: p.value, changeSeq: p.changeSeq }));
				for (const v of await store.recordPushed(channel, values)) {
					superseded.add(v.sku);
					failures.push({ sku: v.sku, warehouse: ctx.warehouse, reason: 'unknown', message: SUPERSEDED });
				}
				sent.push(...accepted);
				await clearSeen(ctx, accepted.filter((p) => !superseded.has(p.sku)).map((p) => p.sku), seen, startedAt);
			}
			if (failures.length > 0) await store.recordPushRetries(channel, failures);
		}
	}
	return { sent, superseded };
}

/** Takes SKUs out of the retry set at the revisions this round read (an entry recorded since stays). */
async function clearSeen(ctx: PublishContext, skus: string[], seen: Map<string, SeenRetry>, startedAt?: Date): Promise<void> {
	const entries = skus.flatMap((sku) => seen.get(sku) ?? []);
	if (entries.length > 0) await ctx.req.store.clearPushRetries(ctx.req.channel, ctx.warehouse, entries, startedAt);
}

function fail(result: SkuPushResult, error: WriteFailure): void {
	Object.assign(result, { status: 'failed', error });
	delete result.message;
}

function retryEntry(ctx: PublishContext, sku: string, error: WriteFailure, reason = retryReason(error)): PushRetryInput {
	const code = error.httpCode;
	const httpCode = Number.isInteger(code) && code! >= 100 && code! <= 599 ? { httpCode: code } : {};
	return { sku, warehouse: ctx.warehouse, reason, message: error.message, ...httpCode };
}

/** A writer that throws (the whole request failed) fails every SKU of the chunk, not the run. */
async function pushChunk(writer: ChannelWriter, chunk: StockUpdate[]): Promise<Map<string, { ok: boolean; error?: WriteFailure }>> {
	try {
		return new Map((await writer.pushStock(chunk)).map((r) => [r.sku, r]));
	} catch (error) {
		const failure = writeFailure(error);
		return new Map(chunk.map((u) => [u.sku, { ok: false, error: failure }]));
	}
}
