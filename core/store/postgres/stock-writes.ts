import type { CounterRow, LedgerInsert, OrderSave } from '../backend';
import { factsJson } from '../rows';
import type { Query } from './push-state';

/**
 * The engine's writes on PostgreSQL, one statement each: every round trip inside a transaction that holds hot
 * counter rows makes every other writer of those SKUs wait that much longer.
 */

const LEDGER = `INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key, ref, note, kit_sku)
	SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`;

const ledgerParams = (rows: LedgerInsert[]): unknown[] => [
	rows.map((r) => r.at), rows.map((r) => r.sku), rows.map((r) => r.warehouse), rows.map((r) => r.deltaOnHand), rows.map((r) => r.deltaReserved),
	rows.map((r) => r.reason), rows.map((r) => r.orderKey), rows.map((r) => r.effectKey), rows.map((r) => r.ref), rows.map((r) => r.note),
	rows.map((r) => r.kit ?? ''),
];

/** $n.. of the counter update, after `offset` parameters of the ledger. */
const counterUpdate = (offset: number) => {
	const p = (i: number) => `$${offset + i}`;
	return `UPDATE oms_stock s SET on_hand = u.on_hand, reserved = u.reserved, stocked = u.stocked, change_seq = seq.value, updated_at = now()
	 FROM seq, unnest(${p(1)}::text[], ${p(2)}::text[], ${p(3)}::bigint[], ${p(4)}::bigint[], ${p(5)}::boolean[]) AS u(warehouse, sku, on_hand, reserved, stocked)
	 WHERE s.warehouse = u.warehouse AND s.sku = u.sku`;
};

const counterParams = (rows: CounterRow[]): unknown[] => [
	rows.map((r) => r.warehouse), rows.map((r) => r.sku), rows.map((r) => r.onHand), rows.map((r) => r.reserved), rows.map((r) => r.stocked),
];

/**
 * Ledger rows and the counters they moved (locked by the caller), with the next change number. The change
 * number row is taken here, after the counters, and held to commit: change numbers follow commit order, so a
 * listChanged cursor never skips a change. A statement's data-modifying WITH parts all run, exactly once.
 */
export async function writeStock(q: Query, ledger: LedgerInsert[], counters: CounterRow[]): Promise<void> {
	if (counters.length === 0) {
		if (ledger.length > 0) await q(LEDGER, ledgerParams(ledger));
		return;
	}
	const seq = "seq AS (UPDATE oms_meta SET value = value + 1 WHERE key = 'change_seq' RETURNING value)";
	if (ledger.length === 0) {
		await q(`WITH ${seq} ${counterUpdate(0)}`, counterParams(counters));
		return;
	}
	await q(`WITH ${seq}, ledger AS (${LEDGER}) ${counterUpdate(11)}`, [...ledgerParams(ledger), ...counterParams(counters)]);
}

/**
 * Order rows in one upsert. The payment method, flags, summary and kit definitions are written only for the
 * saves that carry them (apply); other saves (expiry, returns) keep the stored ones: the keys of the saves
 * carrying each are parameters the ON CONFLICT branch tests.
 */
export async function upsertOrders(q: Query, rows: OrderSave[]): Promise<void> {
	if (rows.length === 0) return;
	const col = <T>(f: (r: OrderSave) => T) => rows.map(f);
	const keysWith = (has: (r: OrderSave) => boolean) => rows.filter(has).map((r) => r.state.orderKey);
	const keep = (column: string, param: number) => `${column} = CASE WHEN excluded.order_key = ANY($${param}::text[]) THEN excluded.${column} ELSE o.${column} END`;
	await q(
		`INSERT INTO oms_orders AS o (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at,
		   channel_updated_at, first_seen_at, updated_at, payment_method, facts_json, flags_json, summary_json, kits_json)
		 SELECT k, c, a, i, st, sg, w, rj::jsonb, cj::jsonb, rv, ra, cu, at, at, COALESCE(pm, 'unknown'), fj::jsonb, COALESCE(fl::jsonb, '[]'::jsonb),
		   COALESCE(sm::jsonb, '{}'::jsonb), COALESCE(kj::jsonb, '{}'::jsonb)
		 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[],
		   $13::timestamptz[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
		   AS t(k, c, a, i, st, sg, w, rj, cj, rv, ra, cu, at, pm, fj, fl, sm, kj)
		 ON CONFLICT (order_key) DO UPDATE SET status = excluded.status, stage = excluded.stage, warehouse = excluded.warehouse, reserved_json = excluded.reserved_json,
		   committed_json = excluded.committed_json, revision = excluded.revision, reserved_at = excluded.reserved_at,
		   channel_updated_at = excluded.channel_updated_at, facts_json = excluded.facts_json, updated_at = excluded.updated_at,
		   ${keep('payment_method', 19)}, ${keep('flags_json', 20)}, ${keep('summary_json', 21)}, ${keep('kits_json', 22)}`,
		[
			col((r) => r.state.orderKey), col((r) => r.identity?.channel ?? ''), col((r) => r.identity?.account ?? ''),
			col((r) => r.identity?.channelOrderId ?? ''), col((r) => r.state.status), col((r) => r.state.stage), col((r) => r.state.warehouse),
			col((r) => JSON.stringify(r.state.reserved)), col((r) => JSON.stringify(r.state.committed)), col((r) => r.state.revision),
			col((r) => r.state.reservedAt), col((r) => r.state.channelUpdatedAt), col((r) => r.at), col((r) => r.paymentMethod ?? null),
			col((r) => factsJson(r.state)), col((r) => (r.flags === undefined ? null : JSON.stringify(r.flags))),
			col((r) => (r.summary === undefined ? null : JSON.stringify(r.summary))), col((r) => (r.state.kits === undefined ? null : JSON.stringify(r.state.kits))),
			keysWith((r) => r.paymentMethod !== undefined), keysWith((r) => r.flags !== undefined), keysWith((r) => r.summary !== undefined),
			keysWith((r) => r.state.kits !== undefined),
		],
	);
}
