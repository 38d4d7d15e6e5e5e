import { randomUUID } from 'node:crypto';
import { ChannelHttpError } from '../http/retry';
import { identifySafely, isErrorItem, toItem, type PollItem } from './poll-items';
import { recordEmitted, type PollState } from './poll-state';
import type { ChannelAdapter } from './types';

/**
 * Emissions: the items of a tick are handed to ONE workflow execution, and that execution may die after the
 * tick (n8n queue mode: a worker killed mid-run; any failed run). The tick has moved its cursor and a queue
 * channel's handles are due, so the state keeps each emission (its order ids and handles) until the caller
 * reports how its execution ended. A later tick then commits the handles of a succeeded execution only, and
 * reads the orders of a failed one again (by id) and emits them anew: applying an order twice changes
 * nothing, losing one is a missing sale. Free of n8n: the caller supplies the outcomes.
 */

/** What became of an emission's execution; undefined: unknown (emitted by another process, or before a restart). */
export type EmissionOutcome = 'running' | 'succeeded' | 'failed';

export interface Emission {
	id: string;
	/** Channel order ids of the emitted orders (error items name none: there is nothing to read again). */
	orders: string[];
	/** Queue handles to commit once the execution succeeded. */
	acks?: string[];
	/** Earlier emissions of these orders that failed. */
	attempts: number;
	/**
	 * Orders of a failed emission a tick had no time to read again: never emitted, so waiting for the next
	 * tick is not a failure (no attempt is counted, nothing is given up).
	 */
	deferred?: true;
}

/** One execution to start: the caller emits `items` and reports the outcome under `id`. */
export interface PlannedEmission {
	id: string;
	items: PollItem[];
}

export interface Settled {
	keep: Emission[];
	/** Handles whose orders are applied (or given up): commit them. */
	ack: string[];
	retry: Emission[];
	/** Emissions that failed `maxAttempts` times: left to the catch-up (Status Sync → Reimport Orders). */
	abandoned: Emission[];
}

/**
 * Sorts earlier emissions by outcome. Without `outcomeOf` the caller does not track executions: every
 * emission counts as succeeded (the behaviour before emissions were tracked). An unknown outcome counts as
 * failed: emitting again is safe, assuming success is not.
 */
export function settleEmissions(inFlight: Emission[] | undefined, outcomeOf: ((id: string) => EmissionOutcome | undefined) | undefined, maxAttempts: number): Settled {
	const out: Settled = { keep: [], ack: [], retry: [], abandoned: [] };
	for (const e of inFlight ?? []) {
		const outcome = outcomeOf ? (outcomeOf(e.id) ?? 'failed') : 'succeeded';
		if (e.deferred) out.retry.push(e);
		else if (outcome === 'running') out.keep.push(e);
		else if (outcome === 'succeeded') out.ack.push(...(e.acks ?? []));
		else if (e.attempts + 1 >= maxAttempts) {
			out.ack.push(...(e.acks ?? []));
			out.abandoned.push(e);
		} else out.retry.push(e);
	}
	return out;
}

/**
 * The orders of a failed emission read again by id, as one new emission carrying the same handles. A 404
 * drops the order (deleted since). Reads stop when `timeLeft` says the tick is out of time (n8n abandons a
 * poll after 45 s and records nothing: hundreds of reads in one tick never completed, test:queue) or when a
 * read fails after others succeeded; the orders not read stay `rest`, for the next tick. A failure before
 * any order was read throws: the tick fails and its state stays.
 */
export async function reemit<Raw>(
	adapter: ChannelAdapter<Raw>,
	state: PollState,
	failed: Emission,
	includeRaw: boolean,
	timeLeft: () => boolean = () => true,
): Promise<{ emission: Emission; items: PollItem[]; rest?: Emission }> {
	if (!adapter.getOrder) throw new Error(`${adapter.id} cannot read an order by id to emit it again`);
	const items: PollItem[] = [];
	let done = 0;
	for (const id of failed.orders) {
		if (done > 0 && !timeLeft()) break;
		let raw: Raw;
		try {
			raw = await adapter.getOrder(id);
		} catch (error) {
			if (error instanceof ChannelHttpError && error.httpCode === 404) {
				done++;
				continue;
			}
			if (done === 0) throw error;
			break;
		}
		done++;
		const { item } = await toItem(adapter, raw, includeRaw, `${adapter.id}:${id}`);
		const identified = identifySafely(adapter, raw);
		if (identified.ok) recordEmitted(state, identified.identity.key, Math.max(identified.identity.updatedAtMs, Date.parse(state.seen[id] ?? '') || 0));
		items.push(item);
	}
	const left = failed.orders.slice(done);
	if (left.length === 0) return { emission: newEmission(items, failed.acks ?? [], failed.attempts + 1), items };
	// The handles wait with the orders still to read: committed once those too were emitted and applied.
	const rest: Emission = { id: randomUUID(), orders: left, ...(failed.acks?.length ? { acks: failed.acks } : {}), attempts: failed.attempts, deferred: true };
	return { emission: newEmission(items, [], failed.attempts + 1), items, rest };
}

export function newEmission(items: PollItem[], acks: string[], attempts = 0): Emission {
	const orders = items.filter((i) => !isErrorItem(i)).map((i) => (i as { channelOrderId: string }).channelOrderId);
	return { id: randomUUID(), orders, ...(acks.length ? { acks } : {}), attempts };
}
