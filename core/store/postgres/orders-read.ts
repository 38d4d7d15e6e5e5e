import { activityFromRows, OPEN_STATUSES, type OrderActivity } from '../activity';
import { FLAGGED_OUTCOMES, storedOrderFromRow, type OrderFilter } from '../order-view';
import type { StoredOrder } from '../types';
import type { Query } from './push-state';

/** Order reads of the PostgreSQL driver: each order with its last recorded event (highest event id). */

const SELECT = `SELECT o.*, e.at AS event_at, e.previous_status AS event_previous_status, e.new_status AS event_new_status,
	e.outcome AS event_outcome, e.effects_json AS event_effects
	FROM oms_orders o LEFT JOIN oms_order_events e ON e.id = (SELECT MAX(id) FROM oms_order_events WHERE order_key = o.order_key)`;

export async function selectOrder(q: Query, orderKey: string): Promise<StoredOrder | null> {
	const rows = await q(`${SELECT} WHERE o.order_key = $1`, [orderKey]);
	return rows.length ? storedOrderFromRow(rows[0]) : null;
}

export async function selectOrders(q: Query, f: OrderFilter): Promise<StoredOrder[]> {
	// COLLATE "C": pages follow the byte order of the keys, the order SQLite uses, whatever the database's locale.
	const rows = await q(
		`${SELECT} WHERE o.order_key COLLATE "C" > $1 AND ($2::text IS NULL OR o.channel = $2) AND ($3::text IS NULL OR o.account = $3)
		 AND ($4::text[] IS NULL OR o.status = ANY($4::text[])) AND ($5::timestamptz IS NULL OR o.first_seen_at < $5)
		 AND ($6::timestamptz IS NULL OR o.first_seen_at >= $6) AND ($7::boolean IS NULL OR (o.flags_json <> '[]'::jsonb OR COALESCE(e.outcome = ANY($8::text[]), false)) = $7)
		 ORDER BY o.order_key COLLATE "C" LIMIT $9`,
		[f.afterKey, f.channel, f.account, f.statuses, f.seenBefore, f.seenSince, f.flagged, [...FLAGGED_OUTCOMES], f.limit + 1],
	);
	return rows.map(storedOrderFromRow);
}

/** Orders first seen since q.since or still open (newest first), then the first time each reached each status. */
export async function selectActivity(q: Query, f: { since: string; limit: number }): Promise<OrderActivity[]> {
	const orders = await q(
		`SELECT order_key, channel, account, channel_order_id, status, first_seen_at, summary_json FROM oms_orders
		 WHERE first_seen_at >= $1 OR status = ANY($2::text[]) ORDER BY first_seen_at DESC, order_key COLLATE "C" LIMIT $3`,
		[f.since, [...OPEN_STATUSES], f.limit],
	);
	// Refused applies (stale, regression) never moved the order: they do not count as reaching a status.
	const reached = await q(
		`SELECT order_key, new_status, MIN(at) AS first_at FROM oms_order_events
		 WHERE order_key = ANY($1::text[]) AND outcome IN ('applied', 'unchanged') GROUP BY order_key, new_status`,
		[orders.map((o) => o.order_key)],
	);
	return activityFromRows(orders, reached);
}
