import { DEFAULT_WAREHOUSE, skuIdentity } from '../model/order';
import { MAX_QUANTITY } from '../model/validate';
import type { AdjustInput, DeliveryRecord, ListingMapping, PushedValue, PushRetryInput, SetOnHandInput } from './types';

/**
 * What every store entry point checks before touching the database, so a bad value is a clear error naming
 * the SKU and the field, the same on both drivers (SQLite would store 1e19 as a float, PostgreSQL would
 * reject the whole transaction), and every SKU is compared in its one identity (skuIdentity: trimmed, NFC).
 *
 * Bounds: each single value is at most MAX_QUANTITY (1e9) units; counters are sums of such values and stay
 * exact JavaScript numbers (the engine refuses a counter beyond MAX_COUNTER), well inside the 64-bit
 * INTEGER / bigint columns of both schemas.
 */

/** The largest |on hand| or |reserved| a counter may reach: beyond it JavaScript numbers are no longer exact. */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

export class StockInputError extends Error {
	constructor(
		readonly sku: string,
		readonly field: string,
		reason: string,
	) {
		super(`SKU ${sku}: ${field} ${reason}`);
		this.name = 'StockInputError';
	}
}

/** A SKU as stored and compared; an empty one (after trimming) is refused. */
export function storeSku(sku: unknown, field = 'sku'): string {
	if (typeof sku !== 'string') throw new StockInputError(String(sku), field, `must be a string, got ${typeof sku}`);
	const identity = skuIdentity(sku);
	if (identity === '') throw new StockInputError(JSON.stringify(sku), field, 'must not be empty');
	return identity;
}

/** A whole number of units within [min, max], with the same wording as the order validator. */
export function checkUnits(value: unknown, field: string, sku: string, min: number, max: number): number {
	const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
	if (typeof value !== 'number' || !Number.isInteger(value)) throw new StockInputError(sku, field, `must be an integer, got ${shown}`);
	if (value < min) throw new StockInputError(sku, field, `must be >= ${min}, got ${value}`);
	if (value > max) throw new StockInputError(sku, field, `must be <= ${max}, got ${value}`);
	return value;
}

export function checkSetOnHand(entries: SetOnHandInput[]): SetOnHandInput[] {
	return entries.map((e) => {
		const sku = storeSku(e.sku);
		return { ...e, sku, onHand: checkUnits(e.onHand, 'onHand', sku, 0, MAX_QUANTITY) };
	});
}

export function checkAdjust(entries: AdjustInput[]): AdjustInput[] {
	return entries.map((e) => {
		const sku = storeSku(e.sku);
		return { ...e, sku, delta: checkUnits(e.delta, 'delta', sku, -MAX_QUANTITY, MAX_QUANTITY) };
	});
}

/** Pushed values with their warehouse and change number filled in; one per (warehouse, SKU, listing target), the newest kept. */
export function checkPushed(values: PushedValue[]): Array<Required<PushedValue>> {
	const out = new Map<string, Required<PushedValue>>();
	for (const v of values) {
		const sku = storeSku(v.sku);
		const checked = {
			sku,
			warehouse: v.warehouse || DEFAULT_WAREHOUSE,
			listing: checkTarget(v.listing, sku),
			value: checkUnits(v.value, 'value', sku, 0, MAX_COUNTER),
			changeSeq: checkUnits(v.changeSeq ?? 0, 'changeSeq', sku, 0, MAX_COUNTER),
		};
		// One upsert statement cannot touch a row twice (PostgreSQL refuses it): the newest value wins.
		const key = JSON.stringify([checked.warehouse, sku, checked.listing]);
		const seen = out.get(key);
		if (!seen || seen.changeSeq <= checked.changeSeq) out.set(key, checked);
	}
	return [...out.values()];
}

/** A push target's listing key (listingTarget) or '' for the SKU's own value. */
export function checkTarget(listing: unknown, sku: string): string {
	if (listing === undefined || listing === null) return '';
	if (typeof listing !== 'string' || listing.length > 1000) throw new StockInputError(sku, 'listing', 'must be a listing key of at most 1000 characters');
	return listing;
}

const RETRY_REASONS = new Set(['refused', 'unknown', 'deferred']);
const MAX_ERROR_MESSAGE = 2000;

/** Retry entries checked and merged per (warehouse, SKU, listing target): an unknown outcome wins, then a refusal, then a deferral. */
export function checkRetries(entries: PushRetryInput[]): Array<PushRetryInput & { warehouse: string; listing: string }> {
	const rank = { deferred: 0, refused: 1, unknown: 2 } as const;
	const out = new Map<string, PushRetryInput & { warehouse: string; listing: string }>();
	for (const e of entries) {
		const sku = storeSku(e.sku);
		if (!RETRY_REASONS.has(e.reason)) throw new StockInputError(sku, 'reason', `must be refused, unknown or deferred, got ${JSON.stringify(e.reason)}`);
		if (e.httpCode !== undefined) checkUnits(e.httpCode, 'httpCode', sku, 100, 599);
		const checked = { ...e, sku, warehouse: e.warehouse || DEFAULT_WAREHOUSE, listing: checkTarget(e.listing, sku), message: e.message?.slice(0, MAX_ERROR_MESSAGE) };
		const key = JSON.stringify([checked.warehouse, sku, checked.listing]);
		const seen = out.get(key);
		if (!seen || rank[seen.reason] <= rank[checked.reason]) out.set(key, checked);
	}
	return [...out.values()];
}

/** A lease request's holder and duration. */
export function checkLease(holder: string, ttlMs: number): void {
	if (typeof holder !== 'string' || holder.trim() === '' || holder.length > 200) throw new Error('A push lease holder must be a non-empty string of at most 200 characters');
	if (!Number.isInteger(ttlMs) || ttlMs < 1 || ttlMs > 24 * 3600_000) throw new Error(`A push lease lasts a whole number of milliseconds from 1 to 24 h, got ${ttlMs}`);
}

export const checkListings = (mappings: ListingMapping[]): ListingMapping[] => mappings.map((m) => ({ ...m, sku: storeSku(m.sku) }));

/**
 * Looks SKUs up by identity and keys the answer as the caller asked, so `get(theSkuIPassed)` works whatever
 * form (composed, decomposed, padded) the caller used.
 */
export async function byIdentity<T>(skus: string[], lookup: (identities: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
	const found = await lookup([...new Set(skus.map((s) => storeSku(s)))]);
	const out = new Map<string, T>();
	for (const sku of skus) {
		const hit = found.get(storeSku(sku));
		if (hit !== undefined) out.set(sku, hit);
	}
	return out;
}

/** The longest event id the inbox keeps: channels' ids are far shorter; longer keys are a caller's bug. */
export const MAX_EVENT_ID = 512;

/** A webhook delivery's key fields: non-empty strings, the event id bounded. */
export function checkDelivery(entry: DeliveryRecord): { channel: string; account: string; eventId: string; receivedAt?: Date } {
	for (const field of ['channel', 'account', 'eventId'] as const) {
		const v = entry?.[field];
		if (typeof v !== 'string' || v.trim() === '') throw new Error(`Delivery ${field} must be a non-empty string`);
	}
	if (entry.eventId.length > MAX_EVENT_ID) throw new Error(`Delivery eventId must be at most ${MAX_EVENT_ID} characters`);
	if (entry.receivedAt !== undefined && Number.isNaN(entry.receivedAt.getTime?.())) throw new Error('Delivery receivedAt must be a valid date');
	return entry;
}
