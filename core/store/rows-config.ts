import type { ChannelWarehouses, PublishRuleEntry } from './channel-config-backend';
import type { ListingRuleRow } from './listing-rule-backend';

/** Row shapes of the channel settings tables, shared by both drivers. */

type Row = Record<string, unknown>;

const when = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const opt = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const list = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : ((v as string[] | null) ?? []));

export function ruleFromRow(r: Row): PublishRuleEntry {
	return withRuleFields<PublishRuleEntry>({ channel: String(r.channel), sku: r.sku ? String(r.sku) : null, updatedAt: when(r.updated_at) }, r);
}

export function listingRuleFromRow(r: Row): ListingRuleRow {
	return withRuleFields<ListingRuleRow>({ channel: String(r.channel), listingId: String(r.listing_id), variantId: String(r.variant_id ?? ''), updatedAt: when(r.updated_at) }, r);
}

/** The rule's columns that are set (NULL = falls back). */
function withRuleFields<T extends object>(out: T, r: Row): T {
	const fields = { sharePercent: opt(r.share_percent), maxQuantity: opt(r.max_quantity), safetyStock: opt(r.safety_stock), zeroBelow: opt(r.zero_below) };
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) (out as unknown as Record<string, number>)[k] = v;
	return out;
}

export const warehousesFromRow = (r: Row): ChannelWarehouses => ({
	channel: String(r.channel),
	sells: list(r.sells_json),
	reservesIn: list(r.reserves_json),
	updatedAt: when(r.updated_at),
});
