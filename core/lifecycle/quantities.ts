/**
 * Units per SKU. Always a null-prototype object (see `skuQuantities`), so a SKU named "constructor",
 * "toString" or "__proto__" is a key like any other; read it with `qty`, which only sees own keys.
 */
export type SkuQuantities = Record<string, number>;

/** A null-prototype copy of `from` (a footprint read back from JSON is a plain object). */
export function skuQuantities(from?: Readonly<Record<string, unknown>> | null): SkuQuantities {
	const out = Object.create(null) as SkuQuantities;
	if (from) for (const sku of Object.keys(from)) out[sku] = Number(from[sku]);
	return out;
}

/** The units held for a SKU; 0 when absent (never an inherited Object.prototype member). */
export const qty = (q: SkuQuantities, sku: string): number => (Object.hasOwn(q, sku) ? q[sku] : 0);

/** Adds `n` units of `sku` to `q`. */
export function addQty(q: SkuQuantities, sku: string, n: number): void {
	q[sku] = qty(q, sku) + n;
}

/** Whether any SKU holds a positive quantity. */
export const anyPositive = (q: SkuQuantities): boolean => Object.keys(q).some((k) => q[k] > 0);

/** Only the SKUs with a positive quantity. */
export function positive(q: SkuQuantities): SkuQuantities {
	const out = skuQuantities();
	for (const sku of Object.keys(q)) if (q[sku] > 0) out[sku] = q[sku];
	return out;
}

/** Whether two quantity maps name the same SKUs with the same units (`b` absent: no). */
export const sameQuantities = (a: SkuQuantities, b: SkuQuantities | undefined): boolean =>
	b !== undefined && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
