import fs from 'node:fs';
import { NodeOperationError } from 'n8n-workflow';
import { closeSharedStores, defaultSqlitePath } from '../../core/store/open';
import { redactSecrets, toStoreConfig } from '../../nodes/shared/store';
import { runNode, testCredential } from '../harness/n8n-store-harness';
import { postgresCredential, sqliteCredential } from './helpers/stores';

/** The OMS Store credential: its mapping to the core's StoreConfig and the node's connection test. */

const WRONG_PASSWORD = 'Wr0ng-S3cret-Pa55';

afterAll(() => closeSharedStores());

describe('OMS Store credential → StoreConfig', () => {
	test('SQLite: the file path, or the n8n user folder default when empty', () => {
		expect(toStoreConfig({ storeType: 'sqlite', sqlitePath: ' /data/oms.sqlite ' })).toEqual({ driver: 'sqlite', path: '/data/oms.sqlite' });
		expect(toStoreConfig({ storeType: 'sqlite', sqlitePath: '' })).toEqual({ driver: 'sqlite' });
	});

	test('PostgreSQL: fields, SSL modes and defaults', () => {
		const base = { storeType: 'postgres', host: 'db', port: 6543, database: 'oms', user: 'u', password: 'p', maxConnections: 8 };
		expect(toStoreConfig({ ...base, ssl: 'disable' })).toEqual({ driver: 'postgres', host: 'db', port: 6543, database: 'oms', user: 'u', password: 'p', ssl: false, maxConnections: 8 });
		expect(toStoreConfig({ ...base, ssl: 'require' })).toMatchObject({ ssl: { rejectUnauthorized: true } });
		expect(toStoreConfig({ ...base, ssl: 'allowSelfSigned' })).toMatchObject({ ssl: { rejectUnauthorized: false } });
		expect(toStoreConfig({ ...base, port: '', maxConnections: 0 })).toMatchObject({ port: 5432, maxConnections: 5 });
	});

	test('error messages never carry the password, even inside a connection URL', () => {
		const config = toStoreConfig({ storeType: 'postgres', host: 'db', user: 'oms', password: 'hunter2' });
		expect(redactSecrets('auth failed for hunter2 at postgres://oms:hunter2@db/oms', config)).toBe('auth failed for *** at postgres://oms:***@db/oms');
		expect(redactSecrets('postgresql://a:other@h/x', config)).toBe('postgresql://a:***@h/x');
	});
});

describe('OMS Store credential test (omsStoreConnectionTest)', () => {
	test('SQLite: opens the file, runs the migrations and reports the schema version', async () => {
		const credentials = sqliteCredential();
		const result = await testCredential(credentials);
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/^Connected to the SQLite store \(schema version [1-9]\d*\)$/) });
		expect(fs.existsSync(String(credentials.sqlitePath))).toBe(true);
	});

	test('SQLite with an empty path uses <n8n user folder>/.n8n/oms/oms.sqlite', async () => {
		expect(defaultSqlitePath().startsWith(String(process.env.N8N_USER_FOLDER))).toBe(true);
		expect(await testCredential({ storeType: 'sqlite', sqlitePath: '' })).toMatchObject({ status: 'OK' });
		expect(fs.existsSync(defaultSqlitePath())).toBe(true);
	});

	test('PostgreSQL: a good configuration connects and migrates', async () => {
		const result = await testCredential(await postgresCredential());
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/^Connected to the PostgreSQL store \(schema version [1-9]\d*\)$/) });
	});

	test('PostgreSQL: a wrong password fails with a clean message that does not contain it', async () => {
		const result = await testCredential({ ...(await postgresCredential()), password: WRONG_PASSWORD });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/password authentication failed/);
		expect(result.message).not.toContain(WRONG_PASSWORD);
	});

	test('PostgreSQL: nobody listening fails fast with a message', async () => {
		const result = await testCredential({ ...(await postgresCredential()), host: '127.0.0.1', port: 1 });
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('ECONNREFUSED') });
	});
});

describe('OMS Store node with a wrong database password', () => {
	const parameters = { resource: 'stock', operation: 'getAvailability', scope: 'all' };

	test('stops with a NodeOperationError that does not contain the password', async () => {
		const credentials = { ...(await postgresCredential()), password: WRONG_PASSWORD };
		const error = await runNode({ credentials, parameters }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/password authentication failed/);
		expect(JSON.stringify(error)).not.toContain(WRONG_PASSWORD);
		expect((error as Error).stack ?? '').not.toContain(WRONG_PASSWORD);
	});

	test('with continue on fail, outputs an error item without the password', async () => {
		const credentials = { ...(await postgresCredential()), password: WRONG_PASSWORD };
		const out = await runNode({ credentials, parameters, continueOnFail: true });
		expect(out).toEqual([{ json: { error: { message: expect.stringMatching(/password authentication failed/) } }, pairedItem: { item: 0 } }]);
		expect(JSON.stringify(out)).not.toContain(WRONG_PASSWORD);
	});
});
