import { PAYMENT_METHODS, type PaymentMethod } from '../model/order';

/**
 * How long an unpaid order keeps its reservation, per payment method.
 *
 * Every method but boleto waits a number of hours after the reservation. Boleto waits business days: the
 * buyer may pay on the due date (days after the order) and the bank then takes up to three business days to
 * confirm, so a wall-clock rule would release a valid boleto issued on Friday over the weekend.
 */
export type HourlyMethod = Exclude<PaymentMethod, 'boleto'>;

export interface ExpiryRules {
	/** Hours after the reservation, per method other than boleto. */
	hours: Record<HourlyMethod, number>;
	/**
	 * Boleto: whole business days (Monday–Friday; public holidays are NOT counted as holidays) after the day of
	 * the reservation. The reservation is released once the last of them has ended.
	 */
	boletoBusinessDays: number;
	/** The UTC offset (minutes) whose calendar decides days and weekends; Brasília (−180, no DST since 2019). */
	utcOffsetMinutes: number;
}

/**
 * Defaults. pix: a QR code is paid in seconds and usually expires within an hour or two, so 2 h frees stock
 * the same day. Cards and wallets are authorised in minutes, but an antifraud review or 3-D Secure retry can
 * leave an order pending for a day or two: 72 h. other / unknown: 72 h, the single cutoff used before
 * per-method rules, since nothing says the payment is fast. Boleto: 3 business days to clear plus one
 * business day of margin for a boleto paid on its due date, so a Friday-evening boleto is kept until
 * Thursday ends and never released over a weekend.
 */
export const DEFAULT_EXPIRY_RULES: ExpiryRules = {
	hours: { pix: 2, credit_card: 72, debit_card: 72, wallet: 72, other: 72, unknown: 72 },
	boletoBusinessDays: 4,
	utcOffsetMinutes: -180,
};

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Rules as callers give them: any field left out keeps its default. */
export interface ExpiryRulesInput {
	hours?: Partial<Record<HourlyMethod, number>>;
	boletoBusinessDays?: number;
	utcOffsetMinutes?: number;
}

/** At most this many business days (about three months): keeps the day-by-day walks short. */
export const MAX_BOLETO_BUSINESS_DAYS = 60;

/** A rule set with every field, from partial input; refuses negative, non-finite or out-of-range values. */
export function expiryRules(input: ExpiryRulesInput = {}): ExpiryRules {
	const hours = { ...DEFAULT_EXPIRY_RULES.hours };
	for (const [method, value] of Object.entries(input.hours ?? {})) {
		if (!(method in hours)) throw new Error(`Expiry rule for unknown payment method "${method}"`);
		if (value === undefined) continue;
		if (!Number.isFinite(value) || value < 0) throw new Error(`Expiry hours for ${method} must be zero or more, got ${value}`);
		hours[method as HourlyMethod] = value;
	}
	const boletoBusinessDays = input.boletoBusinessDays ?? DEFAULT_EXPIRY_RULES.boletoBusinessDays;
	if (!Number.isInteger(boletoBusinessDays) || boletoBusinessDays < 0 || boletoBusinessDays > MAX_BOLETO_BUSINESS_DAYS) {
		throw new Error(`Boleto business days must be a whole number from 0 to ${MAX_BOLETO_BUSINESS_DAYS}, got ${boletoBusinessDays}`);
	}
	const utcOffsetMinutes = input.utcOffsetMinutes ?? DEFAULT_EXPIRY_RULES.utcOffsetMinutes;
	if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) throw new Error(`UTC offset must be whole minutes within ±14 h, got ${utcOffsetMinutes}`);
	return { hours, boletoBusinessDays, utcOffsetMinutes };
}

/** Local day number (days since 1970-01-01 in the rule's offset) and its weekday helpers. */
const localDay = (ms: number, offsetMin: number): number => Math.floor((ms + offsetMin * 60_000) / DAY_MS);
const isBusinessDay = (day: number): boolean => {
	const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
	return weekday !== 0 && weekday !== 6;
};
const addBusinessDays = (day: number, n: number): number => {
	let d = day;
	for (let left = n; left > 0; ) {
		d += 1;
		if (isBusinessDay(d)) left -= 1;
	}
	return d;
};

/** When a boleto reserved at `reservedAtMs` is released: the end (local midnight) of its last business day. */
export function boletoDeadline(reservedAtMs: number, rules: Pick<ExpiryRules, 'boletoBusinessDays' | 'utcOffsetMinutes'>): number {
	const lastDay = addBusinessDays(localDay(reservedAtMs, rules.utcOffsetMinutes), rules.boletoBusinessDays);
	return (lastDay + 1) * DAY_MS - rules.utcOffsetMinutes * 60_000;
}

/**
 * Per method, the instant before which a reservation made is due at `nowMs` (reservations strictly before it
 * expire). The boleto deadline grows with the reservation time, so it too is one cutoff: the start of the
 * day after the latest local day whose deadline has passed.
 */
export function expiryCutoffs(rules: ExpiryRules, nowMs: number): Record<PaymentMethod, string> {
	const out = {} as Record<PaymentMethod, string>;
	for (const m of PAYMENT_METHODS) if (m !== 'boleto') out[m] = new Date(nowMs - rules.hours[m] * HOUR_MS).toISOString();
	const offsetMs = rules.utcOffsetMinutes * 60_000;
	let day = localDay(nowMs, rules.utcOffsetMinutes);
	// Walks back at most n business days plus the weekends between them.
	while (boletoDeadline(day * DAY_MS - offsetMs, rules) > nowMs) day -= 1;
	out.boleto = new Date((day + 1) * DAY_MS - offsetMs).toISOString();
	return out;
}

/** The single back-compatible cutoff: every method expires before the same instant. */
export function sameCutoffForAll(olderThan: Date): Record<PaymentMethod, string> {
	const cutoff = olderThan.toISOString();
	return Object.fromEntries(PAYMENT_METHODS.map((m) => [m, cutoff])) as Record<PaymentMethod, string>;
}
