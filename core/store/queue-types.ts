/**
 * The webhook delivery queue (migration 7): what a webhook accepted, waiting for a drain execution. A row
 * is claimed with an expiry, done (deleted) only after the execution that emitted it succeeded, and taken
 * again when its claim expires (the process died) or after a failed execution (with backoff).
 */

/** One accepted delivery, written before the channel is answered. */
export interface QueuedDeliveryInput {
	/** Whose queue: one per webhook node (the trigger uses "<workflow id>:<node id>"). */
	queue: string;
	channel: string;
	account: string;
	/** The channel's event or delivery id: the delivery is queued only when this id is new (de-duplication). */
	eventId?: string;
	channelOrderId: string;
	topic?: string;
	/** The order as the channel sent it (JSON text), for channels whose body is the order; absent for pointers. */
	body?: string;
	/** Defaults to the store's clock. */
	receivedAt?: Date;
}

/** A queued delivery as a drain claimed it. */
export interface ClaimedDelivery {
	seq: number;
	channel: string;
	account: string;
	channelOrderId: string;
	topic: string | null;
	body: string | null;
	/** Failed executions (or reads) of this delivery so far. */
	attempts: number;
	receivedAt: string;
}

export interface ClaimOptions {
	/** At most this many rows, oldest first. */
	limit: number;
	/** The claim lasts this long from the store's clock; a claim not renewed or completed by then is taken again. */
	ttlMs: number;
	/** false (default): rows never failed; true: rows that failed before (a drain retries those one at a time). */
	retried?: boolean;
}

export interface FailOptions {
	/** The last error, kept on the row. */
	error: string;
	/** After this many failures a row is parked (failed, kept until the retention prune) and never claimed again. */
	maxAttempts: number;
}

export interface QueueStatus {
	/** Waiting (not claimed, not parked), due or backing off. */
	pending: number;
	/** Claimed by a drain (claim not expired). */
	claimed: number;
	/** Parked after maxAttempts failures. */
	failed: number;
	oldestPendingAt: string | null;
}

/** A failed delivery is due again 30 s later, then 1, 2, 4 … minutes, at most 15 minutes apart. */
export const QUEUE_RETRY_BACKOFF = { baseMs: 30_000, maxMs: 900_000 };
