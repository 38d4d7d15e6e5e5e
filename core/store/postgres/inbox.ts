import type { QueueFailure, QueueInsert } from '../backend';
import type { ClaimedDelivery, QueueStatus } from '../queue-types';
import { claimedFromRow } from '../rows';
import type { Query } from './push-state';

/** The webhook queue statements of the PostgreSQL driver (migration 7): each one statement, atomic on its own. */

const QUEUE_COLUMNS = 'queue, channel, account, channel_order_id, topic, body, received_at, next_ms';

/** The event id and the queue row in one statement: a delivery is never seen without being queued. */
export async function acceptQueued(q: Query, r: QueueInsert): Promise<boolean> {
	const values = [r.queue, r.channel, r.account, r.channelOrderId, r.topic, r.body, r.receivedAt, r.receivedMs];
	if (r.eventId === null) {
		await q(`INSERT INTO oms_webhook_queue (${QUEUE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, values);
		return true;
	}
	const rows = await q(
		`WITH seen AS (INSERT INTO oms_webhook_inbox (channel, account, event_id, received_at) VALUES ($2, $3, $9, $7) ON CONFLICT DO NOTHING RETURNING 1)
		 INSERT INTO oms_webhook_queue (${QUEUE_COLUMNS}) SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM seen RETURNING seq`,
		[...values, r.eventId],
	);
	return rows.length === 1;
}

/** SKIP LOCKED: a drain never waits on rows another drain is claiming right now. */
export async function claimQueued(q: Query, queue: string, holder: string, nowMs: number, untilMs: number, limit: number, retried: boolean): Promise<ClaimedDelivery[]> {
	const rows = await q(
		`UPDATE oms_webhook_queue w SET holder = $2, next_ms = $4
		 FROM (SELECT seq FROM oms_webhook_queue WHERE queue = $1 AND NOT parked AND next_ms <= $3 AND (attempts > 0) = $6 ORDER BY seq LIMIT $5 FOR UPDATE SKIP LOCKED) s
		 WHERE w.seq = s.seq
		 RETURNING w.seq, w.channel, w.account, w.channel_order_id, w.topic, w.body, w.attempts, w.received_at`,
		[queue, holder, nowMs, untilMs, limit, retried],
	);
	return rows.map(claimedFromRow).sort((a, b) => a.seq - b.seq);
}

export async function renewQueued(q: Query, queue: string, holder: string, seqs: number[], untilMs: number): Promise<void> {
	await q('UPDATE oms_webhook_queue SET next_ms = $1 WHERE queue = $2 AND holder = $3 AND seq = ANY($4::bigint[])', [untilMs, queue, holder, seqs]);
}

export async function deleteQueued(q: Query, queue: string, holder: string, seqs: number[]): Promise<number> {
	return (await q('DELETE FROM oms_webhook_queue WHERE queue = $1 AND holder = $2 AND seq = ANY($3::bigint[]) RETURNING seq', [queue, holder, seqs])).length;
}

export async function failQueued(q: Query, queue: string, holder: string, seqs: number[], f: QueueFailure): Promise<void> {
	// attempts on the right is the value before this failure: the first one waits baseMs.
	await q(
		`UPDATE oms_webhook_queue SET holder = NULL, attempts = attempts + 1, last_error = $1, parked = (attempts + 1 >= $2),
		   next_ms = $3 + LEAST($5::bigint, $4::bigint * (1::bigint << LEAST(attempts, 30)))
		 WHERE queue = $6 AND holder = $7 AND seq = ANY($8::bigint[])`,
		[f.error, f.maxAttempts, f.nowMs, f.backoff.baseMs, f.backoff.maxMs, queue, holder, seqs],
	);
}

export async function selectQueueStatus(q: Query, queue: string, nowMs: number): Promise<QueueStatus> {
	const [r] = await q(
		`SELECT COUNT(*) FILTER (WHERE NOT parked AND NOT (holder IS NOT NULL AND next_ms > $2)) AS pending,
		        COUNT(*) FILTER (WHERE NOT parked AND holder IS NOT NULL AND next_ms > $2) AS claimed,
		        COUNT(*) FILTER (WHERE parked) AS failed,
		        MIN(received_at) FILTER (WHERE NOT parked AND NOT (holder IS NOT NULL AND next_ms > $2)) AS oldest
		 FROM oms_webhook_queue WHERE queue = $1`,
		[queue, nowMs],
	);
	const oldest = r.oldest;
	return { pending: Number(r.pending), claimed: Number(r.claimed), failed: Number(r.failed), oldestPendingAt: oldest === null || oldest === undefined ? null : oldest instanceof Date ? oldest.toISOString() : String(oldest) };
}
