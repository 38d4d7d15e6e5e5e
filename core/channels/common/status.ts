import type { CanonicalStatus, FulfillmentStatus, IntakeFlag, PaymentStatus } from '../../model/order';
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
	const rows = Object.entries(table).map(
		([raw, m]) => `| \`${raw}\` | ${cell(m.status)} | ${cell(m.paymentStatus)} | ${cell(m.fulfillmentStatus)} |`,
	);
	return [`| ${title} | status | paymentStatus | fulfillmentStatus |`, '|---|---|---|---|', ...rows].join('\n');
}
