import type { StatementSync } from 'node:sqlite';
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
