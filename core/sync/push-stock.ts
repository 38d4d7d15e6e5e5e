import type { ChannelWriter, StockUpdate, WriteFailure } from '../channels/types';
import type { OmsStore, StockLevel } from '../store/types';
import { writeFailure } from '../channels/common/writer';
import { skuIdentity } from '../model/order';
import { resolveListings } from './listings';
import { checkStockValueRules, stockValue, type StockValueRules } from './stock-value';

export const DEFAULT_WAREHOUSE = 'default';
export const CHANGED_SINCE_LAST_PUSH = 'changed-since-last-push';

/** A SKU to publish, as an input item names it. Its quantity is read from the store, not from here. */
export interface SkuRef {
	sku: string;
	warehouse?: string;
}

const NOT_COUNTED = 'never counted in the OMS: set its on-hand stock to publish it';

export type PushStatus = 'pushed' | 'unchanged' | 'not_listed' | 'not_counted' | 'failed';

export interface SkuPushResult {
	/** The SKU in its store identity (skuIdentity: trimmed, NFC), whatever form the input item used. */
	sku: string;
	warehouse: string;
	/** The store's available units (on hand − reserved); null for a SKU the store does not know. */
	available: number | null;
	/** What the channel should show; null when it could not be computed (SKU never counted). */
	value: number | null;
	/** The last value this channel accepted for the SKU; null when nothing was pushed yet. */
	previous: number | null;
	status: PushStatus;
	/** Why a SKU was not pushed, when that is not a failure (not listed, never counted). */
	message?: string;
	/** Set for "failed" only. */
	error?: WriteFailure;
}

export interface PushStockRequest extends StockValueRules {
	store: OmsStore;
	/** The store's key for the channel account, e.g. "shopify:loja.myshopify.com". */
	channel: string;
	writer: ChannelWriter;
	/** SKUs to publish, or every SKU whose stock changed since the cursor. */
	levels: SkuRef[] | typeof CHANGED_SINCE_LAST_PUSH;
	/** The OMS warehouse this channel sells from; levels of other warehouses are not this channel's stock. */
	warehouse?: string;
	/** Changed-since mode: where the previous run stopped (from the start when absent). */
	cursor?: string;
	/** Changed-since mode: most SKUs read per run; the next run continues. */
	pageSize?: number;
	/** Push every value, even those the channel already has (after someone edited stock on the channel). */
	force?: boolean;
}

export interface PushStockOutcome {
	/** One per SKU, in input (or change) order. */
	results: SkuPushResult[];
	/** Changed-since mode: the cursor for the next run. */
	cursor?: string;
	/** Changed-since mode: true when more changed SKUs wait for the next run. */
	more?: boolean;
}

/**
 * Publishes stock to one channel account. Only values that differ from the last accepted one are sent, so a
 * run after an unrelated change costs no channel request. A failed SKU never stops the others, and only
 * values the channel accepted are recorded, so a failed one is sent again by the next run.
 */
export async function pushStock(req: PushStockRequest): Promise<PushStockOutcome> {
	checkStockValueRules(req);
	const warehouse = req.warehouse || DEFAULT_WAREHOUSE;
	if (req.levels === CHANGED_SINCE_LAST_PUSH) return await pushChangedSince(req, warehouse);
	const skus = uniqueSkus(req.levels, warehouse);
	const levels = skus.length ? await req.store.getAvailability(skus, warehouse) : [];
	return { results: await pushLevels(req, warehouse, skus, levels) };
}

/**
 * The cursor returned is the page's end only when no SKU of the page failed. Otherwise it stays where it
 * was, so the next run reads the page again: the failed SKUs are retried, and the ones pushed this time come
 * back as "unchanged" (the recorded value matches) at no channel cost. Not-listed and never-counted SKUs do
 * not hold the cursor: retrying them cannot succeed until something changes, which moves them into a later page.
 */
async function pushChangedSince(req: PushStockRequest, warehouse: string): Promise<PushStockOutcome> {
	const page = await req.store.listChanged(req.cursor || undefined, req.pageSize ?? 1000);
	const mine = page.levels.filter((l) => l.warehouse === warehouse);
	const results = await pushLevels(req, warehouse, uniqueSkus(mine, warehouse), mine);
	const done = results.every((r) => r.status !== 'failed');
	return { results, cursor: done ? page.cursor : req.cursor, more: page.more };
}

/** The SKUs of this warehouse, once each, in their store identity (an item may name "Camisa-É" decomposed or padded). */
function uniqueSkus(refs: SkuRef[], warehouse: string): string[] {
	const seen = new Set<string>();
	for (const ref of refs) {
		const sku = skuIdentity(String(ref.sku ?? ''));
		if (sku !== '' && (ref.warehouse || warehouse) === warehouse) seen.add(sku);
	}
	return [...seen];
}

async function pushLevels(req: PushStockRequest, warehouse: string, skus: string[], levels: StockLevel[]): Promise<SkuPushResult[]> {
	const bySku = new Map(levels.map((l) => [l.sku, l]));
	const previous = skus.length ? await req.store.getPushed(req.channel, skus, warehouse) : new Map<string, number>();
	const results = new Map<string, SkuPushResult>();
	const toPush: string[] = [];
	for (const sku of skus) {
		const level = bySku.get(sku);
		const prev = previous.get(sku) ?? null;
		// A SKU only seen on orders was never counted: publishing 0 would pull a selling listing off the channel.
		if (!level || !level.stocked) {
			results.set(sku, { sku, warehouse, available: level?.available ?? null, value: null, previous: prev, status: 'not_counted', message: NOT_COUNTED });
			continue;
		}
		const value = stockValue(level.available, req);
		results.set(sku, { sku, warehouse, available: level.available, value, previous: prev, status: 'unchanged' });
		if (req.force || value !== prev) toPush.push(sku);
	}
	await publish(req, warehouse, toPush, results);
	return skus.map((sku) => results.get(sku)!);
}

async function publish(req: PushStockRequest, warehouse: string, skus: string[], results: Map<string, SkuPushResult>): Promise<void> {
	const listings = await resolveListings(req.store, req.channel, req.writer, skus);
	const updates: StockUpdate[] = [];
	for (const sku of skus) {
		const result = results.get(sku)!;
		const listing = listings.found.get(sku);
		const lookupFailure = listings.failed.get(sku);
		if (listing) updates.push({ sku, quantity: result.value!, listing });
		else if (lookupFailure) Object.assign(result, { status: 'failed', error: lookupFailure });
		else Object.assign(result, { status: 'not_listed', message: 'not listed on channel' });
	}
	const size = Math.max(1, Math.floor(req.writer.stockBatchSize) || 1);
	for (let i = 0; i < updates.length; i += size) {
		const chunk = updates.slice(i, i + size);
		const answers = await pushChunk(req.writer, chunk);
		const accepted = [];
		for (const update of chunk) {
			const answer = answers.get(update.sku) ?? { ok: false, error: { message: `${req.writer.id} returned no result for SKU ${update.sku}` } };
			const result = results.get(update.sku)!;
			if (answer.ok) {
				result.status = 'pushed';
				accepted.push({ sku: update.sku, warehouse, value: update.quantity });
			} else {
				Object.assign(result, { status: 'failed', error: answer.error ?? { message: `${req.writer.id} refused the quantity of SKU ${update.sku}` } });
			}
		}
		// Recorded per chunk: a run that dies later does not send these again.
		if (accepted.length) await req.store.recordPushed(req.channel, accepted);
	}
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
