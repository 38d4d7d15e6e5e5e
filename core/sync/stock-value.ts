/** Push Stock's own Safety Stock and Max Quantity (the last layer of the publish rules: catalog/publish-rules.ts). */

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
