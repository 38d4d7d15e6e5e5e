import { decimalToCents } from '../common/money';
import type { JsonObject, RawReader } from '../common/raw-reader';

/**
 * ISO 4217 currencies whose minor unit is not 1/100. Amazon sends `Money.amount` as a decimal string in
 * the currency's own precision: JPY "5980" is 5980 yen (orders_2026-01-01.json, the JP searchOrders
 * sandbox example), never 59.80.
 */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function currencyExponent(currency: string): number {
	if (ZERO_DECIMAL.has(currency)) return 0;
	return THREE_DECIMAL.has(currency) ? 3 : 2;
}

/**
 * Canonical money is "cents" = amount × 100 in EVERY currency (BRL 25.99 → 2599, JPY 1500 → 150000), the
 * one scale the model, the store and every other adapter use; no consumer has to know a currency's exponent.
 * The exponent only decides which amounts are valid: JPY "1500.5" is not a yen amount and is refused, as is
 * a third decimal the canonical scale cannot hold (KWD "1.235"). Undefined: not an exact amount.
 */
export function amountToCents(amount: unknown, currency: string): number | undefined {
	const text = typeof amount === 'number' ? String(amount) : amount;
	if (typeof text !== 'string') return undefined;
	const fraction = /\.(\d+)\s*$/.exec(text)?.[1] ?? '';
	if (/[1-9]/.test(fraction.slice(Math.min(currencyExponent(currency), 2)))) return undefined;
	return decimalToCents(text);
}

/** Reads Orders API `Money` objects ({amount: "25.99", currencyCode}) and checks that an order uses one currency. */
export class MoneyReader {
	currency?: string;
	constructor(private readonly r: RawReader) {}

	cents(obj: JsonObject, path: string): number | undefined {
		const money = this.r.optObject(obj, path);
		if (!money) return undefined;
		const code = this.r.string(money, `${path}.currencyCode`);
		if (this.currency !== undefined && code !== this.currency) this.r.fail(`${path}.currencyCode`, `is ${code}, the order is in ${this.currency}`);
		this.currency = code;
		if (money.amount === undefined || money.amount === null) this.r.fail(`${path}.amount`, 'is required');
		const cents = amountToCents(money.amount, code);
		if (cents === undefined) this.r.fail(`${path}.amount`, `is not an exact ${code} amount (${currencyExponent(code)} decimals): ${JSON.stringify(money.amount)}`);
		return cents;
	}

	/**
	 * Sums `breakdowns[].subtotal` by category (ITEM, SHIPPING, TAX, DISCOUNT, ...). DISCOUNT's sign is not
	 * stated in the model [?]: callers take its magnitude.
	 */
	breakdowns(proceeds: JsonObject, path: string): Map<string, number> {
		const sums = new Map<string, number>();
		for (const { item, path: p } of this.r.objects(this.r.optArray(proceeds, `${path}.breakdowns`) ?? [], `${path}.breakdowns`)) {
			const type = this.r.string(item, `${p}.type`);
			sums.set(type, (sums.get(type) ?? 0) + (this.cents(item, `${p}.subtotal`) ?? this.r.fail(`${p}.subtotal`, 'is required')));
		}
		return sums;
	}
}
