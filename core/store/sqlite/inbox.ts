import type { StatementSync } from 'node:sqlite';
import type { QueueFailure, QueueInsert } from '../backend';
import type { ClaimedDelivery, QueueStatus } from '../queue-types';
import { claimedFromRow } from '../rows';

/** Webhook inbox statements of the SQLite driver; the caller holds the connection's mutex. */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;

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

/** The queue statements (migration 7). Each is one statement, atomic against other processes on the file. */

const list = (values: number[]) => JSON.stringify(values);

export function insertQueued(prepare: Prepare, r: QueueInsert): void {
	prepare(
		`INSERT INTO oms_webhook_queue (queue, channel, account, channel_order_id, topic, body, received_at, next_ms)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	).run(r.queue, r.channel, r.account, r.channelOrderId, r.topic, r.body, r.receivedAt, r.receivedMs);
}

export function claimQueued(prepare: Prepare, queue: string, holder: string, nowMs: number, untilMs: number, limit: number, retried: boolean): ClaimedDelivery[] {
	const rows = prepare(
		`UPDATE oms_webhook_queue SET holder = ?2, next_ms = ?4
		 WHERE seq IN (SELECT seq FROM oms_webhook_queue WHERE queue = ?1 AND parked = 0 AND next_ms <= ?3 AND (attempts > 0) = ?6 ORDER BY seq LIMIT ?5)
		 RETURNING seq, channel, account, channel_order_id, topic, body, attempts, received_at`,
	).all(queue, holder, nowMs, untilMs, limit, retried ? 1 : 0) as Row[];
	return rows.map(claimedFromRow).sort((a, b) => a.seq - b.seq);
}

export function renewQueued(prepare: Prepare, queue: string, holder: string, seqs: number[], untilMs: number): void {
	prepare('UPDATE oms_webhook_queue SET next_ms = ? WHERE queue = ? AND holder = ? AND seq IN (SELECT value FROM json_each(?))').run(untilMs, queue, holder, list(seqs));
}

export function deleteQueued(prepare: Prepare, queue: string, holder: string, seqs: number[]): number {
	return Number(prepare('DELETE FROM oms_webhook_queue WHERE queue = ? AND holder = ? AND seq IN (SELECT value FROM json_each(?))').run(queue, holder, list(seqs)).changes);
}

export function failQueued(prepare: Prepare, queue: string, holder: string, seqs: number[], f: QueueFailure): void {
	// attempts on the right is the value before this failure: the first one waits baseMs.
	prepare(
		`UPDATE oms_webhook_queue SET holder = NULL, attempts = attempts + 1, last_error = ?1, parked = (attempts + 1 >= ?2),
		   next_ms = ?3 + MIN(?5, ?4 * (1 << MIN(attempts, 30)))
		 WHERE queue = ?6 AND holder = ?7 AND seq IN (SELECT value FROM json_each(?8))`,
	).run(f.error, f.maxAttempts, f.nowMs, f.backoff.baseMs, f.backoff.maxMs, queue, holder, list(seqs));
}

export function selectQueueStatus(prepare: Prepare, queue: string, nowMs: number): QueueStatus {
	const r = prepare(
		`SELECT COALESCE(SUM(parked = 0 AND NOT (holder IS NOT NULL AND next_ms > ?2)), 0) AS pending,
		        COALESCE(SUM(parked = 0 AND holder IS NOT NULL AND next_ms > ?2), 0) AS claimed,
		        COALESCE(SUM(parked = 1), 0) AS failed,
		        MIN(CASE WHEN parked = 0 AND NOT (holder IS NOT NULL AND next_ms > ?2) THEN received_at END) AS oldest
		 FROM oms_webhook_queue WHERE queue = ?1`,
	).get(queue, nowMs) as Row;
	return { pending: Number(r.pending), claimed: Number(r.claimed), failed: Number(r.failed), oldestPendingAt: r.oldest === null ? null : String(r.oldest) };
}

export function deleteParkedBefore(prepare: Prepare, cutoff: string): number {
	return Number(prepare('DELETE FROM oms_webhook_queue WHERE parked = 1 AND received_at < ?').run(cutoff).changes);
}
