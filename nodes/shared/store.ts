import { NodeOperationError, type ICredentialDataDecryptedObject, type IExecuteFunctions, type ITriggerFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { getSharedStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';

export const CREDENTIAL_TYPE = 'omsStoreApi';

/** The store plus a way to report its errors without the credential's secrets. */
export interface StoreHandle {
	store: OmsStore;
	safeMessage(error: unknown): string;
}

const sslOption = (mode: unknown): boolean | { rejectUnauthorized: boolean } => {
	if (mode === 'require') return { rejectUnauthorized: true };
	if (mode === 'allowSelfSigned') return { rejectUnauthorized: false };
	return false;
};

/** The OMS Store credential as the core's StoreConfig. */
export function toStoreConfig(credentials: ICredentialDataDecryptedObject): StoreConfig {
	if (credentials.storeType !== 'postgres') {
		const path = String(credentials.sqlitePath ?? '').trim();
		// An empty path lets the core pick <n8n user folder>/.n8n/oms/oms.sqlite.
		return path ? { driver: 'sqlite', path } : { driver: 'sqlite' };
	}
	const max = Number(credentials.maxConnections);
	return {
		driver: 'postgres',
		host: String(credentials.host ?? 'localhost'),
		port: Number(credentials.port) || 5432,
		database: String(credentials.database ?? ''),
		user: String(credentials.user ?? ''),
		password: String(credentials.password ?? ''),
		ssl: sslOption(credentials.ssl),
		maxConnections: Number.isInteger(max) && max > 0 ? max : 5,
	};
}

/**
 * Drivers do not put the password in their messages today; this guarantees it for anything they (or a
 * connection string) might add later.
 */
export function redactSecrets(message: string, config: StoreConfig): string {
	let out = message.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+):[^@\s]+@/gi, '$1:***@');
	if (config.driver === 'postgres' && config.password) out = out.split(config.password).join('***');
	return out;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The store of the node's credential: one per credential per n8n process, shared by every execution. */
export async function openStore(ctx: IExecuteFunctions | IWebhookFunctions | ITriggerFunctions): Promise<StoreHandle> {
	const config = toStoreConfig(await ctx.getCredentials(CREDENTIAL_TYPE));
	const safeMessage = (error: unknown) => redactSecrets(messageOf(error), config);
	try {
		return { store: getSharedStore(config), safeMessage };
	} catch (error) {
		// Opening SQLite is synchronous (bad path, Node without node:sqlite): report it like any store error.
		throw new NodeOperationError(ctx.getNode(), safeMessage(error));
	}
}

/** openStore as the action nodes call it (this = their execute context). */
export function getStore(this: IExecuteFunctions): Promise<StoreHandle> {
	return openStore(this);
}
