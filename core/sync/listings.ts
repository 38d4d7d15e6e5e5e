import type { ChannelWriter, ListingRef, WriteFailure } from '../channels/types';
import type { ListingMapping, OmsStore } from '../store/types';
import { writeFailure } from '../channels/common/writer';
import { skuIdentity } from '../model/order';

export interface ResolvedListings {
	found: Map<string, ListingRef>;
	/** SKUs the channel answered it does not list. */
	notListed: Set<string>;
	/** SKUs whose lookup failed (the channel did not answer): retried on the next run. */
	failed: Map<string, WriteFailure>;
}

const toRef = (m: ListingMapping): ListingRef => ({
	listingId: m.listingId,
	...(m.variantId ? { variantId: m.variantId } : {}),
	...(m.inventoryItemId ? { inventoryItemId: m.inventoryItemId } : {}),
});

/**
 * SKU → channel ids, for SKUs in their store identity (push-stock passes them so). The store caches what
 * the channel answered, so a SKU is looked up on the channel once; only SKUs missing from the cache are
 * asked for, in one call. A SKU the channel does not list is not cached:
 * it may be listed later, and asking again costs one lookup per run that pushes it.
 */
export async function resolveListings(store: OmsStore, channel: string, writer: ChannelWriter, skus: string[]): Promise<ResolvedListings> {
	const out: ResolvedListings = { found: new Map(), notListed: new Set(), failed: new Map() };
	if (skus.length === 0) return out;
	const cached = await store.getListings(channel, skus);
	for (const [sku, mapping] of cached) out.found.set(sku, toRef(mapping));
	const missing = skus.filter((sku) => !cached.has(sku));
	if (missing.length === 0) return out;

	let answered: Map<string, ListingRef>;
	try {
		answered = await writer.resolveListings(missing);
	} catch (error) {
		const failure = writeFailure(error);
		for (const sku of missing) out.failed.set(sku, failure);
		return out;
	}
	// The channel may spell a SKU differently (decomposed accents, padding): match answers by identity.
	const byIdentity = new Map([...answered].map(([sku, ref]) => [skuIdentity(sku), ref]));
	const fresh: ListingMapping[] = [];
	for (const sku of missing) {
		const ref = byIdentity.get(skuIdentity(sku));
		if (!ref) {
			out.notListed.add(sku);
			continue;
		}
		out.found.set(sku, ref);
		fresh.push({ sku, ...ref });
	}
	if (fresh.length > 0) await store.setListings(channel, fresh);
	return out;
}
