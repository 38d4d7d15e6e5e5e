/** The quantity a channel is offered: what the OMS can sell, minus a safety margin, capped, never negative. */

export interface StockValueRules {
	/** Units held back from every channel (oversell margin for marketplaces that sync slowly). */
	safetyStock: number;
	/** Largest quantity shown to the channel; 0 means no cap. */
	maxQuantity: number;
}

export function checkStockValueRules(rules: StockValueRules): void {
	if (!Number.isInteger(rules.safetyStock) || rules.safetyStock < 0) throw new Error(`Safety stock must be a whole number ≥ 0, got ${rules.safetyStock}`);
	if (!Number.isInteger(rules.maxQuantity) || rules.maxQuantity < 0) throw new Error(`Max quantity must be a whole number ≥ 0 (0 = no cap), got ${rules.maxQuantity}`);
}

/** value = max(0, min(cap, available − safety)); `available` is negative for an oversold SKU. */
export function stockValue(available: number, rules: StockValueRules): number {
	const sellable = available - rules.safetyStock;
	const capped = rules.maxQuantity > 0 ? Math.min(rules.maxQuantity, sellable) : sellable;
	return Math.max(0, capped);
}
