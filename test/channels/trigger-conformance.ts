import { NodeApiError, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { validateCanonicalOrder } from '../../core/model/validate';
import type { RetryPolicy } from '../../core/http/retry';
import { POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import type { PollHarness } from '../harness/n8n-poll-harness';

/**
 * The behaviour every order trigger shares, run through n8n's PollContext against one channel's simulator.
 * A driver knows the channel (how to put an order, where to inject faults); the checks are the same.
 */
export interface TriggerDriver {
	channel: string;
	account: string;
	start(): Promise<void>;
	stop(): Promise<void>;
	/** The channel's trigger node over the simulator, its retries tiny, its clock `now`, its node parameters. */
	harness(now: () => Date, retry: RetryPolicy, parameters?: INodeParameters): PollHarness;
	/**
	 * Creates or changes order `n`, last changed at `at`; returns its channel order id. `existing`: the order
	 * was there before the trigger was activated (queue channels: no event for it). Order n is created at a
	 * fixed time of its own (earlier n, earlier creation), whatever `at` says.
	 */
	put(n: number, at: Date, existing?: boolean): string;
	/** Runs `fn` once, right after the channel answered the next order-listing request. */
	afterListing(fn: () => void): void;
	/** A queue (VTEX's feed): what a tick read stays hidden until its visibility timeout, or acknowledged. */
	queue?: boolean;
	/** The next `count` requests of the order listing answer 500. */
	failListing(count: number): void;
	/** A time the channel can list without waiting (Amazon: minutes in the past); ticks are 15 minutes apart. */
	t0?: number;
}

/** Three attempts, sleeping nothing: a tick with three 500s fails. */
export const TINY_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1000, sleep: async () => undefined };

/**
 * Queue channels: the simulator's feed clock (visibility timeouts) follows the trigger's clock forwards, so a
 * tick 15 minutes later also finds the feed 15 minutes later.
 */
export function followingClock(now: () => Date, advance: (ms: number) => void): () => Date {
	let last = now().getTime();
	return () => {
		const t = now();
		if (t.getTime() > last) advance(t.getTime() - last);
		last = Math.max(last, t.getTime());
		return t;
	};
}

export const orderIds = (items: IDataObject[] | null) => (items ?? []).map((i) => String(i.channelOrderId ?? (i.error as IDataObject).orderRef)).sort();

export function describeTriggerConformance(d: TriggerDriver): void {
	// Scoped in a describe so its hooks (one simulator per test) do not run around a file's other tests.
	describe(`${d.channel} trigger conformance`, () => {
		const T0 = d.t0 ?? Date.parse('2026-03-10T14:20:00.000Z');
		// Orders change shortly before a tick, inside the next tick's overlap, so de-duplication is exercised.
		const at = (minutes: number) => new Date(T0 + minutes * 60_000);
		let clock = T0;
		let h: PollHarness;
		const tick = async (minutes: number) => {
			clock = T0 + minutes * 60_000;
			return h.poll();
		};

		beforeEach(async () => {
			await d.start();
			clock = T0;
			h = d.harness(() => new Date(clock), TINY_RETRY);
		});
		afterEach(() => d.stop());

		describe(`${d.channel} trigger through n8n PollContext (shared behaviour)`, () => {
			it('first activation emits nothing and seeds the cursor', async () => {
				d.put(1, at(-30), true);
				expect(await h.poll()).toBeNull();
				expect(h.staticData[POLL_STATE_KEY]).toMatchObject({ cursor: at(0).toISOString(), seen: {} });
			});

			it('the next tick emits exactly the new and changed orders, as canonical orders', async () => {
				const old = d.put(1, at(-30), true);
				const untouched = d.put(2, at(-40), true);
				await h.poll();
				const fresh = d.put(3, at(10));
				d.put(1, at(11));
				const items = (await tick(15))!;
				expect(orderIds(items)).toEqual([old, fresh].sort());
				expect(orderIds(items)).not.toContain(untouched);
				for (const item of items) expect(validateCanonicalOrder(item)).toMatchObject({ channel: d.channel, account: d.account });
			});

			it('an order polled twice is emitted once, and again when it changes', async () => {
				await h.poll();
				const id = d.put(4, at(11));
				expect(orderIds(await tick(15))).toEqual([id]);
				expect(await tick(30)).toBeNull();
				d.put(4, at(41));
				expect(orderIds(await tick(45))).toEqual([id]);
				expect(await tick(60)).toBeNull();
			});

			it('a failing tick throws NodeApiError 500 and leaves the state; the next tick recovers everything', async () => {
				await h.poll();
				const ids = [d.put(5, at(10)), d.put(6, at(11))].sort();
				const before = h.staticData;
				d.failListing(TINY_RETRY.maxAttempts);
				const failure = await tick(15).catch((e: unknown) => e);
				expect(failure).toBeInstanceOf(NodeApiError);
				expect((failure as NodeApiError).httpCode).toBe('500');
				expect(h.staticData).toEqual(before);
				expect(orderIds(await tick(30))).toEqual(ids);
			});
		});

		/*
		 * Busy windows: every order emitted, exactly once per version, however the listing is paged. The
		 * per-tick cap (120) is not a multiple of the page size (50): a poller that shrinks its page to fit the
		 * cap asks for page N at another size, which is another position.
		 */
		describe(`${d.channel} trigger: busy windows (stable paging)`, () => {
			const CAP = { options: { maxOrdersPerPoll: 120 } };
			const versionsOf = (items: IDataObject[]) =>
				items.filter((i) => i.channelOrderId !== undefined).map((i) => `${String(i.channelOrderId)}@${String(i.updatedAt)}`);
			/** Ticks 15 minutes apart until a tick emits nothing and carries nothing over; all items emitted. */
			const drain = async (fromMinute: number, maxTicks = 40): Promise<IDataObject[]> => {
				const out: IDataObject[] = [];
				for (let i = 0, m = fromMinute; i < maxTicks; i++, m += 15) {
					const items = await tick(m);
					const backlog = (h.staticData[POLL_STATE_KEY] as IDataObject | undefined)?.backlog;
					if (items) out.push(...items);
					else if (!backlog) return out;
				}
				throw new Error(`still emitting after ${maxTicks} ticks`);
			};
			const expectOncePerVersion = (items: IDataObject[], expected: string[]) => {
				expect(items.filter((i) => i.error !== undefined)).toEqual([]);
				const versions = versionsOf(items);
				expect(versions.length).toBe(new Set(versions).size);
				expect([...new Set(items.map((i) => String(i.channelOrderId)))].sort()).toEqual([...new Set(expected)].sort());
			};

			it('a window several times larger than the per-tick cap: every order once', async () => {
				h = d.harness(() => new Date(clock), TINY_RETRY, CAP);
				await h.poll();
				const ids = Array.from({ length: 330 }, (_, i) => d.put(100 + i, new Date(T0 + 60_000 + i * 700)));
				const items = await drain(15);
				expectOncePerVersion(items, ids);
				expect(items).toHaveLength(330);
			});

			it('many orders with the same updated time across page boundaries: every order once', async () => {
				h = d.harness(() => new Date(clock), TINY_RETRY, CAP);
				await h.poll();
				const ids = Array.from({ length: 130 }, (_, i) => d.put(100 + i, at(3)));
				const items = await drain(15);
				expectOncePerVersion(items, ids);
				expect(items).toHaveLength(130);
			});

			it('orders emitted in one tick change before the next: the rest of the window is not skipped', async () => {
				h = d.harness(() => new Date(clock), TINY_RETRY, CAP);
				await h.poll();
				const ids = Array.from({ length: 200 }, (_, i) => d.put(100 + i, new Date(T0 + 60_000 + i * 1000)));
				const first = (await tick(15))!;
				expect(first.length).toBeGreaterThanOrEqual(120);
				expect(first.length).toBeLessThan(200);
				// Orders already emitted are paid (a new version each), after the carried-over window's end.
				const changed = first.slice(0, 5).map((i) => String(i.channelOrderId));
				for (const id of changed) d.put(100 + ids.indexOf(id), at(16));
				const rest = await drain(30);
				const all = [...first, ...rest];
				expectOncePerVersion(all, ids);
				for (const id of changed) expect(all.filter((i) => String(i.channelOrderId) === id)).toHaveLength(2);
				expect(all).toHaveLength(205);
			});

			it('orders change while a window is being listed (one leaves it, one comes in): nothing skipped, nothing twice', async () => {
				h = d.harness(() => new Date(clock), TINY_RETRY, CAP);
				await h.poll();
				const late = d.put(99, at(-60), true);
				const ids = Array.from({ length: 150 }, (_, i) => d.put(100 + i, new Date(T0 + 60_000 + i * 1000)));
				d.afterListing(() => {
					// Between two page requests of the same tick: an order of the window changes again (it leaves the
					// window for a later one) and an older order changes inside the window (it joins it).
					d.put(100, at(15.5));
					d.put(99, at(14));
				});
				const all = await drain(15);
				expectOncePerVersion(all, [...ids, late]);
				expect(all.filter((i) => String(i.channelOrderId) === ids[0]).length).toBeGreaterThanOrEqual(1);
			});

			it('a tick run twice from the same state (a repeated scheduler tick) loses nothing, and the next ticks go on', async () => {
				h = d.harness(() => new Date(clock), TINY_RETRY, CAP);
				await h.poll();
				const ids = Array.from({ length: 40 }, (_, i) => d.put(100 + i, new Date(T0 + 60_000 + i * 1000)));
				const saved = h.staticData;
				const once = (await tick(15)) ?? [];
				h.restoreStaticData(saved);
				const twice = (await tick(15)) ?? [];
				// A changed-since listing answers the same; a queue hides what the first run read until it times out.
				if (!d.queue) expect(orderIds(twice)).toEqual(orderIds(once));
				const later = await drain(30);
				expect([...new Set(orderIds([...once, ...twice, ...later]))]).toEqual([...ids].sort());
				// Only repeats of versions already emitted: the store applies a snapshot once.
				expect(new Set(versionsOf([...once, ...twice, ...later])).size).toBe(40);
			});
		});
	});
}
