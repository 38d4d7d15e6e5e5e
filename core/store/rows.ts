import { skuQuantities, type OrderStockState, type SkuQuantities, type Stage } from '../lifecycle/plan';
import type { CanonicalStatus } from '../model/order';
import type { CounterRow, LedgerTotal } from './backend';
import { kitSnapshots, type KitSnapshots } from './kit-stock';
import type { ClaimedDelivery } from './queue-types';
import type { ChangedPage, LedgerEntry, ListingMapping, PushRetryEntry, ReservationEntry, StockLevel, VersionedLevel } from './types';

/** Row shapes shared by both drivers (same column names), mapped to the core's objects. */

type Row = Record<string, unknown>;

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
/** A stored footprint (JSON text from SQLite, parsed jsonb from pg), as a null-prototype SKU map. */
const json = (v: unknown): SkuQuantities => skuQuantities(typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : (v as Record<string, unknown> | null));

export const orderStateFromRow = (r: Row): OrderStockState => ({
	orderKey: String(r.order_key),
	status: (r.status as CanonicalStatus | null) ?? null,
	stage: r.stage as Stage,
	warehouse: String(r.warehouse),
	reserved: json(r.reserved_json),
	committed: json(r.committed_json),
	revision: num(r.revision),
	reservedAt: str(r.reserved_at),
	channelUpdatedAt: str(r.channel_updated_at),
	...factsFromJson(r.facts_json),
	...kitsOfRow(r),
});

/** The facts column (schema 7): the ERP's furthest status and the registered returns; `{}` for older rows. */
function factsFromJson(v: unknown): Pick<OrderStockState, 'erpStatus' | 'returned' | 'registered' | 'returnRefs'> {
	const f = ((typeof v === 'string' ? JSON.parse(v) : v) ?? {}) as Record<string, unknown>;
	return {
		erpStatus: (f.erpStatus as CanonicalStatus | undefined) ?? null,
		returned: json(f.returned ?? null),
		registered: json(f.registered ?? null),
		returnRefs: Array.isArray(f.returnRefs) ? f.returnRefs.map(String) : [],
	};
}

/** What the facts column stores (empty maps and lists left out). */
export function factsJson(s: OrderStockState): string {
	const f: Record<string, unknown> = {};
	if (s.erpStatus) f.erpStatus = s.erpStatus;
	if (Object.keys(s.returned).length) f.returned = s.returned;
	if (Object.keys(s.registered).length) f.registered = s.registered;
	if (s.returnRefs.length) f.returnRefs = s.returnRefs;
	return JSON.stringify(f);
}

/** An order's recorded kit definitions (rows from before kits have none). */
function kitsOfRow(r: Row): { kits?: KitSnapshots } {
	const kits = r.kits_json === undefined || r.kits_json === null ? undefined : kitSnapshots(r.kits_json);
	return kits && Object.keys(kits).length > 0 ? { kits } : {};
}

export const counterFromRow = (r: Row): CounterRow => ({
	sku: String(r.sku),
	warehouse: String(r.warehouse),
	onHand: num(r.on_hand),
	reserved: num(r.reserved),
	stocked: r.stocked === true || num(r.stocked) === 1,
});

/** A per-(warehouse, sku) sum: ledger totals, open reservations. */
export const totalFromRow = (r: Row): LedgerTotal => ({ sku: String(r.sku), warehouse: String(r.warehouse), onHand: num(r.on_hand), reserved: num(r.reserved) });

export const levelFromRow = (r: Row): StockLevel => {
	const c = counterFromRow(r);
	return { ...c, available: c.onHand - c.reserved };
};

export const versionedLevelFromRow = (r: Row): VersionedLevel => ({ ...levelFromRow(r), changeSeq: num(r.change_seq) });

const isoMs = (v: unknown): string => new Date(num(v)).toISOString();

export const pushRetryFromRow = (r: Row): PushRetryEntry => ({
	sku: String(r.sku),
	warehouse: String(r.warehouse),
	listing: r.listing ? String(r.listing) : '',
	attempts: num(r.attempts),
	uncertain: r.uncertain === true || num(r.uncertain) === 1,
	lastError: str(r.last_error),
	lastHttpCode: r.last_http_code === null || r.last_http_code === undefined ? null : num(r.last_http_code),
	firstFailedAt: isoMs(r.first_failed_ms),
	nextAt: isoMs(r.next_ms),
	revision: num(r.revision),
});

export const ledgerFromRow = (r: Row): LedgerEntry => ({
	id: num(r.id),
	at: str(r.at) ?? '',
	sku: String(r.sku),
	warehouse: String(r.warehouse),
	deltaOnHand: num(r.delta_on_hand),
	deltaReserved: num(r.delta_reserved),
	reason: r.reason as LedgerEntry['reason'],
	orderKey: str(r.order_key),
	effectKey: str(r.effect_key),
	ref: str(r.ref),
	note: str(r.note),
	kit: r.kit_sku ? String(r.kit_sku) : null,
});

export const reservationFromRow = (r: Row): ReservationEntry => ({
	orderKey: String(r.order_key),
	status: (r.status as ReservationEntry['status']) ?? null,
	sku: String(r.sku),
	warehouse: String(r.warehouse),
	quantity: Number(r.quantity),
	reservedAt: r.reserved_at instanceof Date ? r.reserved_at.toISOString() : ((r.reserved_at as string | null) ?? null),
});

export const listingFromRow = (r: Row): ListingMapping => ({
	sku: String(r.sku),
	listingId: String(r.listing_id),
	...(r.variant_id ? { variantId: String(r.variant_id) } : {}),
	...(r.inventory_item_id ? { inventoryItemId: String(r.inventory_item_id) } : {}),
});

/**
 * A page of changed levels that never splits one change (one transaction's rows share a sequence number):
 * the cursor is the last complete sequence returned.
 */
export function pageByChangeSeq(rows: Row[], limit: number, from: number, rowsOfSeq: (seq: number) => Row[]): ChangedPage {
	if (rows.length <= limit) {
		const last = rows.length ? Number(rows[rows.length - 1].change_seq) : from;
		return { levels: rows.map(levelFromRow), cursor: String(last), more: false };
	}
	const cutSeq = Number(rows[limit].change_seq);
	let page = rows.slice(0, limit).filter((r) => Number(r.change_seq) < cutSeq);
	if (page.length === 0) page = rowsOfSeq(cutSeq);
	return { levels: page.map(levelFromRow), cursor: String(Number(page[page.length - 1].change_seq)), more: true };
}

/**
 * Reservation rows (one per order and footprint key, with the order's kits_json) in stock SKUs: a kit line's
 * units become its components' units, each naming the kit. `sku` keeps only that stock SKU.
 */
export function reservationsFromRows(rows: Row[], sku?: string): ReservationEntry[] {
	return rows.flatMap((r) => {
		const base = reservationFromRow(r);
		const parts = r.kits_json ? kitSnapshots(r.kits_json)[base.sku] : undefined;
		const entries = parts ? Object.keys(parts).sort().map((c) => ({ ...base, sku: c, quantity: base.quantity * parts[c], kit: base.sku })) : [base];
		return sku === undefined ? entries : entries.filter((e) => e.sku === sku);
	});
}

export const claimedFromRow = (r: Row): ClaimedDelivery => ({
	seq: num(r.seq),
	channel: String(r.channel),
	account: String(r.account),
	channelOrderId: String(r.channel_order_id),
	topic: str(r.topic),
	body: str(r.body),
	attempts: num(r.attempts),
	receivedAt: str(r.received_at) ?? '',
});
