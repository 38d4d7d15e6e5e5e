import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { validateCanonicalOrder } from '../../core/model/validate';
import type { RetryPolicy } from '../../core/http/retry';
import { POLL_STATE_KEY } from '../../nodes/shared/order-trigger';
import type { PollHarness } from './n8n-poll-harness';

/**
 * The behaviour every order trigger shares, run through n8n's PollContext against one channel's simulator.
 * A driver knows the channel (how to put an order, where to inject faults); the checks are the same.
 */
export interface TriggerDriver {
	channel: string;
	account: string;
	start(): Promise<void>;
	stop(): Promise<void>;
	/** The channel's trigger node over the simulator, its retries tiny and its clock `now`. */
	harness(now: () => Date, retry: RetryPolicy): PollHarness;
	/**
	 * Creates or changes order `n`, last changed at `at`; returns its channel order id. `existing`: the order
	 * was there before the trigger was activated (queue channels: no event for it).
	 */
	put(n: number, at: Date, existing?: boolean): string;
	/** The next `count` requests of the order listing answer 500. */
	failListing(count: number): void;
	/** A time the channel can list without waiting (Amazon: minutes in the past); ticks are 15 minutes apart. */
	t0?: number;
}

/** Three attempts, sleeping nothing: a tick with three 500s fails. */
export const TINY_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1000, sleep: async () => undefined };

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
	});
}
