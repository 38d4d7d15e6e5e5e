import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// n8n-core's InstanceSettings reads (and on first use writes) <N8N_USER_FOLDER>/.n8n/config: keep it out of $HOME.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'oms-n8n-user-'));

import { ExecuteContext } from 'n8n-core';
import {
	createRunExecutionData,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';

/**
 * Runs OMS Status Sync inside n8n's own ExecuteContext over a real Workflow (as test/nodes/helpers/n8n-harness.ts
 * does for the OMS Store): parameter defaults, displayOptions on credentials, expressions, continue-on-fail and
 * httpRequestWithAuthentication are n8n's code. Only the credential store is faked: one decrypted credential
 * per type, and `authenticate` applies the channel credential's header.
 */
export interface SyncRunOptions {
	nodeType: OmsStatusSync;
	parameters: INodeParameters;
	/** Credential type → decrypted data. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	authenticate?: (type: string, credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions) => IHttpRequestOptions;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's static data: pass the same object again to play the next execution. */
	staticData?: IDataObject;
}

function additionalData(o: SyncRunOptions): IWorkflowExecuteAdditionalData {
	const credentialsHelper = {
		getDecrypted: async (_a: unknown, _c: unknown, type: string) => o.credentials[type],
		isCredentialUsableByNode: () => true,
		getCredentialsProperties: () => [],
		authenticate: async (credentials: ICredentialDataDecryptedObject, type: string, request: IHttpRequestOptions) =>
			o.authenticate ? o.authenticate(type, credentials, request) : request,
		preAuthentication: async () => undefined,
		getParentTypes: () => [],
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
	};
	return {
		credentialsHelper,
		executionId: 'test-execution',
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export async function runSync(o: SyncRunOptions): Promise<INodeExecutionData[]> {
	const description = o.nodeType.description;
	const parameters = NodeHelpers.getNodeParameters(description.properties, o.parameters, true, false, { typeVersion: 1 }, description) ?? {};
	const node: INode = {
		id: 'oms-status-sync',
		name: 'OMS Status Sync',
		type: 'n8n-nodes-oms.omsStatusSync',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(Object.keys(o.credentials).map((type) => [type, { id: `cred-${type}`, name: type }])),
		...(o.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const nodeTypes: INodeTypes = { getByName: () => o.nodeType, getByNameAndVersion: () => o.nodeType, getKnownTypes: () => ({}) };
	const staticData = o.staticData ?? {};
	const workflow = new Workflow({ id: 'wf-sync', name: 'status sync', nodes: [node], connections: {}, active: true, nodeTypes, staticData });
	const items: INodeExecutionData[] = (o.items ?? [{}]).map((json) => ({ json }));
	const inputData = { main: [items] };
	const context = new ExecuteContext(workflow, workflow.getNode(node.name) as INode, additionalData(o), 'trigger', createRunExecutionData(), 0, items, inputData, { node, data: inputData, source: null }, []);
	const output = await o.nodeType.execute.call(context);
	// n8n keeps static data in an observable copy; hand the changes back to the caller's object.
	Object.assign(staticData, JSON.parse(JSON.stringify(workflow.staticData)));
	return output[0];
}
