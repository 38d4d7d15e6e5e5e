import type { ListingRuleBackend } from '../listing-rule-backend';
import { listingRuleFromRow } from '../rows-config';
import type { Query } from './push-state';

/** Per-listing publish rule statements of the PostgreSQL driver: each one statement. */

export function pgListingRules(q: Query): ListingRuleBackend {
	return {
		upsertListingRule: async (channel, listingId, variantId, rule, at) => {
			await q(
				`INSERT INTO oms_listing_rule (channel, listing_id, variant_id, share_percent, max_quantity, safety_stock, zero_below, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
				 ON CONFLICT (channel, listing_id, variant_id) DO UPDATE SET share_percent = excluded.share_percent, max_quantity = excluded.max_quantity,
				   safety_stock = excluded.safety_stock, zero_below = excluded.zero_below, updated_at = excluded.updated_at`,
				[channel, listingId, variantId, rule.sharePercent ?? null, rule.maxQuantity ?? null, rule.safetyStock ?? null, rule.zeroBelow ?? null, at],
			);
		},
		deleteListingRule: async (channel, listingId, variantId) =>
			(await q('DELETE FROM oms_listing_rule WHERE channel = $1 AND listing_id = $2 AND variant_id = $3 RETURNING 1 AS gone', [channel, listingId, variantId])).length > 0,
		selectListingRules: async (channel, listingIds) =>
			(
				await q(
					`SELECT * FROM oms_listing_rule WHERE ($1::text IS NULL OR channel = $1) AND ($2::text[] IS NULL OR listing_id = ANY($2::text[]))
					 ORDER BY channel COLLATE "C", listing_id COLLATE "C", variant_id COLLATE "C"`,
					[channel, listingIds ?? null],
				)
			).map(listingRuleFromRow),
	};
}
