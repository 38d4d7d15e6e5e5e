import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INodeCredentialTestResult, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { OmsStore } from '../../nodes/OmsStore/OmsStore.node';
import { additionalData, executeNode } from './n8n-execute';

/** The OMS Store node run through n8n's own ExecuteContext and CredentialTestContext (see n8n-execute.ts). */

export const NODE_TYPE = 'n8n-nodes-oms.omsStore';
const nodeType = new OmsStore();
// The tool variant as n8n makes it (name + "Tool"), so '@tool' display options resolve as in the editor.
const toolType: OmsStore = Object.assign(Object.create(nodeType) as OmsStore, { description: { ...nodeType.description, name: 'omsStoreTool' } });

export interface RunOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Input items (json only); one empty item by default, like a Manual Trigger hands over. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's static data: pass the same object again to play the next execution. */
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger';
	withDefaults?: boolean;
	/** Run as the "OMS Store Tool" n8n makes of the node for an AI Agent (type omsStoreTool). */
	asTool?: boolean;
}

export function runNode(options: RunOptions): Promise<INodeExecutionData[]> {
	return executeNode({
		...options,
		nodeType: options.asTool ? toolType : nodeType,
		type: options.asTool ? `${NODE_TYPE}Tool` : NODE_TYPE,
		name: options.asTool ? 'OMS Store Tool' : 'OMS Store',
		credentials: { omsStoreApi: options.credentials },
		credentialNames: { omsStoreApi: 'OMS Store account' },
	});
}

export async function testCredential(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const context = new CredentialTestContext(additionalData({ omsStoreApi: data }));
	return await nodeType.methods.credentialTest.omsStoreConnectionTest.call(context, {
		id: 'cred-omsStoreApi',
		name: 'OMS Store account',
		type: 'omsStoreApi',
		data,
	});
}
