import { ChannelHttpError } from '../../http/retry';
import type { AdapterContext, ChannelId, StockPushResult, StockUpdate, WriteFailure } from '../types';

/** A channel's answer turned into the writer's failure shape: HTTP code when there was one, no secrets. */
export function writeFailure(error: unknown): WriteFailure {
	if (error instanceof ChannelHttpError) return { message: error.message, httpCode: error.httpCode };
	return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * Pushes updates one at a time (sequentially, so a batch does not burst the channel's rate limit) and
 * turns each throw into that SKU's failure: one rejected SKU never fails the others. `push` throws to
 * reject; its error's message (and HTTP code) is what the store records.
 */
export async function pushEach(updates: StockUpdate[], push: (update: StockUpdate) => Promise<void>): Promise<StockPushResult[]> {
	const results: StockPushResult[] = [];
	for (const update of updates) {
		try {
			await push(update);
			results.push({ sku: update.sku, ok: true });
		} catch (error) {
			results.push({ sku: update.sku, ok: false, error: writeFailure(error) });
		}
	}
	return results;
}

/** A required channel option, read when an operation needs it (so a writer used for invoices only does not need it). */
export function requireOption(ctx: AdapterContext, channel: ChannelId, name: string, hint: string): string {
	const value = ctx.options?.[name];
	if (value === undefined || value === '') throw new Error(`${channel} writer: options.${name} is required (${hint})`);
	return String(value);
}

