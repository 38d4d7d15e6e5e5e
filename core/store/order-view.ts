import { CANONICAL_STATUSES, type CanonicalStatus, type PaymentMethod } from '../model/order';
import { orderStateFromRow } from './rows';
import type { OrderQuery, StoredOrder } from './types';

/** Read side of the orders table (getOrder, listOrders), shared by both drivers. */

type Row = Record<string, unknown>;

/** Outcomes of an apply that a person should look at: a snapshot older than the stored one, or a status going back. */
export const FLAGGED_OUTCOMES = ['regression', 'stale'] as const;

/** The driver's filter: every field resolved, times as ISO strings. */
export interface OrderFilter {
	channel: string | null;
	account: string | null;
	statuses: CanonicalStatus[] | null;
	/** first_seen_at before this (older than N hours). */
	seenBefore: string | null;
	/** first_seen_at at or after this. */
	seenSince: string | null;
	flagged: boolean | null;
	afterKey: string;
	limit: number;
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export const storedOrderFromRow = (r: Row): StoredOrder => {
	const state = orderStateFromRow(r);
	const flags = (parse(r.flags_json ?? '[]') as string[]) ?? [];
	const outcome = r.event_outcome === null || r.event_outcome === undefined ? null : String(r.event_outcome);
	return {
		orderKey: state.orderKey,
		channel: String(r.channel),
		account: String(r.account),
		channelOrderId: String(r.channel_order_id),
		status: state.status,
		stage: state.stage,
		warehouse: state.warehouse,
		reserved: { ...state.reserved },
		committed: { ...state.committed },
		paymentMethod: String(r.payment_method) as PaymentMethod,
		channelUpdatedAt: state.channelUpdatedAt,
		erpStatus: state.erpStatus,
		returned: { ...state.returned },
		registeredReturns: { units: { ...state.registered }, refs: [...state.returnRefs] },
		reservedAt: state.reservedAt,
		firstSeenAt: iso(r.first_seen_at) ?? '',
		updatedAt: iso(r.updated_at) ?? '',
		lastEvent:
			outcome === null
				? null
				: {
						at: iso(r.event_at) ?? '',
						previousStatus: (r.event_previous_status as CanonicalStatus | null) ?? null,
						newStatus: String(r.event_new_status) as CanonicalStatus,
						outcome: outcome as NonNullable<StoredOrder['lastEvent']>['outcome'],
						effects: parse(r.event_effects) as NonNullable<StoredOrder['lastEvent']>['effects'],
					},
		flags,
		flagged: flags.length > 0 || (FLAGGED_OUTCOMES as readonly string[]).includes(outcome ?? ''),
	};
};

const text = (v: unknown, what: string): string | null => {
	if (v === undefined || v === null || v === '') return null;
	if (typeof v !== 'string') throw new Error(`List orders: ${what} must be text`);
	return v;
};

/** Checks a listOrders query against the store's clock; bad values are the caller's error. */
export function orderFilter(q: OrderQuery, nowMs: number): OrderFilter {
	const statusList = q.status === undefined ? [] : Array.isArray(q.status) ? q.status : [q.status];
	for (const s of statusList) {
		if (!(CANONICAL_STATUSES as readonly string[]).includes(s)) throw new Error(`List orders: unknown status "${String(s)}" (one of ${CANONICAL_STATUSES.join(', ')})`);
	}
	const hours = q.olderThanHours;
	if (hours !== undefined && (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0)) throw new Error('List orders: olderThanHours must be a number of hours, 0 or more');
	if (q.since !== undefined && (!(q.since instanceof Date) || Number.isNaN(q.since.getTime()))) throw new Error('List orders: since must be a valid date');
	const limit = q.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error('List orders: limit must be a whole number from 1 to 10000');
	return {
		channel: text(q.channel, 'channel'),
		account: text(q.account, 'account'),
		statuses: statusList.length ? [...new Set(statusList)] : null,
		seenBefore: hours === undefined ? null : new Date(nowMs - hours * 3_600_000).toISOString(),
		seenSince: q.since ? q.since.toISOString() : null,
		flagged: q.flagged ?? null,
		afterKey: text(q.afterKey, 'afterKey') ?? '',
		limit,
	};
}
