import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client } from 'pg';
import { createStore, type StoreConfig } from '../../core/store/open';
import { SQLITE_MIGRATIONS } from '../../core/store/sqlite/migrations';
import type { Clock } from '../../core/store/store';
import type { OmsStore } from '../../core/store/types';

/** Both drivers, fresh and empty, for the conformance suite. */

export interface StoreFixture {
	store: OmsStore;
	config: StoreConfig;
}

/** The newest schema version this package migrates to (both drivers number their migrations alike). */
export const LATEST_SCHEMA = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1].version;

export type DriverName = 'sqlite' | 'postgres';
export const DRIVERS: DriverName[] = ['sqlite', 'postgres'];

export function pgUrl(): string {
	const url = process.env.OMS_TEST_PG_URL;
	if (process.env.OMS_TEST_PG_ERROR) throw new Error(`PostgreSQL is not available for this test: ${process.env.OMS_TEST_PG_ERROR}`);
	if (!url) throw new Error('OMS_TEST_PG_URL is not set (jest global setup starts PostgreSQL)');
	return url;
}

/** A new database in the shared test server. */
export async function freshPgConfig(): Promise<StoreConfig> {
	const name = `oms_${randomUUID().replace(/-/g, '')}`;
	const admin = new Client({ connectionString: pgUrl() });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(pgUrl());
	url.pathname = `/${name}`;
	return { driver: 'postgres', connectionString: url.toString(), maxConnections: 10 };
}

export function freshSqliteConfig(): StoreConfig {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-sqlite-'));
	return { driver: 'sqlite', path: path.join(dir, 'oms.sqlite') };
}

export async function openFresh(driver: DriverName, options: { clock?: Clock; targetVersion?: number } = {}): Promise<StoreFixture> {
	const config = driver === 'sqlite' ? freshSqliteConfig() : await freshPgConfig();
	return { store: createStore(config, options), config };
}

/** SQL behind the store's back, on its own connection (to make counters drift, to read raw columns). */
export async function rawQuery(config: StoreConfig, sql: string): Promise<Array<Record<string, unknown>>> {
	if (config.driver === 'sqlite') {
		const db = new DatabaseSync(config.path!);
		try {
			return db.prepare(sql).all() as Array<Record<string, unknown>>;
		} finally {
			db.close();
		}
	}
	const { connectionString, host, port, database, user, password } = config;
	const client = new Client(connectionString ? { connectionString } : { host, port, database, user, password });
	await client.connect();
	try {
		return (await client.query(sql)).rows as Array<Record<string, unknown>>;
	} finally {
		await client.end();
	}
}

/** Runs one or more statements (no result). */
export async function rawSql(config: StoreConfig, sql: string): Promise<void> {
	if (config.driver === 'sqlite') {
		const db = new DatabaseSync(config.path!);
		try {
			db.exec(sql);
		} finally {
			db.close();
		}
		return;
	}
	await rawQuery(config, sql);
}

/**
 * Makes the database itself refuse any ledger row of `sku` (a trigger, on either driver): a failure that
 * only the database sees, after every check in the code passed. The store must already be migrated.
 */
export async function databaseRefusesSku(config: StoreConfig, sku: string): Promise<void> {
	const literal = `'${sku.replace(/'/g, "''")}'`;
	if (config.driver === 'sqlite') {
		await rawSql(config, `CREATE TRIGGER test_refuse_sku BEFORE INSERT ON oms_ledger WHEN NEW.sku = ${literal} BEGIN SELECT RAISE(ABORT, 'test trigger: the database refuses this SKU'); END;`);
		return;
	}
	await rawSql(
		config,
		`CREATE FUNCTION test_refuse_sku() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
			IF NEW.sku = ${literal} THEN RAISE EXCEPTION 'test trigger: the database refuses this SKU'; END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER test_refuse_sku BEFORE INSERT ON oms_ledger FOR EACH ROW EXECUTE FUNCTION test_refuse_sku();`,
	);
}

/**
 * A counted SKU written as an older package wrote it (today's code reads tables an older schema lacks):
 * a stocked counter and its set_on_hand ledger row, raw SQL on the oldest columns.
 */
export async function rawSetOnHand(config: StoreConfig, sku: string, onHand: number): Promise<void> {
	const stocked = config.driver === 'sqlite' ? '1' : 'true';
	await rawSql(
		config,
		`INSERT INTO oms_stock (warehouse, sku, on_hand, reserved, stocked, change_seq, updated_at) VALUES ('default', '${sku}', ${onHand}, 0, ${stocked}, 1, '2026-11-19T00:00:00Z');
		 INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason) VALUES ('2026-11-19T00:00:00Z', '${sku}', 'default', ${onHand}, 0, 'set_on_hand');
		 UPDATE oms_meta SET value = 1 WHERE key = 'change_seq';`,
	);
}

/** A fresh store per test whose clock reads `t.now` (set it to move time; `at(ms)` is 2026-11-20T12:00Z plus ms). */
export interface ClockedStore extends StoreFixture {
	now: Date;
}
export const clockAt = (ms: number): Date => new Date(Date.parse('2026-11-20T12:00:00Z') + ms);
export function useClockedStore(driver: DriverName): ClockedStore {
	const t = { now: clockAt(0) } as ClockedStore;
	beforeEach(async () => {
		t.now = clockAt(0);
		Object.assign(t, await openFresh(driver, { clock: () => t.now }));
	});
	afterEach(() => t.store.close());
	return t;
}
