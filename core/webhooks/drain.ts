import type { PollItem } from '../channels/poll-items';
import type { ClaimedDelivery, OmsStore } from '../store/types';

/**
 * The drain: takes accepted deliveries out of the store's queue in batches and hands each batch to ONE
 * workflow execution, with at most `maxInFlight` executions running per queue. This is the back-pressure the
 * webhook path needs: however fast deliveries arrive and however long a stalled channel keeps an execution
 * running, the waiting work is rows in the store, not executions in n8n's memory.
 *
 * A batch's rows stay claimed (renewed while its execution runs) and are deleted only after the execution
 * succeeded; a failed execution gives them back with backoff, and they are then retried one per execution,
 * so one bad order cannot hold the others. A process that dies stops renewing: its claims expire and another
 * drain takes the rows again (applying an order twice changes nothing). Free of n8n: the node supplies `emit`.
 */

export type DrainStore = Pick<OmsStore, 'claimDeliveries' | 'renewDeliveries' | 'completeDeliveries' | 'failDeliveries'>;

export interface DrainerOptions {
	store: DrainStore;
	queue: string;
	holder: string;
	/** Rows per execution. */
	batchSize: number;
	/** Executions of this queue running at once. */
	maxInFlight: number;
	/** Failed executions (or failed reads) of a row before it is parked. */
	maxAttempts: number;
	/** How long a claim lasts without renewal (renewed every third of it). */
	claimTtlMs: number;
	/** An execution not finished by then counts as failed (its rows are retried). */
	maxRunMs: number;
	/** How often the store is looked at without a wake-up (deliveries taken by another process). */
	pollMs: number;
	/** Channel reads (pointer deliveries) at once within a batch. */
	readConcurrency: number;
	/**
	 * A row as the item to emit; undefined when there is nothing to emit (deleted order, version already
	 * emitted). Throws when the order could not be read: the row is retried later. `lastAttempt`: do not
	 * throw, return the error item (the row's attempts are spent).
	 */
	resolve(row: ClaimedDelivery, lastAttempt: boolean): Promise<PollItem | undefined>;
	/** Starts one execution with the items; resolves when it ended: true when it succeeded. */
	emit(items: PollItem[]): Promise<boolean>;
	onError(error: unknown): void;
	/** Runs a batch's reads (the host may need a scope around them); batches read one at a time. */
	aroundReads?<T>(reads: () => Promise<T>): Promise<T>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class InboxDrainer {
	private running = false;
	private filler?: Promise<void>;
	private refill = false;
	private readonly inFlight = new Set<Promise<void>>();
	/** The reads of one batch at a time (see aroundReads). */
	private reading: Promise<unknown> = Promise.resolve();
	private wakeUp?: () => void;

	constructor(private readonly o: DrainerOptions) {}

	start(): void {
		if (this.running) return;
		this.running = true;
		void this.loop();
	}

	/** Stops taking rows; executions already started finish (and complete their rows) on their own. */
	stop(): void {
		this.running = false;
		this.wake();
	}

	/** A delivery was queued in this process: look now instead of at the next poll. */
	wake(): void {
		const w = this.wakeUp;
		this.wakeUp = undefined;
		w?.();
	}

	/** Drains until a claim finds nothing and no execution is running (tests, benchmarks). */
	async settle(): Promise<void> {
		for (;;) {
			await this.fill();
			if (this.inFlight.size === 0) return;
			await Promise.race(this.inFlight);
		}
	}

	private async loop(): Promise<void> {
		while (this.running) {
			await this.fill();
			if (!this.running) return;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, this.o.pollMs);
				timer.unref?.();
				this.wakeUp = () => {
					clearTimeout(timer);
					resolve();
				};
			});
		}
	}

	/**
	 * Claims batches while executions are free. One filler at a time: a call during it asks for another round
	 * and waits for the same filler, so a caller knows rows queued before its call were looked at.
	 */
	private fill(): Promise<void> {
		if (this.filler) {
			this.refill = true;
			return this.filler;
		}
		this.filler = this.fillRounds().finally(() => (this.filler = undefined));
		return this.filler;
	}

	private async fillRounds(): Promise<void> {
		try {
			do {
				this.refill = false;
				while (this.inFlight.size < Math.max(1, this.o.maxInFlight)) {
					const rows = await this.claim();
					if (rows.length === 0) break;
					const run = this.run(rows)
						.catch((error: unknown) => this.o.onError(error))
						.finally(() => {
							this.inFlight.delete(run);
							if (this.running) void this.fill();
						});
					this.inFlight.add(run);
				}
			} while (this.refill && this.inFlight.size < Math.max(1, this.o.maxInFlight));
		} catch (error) {
			this.o.onError(error);
		}
	}

	/** New rows first, in batches; then one row that failed before, alone. */
	private async claim(): Promise<ClaimedDelivery[]> {
		const { store, queue, holder, batchSize, claimTtlMs } = this.o;
		const fresh = await store.claimDeliveries(queue, holder, { limit: batchSize, ttlMs: claimTtlMs });
		return fresh.length ? fresh : store.claimDeliveries(queue, holder, { limit: 1, ttlMs: claimTtlMs, retried: true });
	}

	private async run(rows: ClaimedDelivery[]): Promise<void> {
		const { store, queue, holder } = this.o;
		let held = rows.map((r) => r.seq);
		const heartbeat = setInterval(() => {
			store.renewDeliveries(queue, holder, held, this.o.claimTtlMs).catch((error: unknown) => this.o.onError(error));
		}, Math.max(10, Math.floor(this.o.claimTtlMs / 3)));
		heartbeat.unref?.();
		try {
			const around = this.o.aroundReads ?? (<T>(reads: () => Promise<T>) => reads());
			const turn = this.reading.then(() => around(() => this.resolveAll(rows)));
			this.reading = turn.catch(() => undefined);
			const { items, unread } = await turn;
			for (const [error, seqs] of unread) await store.failDeliveries(queue, holder, seqs, { error, maxAttempts: this.o.maxAttempts });
			const failed = new Set([...unread.values()].flat());
			held = held.filter((s) => !failed.has(s));
			if (items.length === 0) {
				await store.completeDeliveries(queue, holder, held);
				return;
			}
			let ok = false;
			let why = 'the execution failed';
			try {
				ok = await withTimeout(this.o.emit(items), this.o.maxRunMs);
			} catch (error) {
				why = messageOf(error);
			}
			if (ok) await store.completeDeliveries(queue, holder, held);
			else await store.failDeliveries(queue, holder, held, { error: why, maxAttempts: this.o.maxAttempts });
		} finally {
			clearInterval(heartbeat);
		}
	}

	/**
	 * Each row's item, in queue order. Pointer rows naming the same order are read once (channels notify
	 * several times per change). A read that fails leaves its rows for a later retry (grouped by error).
	 */
	private async resolveAll(rows: ClaimedDelivery[]): Promise<{ items: PollItem[]; unread: Map<string, number[]> }> {
		const groups = new Map<string, ClaimedDelivery[]>();
		rows.forEach((r) => {
			const k = r.body === null ? `ptr\u0000${r.channel}\u0000${r.account}\u0000${r.channelOrderId}` : `row\u0000${r.seq}`;
			groups.set(k, [...(groups.get(k) ?? []), r]);
		});
		const list = [...groups.values()];
		const out: Array<PollItem | undefined> = new Array(list.length);
		const unread = new Map<string, number[]>();
		let next = 0;
		const worker = async () => {
			while (next < list.length) {
				const i = next++;
				const group = list[i];
				const first = group[0];
				try {
					out[i] = await this.o.resolve(first, Math.max(...group.map((r) => r.attempts)) + 1 >= this.o.maxAttempts);
				} catch (error) {
					const key = messageOf(error);
					unread.set(key, [...(unread.get(key) ?? []), ...group.map((r) => r.seq)]);
				}
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, Math.min(this.o.readConcurrency, list.length)) }, worker));
		return { items: out.filter((x): x is PollItem => x !== undefined), unread };
	}
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the execution did not finish within ${Math.round(ms / 1000)} s`)), ms)))]);
	} finally {
		clearTimeout(timer);
	}
}
