import type { ChannelWriter, WriteFailure } from '../channels/types';
import type { OmsStore } from '../store/types';
import { DEFAULT_WAREHOUSE, skuIdentity } from '../model/order';
import { PushRun } from './push-run';
import type { ListingPushResult } from './push-result';
import { PushScope } from './push-scope';
import { checkStockValueRules, type StockValueRules } from './stock-value';

export const CHANGED_SINCE_LAST_PUSH = 'changed-since-last-push';

/** A SKU to publish, as an input item names it. Its quantity is read from the store, not from here. */
export interface SkuRef {
	sku: string;
	warehouse?: string;
}

export type PushStatus = 'pushed' | 'unchanged' | 'not_listed' | 'not_counted' | 'failed' | 'deferred';

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
	/** The store's change number of the level `value` was computed from (null when no level was read). */
	changeSeq: number | null;
	status: PushStatus;
	/** Why a SKU was not pushed, when that is not a failure (not listed, never counted, deferred). */
	message?: string;
	/** Set for "failed" only. */
	error?: WriteFailure;
	/** How many channel listings the SKU is published to (links; one SKU may be sold under several). */
	listings?: number;
	/**
	 * Listings of the SKU pushed under their own rule (Catalog → Set Listing Rule), each with its own value;
	 * absent when the SKU has none. The fields above are the SKU's value, shown by its other listings.
	 */
	ownListings?: ListingPushResult[];
	/** The SKU came from the retry set (an earlier run failed or deferred it). */
	retried?: true;
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
	/** Changed-since mode: most SKUs read per run; the next run continues. Also the most due retries taken. */
	pageSize?: number;
	/** Push every value, even those the channel already has (after someone edited stock on the channel). */
	force?: boolean;
	/** How long to wait for SKUs another push holds before deferring them to the retry set (default 25 s: longer than a lease). */
	leaseWaitMs?: number;
	/** How long a lease lasts unless renewed (renewed before every request and every third of it while the run lives; default 20 s). */
	leaseTtlMs?: number;
	/** Most pushes of one SKU in one run while its level keeps moving (default 3). */
	maxRounds?: number;
	/** The time a push begins, for the retry set's uncertain entries: the store's clock (tests pass a fake one). */
	clock?: () => Date;
}

export interface PushStockOutcome {
	/** One per SKU: due retries first, then the input (or change) order. */
	results: SkuPushResult[];
	/** Changed-since mode: the cursor for the next run. */
	cursor?: string;
	/** Changed-since mode: true when more changed SKUs wait for the next run. */
	more?: boolean;
}

/**
 * Publishes stock to one channel account, in order: each SKU is pushed under a lease in the store (one push
 * per channel account, warehouse and SKU at a time, across executions and processes), from a level read
 * under that lease, and recorded with the level's change number, never over a newer one. After a push the
 * level is read again and pushed again if it moved. Only values that differ from the last accepted one are
 * sent, unless a write's outcome was unknown or the SKU's lease was taken over from a run that died (the
 * store marks both uncertain). Failed SKUs go to the store's retry set (backoff 1 min
 * doubling to 1 h) and every run first retries the ones that are due; a failed SKU never stops the others.
 */
export async function pushStock(req: PushStockRequest): Promise<PushStockOutcome> {
	checkStockValueRules(req);
	// The store's warehouses and rules for this channel account win over the node's parameters.
	const scope = await PushScope.of(req, req.warehouse || DEFAULT_WAREHOUSE);
	const warehouse = scope.label;
	const limit = req.pageSize ?? 1000;
	const due = (await req.store.listPushRetries(req.channel, { warehouse, dueOnly: true, limit })).map((e) => e.sku);
	const run = new PushRun(req, scope, new Set(due));
	if (req.levels !== CHANGED_SINCE_LAST_PUSH) {
		const named = uniqueSkus([...due.map((sku) => ({ sku })), ...req.levels], scope);
		// A component's level moved: every kit containing it shows a new number too.
		const kits = named.length > 0 ? await req.store.kitsContaining(named) : [];
		return { results: await run.push([...new Set([...named, ...kits])]) };
	}

	// The cursor always moves on: a SKU that failed waits in the retry set, not in front of later changes.
	const page = await req.store.listChanged(req.cursor || undefined, limit);
	const mine = page.levels.filter((l) => scope.sells(l.warehouse)); // kits of changed components included
	const results = await run.push(uniqueSkus([...due.map((sku) => ({ sku })), ...mine], scope));
	return { results, cursor: page.cursor, more: page.more };
}

/** The SKUs of this warehouse, once each, in their store identity (an item may name "Camisa-É" decomposed or padded). */
function uniqueSkus(refs: SkuRef[], scope: PushScope): string[] {
	const seen = new Set<string>();
	for (const ref of refs) {
		const sku = skuIdentity(String(ref.sku ?? ''));
		if (sku !== '' && (!ref.warehouse || ref.warehouse === scope.label || scope.sells(ref.warehouse))) seen.add(sku);
	}
	return [...seen];
}
