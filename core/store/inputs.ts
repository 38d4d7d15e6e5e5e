import { skuIdentity } from '../model/order';
import { MAX_QUANTITY } from '../model/validate';
import type { AdjustInput, DeliveryRecord, ListingMapping, PushedValue, SetOnHandInput } from './types';

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

export function checkPushed(values: PushedValue[]): PushedValue[] {
	return values.map((v) => {
		const sku = storeSku(v.sku);
		return { ...v, sku, value: checkUnits(v.value, 'value', sku, 0, MAX_COUNTER) };
	});
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
