import type { StatementSync } from 'node:sqlite';
import type { ListingRuleBackend } from '../listing-rule-backend';
import { listingRuleFromRow } from '../rows-config';

/** Per-listing publish rule statements of the SQLite driver; `read`/`write` put each behind the connection's mutex. */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;
type Run = <T>(work: () => T) => Promise<T>;

export function sqliteListingRules(prepare: Prepare, read: Run, write: Run): ListingRuleBackend {
	return {
		upsertListingRule: (channel, listingId, variantId, rule, at) =>
			write(() => {
				prepare(
					`INSERT INTO oms_listing_rule (channel, listing_id, variant_id, share_percent, max_quantity, safety_stock, zero_below, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					 ON CONFLICT (channel, listing_id, variant_id) DO UPDATE SET share_percent = excluded.share_percent, max_quantity = excluded.max_quantity,
					   safety_stock = excluded.safety_stock, zero_below = excluded.zero_below, updated_at = excluded.updated_at`,
				).run(channel, listingId, variantId, rule.sharePercent ?? null, rule.maxQuantity ?? null, rule.safetyStock ?? null, rule.zeroBelow ?? null, at);
			}),
		deleteListingRule: (channel, listingId, variantId) =>
			write(() => Number(prepare('DELETE FROM oms_listing_rule WHERE channel = ? AND listing_id = ? AND variant_id = ?').run(channel, listingId, variantId).changes) > 0),
		selectListingRules: (channel, listingIds) =>
			read(() =>
				(
					prepare(
						`SELECT * FROM oms_listing_rule WHERE (?1 IS NULL OR channel = ?1) AND (?2 IS NULL OR listing_id IN (SELECT value FROM json_each(?2)))
						 ORDER BY channel, listing_id, variant_id`,
					).all(channel, listingIds ? JSON.stringify(listingIds) : null) as Row[]
				).map(listingRuleFromRow),
			),
	};
}
