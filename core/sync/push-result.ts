import { targetListing } from '../catalog/listing-rules';
import type { PushStatus, SkuPushResult } from './push-stock';

/** What a listing pushed under its own rule (Catalog → Set Listing Rule) was sent, beside its SKU's result. */
export interface ListingPushResult {
	listingId: string;
	variantId: string | null;
	value: number | null;
	previous: number | null;
	status: PushStatus;
	message?: string;
	error?: SkuPushResult['error'];
}

/** The SKU's status is its most pressing target's: a failure first, then a deferral, a push, … */
const RANK: PushStatus[] = ['failed', 'deferred', 'pushed', 'unchanged', 'not_listed', 'not_counted'];

/**
 * One result per SKU: `value` / `previous` / `listings` are those of the SKU's value (every listing without a
 * rule of its own; null when every listing has one), `ownListings` the listings with their own rule; `status`
 * (and `error`) the most pressing of all, so a failed listing fails its SKU's item.
 */
export function composeResult(shared: SkuPushResult | undefined, listings: Array<[string, SkuPushResult]>, sku: string, warehouse: string): SkuPushResult {
	if (listings.length === 0) return shared ?? { sku, warehouse, available: null, value: null, previous: null, changeSeq: null, status: 'unchanged' };
	const first = listings[0][1];
	const out: SkuPushResult = shared
		? { ...shared }
		: { sku, warehouse, available: first.available, value: null, previous: null, changeSeq: first.changeSeq, status: first.status, ...(first.retried ? { retried: true as const } : {}) };
	const all = [...(shared ? [shared] : []), ...listings.map(([, r]) => r)];
	const worst = all.reduce((a, b) => (RANK.indexOf(b.status) < RANK.indexOf(a.status) ? b : a));
	out.status = worst.status;
	if (worst.error && !out.error) out.error = worst.error;
	if (worst.message && !out.message && worst !== shared) out.message = worst.message;
	if (shared?.listings !== undefined) out.listings = shared.listings + listings.length;
	out.ownListings = listings.map(([key, r]) => {
		const { listingId, variantId } = targetListing(key)!;
		return {
			listingId,
			variantId: variantId || null,
			value: r.value,
			previous: r.previous,
			status: r.status,
			...(r.message ? { message: r.message } : {}),
			...(r.error ? { error: r.error } : {}),
		};
	});
	return out;
}
