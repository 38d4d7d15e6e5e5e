import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { optionsField } from '../nodes/shared/fields';

const postgresOnly = { show: { storeType: ['postgres'] } };

/**
 * Where the OMS keeps its stock ledger. There is no HTTP endpoint to test, so the OMS Store node tests this
 * credential itself (`testedBy: 'omsStoreConnectionTest'`), as n8n's own Postgres node does.
 */
export class OmsStoreApi implements ICredentialType {
	name = 'omsStoreApi';

	// The store is a database, not an API: "OMS Store API" would mislead the people picking the credential.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'OMS Store';

	icon = { light: 'file:../nodes/OmsStore/oms.svg', dark: 'file:../nodes/OmsStore/oms.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-oms/n8n-nodes-oms#oms-store';

	properties: INodeProperties[] = [
		optionsField('Store Type', 'storeType', 'sqlite', [
			{
				name: 'SQLite (File on This n8n Server)',
				value: 'sqlite',
				description: 'Simplest: one file, no database server. Only for a single n8n instance (not queue mode).',
			},
			{
				name: 'PostgreSQL',
				value: 'postgres',
				description: 'A PostgreSQL database. Needed when several n8n workers run (queue mode).',
			},
		]),
		{
			displayName: 'Database File',
			name: 'sqlitePath',
			type: 'string',
			default: '',
			placeholder: '/home/node/.n8n/oms/oms.sqlite',
			description: 'Full path of the SQLite file; it is created when missing. Leave empty to use oms/oms.sqlite in the n8n user folder.',
			displayOptions: { show: { storeType: ['sqlite'] } },
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			displayOptions: postgresOnly,
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: postgresOnly,
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: 'postgres',
			description: 'The OMS creates its own tables (all named oms_…) in this database',
			displayOptions: postgresOnly,
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: postgresOnly,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: postgresOnly,
		},
		{
			...optionsField('SSL', 'ssl', 'disable', [
				{ name: 'Disable', value: 'disable', description: 'Plain connection (local or private network)' },
				{ name: 'Require', value: 'require', description: 'Encrypted connection with a certificate the server proves is valid' },
				{
					name: 'Require (Allow Self-Signed Certificate)',
					value: 'allowSelfSigned',
					description: 'Encrypted connection, but the server certificate is not checked (self-signed certificates)',
				},
			]),
			displayOptions: postgresOnly,
		},
		{
			displayName: 'Max Connections',
			name: 'maxConnections',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5,
			description: 'How many database connections each n8n process may open at most',
			displayOptions: postgresOnly,
		},
	];
}
