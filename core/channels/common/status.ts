import { CANONICAL_STATUSES, type CanonicalStatus, type FulfillmentStatus, type IntakeFlag, type PaymentStatus } from '../../model/order';
import { OrderValidationError } from '../../model/validate';

/** One row of a channel's status table: what a channel status means in canonical terms. */
export interface StatusMapping {
	status: CanonicalStatus;
	paymentStatus: PaymentStatus;
	fulfillmentStatus: FulfillmentStatus;
}

/**
 * Where an order with an unknown status lands: its units reserved (a sale is never lost to an unknown
 * word) and not expired as unpaid; nothing is deducted or given back until a known status arrives.
 */
export const UNKNOWN_STATUS: StatusMapping = { status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' };

/**
 * Runs a status read; when it fails on an unknown status value (readMapped's "has an unknown value"), the
 * order is imported with `fallback` and flagged `status_unknown` instead of rejected. Other errors pass.
 */
export function tolerantStatus<T>(read: () => T, fallback: T, flags: { add(flag: IntakeFlag): unknown }): T {
	try {
		return read();
	} catch (error) {
		if (!(error instanceof OrderValidationError) || !error.reason.startsWith('has an unknown value')) throw error;
		flags.add('status_unknown');
		return fallback;
	}
}

/** Renders a status table as markdown, one row per channel status: a test compares a README table with it (Tray). */
export function statusTableMarkdown(title: string, table: Readonly<Record<string, Partial<StatusMapping>>>): string {
	const cell = (v: string | undefined) => v ?? '(from other fields)';
	const rows = Object.entries(table).map(([raw, m]) => `| \`${raw}\` | ${cell(m.status)} | ${cell(m.paymentStatus)} | ${cell(m.fulfillmentStatus)} |`);
	return [`| ${title} | status | paymentStatus | fulfillmentStatus |`, '|---|---|---|---|', ...rows].join('\n');
}

// The rows most channels' tables share, one object each (like UNKNOWN_STATUS); a table names its own exceptions.
export const AWAITING_PAYMENT: StatusMapping = { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' };
export const PAID_NOT_SHIPPED: StatusMapping = { status: 'paid', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' };
export const INVOICED: StatusMapping = { status: 'invoiced', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' };
export const SHIPPED: StatusMapping = { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled' };
export const DELIVERED: StatusMapping = { status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'delivered' };
export const CANCELLED: StatusMapping = { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' };
/** The payment failed or lapsed and the buyer may still pay: an unpaid reservation, expired as any other. */
export const PAYMENT_FAILED: StatusMapping = { status: 'pending_payment', paymentStatus: 'failed', fulfillmentStatus: 'unfulfilled' };
/** A sale that stands until someone decides (a dispute, a cancellation request, an order on hold): units stay reserved. */
export const HELD: StatusMapping = { status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' };
/** The money went back; whether the goods came back is not said. */
export const REFUNDED: StatusMapping = { status: 'returned', paymentStatus: 'refunded', fulfillmentStatus: 'unknown' };
export const RETURNED: StatusMapping = { status: 'returned', paymentStatus: 'refunded', fulfillmentStatus: 'returned' };

/**
 * What a canonical status stands for when a setting names one (the configurable channel's statusMap,
 * PrestaShop's Order States): the row channels' tables use for it.
 */
export const CANONICAL_STATUS_ROWS: Readonly<Record<CanonicalStatus, StatusMapping>> = {
	pending_payment: AWAITING_PAYMENT,
	paid: PAID_NOT_SHIPPED,
	invoiced: INVOICED,
	shipped: SHIPPED,
	delivered: DELIVERED,
	cancelled: CANCELLED,
	returned: RETURNED,
};

export const statusRow = (status: CanonicalStatus): StatusMapping => CANONICAL_STATUS_ROWS[status];

/**
 * A channel's state table keyed by the store's own status ids: `defaults` with a setting's "id=status" pairs
 * (comma, semicolon or newline separated; statuses are the canonical ones) over them. A malformed pair is an
 * error naming it (and `setting`), so a typo never maps a status silently. `rows`: what each status stands for.
 */
export function statusIdTable(
	defaults: Readonly<Record<string, StatusMapping>>,
	text: unknown,
	setting: string,
	rows: Readonly<Record<CanonicalStatus, StatusMapping>> = CANONICAL_STATUS_ROWS,
): Readonly<Record<string, StatusMapping>> {
	const table: Record<string, StatusMapping> = { ...defaults };
	const value = typeof text === 'string' ? text.trim() : '';
	for (const pair of value
		.split(/[,;\n]+/)
		.map((p) => p.trim())
		.filter(Boolean)) {
		const m = /^(\d+)\s*[=:]\s*([a-z_]+)$/.exec(pair);
		if (!m || !(CANONICAL_STATUSES as readonly string[]).includes(m[2])) {
			throw new Error(`${setting}: "${pair}" is not "<id>=<status>" with a status among ${CANONICAL_STATUSES.join(', ')}`);
		}
		table[m[1]] = rows[m[2] as CanonicalStatus];
	}
	return table;
}
