import type { IPollFunctions, IRun } from 'n8n-workflow';
import type { EmissionOutcome } from '../../core/channels/poller';

/**
 * How the executions started by this process's poll triggers ended, by emission id (core/channels/
 * poll-emissions.ts). n8n resolves an emission's done promise when its execution ended, in queue mode too
 * (the main learns it from the worker through Redis; a killed worker's job fails as stalled). Kept in memory:
 * after a restart an emission is unknown and its orders are emitted again, which the store absorbs.
 */
const outcomes = new Map<string, EmissionOutcome>();
/** Bounds the map; the next tick reads an outcome within minutes of its execution. */
const MAX_REMEMBERED = 10_000;

type DonePromise = NonNullable<Parameters<IPollFunctions['__emit']>[2]>;

export const emissionOutcome = (id: string): EmissionOutcome | undefined => outcomes.get(id);

/** A done promise for n8n's emit, recording the execution's outcome under `id`. */
export function trackEmission(id: string): DonePromise {
	outcomes.set(id, 'running');
	while (outcomes.size > MAX_REMEMBERED) outcomes.delete(outcomes.keys().next().value as string);
	let resolve!: DonePromise['resolve'];
	let reject!: DonePromise['reject'];
	const promise = new Promise<IRun | undefined>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	// undefined: n8n started no execution. Only a successful run applied the orders.
	promise.then(
		(run) => outcomes.set(id, run?.status === 'success' ? 'succeeded' : 'failed'),
		() => outcomes.set(id, 'failed'),
	);
	return { promise, resolve, reject };
}
