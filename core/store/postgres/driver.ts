import type { Pool, PoolClient, PoolConfig } from 'pg';
import { pgListingRules } from './listing-rules';
import type { ListingRuleBackend } from '../listing-rule-backend';
import type { PaymentMethod } from '../../model/order';
import { appliedRefKey, counterKey, type QueueFailure, type QueueInsert, type RetryBackoff, type StoreBackend, type StoreTx } from '../backend';
import { counterFromRow, ledgerFromRow, levelFromRow, listingFromRow, orderStateFromRow, pageByChangeSeq, reservationsFromRows, totalFromRow, versionedLevelFromRow } from '../rows';
import type { KitQueries } from '../kit-backend';
import { pgKitQueries, pgKitWrites } from './kits';
import type { ChannelConfigBackend } from '../channel-config-backend';
import { pgChannelConfig, pgWarehouseChoice } from './channel-config';
import type { ChangedPage, LedgerEntry, LedgerQuery, ListingMapping, PushedValue, PushRetryEntry, PushRetryInput, ListingPushState, ReservationEntry, ReservationQuery, PushStatusEntry, StockLevel, StoredOrder, VersionedLevel } from '../types';
import { selectLinks, selectLinksOfSkus, selectUnlinked, postgresLinkTx } from './links';
import { POSTGRES_MIGRATIONS } from './migrations';
import { upsertOrders, writeStock } from './stock-writes';
import type { LinkQuery, ListingLink, UnlinkedQuery } from '../../catalog/types';
import type { UnlinkedRow } from '../link-backend';
import { acceptQueued, claimQueued, deleteQueued, failQueued, renewQueued, selectQueueStatus } from './inbox';
import type { ClaimedDelivery, QueueStatus } from '../queue-types';
import { selectActivity, selectOrder, selectOrders } from './orders-read';
import type { OrderActivity } from '../activity';
import type { OrderFilter } from '../order-view';
import type { PushStatusFilter } from '../push-status';
import { deleteRetries, dropLeases, selectTargetPushStates, selectPushStatus, selectRetries, takeLeases, upsertPushed, upsertRetries, type Query } from './push-state';

export interface PostgresStoreOptions {
	pool: PoolConfig;
	/** Stop migrating at this version (tests of upgrades only). */
	targetVersion?: number;
}

type Row = Record<string, unknown>;

/** Migrations from several processes at once take turns on this advisory lock. */
const MIGRATION_LOCK = 727_001;
/** Deadlocks cannot happen by design (fixed lock order); serialization failures are retried anyway. */
const RETRIABLE = new Set(['40P01', '40001']);

/**
 * SQLSTATE classes about the server or the session, not the rows written: connection (08), transaction
 * rollback after our retries (40), insufficient resources (53), program limit (54), lock not available /
 * object in use (55), operator intervention and timeouts (57), system (58), authorization (28), missing
 * database (3D), internal (XX).
 */
const SERVER_WIDE_CLASSES = new Set(['08', '40', '53', '54', '55', '57', '58', '28', '3D', 'XX']);
/** node-postgres' own failures before any SQL ran: the pool cannot reach or has closed the server. */
const CLIENT_WIDE = /^(Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end)/;

function txFor(client: PoolClient): StoreTx {
	const q = async (sql: string, params: unknown[] = [], name?: string): Promise<Row[]> => (await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows as Row[];
	return {
		...postgresLinkTx(q),
		...pgKitQueries(q),
		...pgKitWrites(q),
		...pgWarehouseChoice(q),
		lockOrders: async (keys) => {
			if (keys.length === 0) return new Map();
			// Advisory locks exist before the row does, so a first sighting is serialised too; taken in hash order.
			await q('SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY h OFFSET 0) s', [keys]);
			const rows = await q('SELECT * FROM oms_orders WHERE order_key = ANY($1::text[])', [keys]);
			return new Map(rows.map((r) => [String(r.order_key), orderStateFromRow(r)]));
		},
		createCounters: async (keys) => {
			if (keys.length === 0) return;
			// Only the absent keys reach the insert: an existing counter is neither locked nor waited on here (an
			// ON CONFLICT check on a row another writer has updated would wait for that writer's commit).
			await q(
				`INSERT INTO oms_stock (warehouse, sku) SELECT w, s FROM unnest($1::text[], $2::text[]) AS t(w, s)
				 WHERE NOT EXISTS (SELECT 1 FROM oms_stock x WHERE x.warehouse = t.w AND x.sku = t.s) ORDER BY w, s ON CONFLICT DO NOTHING`,
				[keys.map((k) => k.warehouse), keys.map((k) => k.sku)],
			);
		},
		lockCounters: async (keys) => {
			if (keys.length === 0) return new Map();
			const rows = await q(
				'SELECT * FROM oms_stock WHERE (warehouse, sku) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY warehouse, sku FOR UPDATE',
				[keys.map((k) => k.warehouse), keys.map((k) => k.sku)],
			);
			return new Map(rows.map((r) => [counterKey(String(r.sku), String(r.warehouse)), counterFromRow(r)]));
		},
		appliedRefs: async (entries) => {
			if (entries.length === 0) return new Set();
			const rows = await q(
				'SELECT ref, warehouse, sku FROM oms_ledger WHERE (ref, warehouse, sku) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))',
				[entries.map((e) => e.ref), entries.map((e) => e.warehouse), entries.map((e) => e.sku)],
			);
			return new Set(rows.map((r) => appliedRefKey(String(r.ref), String(r.sku), String(r.warehouse))));
		},
		saveCounters: (rows) => writeStock(q, [], rows),
		writeStock: (ledger, counters) => writeStock(q, ledger, counters),
		saveOrders: (rows) => upsertOrders(q, rows),
		appendOrderEvents: async (rows) => {
			if (rows.length === 0) return;
			await q(
				`INSERT INTO oms_order_events (order_key, at, previous_status, new_status, outcome, effects_json)
				 SELECT k, at, ps, ns, o, e::jsonb FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(k, at, ps, ns, o, e)`,
				[rows.map((r) => r.orderKey), rows.map((r) => r.at), rows.map((r) => r.previousStatus), rows.map((r) => r.newStatus), rows.map((r) => r.outcome), rows.map((r) => JSON.stringify(r.effects))],
			);
		},
		findExpirable: async (cutoffs, limit) =>
			(
				await q(
					`SELECT o.order_key FROM oms_orders o JOIN unnest($1::text[], $2::text[]) AS c(m, cutoff) ON c.m = o.payment_method
					 WHERE o.stage = 'reserved' AND o.status = 'pending_payment' AND o.reserved_at < c.cutoff ORDER BY o.reserved_at LIMIT $3`,
					[Object.keys(cutoffs), Object.values(cutoffs), limit],
				)
			).map((r) => String(r.order_key)),
		paymentMethodsOf: async (keys) =>
			new Map(
				(await q('SELECT order_key, payment_method FROM oms_orders WHERE order_key = ANY($1::text[])', [keys])).map((r) => [String(r.order_key), r.payment_method as PaymentMethod]),
			),
		ledgerTotals: async () => (await q('SELECT warehouse, sku, SUM(delta_on_hand) AS on_hand, SUM(delta_reserved) AS reserved FROM oms_ledger GROUP BY warehouse, sku')).map(totalFromRow),
		allCounters: async () => (await q('SELECT * FROM oms_stock ORDER BY warehouse, sku FOR UPDATE')).map(counterFromRow),
		openReservationTotals: async () =>
			(
				await q(
					"SELECT o.warehouse, j.key AS sku, SUM(j.value::bigint) AS reserved FROM oms_orders o, jsonb_each_text(o.reserved_json) j WHERE o.stage = 'reserved' AND o.kits_json = '{}'::jsonb GROUP BY o.warehouse, j.key",
				)
			).map(totalFromRow),
	};
}


export class PostgresBackend implements StoreBackend {
	readonly driver = 'postgres' as const;
	private ready?: Promise<void>;

	constructor(
		private readonly pool: Pool,
		private readonly targetVersion = Number.MAX_SAFE_INTEGER,
	) {}

	/** Migrates once per process, on first use. */
	private init(): Promise<void> {
		this.ready ??= this.migrate().catch((error) => {
			this.ready = undefined;
			throw error;
		});
		return this.ready;
	}

	private async migrate(): Promise<void> {
		const client = await this.pool.connect();
		try {
			await client.query('BEGIN');
			await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
			await client.query('CREATE TABLE IF NOT EXISTS oms_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
			const current = Number((await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM oms_schema_migrations')).rows[0].v);
			const latest = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;
			if (current > latest) throw new Error(`The store's schema is version ${current}, newer than this package knows (${latest}): upgrade n8n-nodes-oms.`);
			for (const m of POSTGRES_MIGRATIONS) {
				if (m.version <= current || m.version > this.targetVersion) continue;
				await client.query(m.sql);
				await client.query('INSERT INTO oms_schema_migrations (version, applied_at) VALUES ($1, now())', [m.version]);
			}
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined);
			throw error;
		} finally {
			client.release();
		}
	}

	failsEveryOrder(error: unknown): boolean {
		const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
		// Socket errors (ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT...): no SQLSTATE class starts with E.
		if (typeof code === 'string' && code.startsWith('E')) return true;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return SERVER_WIDE_CLASSES.has(code.slice(0, 2));
		return typeof message === 'string' && CLIENT_WIDE.test(message);
	}

	async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
		await this.init();
		for (let attempt = 1; ; attempt++) {
			const client = await this.pool.connect();
			try {
				await client.query('BEGIN');
				const result = await work(txFor(client));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => undefined);
				if (attempt < 4 && RETRIABLE.has((error as { code?: string }).code ?? '')) continue;
				throw error;
			} finally {
				client.release();
			}
		}
	}

	private async query(sql: string, params: unknown[] = [], name?: string): Promise<Row[]> {
		await this.init();
		return (await this.pool.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows as Row[];
	}

	async schemaVersion(): Promise<number> {
		return Number((await this.query('SELECT COALESCE(MAX(version), 0) AS v FROM oms_schema_migrations'))[0].v);
	}

	async getAvailability(skus?: string[], warehouse?: string): Promise<StockLevel[]> {
		const rows = await this.query(
			'SELECT * FROM oms_stock WHERE ($1::text IS NULL OR warehouse = $1) AND ($2::text[] IS NULL OR sku = ANY($2::text[])) ORDER BY warehouse, sku',
			[warehouse ?? null, skus ?? null],
		);
		return rows.map(levelFromRow);
	}

	async listChanged(cursor: string | undefined, limit: number): Promise<ChangedPage> {
		const from = Number(cursor ?? 0);
		const rows = await this.query('SELECT * FROM oms_stock WHERE change_seq > $1 ORDER BY change_seq, warehouse, sku LIMIT $2', [from, limit + 1]);
		const cut = rows.length > limit ? await this.query('SELECT * FROM oms_stock WHERE change_seq = $1 ORDER BY warehouse, sku', [rows[limit].change_seq]) : [];
		return pageByChangeSeq(rows, limit, from, () => cut);
	}

	async listReservations(q: ReservationQuery): Promise<ReservationEntry[]> {
		const rows = await this.query(
			`SELECT o.order_key, o.status, o.warehouse, o.reserved_at, o.kits_json, j.key AS sku, j.value::bigint AS quantity FROM oms_orders o, jsonb_each_text(o.reserved_json) j
			 WHERE o.stage = 'reserved' AND ($1::text IS NULL OR o.order_key = $1) AND ($2::text IS NULL OR j.key = $2 OR o.kits_json <> '{}'::jsonb) ORDER BY o.reserved_at, o.order_key, j.key LIMIT $3`,
			[q.orderKey ?? null, q.sku ?? null, q.limit ?? 1000],
		);
		return reservationsFromRows(rows, q.sku);
	}

	async listLedger(q: LedgerQuery): Promise<LedgerEntry[]> {
		const rows = await this.query(
			'SELECT * FROM oms_ledger WHERE id > $1 AND ($2::text IS NULL OR sku = $2) AND ($3::text IS NULL OR order_key = $3) ORDER BY id LIMIT $4',
			[q.afterId ?? 0, q.sku ?? null, q.orderKey ?? null, q.limit ?? 1000],
		);
		return rows.map(ledgerFromRow);
	}

	private readonly q: Query = (sql, params, name) => this.query(sql, params, name);

	readonly kitReads: KitQueries = pgKitQueries(this.q);
	readonly channelConfig: ChannelConfigBackend = pgChannelConfig(this.q);
	readonly listingRules: ListingRuleBackend = pgListingRules(this.q);

	getOrder(orderKey: string): Promise<StoredOrder | null> {
		return selectOrder(this.q, orderKey);
	}

	listOrders(filter: OrderFilter): Promise<StoredOrder[]> {
		return selectOrders(this.q, filter);
	}

	orderActivity(q: { since: string; limit: number }): Promise<OrderActivity[]> {
		return selectActivity(this.q, q);
	}

	async getVersionedLevels(skus: string[], warehouse: string): Promise<VersionedLevel[]> {
		const rows = await this.query('SELECT * FROM oms_stock WHERE warehouse = $1 AND sku = ANY($2::text[]) ORDER BY sku', [warehouse, skus]);
		return rows.map(versionedLevelFromRow);
	}

	recordPushed(channel: string, values: Array<Required<PushedValue>>, at: string): Promise<PushedValue[]> {
		return upsertPushed(this.q, channel, values, at);
	}

	getTargetPushStates(channel: string, skus: string[], warehouse: string): Promise<ListingPushState[]> {
		return selectTargetPushStates(this.q, channel, skus, warehouse);
	}

	acquirePushLeases(channel: string, warehouse: string, skus: string[], holder: string, nowMs: number, expiresMs: number): Promise<string[]> {
		return takeLeases(this.q, channel, warehouse, skus, holder, nowMs, expiresMs);
	}

	releasePushLeases(channel: string, warehouse: string, skus: string[], holder: string): Promise<void> {
		return dropLeases(this.q, channel, warehouse, skus, holder);
	}

	recordPushRetries(channel: string, entries: Array<PushRetryInput & { warehouse: string; listing: string }>, nowMs: number, backoff: RetryBackoff): Promise<void> {
		return upsertRetries(this.q, channel, entries, nowMs, backoff);
	}

	listPushRetries(channel: string, f: { warehouse?: string; skus?: string[]; dueBeforeMs?: number; limit: number }): Promise<PushRetryEntry[]> {
		return selectRetries(this.q, channel, f);
	}

	pushStatus(filter: PushStatusFilter): Promise<PushStatusEntry[]> {
		return selectPushStatus(this.q, filter);
	}

	clearPushRetries(channel: string, warehouse: string, seen: Array<{ sku: string; listing: string; revision: number }>, startedMs: number | null): Promise<void> {
		return deleteRetries(this.q, channel, warehouse, seen, startedMs);
	}

	async setListings(channel: string, mappings: ListingMapping[], at: string): Promise<void> {
		if (mappings.length === 0) return;
		await this.query(
			`INSERT INTO oms_channel_listing (channel, sku, listing_id, variant_id, inventory_item_id, updated_at)
			 SELECT $1, s, l, v, i, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(s, l, v, i)
			 ON CONFLICT (channel, sku) DO UPDATE SET listing_id = excluded.listing_id, variant_id = excluded.variant_id, inventory_item_id = excluded.inventory_item_id, updated_at = excluded.updated_at`,
			[channel, mappings.map((m) => m.sku), mappings.map((m) => m.listingId), mappings.map((m) => m.variantId ?? null), mappings.map((m) => m.inventoryItemId ?? null), at],
		);
	}

	async getListings(channel: string, skus: string[]): Promise<Map<string, ListingMapping>> {
		const rows = await this.query('SELECT * FROM oms_channel_listing WHERE channel = $1 AND sku = ANY($2::text[])', [channel, skus]);
		return new Map(rows.map((r) => [String(r.sku), listingFromRow(r)]));
	}

	listLinks(f: LinkQuery & { limit: number }): Promise<ListingLink[]> {
		return selectLinks(this.q, f);
	}

	listUnlinked(f: UnlinkedQuery & { limit: number }): Promise<UnlinkedRow[]> {
		return selectUnlinked(this.q, f);
	}

	linksOfSkus(channel: string, account: string, skus: string[]): Promise<ListingLink[]> {
		return selectLinksOfSkus(this.q, channel, account, skus);
	}

	async upsertGtins(rows: Array<{ sku: string; gtin: string }>, at: string): Promise<void> {
		await this.query(
			`INSERT INTO oms_sku_gtin (gtin, sku, updated_at) SELECT g, s, $3::timestamptz FROM unnest($1::text[], $2::text[]) AS t(g, s)
			 ON CONFLICT (gtin) DO UPDATE SET sku = excluded.sku, updated_at = excluded.updated_at`,
			[rows.map((r) => r.gtin), rows.map((r) => r.sku), at],
		);
	}

	async gtinsOfSkus(skus: string[]): Promise<Array<{ sku: string; gtin: string }>> {
		const rows = await this.query('SELECT sku, gtin FROM oms_sku_gtin WHERE sku = ANY($1::text[]) ORDER BY gtin COLLATE "C"', [skus]);
		return rows.map((r) => ({ sku: String(r.sku), gtin: String(r.gtin) }));
	}

	async recordDelivery(channel: string, account: string, eventId: string, receivedAt: string): Promise<boolean> {
		const rows = await this.query(
			'INSERT INTO oms_webhook_inbox (channel, account, event_id, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1 AS inserted',
			[channel, account, eventId, receivedAt],
		);
		return rows.length === 1;
	}

	async pruneDeliveries(cutoff: string): Promise<number> {
		await this.init();
		const seen = (await this.pool.query('DELETE FROM oms_webhook_inbox WHERE received_at < $1', [cutoff])).rowCount ?? 0;
		return seen + ((await this.pool.query('DELETE FROM oms_webhook_queue WHERE parked AND received_at < $1', [cutoff])).rowCount ?? 0);
	}

	acceptDelivery(row: QueueInsert): Promise<boolean> {
		return acceptQueued(this.q, row);
	}

	claimDeliveries(queue: string, holder: string, nowMs: number, untilMs: number, limit: number, retried: boolean): Promise<ClaimedDelivery[]> {
		return claimQueued(this.q, queue, holder, nowMs, untilMs, limit, retried);
	}

	renewDeliveries(queue: string, holder: string, seqs: number[], untilMs: number): Promise<void> {
		return renewQueued(this.q, queue, holder, seqs, untilMs);
	}

	completeDeliveries(queue: string, holder: string, seqs: number[]): Promise<number> {
		return deleteQueued(this.q, queue, holder, seqs);
	}

	failDeliveries(queue: string, holder: string, seqs: number[], f: QueueFailure): Promise<void> {
		return failQueued(this.q, queue, holder, seqs, f);
	}

	queueStatus(queue: string, nowMs: number): Promise<QueueStatus> {
		return selectQueueStatus(this.q, queue, nowMs);
	}

	async close(): Promise<void> {
		await this.pool.end();
	}
}
