import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StoreConfig } from '../../../core/store/open';
import type { CanonicalOrder } from '../../../core/model/order';
import type { AdjustInput } from '../../../core/store/types';
import type { LinkInput } from '../../../core/catalog/types';

/** Starts apply-worker.js processes and follows their IPC messages (see that file for the protocol). */

export type WorkerStep = { orders: CanonicalOrder[]; settled?: boolean } | { adjust: AdjustInput[] } | { link: LinkInput[] };

export interface WorkerPlan {
	config: StoreConfig;
	steps: WorkerStep[];
	pauseInTxAtStep?: number;
	/** Stop once inside this step's transaction until the parent sends "release" (forces an overlap). */
	holdInTxAtStep?: number;
	/** The same inside a link step, once its links are inserted (listing locks held). */
	holdLinkAtStep?: number;
	gapMs?: number;
}

export interface WorkerMessage {
	type: 'ready' | 'begun' | 'in-tx' | 'committed' | 'pushed' | 'done' | 'error';
	/** "pushed" (push-worker.js): the status of each SKU of that push. */
	statuses?: string[];
	step?: number;
	message?: string;
	/** "committed" of a settled step: refs of the orders the store refused. */
	refused?: string[];
	/** "committed" of a link step: the store's link results. */
	results?: unknown[];
	/** When the parent received it (ms). */
	at?: number;
}

export interface Worker {
	child: ChildProcess;
	messages: WorkerMessage[];
	/** Resolves with the first message of this type (rejects when the worker reports an error or exits first). */
	next(type: WorkerMessage['type']): Promise<WorkerMessage>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const WORKER = path.join(__dirname, 'apply-worker.js');

export function startWorker(plan: WorkerPlan, dir: string, name: string): Worker {
	return startScript(WORKER, plan, dir, name);
}

/** Any worker script of this folder with the same protocol (ready / go / … / done, error), e.g. push-worker.js. */
export function startScript(script: string, plan: object, dir: string, name: string): Worker {
	// node:sqlite needs Node >= 22.13: jest runs under the project's Node 24 (npx), and so do the workers.
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 22 || (major === 22 && minor < 13)) throw new Error(`workers need Node >= 22.13 (node:sqlite); jest runs on ${process.version}: use npx jest`);
	const planFile = path.join(dir, `${name}.json`);
	fs.writeFileSync(planFile, JSON.stringify(plan));
	const child = fork(script, [planFile], { execPath: process.execPath, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const messages: WorkerMessage[] = [];
	const waiters: Array<{ type: string; resolve: (m: WorkerMessage) => void; reject: (e: Error) => void }> = [];
	// Exited once the process ended AND its IPC channel was read to its end ('exit' may come before the last messages).
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;
		let drained = false;
		const settle = () => ended && drained && resolve(ended);
		child.on('exit', (code, signal) => {
			ended = { code, signal };
			settle();
		});
		child.on('disconnect', () => {
			drained = true;
			settle();
		});
	});
	child.on('message', (m: WorkerMessage) => {
		messages.push({ at: Date.now(), ...m }); // the worker's own stamp (µs, monotonic) when it sent one
		for (const w of [...waiters]) {
			if (m.type === 'error') w.reject(new Error(`${name}: ${m.message}`));
			else if (m.type === w.type) w.resolve(m);
			else continue;
			waiters.splice(waiters.indexOf(w), 1);
		}
	});
	void exited.then(({ code, signal }) => {
		for (const w of waiters.splice(0)) w.reject(new Error(`${name} exited (code ${code}, signal ${signal}) before "${w.type}"`));
	});
	const next = (type: WorkerMessage['type']) =>
		new Promise<WorkerMessage>((resolve, reject) => {
			const seen = messages.find((m) => m.type === type || m.type === 'error');
			if (seen) return seen.type === 'error' ? reject(new Error(`${name}: ${seen.message}`)) : resolve(seen);
			if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${name} already exited`));
			waiters.push({ type, resolve, reject });
		});
	return { child, messages, next, exited };
}

/** Deterministic pseudo-random numbers (the benchmark's mulberry32), so a failing scenario can be replayed from its seed. */
export { random as rng } from '../../../bench/orders';

export function shuffle<T>(items: T[], random: () => number): T[] {
	const a = [...items];
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

/** Splits into consecutive chunks of random size in [1, max]. */
export function chunks<T>(items: T[], max: number, random: () => number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; ) {
		const n = 1 + Math.floor(random() * max);
		out.push(items.slice(i, i + n));
		i += n;
	}
	return out;
}
