import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { pgUrl } from '../../store/stores';

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
