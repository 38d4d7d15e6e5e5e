import type { ChannelWriter, ListingRef, StockUpdate, WriteFailure } from '../channels/types';
import { writeFailure } from '../channels/common/writer';
import { listingTarget } from '../catalog/listing-rules';
import type { PushRetryInput, SeenRetry } from '../store/types';
import { resolveListings } from './listings';
import { retryReason } from './push-outcome';
import type { PushStockRequest, SkuPushResult } from './push-stock';
import { targetId } from './push-targets';

/** A value to send to one target of a SKU: computed from the level with this change number. */
export interface Planned {
	sku: string;
	/** '' for the SKU's value (its listings without a rule of their own), else the listing's key. */
	listing: string;
	/** The listing, for a listing target. */
	ref?: ListingRef;
	available: number;
	value: number;
	changeSeq: number;
}

/** What publishing needs from the run (push-run.ts). */
export interface PublishContext {
	readonly req: PushStockRequest;
	readonly warehouse: string;
	/** Per target id. */
	readonly results: Map<string, SkuPushResult>;
	/** Per SKU: listing keys with a target of their own. */
	readonly own: Map<string, Set<string>>;
	readonly batchSize: number;
	now(): Date;
	lease(skus: string[]): Promise<Set<string>>;
	defer(skus: string[], message: string): Promise<void>;
}

const LEASE_LOST = 'the lease of this SKU expired during the push and another push took it: it waits in the retry set';
/** A SKU not found whose barcode the channel's catalog read has not reached yet (core/channels/common/catalog-read.ts). */
export const CATALOG_UNREAD = "not found yet: its barcode is in a part of the channel's catalog not read yet; it waits in the retry set for the next push, which reads on";
const SUPERSEDED = 'a value from a newer change was recorded while this one was on its way: the channel may show either';

type Update = { update: StockUpdate; planned: Planned };

/**
 * The updates in layers: layer k holds the k-th listing of every SKU (over all its targets), so no writer call
 * names a SKU twice (writers answer per SKU) and a SKU sold under several listings is sent to each of them.
 */
function layersOf(ctx: PublishContext, plan: Planned[], listingsOf: Map<string, ListingRef[]>): Update[][] {
	const layers: Update[][] = [];
	const depth = new Map<string, number>();
	for (const p of plan) {
		for (const listing of listingsOf.get(targetId(p.sku, p.listing)) ?? []) {
			const k = depth.get(p.sku) ?? 0;
			depth.set(p.sku, k + 1);
			(layers[k] ??= []).push({ update: { sku: p.sku, quantity: p.value, listing, warehouse: ctx.warehouse }, planned: p });
		}
	}
	return layers;
}

/**
 * The listings of each planned target: a listing target's own listing; for a SKU's value, its links (or what
 * the channel's catalog shows, linked on the way) except the listings with a target of their own. Results of
 * targets found nowhere are set here (not listed; failed look-up, or deferred until the catalog is read over
 * its barcode: retried).
 */
async function listingsOfTargets(ctx: PublishContext, plan: Planned[], seen: Map<string, SeenRetry>): Promise<Map<string, ListingRef[]>> {
	const { store, channel, writer } = ctx.req;
	const out = new Map<string, ListingRef[]>();
	const shared = plan.filter((p) => !p.listing);
	const listings = await resolveListings(store, channel, writer, shared.map((p) => p.sku));
	const lookupFailures: PushRetryInput[] = [];
	const notListed: string[] = [];
	const deferred: PushRetryInput[] = [];
	for (const p of plan) {
		const result = ctx.results.get(targetId(p.sku, p.listing))!;
		Object.assign(result, { available: p.available, value: p.value, changeSeq: p.changeSeq });
		if (p.listing) {
			out.set(targetId(p.sku, p.listing), [p.ref!]);
			continue;
		}
		const own = ctx.own.get(p.sku);
		const found = listings.found.get(p.sku)?.filter((l) => !own?.has(listingTarget(l.listingId, l.variantId ?? '')));
		const lookupFailure = listings.failed.get(p.sku);
		if (found && found.length > 0) {
			out.set(p.sku, found);
			result.listings = found.length;
		} else if (lookupFailure) {
			fail(result, lookupFailure);
			// The look-up failed, nothing was written: a plain failure, never uncertain.
			lookupFailures.push(retryEntry(ctx, p, lookupFailure, 'refused'));
		} else if (listings.deferred.has(p.sku)) {
			// As ctx.defer, for this target only: the SKU's listings with a rule of their own are published.
			Object.assign(result, { status: 'deferred', message: CATALOG_UNREAD });
			deferred.push({ sku: p.sku, warehouse: ctx.warehouse, listing: '', reason: 'deferred', message: CATALOG_UNREAD });
		} else {
			Object.assign(result, { status: 'not_listed', message: 'not listed on channel' });
			notListed.push(p.sku);
		}
	}
	await clearSeen(ctx, notListed, seen);
	if (lookupFailures.length + deferred.length > 0) await store.recordPushRetries(channel, [...lookupFailures, ...deferred]);
	return out;
}

/**
 * Sends planned values in the writer's chunks, each chunk after renewing its leases (a SKU whose lease
 * expired and was taken over is not sent: the other push owns it now), to every listing of each target.
 * A target's value is recorded once every listing of it accepted it (per chunk, with its change number); the
 * store answers those a newer record superseded, which the caller pushes again. Failures go to the retry set
 * per chunk and target: refused, or uncertain when the outcome is unknown; a target's other listings are not
 * sent after one failed (the retry sends them all).
 */
export async function publishPlanned(ctx: PublishContext, plan: Planned[], seen: Map<string, SeenRetry>): Promise<{ sent: Planned[]; superseded: Set<string> }> {
	const { store, channel, writer } = ctx.req;
	const listingsOf = await listingsOfTargets(ctx, plan, seen);
	const sent: Planned[] = [];
	const superseded = new Set<string>();
	const failed = new Set<string>(); // target ids refused on one listing: not sent to their other listings in this run
	const lostSkus = new Set<string>(); // SKUs whose lease another push took: nothing more of them is sent
	const acceptedBy = new Map<string, number>();
	for (const layer of layersOf(ctx, plan, listingsOf)) {
		for (let i = 0; i < layer.length; i += ctx.batchSize) {
			const startedAt = ctx.now();
			const batch = layer.slice(i, i + ctx.batchSize).filter((u) => !lostSkus.has(u.planned.sku) && !failed.has(targetId(u.planned.sku, u.planned.listing)));
			if (batch.length === 0) continue;
			const held = await ctx.lease(batch.map((u) => u.planned.sku));
			const chunk = batch.filter((u) => held.has(u.planned.sku));
			const lost = [...new Set(batch.filter((u) => !held.has(u.planned.sku)).map((u) => u.planned.sku))];
			for (const sku of lost) lostSkus.add(sku);
			if (lost.length > 0) await ctx.defer(lost, LEASE_LOST);
			if (chunk.length === 0) continue;

			const answers = await pushChunk(writer, chunk.map((u) => u.update));
			const accepted: Planned[] = [];
			const failures: PushRetryInput[] = [];
			for (const { planned } of chunk) {
				const id = targetId(planned.sku, planned.listing);
				const answer = answers.get(planned.sku) ?? { ok: false, error: { message: `${writer.id} returned no result for SKU ${planned.sku}` } };
				const result = ctx.results.get(id)!;
				if (answer.ok) {
					const done = (acceptedBy.get(id) ?? 0) + 1;
					acceptedBy.set(id, done);
					if (done < listingsOf.get(id)!.length) continue; // more listings to go
					result.status = 'pushed';
					delete result.error;
					delete result.message;
					accepted.push(planned);
				} else {
					const error = answer.error ?? { message: `${writer.id} refused the quantity of SKU ${planned.sku}` };
					fail(result, error);
					failed.add(id);
					failures.push(retryEntry(ctx, planned, error));
				}
			}
			// Recorded per chunk: a run that dies later does not send these again.
			if (accepted.length > 0) {
				const values = accepted.map((p) => ({ sku: p.sku, warehouse: ctx.warehouse, listing: p.listing, value: p.value, changeSeq: p.changeSeq }));
				for (const v of await store.recordPushed(channel, values)) {
					superseded.add(targetId(v.sku, v.listing ?? ''));
					failures.push({ sku: v.sku, warehouse: ctx.warehouse, listing: v.listing ?? '', reason: 'unknown', message: SUPERSEDED });
				}
				sent.push(...accepted);
				const cleared = accepted.map((p) => targetId(p.sku, p.listing)).filter((id) => !superseded.has(id));
				await clearSeen(ctx, cleared, seen, startedAt);
			}
			if (failures.length > 0) await store.recordPushRetries(channel, failures);
		}
	}
	return { sent, superseded };
}

/** Takes targets (ids) out of the retry set at the revisions this round read (an entry recorded since stays). */
async function clearSeen(ctx: PublishContext, ids: string[], seen: Map<string, SeenRetry>, startedAt?: Date): Promise<void> {
	const entries = ids.flatMap((id) => seen.get(id) ?? []);
	if (entries.length > 0) await ctx.req.store.clearPushRetries(ctx.req.channel, ctx.warehouse, entries, startedAt);
}

function fail(result: SkuPushResult, error: WriteFailure): void {
	Object.assign(result, { status: 'failed', error });
	delete result.message;
}

function retryEntry(ctx: PublishContext, target: Planned, error: WriteFailure, reason = retryReason(error)): PushRetryInput {
	const code = error.httpCode;
	const httpCode = Number.isInteger(code) && code! >= 100 && code! <= 599 ? { httpCode: code } : {};
	return { sku: target.sku, warehouse: ctx.warehouse, listing: target.listing, reason, message: error.message, ...httpCode };
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
