import { collect, POLL_DEFAULTS, type PollItem } from './poller';
import { seedState } from './poll-state';
import type { ChannelAdapter } from './types';

/**
 * The catch-up: every order changed in [since, until) read again and emitted, whether or not a trigger
 * emitted it before. It repairs what a failed execution lost after its trigger had emitted (the trigger's
 * cursor had moved on): applying an order the store already has changes nothing, so re-emitting is safe.
 * Stateless: each run lists its whole window with the adapter's stable page tokens.
 */

export interface CatchUpOptions {
	since: Date;
	until: Date;
	pageSize?: number;
	includeRaw?: boolean;
}

export interface CatchUpResult {
	items: PollItem[];
	pages: number;
}

export async function catchUpOrders<Raw>(adapter: ChannelAdapter<Raw>, options: CatchUpOptions): Promise<CatchUpResult> {
	const list = adapter.acknowledge ? adapter.listForCatchUp?.bind(adapter) : adapter.listChanged.bind(adapter);
	if (!list) throw new Error(`${adapter.id} has no listing to re-read orders from`);
	const until = new Date(Math.min(options.until.getTime(), adapter.latestUntil(options.until).getTime()));
	// Versions are remembered for this run only: an order listed twice (page boundaries, ties) comes out once.
	const state = seedState(options.since);
	const items: PollItem[] = [];
	const pageSize = options.pageSize ?? POLL_DEFAULTS.pageSize;
	let pageToken: string | undefined;
	let pages = 0;
	do {
		const page = await list({ since: options.since.toISOString(), until: until.toISOString(), pageSize, pageToken });
		pages++;
		for (const listed of page.items) await collect(adapter, state, listed, { includeRaw: options.includeRaw ?? false, windowUntil: until.toISOString() }, items);
		pageToken = page.nextPageToken;
	} while (pageToken !== undefined);
	return { items, pages };
}
