import type { Emission } from './poll-emissions';

/**
 * The poller's state: a small JSON object the trigger keeps in workflow static data. Pure functions only;
 * the engine (poller.ts) computes a new state per tick and the caller persists it on success.
 *
 * Invariant: every order version with updatedAt < cursor has been emitted, except versions older than
 * `seenSince`, which are by definition handled (emitted earlier, or older than the activation / backfill
 * start). `seen` remembers emitted versions from `seenSince` on, so re-listing the overlap emits nothing.
 */

export interface PollWindow {
	since: string;
	until: string;
	/** Where the next page of this window starts; absent before the first page. */
	pageToken?: string;
	/** The page size every request of this window uses: a token names a position at this size only. */
	pageSize?: number;
}

export interface PollState {
	v: 1;
	/** Lower bound of the next window (before the overlap is subtracted). ISO 8601. */
	cursor: string;
	/** Versions older than this are handled; `seen` is complete from here on. ISO 8601. */
	seenSince: string;
	/** channelOrderId → updatedAt (ISO) of the last emitted version. */
	seen: Record<string, string>;
	/** A window not fully listed last tick (per-tick cap reached): continued before anything new. */
	backlog?: PollWindow;
	/** Queue handles of a tick that emitted nothing (no execution to wait for): committed at the next tick. */
	pendingAcks?: string[];
	/** Emissions whose execution had not been seen to succeed yet (poll-emissions.ts). */
	inFlight?: Emission[];
	lastSuccessAt?: string;
}

export function seedState(start: Date): PollState {
	const iso = start.toISOString();
	return { v: 1, cursor: iso, seenSince: iso, seen: {} };
}

/** Deep copy: the caller's object (n8n static data) must stay untouched until the tick succeeded. */
export function cloneState(state: PollState): PollState {
	return JSON.parse(JSON.stringify(state)) as PollState;
}

/** Rejects state written by something else (a renamed node's leftovers, a future version). */
export function isPollState(value: unknown): value is PollState {
	if (typeof value !== 'object' || value === null) return false;
	const s = value as Partial<PollState>;
	return s.v === 1 && typeof s.cursor === 'string' && typeof s.seenSince === 'string' && typeof s.seen === 'object' && s.seen !== null;
}

export type VersionVerdict = 'new' | 'emitted' | 'handled';

/**
 * Whether a listed version is new. A changed-since listing can re-list old versions, so anything older than
 * `seenSince` counts as handled. A queue (VTEX's feed) delivers each change once, however late: there only a
 * version already emitted is a duplicate.
 */
export function checkVersion(state: PollState, id: string, updatedAtMs: number, queue = false): VersionVerdict {
	const last = state.seen[id];
	if (last !== undefined && Date.parse(last) >= updatedAtMs) return 'emitted';
	return !queue && updatedAtMs < Date.parse(state.seenSince) ? 'handled' : 'new';
}

export function recordEmitted(state: PollState, id: string, updatedAtMs: number): void {
	state.seen[id] = new Date(updatedAtMs).toISOString();
}

/**
 * Forgets versions the next window cannot return any more (older than `horizonMs`), then enforces the size
 * cap. The cap only drops versions older than the cursor: those are covered by the invariant once
 * `seenSince` moves past them, whereas a version above the cursor belongs to a window still being listed.
 */
export function pruneSeen(state: PollState, horizonMs: number, maxSeen: number): void {
	let sinceMs = Math.max(Date.parse(state.seenSince), Math.min(horizonMs, Date.parse(state.cursor)));
	let entries = Object.entries(state.seen)
		.map(([id, at]) => [id, Date.parse(at)] as const)
		.filter(([, at]) => at >= sinceMs);
	if (entries.length > maxSeen) {
		const cursorMs = Date.parse(state.cursor);
		entries = [...entries].sort((a, b) => a[1] - b[1]);
		const excess = entries.length - maxSeen;
		const droppable = entries.slice(0, excess).filter(([, at]) => at < cursorMs);
		if (droppable.length > 0) {
			sinceMs = droppable[droppable.length - 1][1] + 1;
			entries = entries.filter(([, at]) => at >= sinceMs);
		}
	}
	state.seenSince = new Date(sinceMs).toISOString();
	state.seen = Object.fromEntries(entries.map(([id, at]) => [id, new Date(at).toISOString()]));
}
