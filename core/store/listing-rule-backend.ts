import type { PublishRule } from '../catalog/publish-rules';

/** A listing's publish rule as the drivers store it (the SKUs it is linked to are added by the store). */
export interface ListingRuleRow extends PublishRule {
	channel: string;
	listingId: string;
	variantId: string;
	updatedAt: string;
}

/** Driver statements for per-listing publish rules; each one statement. */
export interface ListingRuleBackend {
	upsertListingRule(channel: string, listingId: string, variantId: string, rule: PublishRule, at: string): Promise<void>;
	deleteListingRule(channel: string, listingId: string, variantId: string): Promise<boolean>;
	/** Rules of the channel account (all accounts when null), of these listings (every variant) or all. */
	selectListingRules(channel: string | null, listingIds?: string[]): Promise<ListingRuleRow[]>;
}
