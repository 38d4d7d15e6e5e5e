import type { CanonicalStatus, FulfillmentStatus, PaymentStatus } from '../../model/order';

/** One row of a channel's status table: what a channel status means in canonical terms. */
export interface StatusMapping {
	status: CanonicalStatus;
	paymentStatus: PaymentStatus;
	fulfillmentStatus: FulfillmentStatus;
}

/** Renders a status table as markdown, so the README is generated from the data the adapters use. */
export function statusTableMarkdown(title: string, table: Readonly<Record<string, Partial<StatusMapping>>>): string {
	const cell = (v: string | undefined) => v ?? '(from other fields)';
	const rows = Object.entries(table).map(
		([raw, m]) => `| \`${raw}\` | ${cell(m.status)} | ${cell(m.paymentStatus)} | ${cell(m.fulfillmentStatus)} |`,
	);
	return [`| ${title} | status | paymentStatus | fulfillmentStatus |`, '|---|---|---|---|', ...rows].join('\n');
}
