import type { ChannelWriter, ListingAnswer, ListingRef, ListingsByGtin, WriteFailure } from '../channels/types';
import type { ListingLink } from '../catalog/types';
import type { OmsStore } from '../store/types';
import { listingsOf, writeFailure } from '../channels/common/writer';
import { skuIdentity } from '../model/order';

export interface ResolvedListings {
	/** Every listing a SKU is sold under on the channel account (one SKU may have several). */
	found: Map<string, ListingRef[]>;
	/** SKUs the channel answered it does not list (or whose every listing is linked to another SKU). */
	notListed: Set<string>;
	/** SKUs whose lookup failed (the channel did not answer): retried on the next run. */
	failed: Map<string, WriteFailure>;
	/** SKUs not found whose barcode may be in a part of the channel's catalog not read yet: retried on the next run. */
	deferred: Set<string>;
}

/** The channel listing a link names, as writers take it. */
export const linkRef = (l: ListingLink): ListingRef => ({
	listingId: l.listingId,
	...(l.variantId ? { variantId: l.variantId } : {}),
	...(l.inventoryItemId ? { inventoryItemId: l.inventoryItemId } : {}),
});

/** The store's key of a channel account, "shopify:loja.myshopify.com", as the links table keys it. */
export function splitChannelKey(key: string): { channel: string; account: string } {
	const at = key.indexOf(':');
	return at < 0 ? { channel: key, account: '' } : { channel: key.slice(0, at), account: key.slice(at + 1) };
}

/**
 * SKU → the channel listings it is published to, for SKUs in their store identity (push-stock passes them
 * so): the store's links (made by a person, a sheet, or earlier look-ups). Only SKUs without any link are
 * looked up on the channel's catalog, in one call; each listing found there — all of them, when the SKU is sold
 * under several — becomes a link ('catalog'), which also reserves the lines of open orders that waited for it. A SKU the channel does not list is
 * not remembered: it may be listed later, and asking again costs one lookup per run that pushes it.
 */
export async function resolveListings(store: OmsStore, channelKey: string, writer: ChannelWriter, skus: string[]): Promise<ResolvedListings> {
	const out: ResolvedListings = { found: new Map(), notListed: new Set(), failed: new Map(), deferred: new Set() };
	if (skus.length === 0) return out;
	const { channel, account } = splitChannelKey(channelKey);
	const linked = await store.linksOfSkus(channel, account, skus);
	for (const [sku, links] of linked) out.found.set(sku, links.map(linkRef));
	const missing = skus.filter((sku) => !linked.has(sku));
	if (missing.length === 0) return out;

	let answered: Map<string, ListingAnswer>;
	try {
		answered = await writer.resolveListings(missing);
	} catch (error) {
		const failure = writeFailure(error);
		for (const sku of missing) out.failed.set(sku, failure);
		return out;
	}
	// The channel may spell a SKU differently (decomposed accents, padding): match answers by identity.
	const byIdentity = new Map([...answered].map(([sku, answer]) => [skuIdentity(sku), listingsOf(answer)]));
	const fresh: Array<{ sku: string; ref: ListingRef }> = [];
	for (const sku of missing) {
		const refs = byIdentity.get(skuIdentity(sku)) ?? [];
		for (const ref of refs) fresh.push({ sku, ref });
		if (refs.length === 0) out.notListed.add(sku);
	}
	fresh.push(...(await byBarcode(store, writer, out)));
	if (fresh.length === 0) return out;
	const results = await store.linkListings(
		fresh.map(({ sku, ref }) => ({ channel, account, sku, listingId: ref.listingId, variantId: ref.variantId, inventoryItemId: ref.inventoryItemId, source: 'catalog' })),
	);
	// A listing a person linked to another SKU stays theirs: the catalog's SKU is not published there (its
	// other listings still are).
	results.forEach((r, i) => {
		if (r.outcome === 'conflict') return;
		const { sku, ref } = fresh[i];
		out.found.set(sku, [...(out.found.get(sku) ?? []), ref]);
	});
	for (const { sku } of fresh) if (!out.found.has(sku)) out.notListed.add(sku);
	return out;
}

/**
 * SKUs the channel does not list under their seller SKU, found by a barcode the store knows for them (Catalog
 * → Set Barcodes) on channels whose catalog shows barcodes. A SKU not found with a barcode the channel's
 * catalog read has not covered yet (`unsettled`) is deferred, not "not listed": its listing may be further on.
 */
async function byBarcode(store: OmsStore, writer: ChannelWriter, out: ResolvedListings): Promise<Array<{ sku: string; ref: ListingRef }>> {
	if (!writer.resolveListingsByGtin || out.notListed.size === 0) return [];
	const barcodes = await store.barcodesOf([...out.notListed]);
	if (barcodes.size === 0) return [];
	let answered: ListingsByGtin;
	try {
		answered = await writer.resolveListingsByGtin([...new Set([...barcodes.values()].flat())]);
	} catch (error) {
		// The channel did not answer: those SKUs are retried, as a failed SKU look-up is.
		const failure = writeFailure(error);
		for (const sku of barcodes.keys()) {
			out.notListed.delete(sku);
			out.failed.set(sku, failure);
		}
		return [];
	}
	const found: Array<{ sku: string; ref: ListingRef }> = [];
	for (const [sku, gtins] of barcodes) {
		const ref = gtins.map((g) => answered.get(g)).find((r) => r !== undefined);
		if (!ref) {
			if (gtins.some((g) => answered.unsettled?.has(g))) {
				out.notListed.delete(sku);
				out.deferred.add(sku);
			}
			continue;
		}
		out.notListed.delete(sku);
		found.push({ sku, ref });
	}
	return found;
}
