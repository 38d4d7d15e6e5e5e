import type { ITriggerFunctions } from 'n8n-workflow';

/**
 * n8n (2.x, expression engine "vm") evaluates expressions — a credential's auth headers among them — in an
 * isolate it acquires around each webhook call, poll and execution. A trigger's later work runs outside
 * those, so the drain's channel reads hold the workflow's isolate while they run (TriggerContext keeps the
 * Workflow as `workflow`; without it, or with the legacy engine, the reads just run).
 *
 * The isolate belongs to the Workflow's Expression, which every trigger node of the workflow shares, and n8n's
 * acquire/release is not counted: a second acquire by the same holder answers "already held" and the first
 * release ends it for both. Two webhook nodes of one workflow draining at once therefore lost the isolate in
 * the middle of the other's reads ("No bridge acquired for this context"): those reads failed, their rows
 * waited for the retry backoff and then ran one per execution. Here the scopes of one Expression are counted:
 * the first acquires, the last releases, and a new scope waits for a release still in progress.
 */
export interface IsolateHolder {
	acquireIsolate(): Promise<boolean>;
	releaseIsolate(): Promise<void>;
}

interface Scope {
	holders: number;
	/** Whether this scope's acquire took the isolate (false: someone else holds it, and releases it). */
	acquired: Promise<boolean>;
}

const scopes = new WeakMap<IsolateHolder, Scope>();
const releasing = new WeakMap<IsolateHolder, Promise<void>>();

export async function withSharedIsolate<T>(holder: IsolateHolder, work: () => Promise<T>): Promise<T> {
	let scope = scopes.get(holder);
	if (!scope) {
		const after = releasing.get(holder) ?? Promise.resolve();
		scope = { holders: 0, acquired: after.then(() => holder.acquireIsolate()) };
		scopes.set(holder, scope);
	}
	scope.holders++;
	const own = scope;
	try {
		await own.acquired;
		return await work();
	} finally {
		if (--own.holders === 0) {
			scopes.delete(holder);
			const release = own.acquired.then((acquired) => (acquired ? holder.releaseIsolate() : undefined)).catch(() => undefined);
			releasing.set(holder, release);
			await release;
		}
	}
}

/** The drain's reads inside the workflow's isolate (see above); as they are where n8n has no isolate engine. */
export function inIsolate(ctx: ITriggerFunctions): <T>(reads: () => Promise<T>) => Promise<T> {
	const expression = (ctx as unknown as { workflow?: { expression?: Partial<IsolateHolder> } }).workflow?.expression;
	if (typeof expression?.acquireIsolate !== 'function' || typeof expression.releaseIsolate !== 'function') return (reads) => reads();
	const holder = expression as IsolateHolder;
	return (reads) => withSharedIsolate(holder, reads);
}
