import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { createStore } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { messageOf, redactSecrets, toStoreConfig } from './store';

/** A host that drops packets would otherwise keep the "Test" button spinning: pg has no connect timeout set. */
const TEST_TIMEOUT_MS = 20000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`No answer from the database within ${ms / 1000} seconds`)), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens the store exactly as the node will (including schema migrations) and reads its schema version.
 * It uses a private store, closed afterwards, so a failed test leaves no broken pool in the shared cache.
 */
export async function omsStoreConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const config = toStoreConfig(credential.data ?? {});
	let store: OmsStore | undefined;
	try {
		store = createStore(config);
		const version = await withTimeout(store.schemaVersion(), TEST_TIMEOUT_MS);
		const kind = config.driver === 'postgres' ? 'PostgreSQL' : 'SQLite';
		return { status: 'OK', message: `Connected to the ${kind} store (schema version ${version})` };
	} catch (error) {
		return { status: 'Error', message: redactSecrets(messageOf(error), config) };
	} finally {
		// A pool stuck connecting must not hold the test either; the close error itself tells nothing new.
		if (store) await withTimeout(store.close(), 5000).catch(() => undefined);
	}
}
