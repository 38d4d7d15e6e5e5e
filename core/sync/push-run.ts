import { randomUUID } from 'node:crypto';
import type { PushRetryInput, SeenRetry } from '../store/types';
import { publishPlanned, type Planned, type PublishContext } from './push-publish';
import type { PushStockRequest, SkuPushResult } from './push-stock';
import type { PushScope } from './push-scope';

const NOT_COUNTED = 'never counted in the OMS: set its on-hand stock to publish it';
export const DEFERRED = 'another push of this SKU was running: it waits in the retry set for the next run';
const KEPT_MOVING = 'its stock kept changing while it was pushed: it waits in the retry set for the next run';
/** SKUs leased together (at least the writer's bulk size): a lease is held while this many are pushed. */
const LEASE_GROUP = 50;

/** Longest pause between two tries for a held lease: short, so a waiting run is not starved by a busy one. */
const MAX_POLL_MS = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One push run: leases, reads under the lease, rounds while a level moves, the retry set. Results are kept
 * per SKU, so a SKU pushed in several rounds ends with its last value.
 */
export class PushRun implements PublishContext {
	readonly holder = `push-${randomUUID()}`;
	readonly results = new Map<string, SkuPushResult>();
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

	/** Renews or takes the leases of `skus` for this run; answers the ones this run holds. */
	async lease(skus: string[]): Promise<Set<string>> {
		return new Set(await this.req.store.acquirePushLeases(this.req.channel, this.warehouse, skus, this.holder, this.req.leaseTtlMs ?? 300_000));
	}

	/**
	 * Pushes what is free now, then waits (holding nothing, so two runs cannot wait on each other) for the SKUs
	 * another push holds, up to leaseWaitMs; what is still held then is deferred to the retry set.
	 */
	async push(skus: string[]): Promise<SkuPushResult[]> {
		const deadline = Date.now() + (this.req.leaseWaitMs ?? 10_000);
		const group = Math.max(this.batchSize, LEASE_GROUP);
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
		return skus.map((sku) => this.results.get(sku)!);
	}

	private async underLease(skus: string[]): Promise<void> {
		let done = false;
		try {
			await this.rounds(skus);
			done = true;
		} finally {
			// A release that fails after a failed push must not hide the push's error; the lease expires anyway.
			await this.req.store.releasePushLeases(this.req.channel, this.warehouse, skus, this.holder).catch((error) => {
				if (done) throw error;
			});
		}
	}

	/**
	 * Round 1 pushes what differs from the recorded value; each later round reads the pushed SKUs again and
	 * pushes those whose level moved to another value meanwhile (or whose record a newer one superseded).
	 */
	private async rounds(skus: string[]): Promise<void> {
		const maxRounds = Math.max(1, this.req.maxRounds ?? 3);
		const sentSeq = new Map<string, number>();
		let forced = new Set(this.req.force ? skus : []);
		let check = skus;
		for (let round = 1; check.length > 0; round++) {
			const { plan, seen } = await this.plan(check, round, sentSeq, forced);
			if (plan.length === 0) return;
			if (round > maxRounds) return await this.defer(plan.map((p) => p.sku), KEPT_MOVING, true);
			const { sent, superseded } = await publishPlanned(this, plan, seen);
			for (const p of sent) sentSeq.set(p.sku, p.changeSeq);
			forced = superseded;
			check = sent.map((p) => p.sku);
		}
	}

	/** Reads levels, recorded values and uncertain marks of `check` (under the lease) and decides what to send. */
	private async plan(check: string[], round: number, sentSeq: Map<string, number>, forced: Set<string>): Promise<{ plan: Planned[]; seen: Map<string, SeenRetry> }> {
		const { store, channel } = this.req;
		const [levels, states, retries, valueOf] = await Promise.all([
			this.scope.levels(check),
			store.getPushState(channel, check, this.warehouse),
			store.listPushRetries(channel, { warehouse: this.warehouse, skus: check, limit: check.length }),
			this.scope.valuer(check),
		]);
		const bySku = new Map(levels.map((l) => [l.sku, l]));
		const uncertain = new Set(retries.filter((r) => r.uncertain).map((r) => r.sku));
		const seen = new Map(retries.map((r) => [r.sku, { sku: r.sku, revision: r.revision }]));
		const plan: Planned[] = [];
		const settled: string[] = [];
		for (const sku of check) {
			const level = bySku.get(sku);
			// Sent by this run and unchanged since: done.
			if (!forced.has(sku) && level !== undefined && sentSeq.get(sku) === level.changeSeq) continue;
			const result = this.resultFor(sku, states.get(sku)?.value ?? null);
			// A SKU only seen on orders was never counted: publishing 0 would pull a selling listing off the channel.
			if (!level || !level.stocked) {
				Object.assign(result, { available: level?.available ?? null, value: null, changeSeq: level?.changeSeq ?? null, status: 'not_counted', message: NOT_COUNTED });
				settled.push(sku);
				continue;
			}
			const value = valueOf(sku, level.available);
			if (forced.has(sku) || uncertain.has(sku) || value !== states.get(sku)?.value) plan.push({ sku, available: level.available, value, changeSeq: level.changeSeq });
			else if (round === 1) {
				Object.assign(result, { available: level.available, value, changeSeq: level.changeSeq, status: 'unchanged' });
				settled.push(sku);
			}
		}
		// Nothing to send (the channel has the value, or it cannot be sent until something changes): out of the retry set.
		const done = settled.flatMap((sku) => seen.get(sku) ?? []);
		if (done.length > 0) await store.clearPushRetries(channel, this.warehouse, done);
		return { plan, seen };
	}

	resultFor(sku: string, previous: number | null): SkuPushResult {
		let result = this.results.get(sku);
		if (!result) {
			result = { sku, warehouse: this.warehouse, available: null, value: null, previous, changeSeq: null, status: 'unchanged' };
			if (this.retried.has(sku)) result.retried = true;
			this.results.set(sku, result);
		}
		return result;
	}

	/** SKUs this run leaves to the next one, due at once in the retry set; `keepStatus` for SKUs already pushed. */
	async defer(skus: string[], message: string, keepStatus = false): Promise<void> {
		for (const sku of skus) {
			const result = this.resultFor(sku, null);
			if (!keepStatus) result.status = 'deferred';
			result.message = message;
		}
		const entries: PushRetryInput[] = skus.map((sku) => ({ sku, warehouse: this.warehouse, reason: 'deferred', message }));
		await this.req.store.recordPushRetries(this.req.channel, entries);
	}
}
