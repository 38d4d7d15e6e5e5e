import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { Clock } from '../../core/store/store';
import type { OmsStore } from '../../core/store/types';

/** Both drivers, fresh and empty, for the conformance suite. */

export interface StoreFixture {
	store: OmsStore;
	config: StoreConfig;
}

export type DriverName = 'sqlite' | 'postgres';
export const DRIVERS: DriverName[] = ['sqlite', 'postgres'];

export function pgUrl(): string {
	const url = process.env.OMS_TEST_PG_URL;
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
