import { OrderValidationError } from '../model/validate';

/**
 * Decimal amount (number or string, as channels send them) → integer cents, exactly.
 *
 * Goes through the decimal text instead of multiplying by 100: 0.29 * 100 is 28.999999999999996 in binary
 * floating point. A JSON number's shortest round-trip text ("87.9") is exactly what the channel wrote.
 * More than two non-zero decimals cannot be represented in cents, so it is a malformed amount, not a
 * rounding decision to take silently.
 */
export function toCents(value: unknown, orderRef: string, field: string): number {
	const text = typeof value === 'number' ? numberText(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined) throw new OrderValidationError(orderRef, field, `must be a decimal amount, got ${JSON.stringify(value)}`);
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
	if (!m) throw new OrderValidationError(orderRef, field, `is not a decimal amount: "${text}"`);
	const [, sign, whole, fraction = ''] = m;
	if (/[1-9]/.test(fraction.slice(2))) {
		throw new OrderValidationError(orderRef, field, `has more than 2 decimals: "${text}"`);
	}
	const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) throw new OrderValidationError(orderRef, field, `is out of range: "${text}"`);
	return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Non-exponent decimal text of a finite number ("1e-7" would not parse above). */
function numberText(n: number): string | undefined {
	if (!Number.isFinite(n)) return undefined;
	const s = String(n);
	return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}
