import type { ListingRef } from '../channels/types';
import { listingOverride, listingTarget } from '../catalog/listing-rules';
import { publishedValue, resolveRule, type PublishRule } from '../catalog/publish-rules';
import type { ListingLink } from '../catalog/types';
import type { OmsStore } from '../store/types';
import { linkRef, splitChannelKey } from './listings';

/**
 * What one SKU is pushed as. Target '' is the value every listing of the SKU shows (the SKU's override, the
 * account's rule, the node's fields); a listing with its own rule (Catalog → Set Listing Rule) is a target of
 * its own, with its own recorded value, change number and retry entry. A listing that had its own rule keeps
 * its own target (its recorded value says what it shows), so removing the rule publishes the SKU's value there.
 */
export interface PushTarget {
	sku: string;
	/** '' for the SKU's value; listingTarget(listingId, variantId) for a listing with its own rule. */
	listing: string;
	/** The listing itself, for a listing target. */
	ref?: ListingRef;
	value(available: number): number;
}

/** Results, records and retry entries are kept per target: the SKU itself for target ''. */
export const targetId = (sku: string, listing: string): string => (listing ? `${sku}\u0000${listing}` : sku);

export interface SkuTargets {
	/** Targets per SKU (every SKU asked has at least one). */
	bySku: Map<string, PushTarget[]>;
	/** Listing keys with a target of their own, per SKU: the '' target is not sent to them. */
	own: Map<string, Set<string>>;
}

/**
 * The targets of `skus`: the store's links of the SKUs on the account, the listings' rules, the listings with
 * a recorded value of their own (`ownRecorded`, target ids). Target '' exists when the SKU has no link yet (Push
 * Stock looks it up on the channel) or a linked listing without a target of its own.
 */
export async function pushTargets(
	store: OmsStore,
	channel: string,
	skus: string[],
	nodeRule: PublishRule,
	ownRecorded: Set<string>,
	accountListingRules: Promise<Map<string, PublishRule>>,
): Promise<SkuTargets> {
	const { channel: ch, account } = splitChannelKey(channel);
	// The account's listing rules (usually none; a run reads them once): without them and without listings
	// recorded apart, every SKU has its one target and its links are not read here (publishing reads them once).
	const [listingRules, { account: accountRule, bySku: skuRules }] = await Promise.all([accountListingRules, store.publishRulesFor(channel, skus)]);
	const links = listingRules.size > 0 || ownRecorded.size > 0 ? await store.linksOfSkus(ch, account, skus) : new Map<string, ListingLink[]>();
	const out: SkuTargets = { bySku: new Map(), own: new Map() };
	for (const sku of skus) {
		const base = [skuRules.get(sku), accountRule, nodeRule];
		const shared = resolveRule(...base);
		const targets: PushTarget[] = [];
		const own = new Set<string>();
		let sharedMembers = 0;
		for (const link of links.get(sku) ?? []) {
			const listing = listingTarget(link.listingId, link.variantId);
			const override = listingOverride(listingRules, link.listingId, link.variantId);
			if (!override && !ownRecorded.has(targetId(sku, listing))) {
				sharedMembers++;
				continue;
			}
			const rule = resolveRule(override, ...base);
			own.add(listing);
			targets.push({ sku, listing, ref: linkRef(link), value: (available) => publishedValue(available, rule) });
		}
		if (sharedMembers > 0 || !links.has(sku)) targets.unshift({ sku, listing: '', value: (available) => publishedValue(available, shared) });
		out.bySku.set(sku, targets);
		out.own.set(sku, own);
	}
	return out;
}
