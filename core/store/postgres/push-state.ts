import { TAKE_OVER_MESSAGE, type RetryBackoff } from '../backend';
import { pushRetryFromRow } from '../rows';
import { pushStatusFrom, pushStatusFromRow, type PushStatusFilter } from '../push-status';
import type { ListingPushState, PushedValue, PushRetryEntry, PushRetryInput, PushStatusEntry } from '../types';

/**
 * Push state statements of the PostgreSQL driver (recorded values, leases, retry set): each is one
 * set-based statement, atomic on its own. Rows are written in key order so two statements over the same
 * keys wait on each other instead of deadlocking.
 */

type Row = Record<string, unknown>;
/** `name` makes it a prepared statement of each connection, planned once: for hot statements whose planning costs. */
export type Query = (sql: string, params?: unknown[], name?: string) => Promise<Row[]>;

const key = (warehouse: string, sku: string, listing: string) => `${warehouse}\u0000${sku}\u0000${listing}`;

/** Conditional upsert: a row with a newer change number is left alone; RETURNING names the rows written. */
export async function upsertPushed(q: Query, channel: string, values: Array<Required<PushedValue>>, at: string): Promise<PushedValue[]> {
	const rows = await q(
		`INSERT INTO oms_channel_stock AS c (channel, warehouse, sku, listing, pushed_value, pushed_seq, pushed_at)
		 SELECT $1, w, s, l, v, n, $6 FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $7::text[]) AS t(w, s, v, n, l) ORDER BY w, s, l
		 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET pushed_value = excluded.pushed_value, pushed_seq = excluded.pushed_seq, pushed_at = excluded.pushed_at
		 WHERE c.pushed_seq <= excluded.pushed_seq
		 RETURNING warehouse, sku, listing`,
		[channel, values.map((v) => v.warehouse), values.map((v) => v.sku), values.map((v) => v.value), values.map((v) => v.changeSeq), at, values.map((v) => v.listing)],
	);
	const written = new Set(rows.map((r) => key(String(r.warehouse), String(r.sku), String(r.listing))));
	return values.filter((v) => !written.has(key(v.warehouse, v.sku, v.listing)));
}

/** Every target's recorded value (the SKU's, listing '', and each listing pushed under its own rule). */
export async function selectTargetPushStates(q: Query, channel: string, skus: string[], warehouse: string): Promise<ListingPushState[]> {
	const rows = await q(
		`SELECT sku, listing, pushed_value, pushed_seq FROM oms_channel_stock WHERE channel = $1 AND warehouse = $2 AND sku = ANY($3::text[])`,
		[channel, warehouse, skus],
	);
	return rows.map((r) => ({ sku: String(r.sku), listing: String(r.listing), value: Number(r.pushed_value), changeSeq: Number(r.pushed_seq) }));
}

/**
 * One statement: a SKU is taken when free, expired or already ours. A concurrent insert of the same key
 * waits for the other statement to commit and then sees its row (upsert's conflict check is not a snapshot).
 * The same statement marks uncertain the SKUs taken from another holder whose lease had run out (backend.ts,
 * TAKE_OVER_MESSAGE): `dead` reads the snapshot, `taken` the rows actually written, so of two racing takers
 * only the one that took the lease marks it. (A lease taken, abandoned and run out within this one statement
 * would be missed: that takes a whole lease time.)
 */
export async function takeLeases(q: Query, channel: string, warehouse: string, skus: string[], holder: string, nowMs: number, expiresMs: number): Promise<string[]> {
	const rows = await q(
		`WITH dead AS (
		   SELECT sku FROM oms_push_lease WHERE channel = $1 AND warehouse = $2 AND sku = ANY($6::text[]) AND holder <> $3 AND expires_ms <= $4::bigint
		 ), taken AS (
		   INSERT INTO oms_push_lease AS l (channel, warehouse, sku, holder, expires_ms)
		   SELECT $1, $2, s, $3, $5::bigint FROM unnest($6::text[]) AS s ORDER BY s
		   ON CONFLICT (channel, warehouse, sku) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
		   WHERE l.holder = excluded.holder OR l.expires_ms <= $4::bigint
		   RETURNING sku
		 ), marked AS (
		   INSERT INTO oms_push_retry AS r (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms)
		   SELECT $1, $2, t.sku, t.listing, 0, true, $7, NULL::int, $4::bigint, $4::bigint FROM (
		     SELECT sku, '' AS listing FROM taken JOIN dead USING (sku)
		     UNION SELECT c.sku, c.listing FROM oms_channel_stock c JOIN taken USING (sku) JOIN dead USING (sku) WHERE c.channel = $1 AND c.warehouse = $2
		   ) AS t ORDER BY t.sku COLLATE "C", t.listing COLLATE "C"
		   ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET revision = r.revision + 1, uncertain = true, next_ms = LEAST(r.next_ms, excluded.next_ms)
		 )
		 SELECT sku FROM taken`,
		[channel, warehouse, holder, nowMs, expiresMs, skus, TAKE_OVER_MESSAGE],
		// Named: planning this three-part statement cost more than running it (0.7 → 1.1 ms a call unprepared).
		'oms_take_push_leases',
	);
	return rows.map((r) => String(r.sku)).sort();
}

export async function dropLeases(q: Query, channel: string, warehouse: string, skus: string[], holder: string): Promise<void> {
	await q('DELETE FROM oms_push_lease WHERE channel = $1 AND warehouse = $2 AND holder = $3 AND sku = ANY($4::text[])', [channel, warehouse, holder, skus]);
}

export async function upsertRetries(q: Query, channel: string, entries: Array<PushRetryInput & { warehouse: string; listing: string }>, nowMs: number, backoff: RetryBackoff): Promise<void> {
	const sorted = [...entries].sort((a, b) => (key(a.warehouse, a.sku, a.listing) < key(b.warehouse, b.sku, b.listing) ? -1 : 1));
	const failed = sorted.filter((e) => e.reason !== 'deferred');
	const deferred = sorted.filter((e) => e.reason === 'deferred');
	if (failed.length) {
		// attempts counts failures in a row; the delay doubles from base (shift capped so it cannot overflow).
		await q(
			`INSERT INTO oms_push_retry AS r (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms)
			 SELECT $1, w, s, l, 1, u, e, c, $7::bigint, $7::bigint + $8::bigint FROM unnest($2::text[], $3::text[], $4::boolean[], $5::text[], $6::int[], $10::text[]) AS t(w, s, u, e, c, l)
			 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET revision = r.revision + 1, attempts = r.attempts + 1, uncertain = r.uncertain OR excluded.uncertain,
			   last_error = excluded.last_error, last_http_code = excluded.last_http_code,
			   next_ms = $7::bigint + LEAST($9::bigint, $8::bigint * (1::bigint << LEAST(r.attempts, 30)))`,
			[
				channel, failed.map((e) => e.warehouse), failed.map((e) => e.sku), failed.map((e) => e.reason === 'unknown'),
				failed.map((e) => e.message ?? null), failed.map((e) => e.httpCode ?? null), nowMs, backoff.baseMs, backoff.maxMs, failed.map((e) => e.listing),
			],
		);
	}
	if (deferred.length) {
		await q(
			`INSERT INTO oms_push_retry AS r (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms)
			 SELECT $1, w, s, l, 0, false, e, NULL::int, $5::bigint, $5::bigint FROM unnest($2::text[], $3::text[], $4::text[], $6::text[]) AS t(w, s, e, l)
			 ON CONFLICT (channel, warehouse, sku, listing) DO UPDATE SET revision = r.revision + 1, next_ms = LEAST(r.next_ms, $5::bigint)`,
			[channel, deferred.map((e) => e.warehouse), deferred.map((e) => e.sku), deferred.map((e) => e.message ?? null), nowMs, deferred.map((e) => e.listing)],
		);
	}
}

export async function selectRetries(q: Query, channel: string, f: { warehouse?: string; skus?: string[]; dueBeforeMs?: number; limit: number }): Promise<PushRetryEntry[]> {
	const rows = await q(
		`SELECT * FROM oms_push_retry WHERE channel = $1 AND ($2::text IS NULL OR warehouse = $2) AND ($3::text[] IS NULL OR sku = ANY($3::text[]))
		 AND ($4::bigint IS NULL OR next_ms <= $4) ORDER BY next_ms, warehouse COLLATE "C", sku COLLATE "C", listing COLLATE "C" LIMIT $5`,
		[channel, f.warehouse ?? null, f.skus ?? null, f.dueBeforeMs ?? null, f.limit],
	);
	return rows.map(pushRetryFromRow);
}

export async function deleteRetries(q: Query, channel: string, warehouse: string, seen: Array<{ sku: string; listing: string; revision: number }>, startedMs: number | null): Promise<void> {
	await q(
		`DELETE FROM oms_push_retry WHERE channel = $1 AND warehouse = $2 AND (sku, listing, revision) IN (SELECT * FROM unnest($3::text[], $6::text[], $4::bigint[]))
		 AND (NOT uncertain OR $5::bigint IS NULL OR next_ms <= $5)`,
		[channel, warehouse, seen.map((e) => e.sku), seen.map((e) => e.revision), startedMs, seen.map((e) => e.listing)],
	);
}

/** Every (channel account, warehouse, SKU, listing target) pushed or waiting to be retried, with the level now and the retry entry. */
export async function selectPushStatus(q: Query, f: PushStatusFilter): Promise<PushStatusEntry[]> {
	// COLLATE "C": the same row order as SQLite's, whatever the database's locale.
	const rows = await q(
		`${pushStatusFrom('strpos')}
		 WHERE ($1::text IS NULL OR k.channel = $1 OR left(k.channel, length($1) + 1) = $1 || ':')
		   AND ($2::text IS NULL OR k.sku = $2) AND ($3::text IS NULL OR k.warehouse = $3)
		 ORDER BY k.channel COLLATE "C", k.warehouse COLLATE "C", k.sku COLLATE "C", k.listing COLLATE "C" LIMIT $4`,
		[f.channel, f.sku, f.warehouse, f.limit],
	);
	return rows.map(pushStatusFromRow);
}
