import type { StatementSync } from 'node:sqlite';
import { activityFromRows, OPEN_STATUSES, type OrderActivity } from '../activity';
import { FLAGGED_OUTCOMES, storedOrderFromRow, type OrderFilter } from '../order-view';
import type { StoredOrder } from '../types';

/** Order reads of the SQLite driver: each order with its last recorded event (highest event id). */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;

const SELECT = `SELECT o.*, e.at AS event_at, e.previous_status AS event_previous_status, e.new_status AS event_new_status,
	e.outcome AS event_outcome, e.effects_json AS event_effects
	FROM oms_orders o LEFT JOIN oms_order_events e ON e.id = (SELECT MAX(id) FROM oms_order_events WHERE order_key = o.order_key)`;

const FLAGGED = `(o.flags_json <> '[]' OR COALESCE(e.outcome IN (${FLAGGED_OUTCOMES.map((o) => `'${o}'`).join(', ')}), 0))`;

export function selectOrder(prepare: Prepare, orderKey: string): StoredOrder | null {
	const row = prepare(`${SELECT} WHERE o.order_key = ?`).get(orderKey) as Row | undefined;
	return row ? storedOrderFromRow(row) : null;
}

export function selectOrders(prepare: Prepare, f: OrderFilter): StoredOrder[] {
	const rows = prepare(
		`${SELECT} WHERE o.order_key > ?1 AND (?2 IS NULL OR o.channel = ?2) AND (?3 IS NULL OR o.account = ?3)
		 AND (?4 IS NULL OR o.status IN (SELECT value FROM json_each(?4))) AND (?5 IS NULL OR o.first_seen_at < ?5)
		 AND (?6 IS NULL OR o.first_seen_at >= ?6) AND (?7 IS NULL OR ${FLAGGED} = ?7)
		 ORDER BY o.order_key LIMIT ?8`,
	).all(
		f.afterKey, f.channel, f.account, f.statuses ? JSON.stringify(f.statuses) : null, f.seenBefore, f.seenSince,
		f.flagged === null ? null : f.flagged ? 1 : 0, f.limit + 1,
	) as Row[];
	return rows.map(storedOrderFromRow);
}

/** Orders first seen since q.since or still open (newest first), then the first time each reached each status. */
export function selectActivity(prepare: Prepare, q: { since: string; limit: number }): OrderActivity[] {
	const orders = prepare(
		`SELECT order_key, channel, account, channel_order_id, status, first_seen_at, summary_json FROM oms_orders
		 WHERE first_seen_at >= ?1 OR status IN (SELECT value FROM json_each(?2)) ORDER BY first_seen_at DESC, order_key LIMIT ?3`,
	).all(q.since, JSON.stringify(OPEN_STATUSES), q.limit) as Row[];
	// Refused applies (stale, regression) never moved the order: they do not count as reaching a status.
	const reached = prepare(
		`SELECT order_key, new_status, MIN(at) AS first_at FROM oms_order_events
		 WHERE order_key IN (SELECT value FROM json_each(?1)) AND outcome IN ('applied', 'unchanged') GROUP BY order_key, new_status`,
	).all(JSON.stringify(orders.map((o) => o.order_key))) as Row[];
	return activityFromRows(orders, reached);
}
