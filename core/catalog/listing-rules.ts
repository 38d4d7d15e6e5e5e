import type { PublishRule } from './publish-rules';

/**
 * Publish rules per listing. A listing of a channel account (or one variant of it) may override the SKU's and
 * the account's rule, field by field: the variant's rule, then the whole listing's, then the SKU's, the
 * account's, the node's, the default. Two listings of one SKU may then show different numbers, so such a
 * listing is its own push target: its recorded value, change number and retry entry are kept under its key
 * (PushedValue.listing), apart from the value every other listing of the SKU shows (listing '').
 */

export interface ListingRuleEntry extends PublishRule {
	/** The channel account ("shopify:loja.myshopify.com"). */
	channel: string;
	listingId: string;
	/** '' = the listing as a whole (every variant without its own rule). */
	variantId: string;
	/** SKUs the listing is linked to now (one per linked variant); empty when it is not linked. */
	skus: string[];
	updatedAt: string;
}

/** The push-state key of a listing target; '' is the SKU's shared target. JSON, so no id can collide. */
export const listingTarget = (listingId: string, variantId: string | null | undefined): string => JSON.stringify([listingId, variantId ?? '']);

/** listingId / variantId of a target key ('' → null: the SKU's shared target). */
export function targetListing(key: string): { listingId: string; variantId: string } | null {
	if (!key) return null;
	const [listingId, variantId] = JSON.parse(key) as [string, string];
	return { listingId, variantId };
}

/** A listing's own rule: its variant's fields over the whole listing's; undefined when it has neither. */
export function listingOverride(rules: Map<string, PublishRule>, listingId: string, variantId: string): PublishRule | undefined {
	const variant = variantId ? rules.get(listingTarget(listingId, variantId)) : undefined;
	const whole = rules.get(listingTarget(listingId, ''));
	if (!variant && !whole) return undefined;
	return { ...whole, ...definedFields(variant) };
}

function definedFields(rule: PublishRule | undefined): PublishRule {
	const out: PublishRule = {};
	for (const [k, v] of Object.entries(rule ?? {})) if (v !== undefined && v !== null) (out as Record<string, number>)[k] = v as number;
	return out;
}
