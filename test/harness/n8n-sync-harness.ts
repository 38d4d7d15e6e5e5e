import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { executeNode, type Authenticate } from './n8n-execute';

/**
 * Runs OMS Status Sync inside n8n's own ExecuteContext over a real Workflow (test/nodes/helpers/n8n-execute.ts):
 * parameter defaults, displayOptions on credentials, expressions, continue-on-fail and
 * httpRequestWithAuthentication are n8n's code; `authenticate` applies the channel credential's header.
 */
export interface SyncRunOptions {
	nodeType: OmsStatusSync;
	parameters: INodeParameters;
	/** Credential type → decrypted data. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	authenticate?: Authenticate;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's static data: pass the same object again to play the next execution. */
	staticData?: IDataObject;
	oauth2CredentialTypes?: string[];
}

export function runSync(o: SyncRunOptions): Promise<INodeExecutionData[]> {
	return executeNode({ ...o, type: 'n8n-nodes-oms.omsStatusSync', name: 'OMS Status Sync', withDefaults: true });
}
