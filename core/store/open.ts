import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PostgresBackend } from './postgres/driver';
import { SqliteBackend } from './sqlite/driver';
import { LedgerStore, type Clock } from './store';
import type { OmsStore } from './types';

export type StoreConfig =
	| { driver: 'sqlite'; path?: string; busyTimeoutMs?: number }
	| {
			driver: 'postgres';
			connectionString?: string;
			host?: string;
			port?: number;
			database?: string;
			user?: string;
			password?: string;
			ssl?: boolean | { rejectUnauthorized: boolean };
			/** Connections per process (default 5). */
			maxConnections?: number;
			/** Give up connecting after this long (default 10 s), so an unreachable host fails the run. */
			connectTimeoutMs?: number;
	  };

/** n8n's user folder (N8N_USER_FOLDER, else the home directory) + .n8n/oms/oms.sqlite, as n8n itself lays it out. */
export function defaultSqlitePath(): string {
	const base = process.env.N8N_USER_FOLDER ?? os.homedir();
	return path.join(base, '.n8n', 'oms', 'oms.sqlite');
}

export function createStore(config: StoreConfig, options: { clock?: Clock; targetVersion?: number } = {}): OmsStore {
	if (config.driver === 'sqlite') {
		const backend = new SqliteBackend({ path: config.path || defaultSqlitePath(), busyTimeoutMs: config.busyTimeoutMs, targetVersion: options.targetVersion });
		return new LedgerStore(backend, options.clock);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Pool } = require('pg') as typeof import('pg');
	const pool = new Pool({
		connectionString: config.connectionString,
		host: config.host,
		port: config.port,
		database: config.database,
		user: config.user,
		password: config.password,
		ssl: config.ssl,
		max: config.maxConnections ?? 5,
		idleTimeoutMillis: 30000,
		connectionTimeoutMillis: config.connectTimeoutMs ?? 10000,
	});
	// An idle client's network error must not crash the n8n process; the next query reconnects.
	pool.on('error', () => undefined);
	return new LedgerStore(new PostgresBackend(pool, options.targetVersion), options.clock);
}

/**
 * One store (one SQLite connection, one Postgres pool) per configuration per process, shared by every
 * execution of every workflow that uses the same credential.
 */
const shared = new Map<string, OmsStore>();

const configId = (config: StoreConfig): string => createHash('sha256').update(JSON.stringify(config)).digest('hex');

export function getSharedStore(config: StoreConfig): OmsStore {
	const id = configId(config);
	let store = shared.get(id);
	if (!store) {
		store = createStore(config);
		shared.set(id, store);
	}
	return store;
}

export async function closeSharedStores(): Promise<void> {
	const stores = [...shared.values()];
	shared.clear();
	await Promise.all(stores.map((s) => s.close()));
}
