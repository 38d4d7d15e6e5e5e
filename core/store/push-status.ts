import { pushRetryFromRow } from './rows';
import type { PushStatusEntry, PushStatusQuery } from './types';
import { storeSku } from './inputs';

/** Read side of the push state (pushStatus), shared by both drivers. */

type Row = Record<string, unknown>;

export interface PushStatusFilter {
	/** A channel ("shopify") or one channel account ("shopify:loja.myshopify.com"). */
	channel: string | null;
	sku: string | null;
	warehouse: string | null;
	limit: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

export function pushStatusFilter(q: PushStatusQuery): PushStatusFilter {
	const limit = q.limit ?? 1000;
	if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error('Push status: limit must be a whole number from 1 to 10000');
	for (const [name, v] of [['channel', q.channel], ['warehouse', q.warehouse]] as const) {
		if (v !== undefined && typeof v !== 'string') throw new Error(`Push status: ${name} must be text`);
	}
	return {
		channel: q.channel || null,
		sku: q.sku === undefined || q.sku === '' ? null : storeSku(q.sku),
		warehouse: q.warehouse || null,
		limit,
	};
}

export const pushStatusFromRow = (r: Row): PushStatusEntry => {
	const pushedSeq = num(r.pushed_seq);
	const changeSeq = num(r.change_seq);
	const onHand = num(r.on_hand);
	const reserved = num(r.reserved);
	const available = onHand === null || reserved === null ? null : onHand - reserved;
	return {
		channel: String(r.channel),
		warehouse: String(r.warehouse),
		sku: String(r.sku),
		pushedValue: num(r.pushed_value),
		pushedAt: iso(r.pushed_at),
		pushedChangeSeq: pushedSeq,
		onHand,
		reserved,
		available,
		changeSeq,
		// Never published, or the level changed after the change the published value was computed from.
		behind: changeSeq !== null && (pushedSeq === null || changeSeq > pushedSeq),
		movementsSincePush: num(r.movements),
		retry: r.attempts === null || r.attempts === undefined ? null : pushRetryFromRow(r),
	};
};
