import fs from 'node:fs';
import { sqliteListingRules } from './listing-rules';
import type { ListingRuleBackend } from '../listing-rule-backend';
import path from 'node:path';
import type { DatabaseSync, StatementSync, SQLInputValue } from 'node:sqlite';
import type { OrderStockState } from '../../lifecycle/plan';
import type { PaymentMethod } from '../../model/order';
import {
	appliedRefKey,
	counterKey,
	type CounterRow,
	type LedgerInsert,
	type OrderEventInsert,
	type OrderSave,
	type QueueFailure,
	type QueueInsert,
	type RetryBackoff,
	type StoreBackend,
	type StoreTx,
} from '../backend';
import { counterFromRow, factsJson, ledgerFromRow, levelFromRow, listingFromRow, orderStateFromRow, pageByChangeSeq, reservationsFromRows, totalFromRow, versionedLevelFromRow } from '../rows';
import type { KitQueries } from '../kit-backend';
import { sqliteKitQueries, sqliteKitWrites } from './kits';
import type { ChannelConfigBackend } from '../channel-config-backend';
import { sqliteChannelConfig, sqliteWarehouseChoice } from './channel-config';
import type { ChangedPage, LedgerEntry, LedgerQuery, ListingMapping, PushedValue, PushRetryEntry, PushRetryInput, ListingPushState, ReservationEntry, ReservationQuery, PushStatusEntry, StockLevel, StoredOrder, VersionedLevel } from '../types';
import { claimQueued, deleteDeliveriesBefore, deleteParkedBefore, deleteQueued, failQueued, insertDelivery, insertQueued, renewQueued, selectQueueStatus } from './inbox';
import { selectLinks, selectLinksOfSkus, selectUnlinked, sqliteLinkTx } from './links';
import type { ClaimedDelivery, QueueStatus } from '../queue-types';
import { deleteRetries, dropLeases, selectTargetPushStates, selectPushStatus, selectRetries, takeLeases, upsertPushed, upsertRetries } from './push-state';
import { SQLITE_MIGRATIONS } from './migrations';
import { selectActivity, selectOrder, selectOrders } from './orders-read';
import type { OrderActivity } from '../activity';
import type { OrderFilter } from '../order-view';
import type { PushStatusFilter } from '../push-status';
import type { LinkQuery, ListingLink, UnlinkedQuery } from '../../catalog/types';
import type { UnlinkedRow } from '../link-backend';

export interface SqliteStoreOptions {
	/** Database file; created with its folder when missing. ':memory:' for a private in-memory store. */
	path: string;
	/** How long a writer waits for another process's transaction before failing. */
	busyTimeoutMs?: number;
	/** Stop migrating at this version (tests of upgrades only). */
	targetVersion?: number;
}

type Row = Record<string, unknown>;

/** Loaded on first use: node:sqlite exists from Node 22.13; a Postgres-only install must not need it. */
function loadSqlite(): typeof import('node:sqlite') {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return require('node:sqlite');
	} catch {
		throw new Error(`The embedded SQLite store needs Node.js 22.13 or newer (this is ${process.version}); use the PostgreSQL store instead.`);
	}
}

/** One async writer at a time on a connection: the transactions of concurrent n8n executions queue here. */
class Mutex {
	private tail: Promise<void> = Promise.resolve();
	run<T>(work: () => Promise<T>): Promise<T> {
		const result = this.tail.then(work);
		this.tail = result.then(
			() => undefined,
			() => undefined,
		);
		return result;
	}
}

const jsonList = (values: string[]) => JSON.stringify(values);

/**
 * SQLite result codes (primary, low byte) that concern the database, not the rows written: BUSY, LOCKED,
 * NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
 */
const DATABASE_WIDE = new Set([5, 6, 7, 8, 10, 11, 13, 14, 26]);

export class SqliteBackend implements StoreBackend {
	readonly driver = 'sqlite' as const;
	private readonly db: DatabaseSync;
	private readonly statements = new Map<string, StatementSync>();
	private readonly mutex = new Mutex();

	constructor(options: SqliteStoreOptions) {
		const { DatabaseSync } = loadSqlite();
		if (options.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
		this.db = new DatabaseSync(options.path);
		this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 10000))}`);
		// WAL lets readers proceed while one writer commits; NORMAL sync is durable against process crashes.
		this.db.exec('PRAGMA journal_mode = WAL');
		this.db.exec('PRAGMA synchronous = NORMAL');
		this.db.exec('PRAGMA foreign_keys = ON');
		this.migrate(options.targetVersion ?? Number.MAX_SAFE_INTEGER);
	}

	private stmt(sql: string): StatementSync {
		let s = this.statements.get(sql);
		if (!s) {
			s = this.db.prepare(sql);
			this.statements.set(sql, s);
		}
		return s;
	}

	private readonly prepare = (sql: string): StatementSync => this.stmt(sql);

	private all(sql: string, ...params: SQLInputValue[]): Row[] {
		return this.stmt(sql).all(...params) as Row[];
	}

	private run(sql: string, ...params: SQLInputValue[]): void {
		this.stmt(sql).run(...params);
	}

	private migrate(target: number): void {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			this.db.exec('CREATE TABLE IF NOT EXISTS oms_schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
			const current = this.currentVersion();
			const latest = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1].version;
			if (current > latest) throw new Error(`The store's schema is version ${current}, newer than this package knows (${latest}): upgrade n8n-nodes-oms.`);
			for (const m of SQLITE_MIGRATIONS) {
				if (m.version <= current || m.version > target) continue;
				this.db.exec(m.sql);
				this.db.prepare('INSERT INTO oms_schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
			}
			this.db.exec('COMMIT');
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}

	private currentVersion(): number {
		const row = this.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM oms_schema_migrations').get() as Row;
		return Number(row.v);
	}

	async schemaVersion(): Promise<number> {
		return this.read(() => this.currentVersion());
	}

	transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
		return this.mutex.run(async () => {
			// IMMEDIATE takes the write lock up front: processes sharing the file queue here (busy timeout).
			this.db.exec('BEGIN IMMEDIATE');
			try {
				const result = await work(this.tx);
				this.db.exec('COMMIT');
				return result;
			} catch (error) {
				if (this.db.isTransaction) this.db.exec('ROLLBACK');
				throw error;
			}
		});
	}

	/**
	 * A write of a few statements with no await inside: the write lock is never held across the event loop,
	 * so it cannot stall behind a busy wait of this very thread.
	 */
	private writeNow<T>(work: () => T): Promise<T> {
		return this.mutex.run(async () => {
			this.db.exec('BEGIN IMMEDIATE');
			try {
				const result = work();
				this.db.exec('COMMIT');
				return result;
			} catch (error) {
				if (this.db.isTransaction) this.db.exec('ROLLBACK');
				throw error;
			}
		});
	}

	failsEveryOrder(error: unknown): boolean {
		const e = error as { code?: unknown; errcode?: unknown };
		if (e?.code === 'ERR_INVALID_STATE') return true; // the connection is closed
		return e?.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number' && DATABASE_WIDE.has(e.errcode & 0xff);
	}

	/** Kit reads queue behind open transactions like every read. */
	readonly kitReads: KitQueries = sqliteKitQueries(this.prepare, (work) => this.read(work));
	readonly channelConfig: ChannelConfigBackend = sqliteChannelConfig(this.prepare, (work) => this.read(work), (work) => this.writeNow(work));
	readonly listingRules: ListingRuleBackend = sqliteListingRules(this.prepare, (work) => this.read(work), (work) => this.writeNow(work));

	private readonly tx: StoreTx = {
		...sqliteLinkTx(this.prepare),
		...sqliteKitQueries(this.prepare, async (work) => work()),
		...sqliteKitWrites(this.prepare),
		...sqliteWarehouseChoice(this.prepare),
		lockOrders: async (keys) => {
			const rows = this.all('SELECT * FROM oms_orders WHERE order_key IN (SELECT value FROM json_each(?))', jsonList(keys));
			return new Map(rows.map((r) => [String(r.order_key), orderStateFromRow(r)]));
		},
		createCounters: async (keys) => {
			this.run(
				"INSERT INTO oms_stock (warehouse, sku, updated_at) SELECT value ->> 0, value ->> 1, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING",
				new Date().toISOString(), JSON.stringify(keys.map((k) => [k.warehouse, k.sku])),
			);
		},
		lockCounters: async (keys) => {
			// The write lock is already held (BEGIN IMMEDIATE): read them all, set-based.
			const pairs = JSON.stringify(keys.map((k) => [k.warehouse, k.sku]));
			const rows = this.all(
				'SELECT s.* FROM json_each(?) AS k JOIN oms_stock AS s ON s.warehouse = k.value ->> 0 AND s.sku = k.value ->> 1',
				pairs,
			);
			return new Map(rows.map((r) => [counterKey(String(r.sku), String(r.warehouse)), counterFromRow(r)]));
		},
		appliedRefs: async (entries) => {
			const found = new Set<string>();
			for (const e of entries) {
				const hit = this.stmt('SELECT 1 FROM oms_ledger WHERE ref = ? AND warehouse = ? AND sku = ?').get(e.ref, e.warehouse, e.sku);
				if (hit) found.add(appliedRefKey(e.ref, e.sku, e.warehouse));
			}
			return found;
		},
		writeStock: async (ledger: LedgerInsert[], counters: CounterRow[]) => {
			for (const r of ledger) {
				this.run(
					'INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key, ref, note, kit_sku) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
					r.at, r.sku, r.warehouse, r.deltaOnHand, r.deltaReserved, r.reason, r.orderKey, r.effectKey, r.ref, r.note, r.kit ?? '',
				);
			}
			await this.tx.saveCounters(counters);
		},
		saveCounters: async (rows: CounterRow[]) => {
			if (rows.length === 0) return;
			const seq = Number((this.stmt("UPDATE oms_meta SET value = value + 1 WHERE key = 'change_seq' RETURNING value").get() as Row).value);
			const now = new Date().toISOString();
			for (const c of rows) {
				this.run(
					'UPDATE oms_stock SET on_hand = ?, reserved = ?, stocked = ?, change_seq = ?, updated_at = ? WHERE warehouse = ? AND sku = ?',
					c.onHand, c.reserved, c.stocked ? 1 : 0, seq, now, c.warehouse, c.sku,
				);
			}
		},
		saveOrders: async (rows: OrderSave[]) => {
			for (const { state, identity, paymentMethod, flags, summary, at } of rows) {
				const s = stateParams(state);
				if (identity) {
					this.run(
						`INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, facts_json, first_seen_at, updated_at, payment_method)
						 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'unknown'))
						 ON CONFLICT (order_key) DO UPDATE SET status = excluded.status, stage = excluded.stage, warehouse = excluded.warehouse, reserved_json = excluded.reserved_json,
						   committed_json = excluded.committed_json, revision = excluded.revision, reserved_at = excluded.reserved_at,
						   channel_updated_at = excluded.channel_updated_at, facts_json = excluded.facts_json, updated_at = excluded.updated_at,
						   payment_method = CASE WHEN ? IS NULL THEN oms_orders.payment_method ELSE excluded.payment_method END`,
						state.orderKey, identity.channel, identity.account, identity.channelOrderId, ...s, at, at, paymentMethod ?? null, paymentMethod ?? null,
					);
				} else {
					this.run(
						'UPDATE oms_orders SET status = ?, stage = ?, warehouse = ?, reserved_json = ?, committed_json = ?, revision = ?, reserved_at = ?, channel_updated_at = ?, facts_json = ?, updated_at = ? WHERE order_key = ?',
						...s, at, state.orderKey,
					);
				}
				if (state.kits) this.run('UPDATE oms_orders SET kits_json = ? WHERE order_key = ?', JSON.stringify(state.kits), state.orderKey);
				// Apply sets the flags; other saves (expiry) leave them.
				if (flags) this.run('UPDATE oms_orders SET flags_json = ? WHERE order_key = ?', JSON.stringify(flags), state.orderKey);
				if (summary) this.run('UPDATE oms_orders SET summary_json = ? WHERE order_key = ?', JSON.stringify(summary), state.orderKey);
			}
		},
		appendOrderEvents: async (rows: OrderEventInsert[]) => {
			for (const e of rows) {
				this.run(
					'INSERT INTO oms_order_events (order_key, at, previous_status, new_status, outcome, effects_json) VALUES (?, ?, ?, ?, ?, ?)',
					e.orderKey, e.at, e.previousStatus, e.newStatus, e.outcome, JSON.stringify(e.effects),
				);
			}
		},
		findExpirable: async (cutoffs, limit) =>
			this.all(
				`SELECT o.order_key FROM oms_orders o JOIN json_each(?) c ON c.key = o.payment_method
				 WHERE o.stage = 'reserved' AND o.status = 'pending_payment' AND o.reserved_at < c.value ORDER BY o.reserved_at LIMIT ?`,
				JSON.stringify(cutoffs), limit,
			).map((r) => String(r.order_key)),
		paymentMethodsOf: async (keys) =>
			new Map(
				this.all('SELECT order_key, payment_method FROM oms_orders WHERE order_key IN (SELECT value FROM json_each(?))', jsonList(keys)).map((r) => [
					String(r.order_key),
					r.payment_method as PaymentMethod,
				]),
			),
		ledgerTotals: async () =>
			this.all('SELECT warehouse, sku, SUM(delta_on_hand) AS on_hand, SUM(delta_reserved) AS reserved FROM oms_ledger GROUP BY warehouse, sku').map(totalFromRow),
		allCounters: async () => this.all('SELECT * FROM oms_stock ORDER BY warehouse, sku').map(counterFromRow),
		openReservationTotals: async () =>
			this.all(
				"SELECT o.warehouse, j.key AS sku, SUM(j.value) AS reserved FROM oms_orders o, json_each(o.reserved_json) j WHERE o.stage = 'reserved' AND o.kits_json = '{}' GROUP BY o.warehouse, j.key",
			).map(totalFromRow),
	};

	/** Reads queue behind open transactions too: on a shared connection they would see uncommitted rows. */
	private read<T>(work: () => T): Promise<T> {
		return this.mutex.run(async () => work());
	}

	async getAvailability(skus?: string[], warehouse?: string): Promise<StockLevel[]> {
		const rows = await this.read(() => this.all(
			'SELECT * FROM oms_stock WHERE (?1 IS NULL OR warehouse = ?1) AND (?2 IS NULL OR sku IN (SELECT value FROM json_each(?2))) ORDER BY warehouse, sku',
			warehouse ?? null, skus ? jsonList(skus) : null,
		));
		return rows.map(levelFromRow);
	}

	async listChanged(cursor: string | undefined, limit: number): Promise<ChangedPage> {
		const from = Number(cursor ?? 0);
		return this.read(() => {
			const rows = this.all('SELECT * FROM oms_stock WHERE change_seq > ? ORDER BY change_seq, warehouse, sku LIMIT ?', from, limit + 1);
			return pageByChangeSeq(rows, limit, from, (seq) => this.all('SELECT * FROM oms_stock WHERE change_seq = ? ORDER BY warehouse, sku', seq));
		});
	}

	async listReservations(q: ReservationQuery): Promise<ReservationEntry[]> {
		const rows = await this.read(() => this.all(
			`SELECT o.order_key, o.status, o.warehouse, o.reserved_at, o.kits_json, j.key AS sku, j.value AS quantity FROM oms_orders o, json_each(o.reserved_json) j
			 WHERE o.stage = 'reserved' AND (?1 IS NULL OR o.order_key = ?1) AND (?2 IS NULL OR j.key = ?2 OR o.kits_json <> '{}') ORDER BY o.reserved_at, o.order_key, j.key LIMIT ?3`,
			q.orderKey ?? null, q.sku ?? null, q.limit ?? 1000,
		));
		return reservationsFromRows(rows, q.sku);
	}

	async listLedger(q: LedgerQuery): Promise<LedgerEntry[]> {
		const rows = await this.read(() => this.all(
			'SELECT * FROM oms_ledger WHERE id > ?1 AND (?2 IS NULL OR sku = ?2) AND (?3 IS NULL OR order_key = ?3) ORDER BY id LIMIT ?4',
			q.afterId ?? 0, q.sku ?? null, q.orderKey ?? null, q.limit ?? 1000,
		));
		return rows.map(ledgerFromRow);
	}

	getOrder(orderKey: string): Promise<StoredOrder | null> {
		return this.read(() => selectOrder(this.prepare, orderKey));
	}

	listOrders(filter: OrderFilter): Promise<StoredOrder[]> {
		return this.read(() => selectOrders(this.prepare, filter));
	}

	orderActivity(q: { since: string; limit: number }): Promise<OrderActivity[]> {
		return this.read(() => selectActivity(this.prepare, q));
	}

	async getVersionedLevels(skus: string[], warehouse: string): Promise<VersionedLevel[]> {
		const rows = await this.read(() => this.all('SELECT * FROM oms_stock WHERE warehouse = ? AND sku IN (SELECT value FROM json_each(?)) ORDER BY sku', warehouse, jsonList(skus)));
		return rows.map(versionedLevelFromRow);
	}

	async recordPushed(channel: string, values: Array<Required<PushedValue>>, at: string): Promise<PushedValue[]> {
		return this.writeNow(() => upsertPushed(this.prepare, channel, values, at));
	}

	/** One autocommit statement behind the mutex: atomic against other processes through the file lock. */
	async getTargetPushStates(channel: string, skus: string[], warehouse: string): Promise<ListingPushState[]> {
		return this.read(() => selectTargetPushStates(this.prepare, channel, skus, warehouse));
	}

	async acquirePushLeases(channel: string, warehouse: string, skus: string[], holder: string, nowMs: number, expiresMs: number): Promise<string[]> {
		return this.writeNow(() => takeLeases(this.prepare, channel, warehouse, skus, holder, nowMs, expiresMs));
	}

	async releasePushLeases(channel: string, warehouse: string, skus: string[], holder: string): Promise<void> {
		await this.mutex.run(async () => dropLeases(this.prepare, channel, warehouse, skus, holder));
	}

	async recordPushRetries(channel: string, entries: Array<PushRetryInput & { warehouse: string; listing: string }>, nowMs: number, backoff: RetryBackoff): Promise<void> {
		await this.writeNow(() => upsertRetries(this.prepare, channel, entries, nowMs, backoff));
	}

	async listPushRetries(channel: string, q: { warehouse?: string; skus?: string[]; dueBeforeMs?: number; limit: number }): Promise<PushRetryEntry[]> {
		return this.read(() => selectRetries(this.prepare, channel, q));
	}

	pushStatus(filter: PushStatusFilter): Promise<PushStatusEntry[]> {
		return this.read(() => selectPushStatus(this.prepare, filter));
	}

	async clearPushRetries(channel: string, warehouse: string, seen: Array<{ sku: string; listing: string; revision: number }>, startedMs: number | null): Promise<void> {
		await this.mutex.run(async () => deleteRetries(this.prepare, channel, warehouse, seen, startedMs));
	}

	async setListings(channel: string, mappings: ListingMapping[], at: string): Promise<void> {
		await this.transaction(async () => {
			for (const m of mappings) {
				this.run(
					`INSERT INTO oms_channel_listing (channel, sku, listing_id, variant_id, inventory_item_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
					 ON CONFLICT DO UPDATE SET listing_id = excluded.listing_id, variant_id = excluded.variant_id, inventory_item_id = excluded.inventory_item_id, updated_at = excluded.updated_at`,
					channel, m.sku, m.listingId, m.variantId ?? null, m.inventoryItemId ?? null, at,
				);
			}
		});
	}

	async getListings(channel: string, skus: string[]): Promise<Map<string, ListingMapping>> {
		const rows = await this.read(() => this.all('SELECT * FROM oms_channel_listing WHERE channel = ? AND sku IN (SELECT value FROM json_each(?))', channel, jsonList(skus)));
		return new Map(rows.map((r) => [String(r.sku), listingFromRow(r)]));
	}

	listLinks(q: LinkQuery & { limit: number }): Promise<ListingLink[]> {
		return this.read(() => selectLinks(this.prepare, q));
	}

	listUnlinked(q: UnlinkedQuery & { limit: number }): Promise<UnlinkedRow[]> {
		return this.read(() => selectUnlinked(this.prepare, q));
	}

	linksOfSkus(channel: string, account: string, skus: string[]): Promise<ListingLink[]> {
		return this.read(() => selectLinksOfSkus(this.prepare, channel, account, skus));
	}

	upsertGtins(rows: Array<{ sku: string; gtin: string }>, at: string): Promise<void> {
		return this.writeNow(() => {
			const upsert = this.prepare('INSERT INTO oms_sku_gtin (gtin, sku, updated_at) VALUES (?, ?, ?) ON CONFLICT (gtin) DO UPDATE SET sku = excluded.sku, updated_at = excluded.updated_at');
			for (const r of rows) upsert.run(r.gtin, r.sku, at);
		});
	}

	gtinsOfSkus(skus: string[]): Promise<Array<{ sku: string; gtin: string }>> {
		return this.read(() =>
			this.all('SELECT sku, gtin FROM oms_sku_gtin WHERE sku IN (SELECT value FROM json_each(?)) ORDER BY gtin', jsonList(skus)).map((r) => ({ sku: String(r.sku), gtin: String(r.gtin) })),
		);
	}

	/** One autocommit insert behind the mutex: never inside another execution's open transaction. */
	async recordDelivery(channel: string, account: string, eventId: string, receivedAt: string): Promise<boolean> {
		return this.mutex.run(async () => insertDelivery(this.prepare, channel, account, eventId, receivedAt));
	}

	async pruneDeliveries(cutoff: string): Promise<number> {
		return this.mutex.run(async () => deleteDeliveriesBefore(this.prepare, cutoff) + deleteParkedBefore(this.prepare, cutoff));
	}

	/** The event id and the queue row in one transaction: a delivery is never seen without being queued. */
	async acceptDelivery(row: QueueInsert): Promise<boolean> {
		return this.writeNow(() => {
			if (row.eventId !== null && !insertDelivery(this.prepare, row.channel, row.account, row.eventId, row.receivedAt)) return false;
			insertQueued(this.prepare, row);
			return true;
		});
	}

	async claimDeliveries(queue: string, holder: string, nowMs: number, untilMs: number, limit: number, retried: boolean): Promise<ClaimedDelivery[]> {
		return this.mutex.run(async () => claimQueued(this.prepare, queue, holder, nowMs, untilMs, limit, retried));
	}

	async renewDeliveries(queue: string, holder: string, seqs: number[], untilMs: number): Promise<void> {
		await this.mutex.run(async () => renewQueued(this.prepare, queue, holder, seqs, untilMs));
	}

	async completeDeliveries(queue: string, holder: string, seqs: number[]): Promise<number> {
		return this.mutex.run(async () => deleteQueued(this.prepare, queue, holder, seqs));
	}

	async failDeliveries(queue: string, holder: string, seqs: number[], f: QueueFailure): Promise<void> {
		await this.mutex.run(async () => failQueued(this.prepare, queue, holder, seqs, f));
	}

	async queueStatus(queue: string, nowMs: number): Promise<QueueStatus> {
		return this.read(() => selectQueueStatus(this.prepare, queue, nowMs));
	}

	async close(): Promise<void> {
		await this.mutex.run(async () => {
			if (this.db.isOpen) this.db.close();
		});
	}
}

function stateParams(s: OrderStockState): SQLInputValue[] {
	return [s.status, s.stage, s.warehouse, JSON.stringify(s.reserved), JSON.stringify(s.committed), s.revision, s.reservedAt, s.channelUpdatedAt, factsJson(s)];
}
