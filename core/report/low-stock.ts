import { skuIdentity } from '../model/order';
import type { StockLevel } from '../store/types';

/** Low-stock alerts: SKUs whose available is below their threshold (one for all SKUs, or per SKU). */

export interface LowStockRule {
	/** Alert when available < this (0 = no alert unless a SKU has its own). */
	threshold: number;
	/** Per-SKU thresholds, over the global one (0 turns a SKU's alert off). */
	perSku?: Record<string, number>;
	/** Also list SKUs below zero (oversold); off by default, as template 4 alerts them on their own branch. */
	includeOversold?: boolean;
}

export interface LowStockEntry extends StockLevel {
	threshold: number;
	/** Units short of the threshold. */
	missing: number;
}

export function lowStock(levels: StockLevel[], rule: LowStockRule): LowStockEntry[] {
	const check = (n: number, what: string) => {
		if (!Number.isInteger(n) || n < 0 || n > 1e9) throw new Error(`Low stock: ${what} must be a whole number from 0 to 1000000000, got ${JSON.stringify(n)}`);
	};
	check(rule.threshold, 'the threshold');
	const perSku = new Map<string, number>();
	for (const [sku, t] of Object.entries(rule.perSku ?? {})) {
		check(t, `the threshold of SKU ${sku}`);
		perSku.set(skuIdentity(sku), t);
	}
	const out: LowStockEntry[] = [];
	for (const l of levels) {
		// Only counted SKUs: a SKU seen only on orders has no stock figure to be low against.
		if (!l.stocked) continue;
		const threshold = perSku.get(skuIdentity(l.sku)) ?? rule.threshold;
		if (l.available >= threshold || (l.available < 0 && !rule.includeOversold)) continue;
		out.push({ ...l, threshold, missing: threshold - l.available });
	}
	return out.sort((a, b) => b.missing - a.missing || a.sku.localeCompare(b.sku));
}
