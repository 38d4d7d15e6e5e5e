import type { CanonicalOrder, CanonicalStatus } from '../model/order';
import type { UnmappedLine } from './types';

/**
 * What reports need of each order beyond its stock state (schema 11): its value, its ship-by deadline, the
 * lines no SKU was found for, and when it first reached each status (from the order's recorded events).
 */

/** Kept per order by every apply (the snapshot applied last). */
export interface OrderSummary {
	totalCents: number;
	currency: string;
	/** The channel's ship-by deadline, when the order carries one. */
	shipBy: string | null;
	unmappedLines: UnmappedLine[];
	/**
	 * A hub order's origin marketplace (CanonicalOrder.originMarketplace), so reports split a hub by origin.
	 * Kept in the summary's JSON: no column, no migration; absent for direct channels and older summaries.
	 */
	originMarketplace?: string;
}

export interface OrderActivity {
	orderKey: string;
	channel: string;
	account: string;
	channelOrderId: string;
	status: CanonicalStatus | null;
	firstSeenAt: string;
	/** null for orders last applied before schema 11. */
	summary: OrderSummary | null;
	/** When the store first recorded the order at each status (accepted applies only; refused ones do not count). */
	reachedAt: Partial<Record<CanonicalStatus, string>>;
}

export interface ActivityQuery {
	/** Orders first seen at or after this time, plus every open order (pending payment, paid, invoiced) whatever its age. */
	since: Date;
	/** At most this many orders, newest first (default 20000). */
	limit?: number;
}

/** Statuses of an order still being worked on. */
export const OPEN_STATUSES: readonly CanonicalStatus[] = ['pending_payment', 'paid', 'invoiced'];

export function summaryOf(order: CanonicalOrder, unmappedLines: UnmappedLine[]): OrderSummary {
	const shipBy = order.shipBy && !Number.isNaN(Date.parse(order.shipBy)) ? new Date(order.shipBy).toISOString() : null;
	const summary: OrderSummary = { totalCents: order.totals.totalCents, currency: order.currency, shipBy, unmappedLines };
	if (order.originMarketplace) summary.originMarketplace = order.originMarketplace;
	return summary;
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** Joins the drivers' two reads: order rows and (order_key, new_status, first at) rows. */
export function activityFromRows(orders: Row[], reached: Row[]): OrderActivity[] {
	const times = new Map<string, Partial<Record<CanonicalStatus, string>>>();
	for (const r of reached) {
		const key = String(r.order_key);
		const t = times.get(key) ?? {};
		t[String(r.new_status) as CanonicalStatus] = iso(r.first_at);
		times.set(key, t);
	}
	return orders.map((r) => {
		const summary = parse(r.summary_json ?? '{}') as Partial<OrderSummary>;
		return {
			orderKey: String(r.order_key),
			channel: String(r.channel),
			account: String(r.account),
			channelOrderId: String(r.channel_order_id),
			status: (r.status as CanonicalStatus | null) ?? null,
			firstSeenAt: iso(r.first_seen_at),
			summary: typeof summary.totalCents === 'number' ? (summary as OrderSummary) : null,
			reachedAt: times.get(String(r.order_key)) ?? {},
		};
	});
}

export function activityLimit(q: ActivityQuery): { since: string; limit: number } {
	if (!(q.since instanceof Date) || Number.isNaN(q.since.getTime())) throw new Error('Order activity: since must be a valid date');
	const limit = q.limit ?? 20_000;
	if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new Error('Order activity: limit must be a whole number from 1 to 100000');
	return { since: q.since.toISOString(), limit };
}
