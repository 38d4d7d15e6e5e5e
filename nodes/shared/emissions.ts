import type { IPollFunctions, IRun } from 'n8n-workflow';
import type { EmissionOutcome } from '../../core/channels/poller';

/**
 * How the executions started by this process's poll triggers ended, by emission id (core/channels/
 * poll-emissions.ts). n8n resolves an emission's done promise when its execution ended — but in queue mode
 * a job lost with a SIGKILLed worker was seen never to settle (the feed then stayed blocked: test:queue), so a
 * run still open after MAX_RUNNING_MS counts as unknown and its orders are emitted again. Kept in memory:
 * after a restart an emission is unknown too. Emitting twice is absorbed by the store; never emitting loses.
 */
const outcomes = new Map<string, { outcome: EmissionOutcome; sinceMs: number }>();
/** Longer than any poll batch's Apply + Push; a slower run is applied twice, which changes nothing. */
export const MAX_RUNNING_MS = 5 * 60_000;
/** Bounds the map; the next tick reads an outcome within minutes of its execution. */
const MAX_REMEMBERED = 10_000;

type DonePromise = NonNullable<Parameters<IPollFunctions['__emit']>[2]>;

export function emissionOutcome(id: string, nowMs = Date.now()): EmissionOutcome | undefined {
	const known = outcomes.get(id);
	if (known?.outcome === 'running' && nowMs - known.sinceMs > MAX_RUNNING_MS) return undefined;
	return known?.outcome;
}

/** A done promise for n8n's emit, recording the execution's outcome under `id`. */
export function trackEmission(id: string, nowMs = Date.now()): DonePromise {
	outcomes.set(id, { outcome: 'running', sinceMs: nowMs });
	while (outcomes.size > MAX_REMEMBERED) outcomes.delete(outcomes.keys().next().value as string);
	let resolve!: DonePromise['resolve'];
	let reject!: DonePromise['reject'];
	const promise = new Promise<IRun | undefined>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	// undefined: n8n started no execution. Only a successful run applied the orders.
	promise.then(
		(run) => outcomes.set(id, { outcome: run?.status === 'success' ? 'succeeded' : 'failed', sinceMs: Date.now() }),
		() => outcomes.set(id, { outcome: 'failed', sinceMs: Date.now() }),
	);
	return { promise, resolve, reject };
}
