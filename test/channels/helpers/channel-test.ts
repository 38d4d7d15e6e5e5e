import { listingsOf } from '../../../core/channels/common/writer';
import type { ChannelAdapter, ListingAnswer, ListingRef } from '../../../core/channels/types';
import type { RetryPolicy } from '../../../core/http/retry';
import { OrderValidationError } from '../../../core/model/validate';

/**
 * A retry policy for tests against a simulator: tiny backoff, and the delays it was asked to sleep
 * (Retry-After included) recorded in `sleeps` instead of slept. Clear `sleeps` in beforeEach.
 */
export function tinyRetry(maxAttempts = 3): { retry: RetryPolicy; sleeps: number[] } {
	const sleeps: number[] = [];
	const retry: RetryPolicy = { maxAttempts, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5000, sleep: async (ms) => void sleeps.push(ms) };
	return { retry, sleeps };
}

/**
 * Lists a whole window page by page, as the poller does: `listAllBy(idOf)(adapter, since, until, pageSize)`
 * gives every listed order's id, in order, and how many listChanged calls it took.
 */
export function listAllBy<Raw, Id>(idOf: (order: Raw) => Id) {
	return async (adapter: ChannelAdapter<Raw>, since: string, until: string, pageSize: number): Promise<{ ids: Id[]; pages: number }> => {
		const ids: Id[] = [];
		let pageToken: string | undefined;
		let pages = 0;
		do {
			const page = await adapter.listChanged({ since, until, pageSize, pageToken });
			ids.push(...page.items.map(idOf));
			pageToken = page.nextPageToken;
			pages++;
		} while (pageToken);
		return { ids, pages };
	};
}

/** Normalising `raw` must fail with an OrderValidationError naming the order and the field. */
export function expectInvalidOrder(adapter: Pick<ChannelAdapter<never>, 'normalize'>, raw: unknown, orderRef: string, field: string): void {
	let caught: unknown;
	try {
		adapter.normalize(raw as never);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(OrderValidationError);
	expect(caught).toMatchObject({ orderRef, field });
	expect((caught as Error).message).toContain(orderRef);
}

/** The one listing a look-up answered for a SKU (writers may answer several): throws when it is not exactly one. */
export function oneListing(answer: ListingAnswer | undefined): ListingRef {
	const refs = listingsOf(answer);
	if (refs.length !== 1) throw new Error(`expected one listing, the look-up answered ${refs.length}`);
	return refs[0];
}
