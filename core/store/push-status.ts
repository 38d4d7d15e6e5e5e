import { pushRetryFromRow } from './rows';
import type { PushStatusEntry, PushStatusQuery, VersionedLevel } from './types';
import { storeSku } from './inputs';
import { targetListing } from '../catalog/listing-rules';

/** Read side of the push state (pushStatus), shared by both drivers. */

type Row = Record<string, unknown>;

export interface PushStatusFilter {
	/** A channel ("shopify") or one channel account ("shopify:loja.myshopify.com"). */
	channel: string | null;
	sku: string | null;
	warehouse: string | null;
	limit: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

export function pushStatusFilter(q: PushStatusQuery): PushStatusFilter {
	const limit = q.limit ?? 1000;
	if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error('Push status: limit must be a whole number from 1 to 10000');
	for (const [name, v] of [['channel', q.channel], ['warehouse', q.warehouse]] as const) {
		if (v !== undefined && typeof v !== 'string') throw new Error(`Push status: ${name} must be text`);
	}
	return {
		channel: q.channel || null,
		sku: q.sku === undefined || q.sku === '' ? null : storeSku(q.sku),
		warehouse: q.warehouse || null,
		limit,
	};
}

/**
 * The push-status query up to its filter, the same on both drivers: every target recorded or waiting for a
 * retry, with the level now, the retry entry, and the ledger movements since the push (in the target's
 * warehouse, or in any part of a joint "a+b" one). `position` is the driver's substring search.
 */
export function pushStatusFrom(position: 'strpos' | 'instr'): string {
	return `WITH k AS (SELECT channel, warehouse, sku, listing FROM oms_channel_stock UNION SELECT channel, warehouse, sku, listing FROM oms_push_retry)
		 SELECT k.channel, k.warehouse, k.sku, k.listing, c.pushed_value, c.pushed_seq, c.pushed_at, s.on_hand, s.reserved, s.change_seq,
		   r.attempts, r.uncertain, r.last_error, r.last_http_code, r.first_failed_ms, r.next_ms, r.revision,
		   CASE WHEN c.pushed_at IS NULL THEN NULL ELSE (SELECT COUNT(*) FROM oms_ledger l WHERE l.sku = k.sku AND (l.warehouse = k.warehouse OR ${position}('+' || k.warehouse || '+', '+' || l.warehouse || '+') > 0) AND l.at > c.pushed_at) END AS movements
		 FROM k
		 LEFT JOIN oms_channel_stock c ON c.channel = k.channel AND c.warehouse = k.warehouse AND c.sku = k.sku AND c.listing = k.listing
		 LEFT JOIN oms_push_retry r ON r.channel = k.channel AND r.warehouse = k.warehouse AND r.sku = k.sku AND r.listing = k.listing
		 LEFT JOIN oms_stock s ON s.warehouse = k.warehouse AND s.sku = k.sku`;
}

export const pushStatusFromRow = (r: Row): PushStatusEntry => {
	const pushedSeq = num(r.pushed_seq);
	const changeSeq = num(r.change_seq);
	const onHand = num(r.on_hand);
	const reserved = num(r.reserved);
	const available = onHand === null || reserved === null ? null : onHand - reserved;
	const listing = targetListing(r.listing ? String(r.listing) : '');
	return {
		channel: String(r.channel),
		warehouse: String(r.warehouse),
		sku: String(r.sku),
		listingId: listing?.listingId ?? null,
		variantId: listing ? listing.variantId || null : null,
		pushedValue: num(r.pushed_value),
		pushedAt: iso(r.pushed_at),
		pushedChangeSeq: pushedSeq,
		onHand,
		reserved,
		available,
		changeSeq,
		// Never published, or the level changed after the change the published value was computed from.
		behind: changeSeq !== null && (pushedSeq === null || changeSeq > pushedSeq),
		movementsSincePush: num(r.movements),
		retry: r.attempts === null || r.attempts === undefined ? null : pushRetryFromRow(r),
	};
};

/** The warehouses a push key names: "default+sp" (several sold, summed) or one warehouse. */
const pushKeyWarehouses = (key: string): string[] => key.split('+');

/**
 * Push keys naming several warehouses ("default+sp", Catalog → Set Channel Warehouses) compare the value
 * published with the sum of those warehouses' levels, as the push computed it (PushScope.levels): available
 * summed (kits per warehouse), the newest change. The drivers' rows carry no level for such a key.
 */
export async function withJointLevels(rows: PushStatusEntry[], levels: (skus: string[], warehouse: string) => Promise<VersionedLevel[]>): Promise<PushStatusEntry[]> {
	const skusByKey = new Map<string, Set<string>>();
	for (const r of rows) if (r.warehouse.includes('+')) (skusByKey.get(r.warehouse) ?? skusByKey.set(r.warehouse, new Set()).get(r.warehouse)!).add(r.sku);
	if (skusByKey.size === 0) return rows;
	const sums = new Map<string, { onHand: number; reserved: number; available: number; changeSeq: number }>();
	for (const [key, skus] of skusByKey) {
		for (const part of pushKeyWarehouses(key)) {
			for (const l of await levels([...skus], part)) {
				const k = `${key}|${l.sku}`;
				const s = sums.get(k);
				sums.set(k, s ? { onHand: s.onHand + l.onHand, reserved: s.reserved + l.reserved, available: s.available + l.available, changeSeq: Math.max(s.changeSeq, l.changeSeq) } : { onHand: l.onHand, reserved: l.reserved, available: l.available, changeSeq: l.changeSeq });
			}
		}
	}
	return rows.map((r) => {
		const sum = r.warehouse.includes('+') ? sums.get(`${r.warehouse}|${r.sku}`) : undefined;
		if (!sum) return r;
		return { ...r, ...sum, behind: r.pushedChangeSeq === null || sum.changeSeq > r.pushedChangeSeq };
	});
}
