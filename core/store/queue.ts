import type { QueueInsert } from './backend';
import { checkDelivery } from './inputs';
import type { ClaimOptions, FailOptions, QueuedDeliveryInput } from './queue-types';

/** Checks of the queue's inputs, before the database (as inputs.ts does for the other writes). */

const text = (v: unknown, what: string, max: number): string => {
	if (typeof v !== 'string' || v.trim() === '') throw new Error(`${what} must be a non-empty string`);
	if (v.length > max) throw new Error(`${what} must be at most ${max} characters`);
	return v;
};

const optional = (v: unknown, what: string): string | null => {
	if (v === undefined || v === null) return null;
	if (typeof v !== 'string') throw new Error(`${what} must be a string`);
	return v;
};

export function checkQueued(entry: QueuedDeliveryInput, now: Date): QueueInsert {
	const queue = text(entry?.queue, 'Delivery queue', 200);
	const channelOrderId = text(entry.channelOrderId, 'Delivery channelOrderId', 512);
	const { channel, account, eventId } = checkDelivery({ channel: entry.channel, account: entry.account, eventId: entry.eventId ?? 'none', receivedAt: entry.receivedAt });
	const at = entry.receivedAt ?? now;
	return {
		queue, channel, account, channelOrderId,
		eventId: entry.eventId === undefined ? null : eventId,
		topic: optional(entry.topic, 'Delivery topic'),
		body: optional(entry.body, 'Delivery body'),
		receivedAt: at.toISOString(),
		receivedMs: at.getTime(),
	};
}

export function checkClaim(queue: string, holder: string, o: ClaimOptions): void {
	text(queue, 'Queue', 200);
	text(holder, 'Queue holder', 200);
	if (!Number.isInteger(o?.limit) || o.limit < 1 || o.limit > 10_000) throw new Error(`A claim takes 1 to 10000 rows, got ${o?.limit}`);
	checkTtl(o.ttlMs);
}

export function checkTtl(ttlMs: number): void {
	if (!Number.isInteger(ttlMs) || ttlMs < 1 || ttlMs > 24 * 3600_000) throw new Error(`A claim lasts a whole number of milliseconds from 1 to 24 h, got ${ttlMs}`);
}

export function checkFail(o: FailOptions): void {
	if (!Number.isInteger(o?.maxAttempts) || o.maxAttempts < 1) throw new Error(`maxAttempts must be a whole number of at least 1, got ${o?.maxAttempts}`);
}

/** Sequence numbers as the database hands them out; an empty list means nothing to do. */
export const checkSeqs = (seqs: number[]): number[] => {
	for (const s of seqs) if (!Number.isSafeInteger(s) || s < 1) throw new Error(`Queue sequence numbers are positive integers, got ${s}`);
	return [...new Set(seqs)];
};
