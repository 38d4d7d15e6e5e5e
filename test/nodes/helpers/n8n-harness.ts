import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// n8n-core's InstanceSettings reads (and on first use writes) <N8N_USER_FOLDER>/.n8n/config: keep it out of $HOME.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'oms-n8n-user-'));

import { CredentialTestContext, ExecuteContext } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeParameters,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { OmsStore } from '../../../nodes/OmsStore/OmsStore.node';

/**
 * Runs the OMS Store node inside n8n's own ExecuteContext (n8n-core), over a real Workflow: parameter
 * defaults, expression resolution, continueOnFail / onError, getCredentials and the helpers are n8n's code.
 * Only the credential store is faked: it hands back the decrypted credential the test gives.
 */

export const NODE_TYPE = 'n8n-nodes-oms.omsStore';
const nodeType = new OmsStore();

const nodeTypes: INodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
};

function additionalData(credentials: ICredentialDataDecryptedObject): IWorkflowExecuteAdditionalData {
	const credentialsHelper = {
		getDecrypted: async () => credentials,
		isCredentialUsableByNode: () => true,
		getCredentialsProperties: () => [],
		authenticate: async (_c: unknown, _t: unknown, options: unknown) => options,
		preAuthentication: async () => undefined,
		getParentTypes: () => [],
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
	};
	return {
		credentialsHelper,
		executionId: 'test-execution',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Input items (json only); one empty item by default, like a Manual Trigger hands over. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's static data: pass the same object again to play the next execution. */
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger';
}

export async function runNode(options: RunOptions): Promise<INodeExecutionData[]> {
	const node: INode = {
		id: 'oms-store-node',
		name: 'OMS Store',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: structuredClone(options.parameters),
		credentials: { omsStoreApi: { id: 'cred-1', name: 'OMS Store account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'OMS Store test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
	});
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const inputData = { main: [items] };
	const context = new ExecuteContext(
		workflow,
		workflow.getNode(node.name) as INode,
		additionalData(options.credentials),
		options.mode ?? 'trigger',
		createRunExecutionData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	const output = await nodeType.execute.call(context);
	// n8n keeps static data in an observable copy; hand the changes back to the caller's object.
	Object.assign(staticData, JSON.parse(JSON.stringify(workflow.staticData)));
	return output[0];
}

export async function testCredential(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const context = new CredentialTestContext(additionalData(data));
	return await nodeType.methods.credentialTest.omsStoreConnectionTest.call(context, {
		id: 'cred-1',
		name: 'OMS Store account',
		type: 'omsStoreApi',
		data,
	});
}
