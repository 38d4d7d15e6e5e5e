import { createHash } from 'node:crypto';
import { ChannelHttpError } from '../http/retry';
import type { CanonicalOrder } from '../model/order';
import { OrderValidationError } from '../model/validate';
import type { ChannelAdapter } from './types';

/** One emitted item: a canonical order, or an order that could not be normalised (with its raw payload). */
export type OrderItem = CanonicalOrder & { raw?: unknown };
export interface ErrorItem {
	error: { orderRef: string; field: string; message: string };
	raw: unknown;
}
export type PollItem = OrderItem | ErrorItem;

export const isErrorItem = (item: PollItem): item is ErrorItem => 'error' in item;

export interface Identity {
	/** Dedupe key: the channel order id, or a digest of the payload when even that is unreadable. */
	key: string;
	updatedAtMs: number;
}

export type Identified = { ok: true; identity: Identity } | { ok: false; item: ErrorItem; key: string };

/** identify() with its failures turned into error items, so one unreadable summary never blocks a tick. */
export function identifySafely<Raw>(adapter: ChannelAdapter<Raw>, raw: Raw): Identified {
	let ref = '(unidentified)';
	try {
		const { channelOrderId, updatedAt } = adapter.identify(raw);
		ref = `${adapter.id}:${channelOrderId}`;
		const updatedAtMs = Date.parse(updatedAt);
		if (Number.isNaN(updatedAtMs)) throw new OrderValidationError(ref, 'updatedAt', `is not a valid date: "${updatedAt}"`);
		return { ok: true, identity: { key: channelOrderId, updatedAtMs } };
	} catch (error) {
		const key = `#${createHash('sha256').update(JSON.stringify(raw) ?? '').digest('hex').slice(0, 16)}`;
		return { ok: false, key, item: errorItem(error, ref, raw) };
	}
}

/**
 * Details + normalisation of one order. A malformed order becomes an error item; so does a detail fetch the
 * channel refuses for this order alone (404, 422...). Failures that are about the channel, not the order
 * (auth, rate limit, 5xx, timeouts), are thrown: the tick fails, the state stays, the next tick retries.
 */
export async function toItem<Raw>(adapter: ChannelAdapter<Raw>, listed: Raw, includeRaw: boolean, ref: string): Promise<{ item: PollItem; raw: Raw }> {
	let raw = listed;
	try {
		if (adapter.getDetails) raw = await adapter.getDetails(listed);
	} catch (error) {
		if (!isOrderSpecificHttpError(error)) throw error;
		return { raw, item: errorItem(error, ref, raw, '(details)') };
	}
	try {
		const order = adapter.normalize(raw);
		return { raw, item: includeRaw ? { ...order, raw } : order };
	} catch (error) {
		if (error instanceof ChannelHttpError) throw error;
		return { raw, item: errorItem(error, ref, raw) };
	}
}

function isOrderSpecificHttpError(error: unknown): boolean {
	if (!(error instanceof ChannelHttpError) || error.httpCode === undefined) return false;
	const code = error.httpCode;
	return code >= 400 && code < 500 && ![401, 403, 408, 429].includes(code);
}

function errorItem(error: unknown, ref: string, raw: unknown, fallbackField = '(order)'): ErrorItem {
	if (error instanceof OrderValidationError) {
		return { error: { orderRef: error.orderRef, field: error.field, message: error.message }, raw };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { error: { orderRef: ref, field: fallbackField, message }, raw };
}
