import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { TAKE_OVER_MESSAGE, type RetryBackoff } from '../backend';
import { pushRetryFromRow } from '../rows';
import { pushStatusFrom, pushStatusFromRow, type PushStatusFilter } from '../push-status';
import type { ListingPushState, PushedValue, PushRetryEntry, PushRetryInput, PushStatusEntry } from '../types';

/**
 * Push state statements of the SQLite driver (recorded values, leases, retry set). The caller holds the
 * connection's mutex; the ones that write several rows run inside the caller's transaction.
 */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;

const list = (values: string[]) => JSON.stringify(values);

/** One conditional upsert per value: a newer change number already recorded wins, and the value comes back. */
export function upsertPushed(prepare: Prepare, channel: string, values: Array<Required<PushedValue>>, at: string): PushedValue[] {
	const upsert = prepare(
		`INSERT INTO oms_channel_stock (channel, warehouse, sku, listing, pushed_value, pushed_seq, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET pushed_value = excluded.pushed_value, pushed_seq = excluded.pushed_seq, pushed_at = excluded.pushed_at
		 WHERE oms_channel_stock.pushed_seq <= excluded.pushed_seq
		 RETURNING sku`,
	);
	return values.filter((v) => upsert.get(channel, v.warehouse, v.sku, v.listing, v.value, v.changeSeq, at) === undefined);
}

/** Every target's recorded value (the SKU's, listing '', and each listing pushed under its own rule). */
export function selectTargetPushStates(prepare: Prepare, channel: string, skus: string[], warehouse: string): ListingPushState[] {
	const rows = prepare(
		"SELECT sku, listing, pushed_value, pushed_seq FROM oms_channel_stock WHERE channel = ? AND warehouse = ? AND sku IN (SELECT value FROM json_each(?))",
	).all(channel, warehouse, list(skus)) as Row[];
	return rows.map((r) => ({ sku: String(r.sku), listing: String(r.listing), value: Number(r.pushed_value), changeSeq: Number(r.pushed_seq) }));
}

/**
 * A SKU is taken when free, expired or already ours, in one write transaction (the caller's): first the
 * SKUs whose lease ran out in another holder's hands are marked uncertain (TAKE_OVER_MESSAGE says why), then the upsert
 * takes them; RETURNING names the rows written.
 */
export function takeLeases(prepare: Prepare, channel: string, warehouse: string, skus: string[], holder: string, nowMs: number, expiresMs: number): string[] {
	prepare(
		`WITH dead AS (SELECT sku FROM oms_push_lease WHERE channel = ?1 AND warehouse = ?2 AND sku IN (SELECT value FROM json_each(?5)) AND holder <> ?3 AND expires_ms <= ?4)
		 INSERT INTO oms_push_retry (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms)
		 SELECT ?1, ?2, sku, listing, 0, 1, ?6, NULL, ?4, ?4 FROM (
		   SELECT sku, '' AS listing FROM dead
		   UNION SELECT c.sku, c.listing FROM oms_channel_stock c JOIN dead USING (sku) WHERE c.channel = ?1 AND c.warehouse = ?2
		 ) WHERE true
		 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET revision = revision + 1, uncertain = 1, next_ms = MIN(next_ms, excluded.next_ms)`,
	).run(channel, warehouse, holder, nowMs, list(skus), TAKE_OVER_MESSAGE);
	const rows = prepare(
		`INSERT INTO oms_push_lease (channel, warehouse, sku, holder, expires_ms)
		 SELECT ?1, ?2, value, ?3, ?5 FROM json_each(?6) WHERE true
		 ON CONFLICT (channel, warehouse, sku) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
		 WHERE oms_push_lease.holder = excluded.holder OR oms_push_lease.expires_ms <= ?4
		 RETURNING sku`,
	).all(channel, warehouse, holder, nowMs, expiresMs, list(skus)) as Row[];
	return rows.map((r) => String(r.sku)).sort();
}

export function dropLeases(prepare: Prepare, channel: string, warehouse: string, skus: string[], holder: string): void {
	prepare('DELETE FROM oms_push_lease WHERE channel = ? AND warehouse = ? AND holder = ? AND sku IN (SELECT value FROM json_each(?))').run(channel, warehouse, holder, list(skus));
}

export function upsertRetries(prepare: Prepare, channel: string, entries: Array<PushRetryInput & { warehouse: string; listing: string }>, nowMs: number, backoff: RetryBackoff): void {
	// attempts counts failures in a row; the delay doubles from base (shift capped so it cannot overflow).
	const failed = prepare(
		`INSERT INTO oms_push_retry (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms)
		 VALUES (?1, ?2, ?3, ?10, 1, ?4, ?5, ?6, ?7, ?7 + ?8)
		 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET revision = revision + 1, attempts = attempts + 1, uncertain = MAX(uncertain, excluded.uncertain),
		   last_error = excluded.last_error, last_http_code = excluded.last_http_code,
		   next_ms = ?7 + MIN(?9, ?8 * (1 << MIN(attempts, 30)))`,
	);
	const deferred = prepare(
		`INSERT INTO oms_push_retry (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms)
		 VALUES (?1, ?2, ?3, ?6, 0, 0, ?4, NULL, ?5, ?5)
		 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET revision = revision + 1, next_ms = MIN(next_ms, ?5)`,
	);
	for (const e of entries) {
		const params: SQLInputValue[] = [channel, e.warehouse, e.sku];
		if (e.reason === 'deferred') deferred.run(...params, e.message ?? null, nowMs, e.listing);
		else failed.run(...params, e.reason === 'unknown' ? 1 : 0, e.message ?? null, e.httpCode ?? null, nowMs, backoff.baseMs, backoff.maxMs, e.listing);
	}
}

export function selectRetries(prepare: Prepare, channel: string, q: { warehouse?: string; skus?: string[]; dueBeforeMs?: number; limit: number }): PushRetryEntry[] {
	const rows = prepare(
		`SELECT * FROM oms_push_retry WHERE channel = ?1 AND (?2 IS NULL OR warehouse = ?2) AND (?3 IS NULL OR sku IN (SELECT value FROM json_each(?3)))
		 AND (?4 IS NULL OR next_ms <= ?4) ORDER BY next_ms, warehouse, sku, listing LIMIT ?5`,
	).all(channel, q.warehouse ?? null, q.skus ? list(q.skus) : null, q.dueBeforeMs ?? null, q.limit) as Row[];
	return rows.map(pushRetryFromRow);
}

export function deleteRetries(prepare: Prepare, channel: string, warehouse: string, seen: Array<{ sku: string; listing: string; revision: number }>, startedMs: number | null): void {
	prepare(
		`DELETE FROM oms_push_retry WHERE channel = ?1 AND warehouse = ?2 AND (sku, listing, revision) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3))
		 AND (uncertain = 0 OR ?4 IS NULL OR next_ms <= ?4)`,
	).run(channel, warehouse, JSON.stringify(seen.map((e) => [e.sku, e.listing, e.revision])), startedMs);
}

/** Every (channel account, warehouse, SKU, listing target) pushed or waiting to be retried, with the level now and the retry entry. */
export function selectPushStatus(prepare: Prepare, f: PushStatusFilter): PushStatusEntry[] {
	const rows = prepare(
		`${pushStatusFrom('instr')}
		 WHERE (?1 IS NULL OR k.channel = ?1 OR substr(k.channel, 1, length(?1) + 1) = ?1 || ':')
		   AND (?2 IS NULL OR k.sku = ?2) AND (?3 IS NULL OR k.warehouse = ?3)
		 ORDER BY k.channel, k.warehouse, k.sku, k.listing LIMIT ?4`,
	).all(f.channel, f.sku, f.warehouse, f.limit) as Row[];
	return rows.map(pushStatusFromRow);
}
