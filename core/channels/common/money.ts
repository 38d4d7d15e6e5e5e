/**
 * Decimal money → integer cents without binary floating point: "10.10" * 100 in floats is 1010.0000000000001,
 * and 0.1 + 0.2 style errors would otherwise reach the stock and accounting numbers.
 */

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string ("10", "10.5", "10.00", "-9.00") or a JSON number (Woo's line `price`, Nuvemshop's
 * numbers) into integer cents. Digits past the second decimal must be zeros ("1.2300" is fine, "1.235" is
 * not: it has no exact value in cents). Returns undefined for anything else, so callers name the field.
 */
export function decimalToCents(value: unknown): number | undefined {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		// The shortest round-trip form: 10.99 → "10.99", 0.1 + 0.2 → "0.30000000000000004" (rejected below).
		text = String(value);
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return undefined;
	}
	const m = DECIMAL.exec(text);
	if (!m) return undefined;
	const [, sign, whole, fraction = ''] = m;
	if (/[1-9]/.test(fraction.slice(2))) return undefined;
	const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) return undefined;
	return sign === '-' && cents !== 0 ? -cents : cents;
}
