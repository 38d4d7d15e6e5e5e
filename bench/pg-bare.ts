import { Client } from 'pg';
import { orderKeyOf, type CanonicalOrder } from '../core/model/order';
import { summaryOf } from '../core/store/activity';
import { createStore } from '../core/store/open';

/**
 * The physical baseline on PostgreSQL: the rows the store writes for a batch (1 order row with the same
 * columns filled, 1 event row per order, 3 ledger rows per order, the counters of the SKUs touched) written by
 * plain parameterised statements, one transaction per batch, the same writers and orders. Shaped as a careful
 * hand-written writer would do it, at least as lean as the store: the rows that need no counter first, then the
 * counters locked in key order (no deadlocks), then ledger and counters in one statement, commit, so the hot
 * rows are held for one statement and the commit. `seqRow` adds the store's shared change-sequence row (taken
 * with the counters, after them, held to commit) to measure what it costs on its own.
 */

const HOLD = `SELECT 1 FROM oms_stock WHERE (warehouse, sku) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY warehouse, sku FOR UPDATE`;
const LEDGER = `INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key)
	SELECT now(), s, 'default', dh, dr, r, k, r FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS t(s, dh, dr, r, k)`;
/** Ledger rows and counters in one statement; with the change-sequence row or a constant change number. */
const stockWrite = (seqRow: boolean) => `WITH ${seqRow ? "seq AS (UPDATE oms_meta SET value = value + 1 WHERE key = 'change_seq' RETURNING value)" : 'seq AS (SELECT 1 AS value)'}, ledger AS (${LEDGER})
	UPDATE oms_stock c SET on_hand = c.on_hand + u.dh, reserved = c.reserved + u.dr, change_seq = seq.value, updated_at = now()
	FROM seq, unnest($6::text[], $7::bigint[], $8::bigint[]) AS u(s, dh, dr) WHERE c.warehouse = 'default' AND c.sku = u.s`;
const ORDERS = `INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, first_seen_at, updated_at, payment_method, summary_json)
	SELECT k, c, a, i, st, sg, 'default', rj::jsonb, cj::jsonb, 1, now()::text, cu, now(), now(), 'unknown', sm::jsonb
	FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(k, c, a, i, st, sg, rj, cj, cu, sm)`;
const EVENTS = `INSERT INTO oms_order_events (order_key, at, previous_status, new_status, outcome, effects_json)
	SELECT k, now(), NULL, ns, 'applied', e::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, ns, e)`;

export interface BareResult {
	orders: number;
	seconds: number;
	fsync: string;
	/** With `admin`: where the writers were, sampled as in the store run (same sampling load on both). */
	waits?: WaitSamples;
}

async function writeBatch(db: Client, orders: CanonicalOrder[], seqRow: boolean): Promise<void> {
	const ledger = { s: [] as string[], dh: [] as number[], dr: [] as number[], r: [] as string[], k: [] as string[] };
	const delta = new Map<string, { dh: number; dr: number }>();
	const rows = { k: [] as string[], c: [] as string[], a: [] as string[], i: [] as string[], st: [] as string[], sg: [] as string[], rj: [] as string[], cj: [] as string[], cu: [] as string[], sm: [] as string[], e: [] as string[] };
	for (const o of orders) {
		const key = orderKeyOf(o);
		const reserve = o.status === 'paid';
		const effect = reserve ? 'reserve' : 'commit';
		for (const l of o.lines) {
			const dh = reserve ? 0 : -l.quantity;
			const dr = reserve ? l.quantity : 0;
			ledger.s.push(l.sku!);
			ledger.dh.push(dh);
			ledger.dr.push(dr);
			ledger.r.push(effect);
			ledger.k.push(key);
			const d = delta.get(l.sku!) ?? { dh: 0, dr: 0 };
			delta.set(l.sku!, { dh: d.dh + dh, dr: d.dr + dr });
		}
		const qty = JSON.stringify(Object.fromEntries(o.lines.map((l) => [l.sku, l.quantity])));
		const row = {
			k: key, c: o.channel, a: o.account, i: o.channelOrderId, st: o.status as string, sg: reserve ? 'reserved' : 'committed', rj: reserve ? qty : '{}', cj: reserve ? '{}' : qty, cu: o.updatedAt,
			sm: JSON.stringify(summaryOf(o, [])),
		};
		for (const [col, value] of Object.entries(row)) rows[col as keyof typeof row].push(value);
		rows.e.push(JSON.stringify([{ effect, key: effect, lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) }]));
	}
	const skus = [...delta.keys()].sort();
	await db.query('BEGIN');
	try {
		await db.query(ORDERS, [rows.k, rows.c, rows.a, rows.i, rows.st, rows.sg, rows.rj, rows.cj, rows.cu, rows.sm]);
		await db.query(EVENTS, [rows.k, rows.st, rows.e]);
		await db.query(HOLD, [skus.map(() => 'default'), skus]);
		await db.query(stockWrite(seqRow), [ledger.s, ledger.dh, ledger.dr, ledger.r, ledger.k, skus, skus.map((s) => delta.get(s)!.dh), skus.map((s) => delta.get(s)!.dr)]);
		await db.query('COMMIT');
	} catch (error) {
		await db.query('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

export async function bareRun(url: string, work: CanonicalOrder[][], seqRow: boolean, admin?: Client, batch = 50): Promise<BareResult> {
	// Same schema (migrations) and the same stocked counters as the store run.
	const store = createStore({ driver: 'postgres', connectionString: url, maxConnections: 1 });
	const skus = [...new Set(work.flat().flatMap((o) => o.lines.map((l) => l.sku!)))];
	await store.setOnHand(skus.map((sku) => ({ sku, onHand: 1500 })));
	await store.close();
	const clients = work.map(() => new Client({ connectionString: url }));
	try {
		await Promise.all(clients.map((c) => c.connect()));
		const fsync = String((await clients[0].query('SHOW fsync')).rows[0].fsync);
		const sampler = admin ? sampleWaits(admin, new URL(url).pathname.slice(1)) : undefined;
		const t0 = process.hrtime.bigint();
		await Promise.all(
			clients.map(async (db, w) => {
				for (let i = 0; i < work[w].length; i += batch) await writeBatch(db, work[w].slice(i, i + batch), seqRow);
			}),
		);
		const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
		return { orders: work.reduce((n, w) => n + w.length, 0), seconds, fsync, waits: await sampler?.stop() };
	} finally {
		await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
	}
}

/** Share of sampled backend states, e.g. `{"Lock:transactionid oms_stock": 0.4, "running": 0.1}`. */
export type WaitSamples = Record<string, number>;

/** The statement a waiting backend is in, by the table it names (the store's own statements). */
function statementOf(query: string): string {
	if (query.includes('pg_advisory_xact_lock')) return 'order advisory lock';
	if (query.includes('oms_ledger') && query.includes('UPDATE oms_stock')) return 'ledger + counters write';
	if (query.includes('oms_stock') && query.includes('FOR UPDATE')) return 'counter lock';
	if (query.includes('INSERT INTO oms_stock')) return 'counter creation';
	if (query.includes('oms_meta')) return 'change_seq row';
	if (query.includes('oms_ledger')) return 'ledger';
	if (query.includes('oms_orders')) return 'orders';
	if (query.includes('oms_order_events')) return 'events';
	if (query.includes('COMMIT')) return 'commit';
	return 'other';
}

/**
 * Samples pg_stat_activity of the benchmark database every few milliseconds until stopped: which statement
 * each writer waits in (row lock, WAL flush, client round trip), so the README can name what limits it.
 */
export function sampleWaits(admin: Client, database: string): { stop(): Promise<WaitSamples> } {
	const counts = new Map<string, number>();
	let running = true;
	const loop = (async () => {
		while (running) {
			const { rows } = await admin.query(
				"SELECT state, wait_event_type, wait_event, query FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')",
				[database],
			);
			for (const r of rows) {
				const what = r.state === 'idle in transaction' ? 'client round trip (in transaction)' : r.wait_event_type ? `${r.wait_event_type}:${r.wait_event} in ${statementOf(String(r.query))}` : `running ${statementOf(String(r.query))}`;
				counts.set(what, (counts.get(what) ?? 0) + 1);
			}
			await new Promise((r) => setTimeout(r, 5));
		}
	})();
	return {
		stop: async () => {
			running = false;
			await loop;
			const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
			return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Number((n / total).toFixed(3))]));
		},
	};
}
