import { CHANNELS, type ChannelId } from '../../../core/channels/registry';
import type { ChannelAdapter, ListChangedPage, ListChangedRequest } from '../../../core/channels/types';
import { ChannelHttpError, type RetryPolicy } from '../../../core/http/retry';
import { TransportError, type HttpTransport } from '../../../core/http/transport';
import { validateCanonicalOrder } from '../../../core/model/validate';
import type { Fault } from '../../simulators/http-sim';
import { tinyRetry } from '../helpers/channel-test';

/**
 * What every channel's order listing shares, run against the channel's simulator at the adapter (no n8n):
 * a window over several pages lists each order changed in it and none from far outside, the listed orders
 * normalise, a 429 is waited out, 5xx and truncated bodies are retried, a refused credential fails (never an
 * empty listing). Queue channels (VTEX) are checked on their time-window listing, listForCatchUp.
 */
export interface ListingDriver {
	channel: ChannelId;
	start(): Promise<void>;
	stop(): Promise<void>;
	/** The adapter over the simulator; `refusedCredential`: a credential the channel answers 401/403 to. */
	adapter(retry: RetryPolicy, refusedCredential?: boolean): ChannelAdapter;
	/** Puts order n, created and last changed at `at`; returns its channel order id. */
	put(n: number, at: Date): string;
	/** The next request whose path matches `path` answers with `fault`. */
	fault(fault: Fault, path: RegExp): void;
	/** The order listing's requests. */
	listPath: RegExp;
	/** The status a refused credential gets (SP-API: 403). */
	authStatus?: number;
	/** A window start the channel can list (Amazon: in the past); default 2026-03-10T14:00Z. */
	t0?: number;
}

const HOUR = 3600_000;
const offline: HttpTransport = async () => {
	throw new TransportError('offline', 'network');
};

export function describeListingConformance(d: ListingDriver): void {
	describe(`${d.channel} listing conformance`, () => {
		const { retry, sleeps } = tinyRetry(3);
		const T0 = d.t0 ?? Date.parse('2026-03-10T14:00:00.000Z');
		const window = { since: new Date(T0).toISOString(), until: new Date(T0 + HOUR).toISOString() };
		let inside: string[];

		/** Every page of the window, as the poller reads it: the ids listed (repeats kept) and the raw orders. */
		async function listWindow(adapter: ChannelAdapter, pageSize = 3): Promise<{ ids: string[]; raws: unknown[]; pages: number }> {
			const list = (req: ListChangedRequest): Promise<ListChangedPage<unknown>> => (adapter.listForCatchUp ?? adapter.listChanged).call(adapter, req);
			const raws: unknown[] = [];
			let pageToken: string | undefined;
			let pages = 0;
			do {
				const page = await list({ ...window, pageSize, pageToken });
				raws.push(...page.items);
				pageToken = page.nextPageToken;
				pages++;
			} while (pageToken && pages < 50);
			return { ids: raws.map((raw) => adapter.identify(raw).channelOrderId), raws, pages };
		}

		beforeEach(async () => {
			await d.start();
			sleeps.length = 0;
			// Seven orders in the window, one changed 3 h before it and one 3 h after (past any filter precision).
			inside = [1, 2, 3, 4, 5, 6, 7].map((n) => d.put(n, new Date(T0 + n * 5 * 60_000)));
			d.put(8, new Date(T0 - 3 * HOUR));
			d.put(9, new Date(T0 + 4 * HOUR));
		});
		afterEach(() => d.stop());

		it('lists a window over several pages: every order changed in it, none from far outside', async () => {
			const { ids, pages } = await listWindow(d.adapter(retry));
			expect(pages).toBeGreaterThan(1);
			expect([...new Set(ids)].sort()).toEqual([...inside].sort());
		});

		it('each listed order identifies itself inside the window and normalises into a valid canonical order', async () => {
			const adapter = d.adapter(retry);
			const { raws } = await listWindow(adapter, 50);
			const precision = adapter.filterPrecisionMs;
			for (const raw of raws) {
				const full = adapter.getDetails ? await adapter.getDetails(raw) : raw;
				const { channelOrderId, updatedAt } = adapter.identify(full);
				expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(T0 - precision);
				expect(Date.parse(updatedAt)).toBeLessThan(T0 + HOUR + precision);
				const order = adapter.normalize(full);
				expect(validateCanonicalOrder(order)).toEqual(order);
				expect(order).toMatchObject({ channel: d.channel, channelOrderId });
			}
		});

		it('waits out a 429 for its Retry-After and lists the same orders', async () => {
			d.fault({ kind: 'status', status: 429, retryAfter: '2' }, d.listPath);
			const { ids } = await listWindow(d.adapter(retry));
			expect(sleeps).toContain(2000);
			expect([...new Set(ids)].sort()).toEqual([...inside].sort());
		});

		it('retries a 500 and a truncated body; 5xx on every attempt fails with its status, never an empty page', async () => {
			d.fault({ kind: 'status', status: 500 }, d.listPath);
			d.fault({ kind: 'truncated' }, d.listPath);
			expect([...new Set((await listWindow(d.adapter(retry))).ids)].sort()).toEqual([...inside].sort());
			for (let i = 0; i < retry.maxAttempts; i++) d.fault({ kind: 'status', status: 503 }, d.listPath);
			await expect(listWindow(d.adapter(retry))).rejects.toMatchObject({ httpCode: 503 });
		});

		it('a refused credential fails the listing with its status, not retried', async () => {
			const error = await listWindow(d.adapter(retry, true)).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(ChannelHttpError);
			expect(error).toMatchObject({ httpCode: d.authStatus ?? 401 });
			expect(sleeps).toEqual([]);
		});

		// Only channels whose adapter has sample() (the trigger's manual run) get this check.
		const hasSample = CHANNELS[d.channel].createAdapter({ transport: offline, baseUrl: '', account: '' }).sample !== undefined;
		if (hasSample) {
			it('sample() is the most recently changed order', async () => {
				const newest = d.put(10, new Date(T0 + 5 * HOUR));
				const adapter = d.adapter(retry);
				expect(adapter.identify(await adapter.sample!()).channelOrderId).toBe(newest);
			});
		}
	});
}
