import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client } from 'pg';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { toStoreConfig } from '../../../nodes/shared/store';
import { databaseRefusesSku, pgUrl } from '../../store/stores';

/** Fresh, empty stores described the way a user fills in the OMS Store credential. */

export type DriverName = 'sqlite' | 'postgres';

export function sqliteCredential(): ICredentialDataDecryptedObject {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-node-'));
	return { storeType: 'sqlite', sqlitePath: path.join(dir, 'oms.sqlite') };
}

/** A new database in the test server started by jest's global setup, as host/port/user/password fields. */
export async function postgresCredential(): Promise<ICredentialDataDecryptedObject> {
	const url = new URL(pgUrl());
	const database = `oms_node_${randomUUID().replace(/-/g, '')}`;
	const admin = new Client({ connectionString: url.toString() });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${database}`);
	await admin.end();
	return {
		storeType: 'postgres',
		host: url.hostname,
		port: Number(url.port),
		database,
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
		ssl: 'disable',
		maxConnections: 4,
	};
}

export const freshCredential = async (driver: DriverName) => (driver === 'sqlite' ? sqliteCredential() : await postgresCredential());

/** Writes behind the store's back (to make the counters drift from the ledger). */
export async function rawSql(credentials: ICredentialDataDecryptedObject, sql: string): Promise<void> {
	if (credentials.storeType === 'sqlite') {
		const db = new DatabaseSync(String(credentials.sqlitePath));
		try {
			db.exec(sql);
		} finally {
			db.close();
		}
		return;
	}
	const { host, port, database, user, password } = credentials as Record<string, string>;
	const client = new Client({ host, port: Number(port), database, user, password });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/** Makes the credential's database itself refuse ledger rows of `sku` (see test/store/stores.ts). */
export const databaseRefuses = (credentials: ICredentialDataDecryptedObject, sku: string) => databaseRefusesSku(toStoreConfig(credentials), sku);
