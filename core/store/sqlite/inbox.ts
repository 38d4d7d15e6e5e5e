import type { StatementSync } from 'node:sqlite';

/** Webhook inbox statements of the SQLite driver; the caller holds the connection's mutex. */

type Prepare = (sql: string) => StatementSync;

/** Rows deleted per statement when pruning, so one prune never holds the write lock for long. */
const PRUNE_BATCH = 5000;

export function insertDelivery(prepare: Prepare, channel: string, account: string, eventId: string, receivedAt: string): boolean {
	const result = prepare('INSERT INTO oms_webhook_inbox (channel, account, event_id, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
		channel,
		account,
		eventId,
		receivedAt,
	);
	return Number(result.changes) === 1;
}

export function deleteDeliveriesBefore(prepare: Prepare, cutoff: string): number {
	const del = prepare(
		`DELETE FROM oms_webhook_inbox WHERE (channel, account, event_id) IN
		 (SELECT channel, account, event_id FROM oms_webhook_inbox WHERE received_at < ? LIMIT ${PRUNE_BATCH})`,
	);
	let total = 0;
	for (;;) {
		const n = Number(del.run(cutoff).changes);
		total += n;
		if (n < PRUNE_BATCH) return total;
	}
}
