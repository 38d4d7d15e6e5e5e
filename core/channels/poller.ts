import { randomUUID } from 'node:crypto';
import { identifySafely, toItem, type PollItem } from './poll-items';
import { checkVersion, cloneState, pruneSeen, recordEmitted, seedState, type PollState, type PollWindow } from './poll-state';
import { newEmission, reemit, settleEmissions, type Emission, type EmissionOutcome, type PlannedEmission } from './poll-emissions';
import type { ChannelAdapter } from './types';

export { isPollState, type PollState } from './poll-state';
export { isErrorItem, type ErrorItem, type OrderItem, type PollItem } from './poll-items';
export type { Emission, EmissionOutcome, PlannedEmission } from './poll-emissions';

/**
 * The generic poll engine over a ChannelAdapter, free of n8n. One call = one tick: it returns the items to
 * emit and a NEW state; the input state is never mutated, so a tick that throws changes nothing and the
 * caller persists the new state only once the tick succeeded.
 */

export interface PollOptions {
	now?: Date;
	/** First activation only: start here (backfill) instead of now. */
	importSince?: Date;
	/**
	 * Soft cap on emitted items per tick, checked between pages (a page is never cut short for it); the rest
	 * of the window is carried over, never skipped. High by default: the time budget is the real bound.
	 */
	maxOrdersPerPoll?: number;
	/** Orders per listing request. Fixed for a window's whole life, so page positions stay comparable. */
	pageSize?: number;
	/**
	 * Milliseconds a tick may spend listing and reading orders; then it stops and carries the rest over.
	 * n8n's durable scheduler abandons a poll after 45 s, recording nothing, so the default stays well below.
	 */
	timeBudgetMs?: number;
	/** Monotonic milliseconds, for the budget (tests step it). */
	clock?: () => number;
	/** Bounds the requests of a tick even when every listed order is a duplicate. */
	maxPagesPerPoll?: number;
	includeRaw?: boolean;
	/** Overlap floor for clock skew and search-index lag; the adapter's filter precision may raise it. */
	minOverlapMs?: number;
	/** Bound on remembered emitted versions (static data must stay small). */
	maxSeen?: number;
	/**
	 * How the executions of earlier emissions ended (see poll-emissions.ts): their handles are committed only
	 * after success, their orders emitted again after a failure. Absent: emissions count as succeeded.
	 */
	outcomeOf?: (emissionId: string) => EmissionOutcome | undefined;
	/** Failed executions of the same orders before they are left to the catch-up. */
	maxEmissionAttempts?: number;
}

export interface PollResult {
	/** Every item of the tick (the emissions' items, in order). */
	items: PollItem[];
	/** One execution each: orders emitted again after a failed execution come alone, then this tick's new orders. */
	emissions: PlannedEmission[];
	/** Emissions that failed maxEmissionAttempts times: their handles were committed, the catch-up reads them. */
	abandoned: Emission[];
	state: PollState;
	/** Queue handles of this tick's orders (committed by a later tick once their execution succeeded). */
	acks: string[];
	/** True on the first activation: the cursor was seeded and nothing was listed. */
	seeded: boolean;
	/** What the tick did, for logs and benchmarks. */
	stats: PollStats;
}

export interface PollStats {
	pages: number;
	elapsedMs: number;
	/** True when the tick stopped on its budget with work left (carried over to the next tick). */
	carriedOver: boolean;
}

export const POLL_DEFAULTS = {
	maxOrdersPerPoll: 10_000,
	pageSize: 50,
	timeBudgetMs: 25_000,
	maxPagesPerPoll: 2_000,
	minOverlapMs: 5 * 60_000,
	maxSeen: 5000,
	maxEmissionAttempts: 5,
};

export async function pollOrders<Raw>(adapter: ChannelAdapter<Raw>, previous: PollState | undefined, options: PollOptions = {}): Promise<PollResult> {
	// Options left undefined (an empty node field) must not override the defaults.
	const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as PollOptions;
	const o = { ...POLL_DEFAULTS, includeRaw: false, clock: () => performance.now(), ...given, now: options.now ?? new Date() };
	const started = o.clock();
	if (!previous) return { items: [], emissions: [], abandoned: [], state: seedState(o.importSince ?? o.now), acks: [], seeded: true, stats: { pages: 0, elapsedMs: 0, carriedOver: false } };

	const state = cloneState(previous);
	// Handles are committed once the execution that took their orders succeeded (pendingAcks: a tick that
	// emitted nothing, so no execution to wait for). Until then the feed keeps them.
	const settled = settleEmissions(state.inFlight, o.outcomeOf, o.maxEmissionAttempts);
	const due = [...(state.pendingAcks ?? []), ...settled.ack];
	if (due.length && adapter.acknowledge) await adapter.acknowledge(due);
	delete state.pendingAcks;
	const inFlight = settled.keep;
	const emissions: PlannedEmission[] = [];
	const laterAcks: string[] = [];
	// Orders emitted again share the tick's time budget with the listing (see reemit).
	const reemitTimeLeft = () => o.clock() - started < o.timeBudgetMs;
	for (const failed of settled.retry) {
		if (!reemitTimeLeft()) {
			inFlight.push(failed.deferred ? failed : { ...failed, id: randomUUID(), deferred: true });
			continue;
		}
		const again = await reemit(adapter, state, failed, o.includeRaw, reemitTimeLeft);
		if (again.rest) inFlight.push(again.rest);
		if (again.items.length === 0) laterAcks.push(...(again.emission.acks ?? []));
		else {
			inFlight.push(again.emission);
			emissions.push({ id: again.emission.id, items: again.items });
		}
	}

	const overlapMs = Math.max(adapter.filterPrecisionMs, o.minOverlapMs);
	const freshWindow = (): PollWindow => ({
		since: new Date(Date.parse(state.cursor) - overlapMs).toISOString(),
		until: adapter.latestUntil(o.now).toISOString(),
		pageSize: o.pageSize,
	});
	const items: PollItem[] = [];
	const acks: string[] = [];
	let window = resumableBacklog(state.backlog, o.pageSize) ?? freshWindow();
	let fresh = state.backlog === undefined;
	let pages = 0;
	const timeLeft = () => o.clock() - started < o.timeBudgetMs;
	const budgetLeft = () => items.length < o.maxOrdersPerPoll && pages < o.maxPagesPerPoll && timeLeft();
	let carriedOver = false;

	while (Date.parse(window.since) < Date.parse(window.until)) {
		const page = await adapter.listChanged({ since: window.since, until: window.until, pageToken: window.pageToken, pageSize: window.pageSize ?? o.pageSize });
		pages++;
		// A queue's handles cover its whole page: such a page is always read whole. Elsewhere a tick out of time
		// stops inside the page and lists the same page again next tick; what was emitted is not emitted twice.
		const stopInside = adapter.acknowledge === undefined ? timeLeft : () => true;
		let whole = true;
		for (const listed of page.items) {
			if (!stopInside()) {
				whole = false;
				break;
			}
			await collect(adapter, state, listed, { includeRaw: o.includeRaw, windowUntil: window.until }, items);
		}
		if (!whole) {
			state.backlog = window;
			carriedOver = true;
			break;
		}
		acks.push(...(page.acks ?? []));
		if (page.nextPageToken) {
			window = { ...window, pageToken: page.nextPageToken };
			state.backlog = window;
			if (budgetLeft()) continue;
			carriedOver = true;
			break;
		}
		// The whole window was listed: the cursor may pass it, never earlier.
		if (Date.parse(window.until) > Date.parse(state.cursor)) state.cursor = window.until;
		delete state.backlog;
		// A fresh window re-lists the overlap: one per tick is enough.
		if (fresh || !budgetLeft()) break;
		window = freshWindow();
		fresh = true;
	}

	pruneSeen(state, Date.parse(state.cursor) - overlapMs - adapter.filterPrecisionMs, o.maxSeen);
	if (items.length) {
		const emission = newEmission(items, acks);
		inFlight.push(emission);
		emissions.push({ id: emission.id, items });
	} else laterAcks.push(...acks);
	if (laterAcks.length) state.pendingAcks = laterAcks;
	if (inFlight.length) state.inFlight = inFlight;
	else delete state.inFlight;
	state.lastSuccessAt = o.now.toISOString();
	const all = emissions.flatMap((e) => e.items);
	return { items: all, emissions, abandoned: settled.abandoned, state, acks, seeded: false, stats: { pages, elapsedMs: Math.round(o.clock() - started), carriedOver } };
}

/**
 * A window carried over by an older version without a fixed page size named its page at an unknown size:
 * it is listed again from its first page (duplicates are dropped, nothing is skipped).
 */
function resumableBacklog(backlog: PollWindow | undefined, pageSize: number): PollWindow | undefined {
	if (!backlog) return undefined;
	if (backlog.pageSize !== undefined) return backlog;
	return { since: backlog.since, until: backlog.until, pageSize };
}

export interface CollectOptions {
	includeRaw: boolean;
	windowUntil: string;
}

/** Identifies, de-duplicates by version, reads details of and normalises one listed order into `out`. */
export async function collect<Raw>(adapter: ChannelAdapter<Raw>, state: PollState, listed: Raw, c: CollectOptions, out: PollItem[]): Promise<void> {
	const { includeRaw } = c;
	const identified = identifySafely(adapter, listed);
	if (!identified.ok) {
		// No usable id or time: emitted once per distinct payload and remembered at the window's end, so
		// it is kept for as long as a later window can list it again.
		if (state.seen[identified.key] !== undefined) return;
		out.push(identified.item);
		recordEmitted(state, identified.key, Date.parse(c.windowUntil));
		return;
	}
	const { key, updatedAtMs } = identified.identity;
	if (checkVersion(state, key, updatedAtMs, adapter.acknowledge !== undefined) !== 'new') return;
	const { item, raw } = await toItem(adapter, listed, includeRaw, `${adapter.id}:${key}`);
	// Details may be newer than the listing; remember the version actually emitted.
	const detailed = identifySafely(adapter, raw);
	const emittedAt = detailed.ok && detailed.identity.key === key ? Math.max(updatedAtMs, detailed.identity.updatedAtMs) : updatedAtMs;
	out.push(item);
	recordEmitted(state, key, emittedAt);
}

/**
 * Manual "test step": the most recent order as a sample, the state untouched (n8n does not persist static
 * data in manual runs anyway, and a test must not move a live trigger's cursor).
 */
export async function sampleOrder<Raw>(adapter: ChannelAdapter<Raw>, options: Pick<PollOptions, 'now' | 'includeRaw'> = {}): Promise<PollItem[]> {
	const now = options.now ?? new Date();
	let raw: Raw | undefined;
	if (adapter.sample) raw = await adapter.sample();
	else {
		const since = new Date(now.getTime() - 30 * 24 * 3600_000).toISOString();
		raw = (await adapter.listChanged({ since, until: adapter.latestUntil(now).toISOString(), pageSize: 1 })).items[0];
	}
	if (raw === undefined) return [];
	const identified = identifySafely(adapter, raw);
	if (!identified.ok) return [identified.item];
	return [(await toItem(adapter, raw, options.includeRaw ?? false, `${adapter.id}:${identified.identity.key}`)).item];
}
