import { admit, type IntakeContext } from './intake';
import type { MissedDeliveries } from './types';

/** What one sweep of the channel's missed deliveries did. */
export interface RecoveryCount {
	/** Entries the channel listed. */
	read: number;
	/** Queued as new deliveries. */
	queued: number;
	/** Already taken (live, or by an earlier sweep). */
	duplicate: number;
	/** Failed authentication (another seller or application of the same app). */
	refused: number;
	/** Well-formed but nothing to apply (another topic or resource). */
	ignored: number;
}

/**
 * Reads the deliveries the channel kept for us and queues each through admit(), exactly like a live one:
 * authenticated on its own body, read as a pointer, de-duplicated on its event id against the live deliveries,
 * written to the inbox. A failed page read throws after what was already queued (nothing is lost: the
 * channel keeps the entries, the next sweep reads them again).
 */
export async function recoverMissed(source: MissedDeliveries, c: IntakeContext): Promise<RecoveryCount> {
	const count: RecoveryCount = { read: 0, queued: 0, duplicate: 0, refused: 0, ignored: 0 };
	for await (const page of source.pages()) {
		for (const delivery of page) {
			count.read++;
			const admission = await admit(delivery, c);
			if (admission.status === 401) count.refused++;
			else if ('accepted' in admission) count.queued++;
			else if (admission.duplicate) count.duplicate++;
			else count.ignored++;
		}
	}
	return count;
}

export interface SweeperOptions {
	/** One sweep: recoverMissed in the host's scope (n8n's isolate for the credential's expressions). */
	sweep(): Promise<RecoveryCount>;
	/** After a sweep that queued something: wake the drain. */
	onQueued(count: RecoveryCount): void;
	onError(error: unknown): void;
	everyMs: number;
	/** The first sweep, after activation (a downtime is when deliveries were missed). */
	firstMs: number;
}

/** Sweeps on a timer, never two at once: a sweep asked for while one runs waits for that one. */
export class MissedSweeper {
	private timer?: NodeJS.Timeout;
	private running?: Promise<RecoveryCount | undefined>;
	private stopped = false;

	constructor(private readonly o: SweeperOptions) {}

	start(): void {
		this.schedule(this.o.firstMs);
	}

	stop(): void {
		this.stopped = true;
		clearTimeout(this.timer);
	}

	/** Runs a sweep now (or joins the running one); undefined when it failed (reported through onError). */
	sweep(): Promise<RecoveryCount | undefined> {
		this.running ??= this.o
			.sweep()
			.then((count) => {
				if (count.queued > 0) this.o.onQueued(count);
				return count;
			})
			.catch((error: unknown) => {
				this.o.onError(error);
				return undefined;
			})
			.finally(() => (this.running = undefined));
		return this.running;
	}

	private schedule(ms: number): void {
		if (this.stopped) return;
		this.timer = setTimeout(() => void this.sweep().finally(() => this.schedule(this.o.everyMs)), ms);
		this.timer.unref?.();
	}
}
