import { randomUUID } from 'node:crypto';
import type { PushRetryInput, SeenRetry } from '../store/types';
import { publishPlanned, type Planned, type PublishContext } from './push-publish';
import type { PushStockRequest, SkuPushResult } from './push-stock';
import type { PushScope } from './push-scope';
import { targetId } from './push-targets';
import { composeResult } from './push-result';

const NOT_COUNTED = 'never counted in the OMS: set its on-hand stock to publish it';
export const DEFERRED = 'another push of this SKU was running: it waits in the retry set for the next run';
const KEPT_MOVING = 'its stock kept changing while it was pushed: it waits in the retry set for the next run';
/** SKUs leased together (at least the writer's bulk size): a lease is held while this many are pushed. */
const LEASE_GROUP = 50;

/** Longest pause between two tries for a held lease: short, so a waiting run is not starved by a busy one. */
const MAX_POLL_MS = 50;
/**
 * A lease lasts this long unless renewed; a live run renews its leases every third of it, whatever its
 * requests take, so only a dead run's lease (a SIGKILLed n8n worker) runs out — and within this time.
 */
export const PUSH_LEASE_TTL_MS = 20_000;
/**
 * How long a run waits for SKUs another push holds before deferring them: longer than a lease lasts, so a
 * dead run's lease is outwaited and taken over rather than left to the retry set with no run to take it.
 */
export const PUSH_LEASE_WAIT_MS = PUSH_LEASE_TTL_MS + 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One push run: leases, reads under the lease, rounds while a level moves, the retry set. Results are kept
 * per SKU, so a SKU pushed in several rounds ends with its last value.
 */
export class PushRun implements PublishContext {
	readonly holder = `push-${randomUUID()}`;
	/** Per target id (push-targets.ts targetId): the SKU itself for its value. */
	readonly results = new Map<string, SkuPushResult>();
	/** Per SKU: the results of its listings pushed under their own rule, by listing key. */
	private readonly listingResults = new Map<string, Map<string, SkuPushResult>>();
	/** Per SKU: listing keys with a target of their own (the SKU's value is not sent to them). */
	readonly own = new Map<string, Set<string>>();
	/** SKUs this run holds the lease of (taken, not given back yet): what the heartbeat renews. */
	private readonly held = new Set<string>();
	/** The heartbeat's renewal in flight: a release waits for it, or it could take a lease back after the release. */
	private renewal: Promise<unknown> | undefined;
	/** The key the push state is kept under: the warehouse sold, or several joined ("default+sp"). */
	readonly warehouse: string;

	constructor(
		readonly req: PushStockRequest,
		private readonly scope: PushScope,
		/** SKUs taken from the retry set: their results say so. */
		private readonly retried: Set<string>,
	) {
		this.warehouse = scope.label;
	}

	now(): Date {
		return this.req.clock?.() ?? new Date();
	}

	get batchSize(): number {
		return Math.max(1, Math.floor(this.req.writer.stockBatchSize) || 1);
	}

	private get ttlMs(): number {
		return this.req.leaseTtlMs ?? PUSH_LEASE_TTL_MS;
	}

	/** Renews or takes the leases of `skus` for this run; answers the ones this run holds. */
	async lease(skus: string[]): Promise<Set<string>> {
		const mine = new Set(await this.req.store.acquirePushLeases(this.req.channel, this.warehouse, skus, this.holder, this.ttlMs));
		for (const sku of skus) if (mine.has(sku)) this.held.add(sku);
		else this.held.delete(sku);
		return mine;
	}

	/**
	 * Renews the held leases every third of their life while the run lives, so a slow request (timeouts,
	 * retries) never lets them run out; a failed renewal is left to the check before the next request.
	 */
	private heartbeat(): () => void {
		const timer = setInterval(() => {
			if (this.renewal || this.held.size === 0) return;
			this.renewal = this.req.store
				.acquirePushLeases(this.req.channel, this.warehouse, [...this.held], this.holder, this.ttlMs)
				.catch(() => undefined)
				.finally(() => (this.renewal = undefined));
		}, Math.max(1, Math.floor(this.ttlMs / 3)));
		timer.unref?.();
		return () => clearInterval(timer);
	}

	/**
	 * Pushes what is free now, then waits (holding nothing, so two runs cannot wait on each other) for the SKUs
	 * another push holds, up to leaseWaitMs; what is still held then is deferred to the retry set.
	 */
	async push(skus: string[]): Promise<SkuPushResult[]> {
		const deadline = Date.now() + (this.req.leaseWaitMs ?? PUSH_LEASE_WAIT_MS);
		const group = Math.max(this.batchSize, LEASE_GROUP);
		const stopHeartbeat = this.heartbeat();
		try {
			let waiting = skus;
			for (let pause = 10; waiting.length > 0; pause = Math.min(pause * 2, MAX_POLL_MS)) {
				const busy: string[] = [];
				for (let i = 0; i < waiting.length; i += group) {
					const chunk = waiting.slice(i, i + group);
					const mine = await this.lease(chunk);
					busy.push(...chunk.filter((sku) => !mine.has(sku)));
					if (mine.size > 0) await this.underLease(chunk.filter((sku) => mine.has(sku)));
				}
				waiting = busy;
				const left = deadline - Date.now();
				if (waiting.length > 0 && left <= 0) {
					await this.defer(waiting, DEFERRED);
					break;
				}
				if (waiting.length > 0) await sleep(Math.min(pause, left));
			}
		} finally {
			stopHeartbeat();
		}
		return skus.map((sku) => this.resultOf(sku));
	}

	private async underLease(skus: string[]): Promise<void> {
		let done = false;
		try {
			await this.rounds(skus);
			done = true;
		} finally {
			for (const sku of skus) this.held.delete(sku);
			await this.renewal;
			// A release that fails after a failed push must not hide the push's error; the lease expires anyway.
			await this.req.store.releasePushLeases(this.req.channel, this.warehouse, skus, this.holder).catch((error) => {
				if (done) throw error;
			});
		}
	}

	/**
	 * Round 1 pushes what differs from the recorded value; each later round reads the pushed SKUs again and
	 * pushes the targets whose level moved to another value meanwhile (or whose record a newer one superseded).
	 * Targets: the SKU's value and each listing with its own rule (push-targets.ts), each recorded on its own.
	 */
	private async rounds(skus: string[]): Promise<void> {
		const maxRounds = Math.max(1, this.req.maxRounds ?? 3);
		const sentSeq = new Map<string, number>();
		let forced: (id: string) => boolean = () => this.req.force === true;
		let check = skus;
		for (let round = 1; check.length > 0; round++) {
			const { plan, seen } = await this.plan(check, round, sentSeq, forced);
			if (plan.length === 0) return;
			if (round > maxRounds) return await this.defer([...new Set(plan.map((p) => p.sku))], KEPT_MOVING, true);
			const { sent, superseded } = await publishPlanned(this, plan, seen);
			for (const p of sent) sentSeq.set(targetId(p.sku, p.listing), p.changeSeq);
			forced = (id) => superseded.has(id);
			check = [...new Set(sent.map((p) => p.sku))];
		}
	}

	/** Reads levels, recorded values and uncertain marks of `check` (under the lease) and decides what to send. */
	private async plan(check: string[], round: number, sentSeq: Map<string, number>, forced: (id: string) => boolean): Promise<{ plan: Planned[]; seen: Map<string, SeenRetry> }> {
		const { store, channel } = this.req;
		const [levels, recorded, retries] = await Promise.all([
			this.scope.levels(check),
			store.getTargetPushStates(channel, check, this.warehouse),
			store.listPushRetries(channel, { warehouse: this.warehouse, skus: check, limit: 100_000 }),
		]);
		const recordedBy = new Map(recorded.map((s) => [targetId(s.sku, s.listing), s]));
		const { bySku: targets, own } = await this.scope.targets(check, new Set(recorded.filter((s) => s.listing).map((s) => targetId(s.sku, s.listing))));
		for (const [sku, keys] of own) this.own.set(sku, keys);
		const bySku = new Map(levels.map((l) => [l.sku, l]));
		const uncertain = new Set(retries.filter((r) => r.uncertain).map((r) => targetId(r.sku, r.listing)));
		const seen = new Map(retries.map((r) => [targetId(r.sku, r.listing), { sku: r.sku, listing: r.listing, revision: r.revision }]));
		const plan: Planned[] = [];
		const settled: string[] = [];
		const live = new Set<string>();
		for (const sku of check) {
			const level = bySku.get(sku);
			for (const target of targets.get(sku) ?? []) {
				const id = targetId(sku, target.listing);
				live.add(id);
				// Later rounds re-check what this run sent (a target that failed waits in the retry set).
				if (round > 1 && !sentSeq.has(id) && !forced(id)) continue;
				// Sent by this run and unchanged since: done.
				if (!forced(id) && level !== undefined && sentSeq.get(id) === level.changeSeq) continue;
				const recordedValue = recordedBy.get(id);
				const result = this.resultFor(sku, target.listing, recordedValue?.value ?? null);
				// A SKU only seen on orders was never counted: publishing 0 would pull a selling listing off the channel.
				if (!level || !level.stocked) {
					Object.assign(result, { available: level?.available ?? null, value: null, changeSeq: level?.changeSeq ?? null, status: 'not_counted', message: NOT_COUNTED });
					settled.push(id);
					continue;
				}
				const value = target.value(level.available);
				const planned = { sku, listing: target.listing, ref: target.ref, available: level.available, value, changeSeq: level.changeSeq };
				if (forced(id) || uncertain.has(id) || value !== recordedValue?.value) plan.push(planned);
				else if (round === 1) {
					Object.assign(result, { available: level.available, value, changeSeq: level.changeSeq, status: 'unchanged' });
					settled.push(id);
				}
			}
		}
		// An entry of a target that is gone (its listing unlinked) has nothing left to send.
		for (const id of seen.keys()) if (!live.has(id)) settled.push(id);
		// Nothing to send (the channel has the value, or it cannot be sent until something changes): out of the retry set.
		const done = settled.flatMap((id) => seen.get(id) ?? []);
		if (done.length > 0) await store.clearPushRetries(channel, this.warehouse, done);
		return { plan, seen };
	}

	/** The result of one target of a SKU ('' = the SKU's value), made on first use. */
	resultFor(sku: string, listing: string, previous: number | null): SkuPushResult {
		const id = targetId(sku, listing);
		let result = this.results.get(id);
		if (!result) {
			result = { sku, warehouse: this.warehouse, available: null, value: null, previous, changeSeq: null, status: 'unchanged' };
			if (this.retried.has(sku)) result.retried = true;
			this.results.set(id, result);
			if (listing) (this.listingResults.get(sku) ?? this.listingResults.set(sku, new Map()).get(sku)!).set(listing, result);
		}
		return result;
	}

	/** SKUs this run leaves to the next one, due at once in the retry set; `keepStatus` for SKUs already pushed. */
	async defer(skus: string[], message: string, keepStatus = false): Promise<void> {
		for (const sku of skus) {
			const known = [this.results.get(sku), ...(this.listingResults.get(sku)?.values() ?? [])].filter((r) => r !== undefined);
			for (const result of known.length > 0 ? known : [this.resultFor(sku, '', null)]) {
				if (!keepStatus) result.status = 'deferred';
				result.message = message;
			}
		}
		const entries: PushRetryInput[] = skus.map((sku) => ({ sku, warehouse: this.warehouse, reason: 'deferred', message }));
		await this.req.store.recordPushRetries(this.req.channel, entries);
	}

	/** One result per SKU: its value's, with the listings pushed under their own rule beside it (composeResult). */
	resultOf(sku: string): SkuPushResult {
		return composeResult(this.results.get(sku), [...(this.listingResults.get(sku) ?? new Map()).entries()], sku, this.warehouse);
	}
}
