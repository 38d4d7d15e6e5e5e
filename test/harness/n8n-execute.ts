import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// n8n-core's InstanceSettings reads (and on first use writes) <N8N_USER_FOLDER>/.n8n/config: keep it out of $HOME.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'oms-n8n-user-'));

import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
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
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * Runs an action node inside n8n's own ExecuteContext (n8n-core) over a real Workflow: parameter handling,
 * expressions, continueOnFail / onError, getCredentials and httpRequestWithAuthentication are n8n's code.
 * Only the credential store is faked: one decrypted credential per type, and `authenticate` stands in for
 * the credential's own authenticate block.
 */

export type Authenticate = (type: string, credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions) => IHttpRequestOptions;

export function additionalData(credentials: Record<string, ICredentialDataDecryptedObject>, authenticate?: Authenticate, oauth2Types: string[] = []): IWorkflowExecuteAdditionalData {
	const credentialsHelper = {
		getDecrypted: async (_a: unknown, _c: unknown, type: string) => credentials[type],
		// OAuth2 types go through n8n-core's requestOAuth2, which refreshes a token and stores the new data here.
		runPreAuthentication: async () => undefined,
		isCredentialUsableByNode: () => true,
		getCredentialsProperties: () => [],
		authenticate: async (data: ICredentialDataDecryptedObject, type: string, request: IHttpRequestOptions) =>
			authenticate ? authenticate(type, data, request) : request,
		preAuthentication: async () => undefined,
		getParentTypes: (type: string) => (oauth2Types.includes(type) ? ['oAuth2Api'] : []),
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async (_ref: unknown, type: string, data: ICredentialDataDecryptedObject) => {
			if (credentials[type]) credentials[type].oauthTokenData = data.oauthTokenData;
		},
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

export interface ExecuteOptions {
	nodeType: INodeType;
	/** `<package>.<name>`, as n8n names the node type. */
	type: string;
	name: string;
	parameters: INodeParameters;
	/** Credential type → decrypted data. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Display names of the credentials the node references, per type (defaults to the type). */
	credentialNames?: Record<string, string>;
	authenticate?: Authenticate;
	/** Fill in parameter defaults as the editor stores them (needed where displayOptions depend on them). */
	withDefaults?: boolean;
	/** Input items (json only); one empty item by default, like a Manual Trigger hands over. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's static data: pass the same object again to play the next execution. */
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger';
	/** Credential types signed by n8n-core's real requestOAuth2 (refresh on 401) instead of `authenticate`. */
	oauth2CredentialTypes?: string[];
}

/** The node as n8n stores it (parameters with defaults when asked) in a one-node Workflow. */
function nodeInWorkflow(o: Omit<ExecuteOptions, 'items' | 'mode'>): { node: INode; workflow: Workflow } {
	const description = o.nodeType.description;
	const parameters = o.withDefaults
		? (NodeHelpers.getNodeParameters(description.properties, o.parameters, true, false, { typeVersion: 1 }, description) ?? {})
		: structuredClone(o.parameters);
	const node: INode = {
		id: `${o.name}-node`,
		name: o.name,
		type: o.type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(Object.keys(o.credentials).map((type) => [type, { id: `cred-${type}`, name: o.credentialNames?.[type] ?? type }])),
		...(o.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const nodeTypes: INodeTypes = { getByName: () => o.nodeType, getByNameAndVersion: () => o.nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: 'wf-test', name: `${o.name} test`, nodes: [node], connections: {}, active: false, nodeTypes, staticData: o.staticData ?? {} });
	return { node, workflow };
}

export async function executeNode(o: ExecuteOptions): Promise<INodeExecutionData[]> {
	const staticData = o.staticData ?? {};
	const { node, workflow } = nodeInWorkflow({ ...o, staticData });
	const items: INodeExecutionData[] = (o.items ?? [{}]).map((json) => ({ json }));
	const inputData = { main: [items] };
	const context = new ExecuteContext(
		workflow,
		workflow.getNode(node.name) as INode,
		additionalData(o.credentials, o.authenticate, o.oauth2CredentialTypes),
		o.mode ?? 'trigger',
		createRunExecutionData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	const output = (await o.nodeType.execute!.call(context)) as INodeExecutionData[][];
	// n8n keeps static data in an observable copy; hand the changes back to the caller's object.
	Object.assign(staticData, JSON.parse(JSON.stringify(workflow.staticData)));
	return output[0];
}

/**
 * n8n's own LoadOptionsContext (what the editor's pickers run in) for a node with these parameters and
 * credentials: listSearch / loadOptions methods are called on it with `.call(context, filter)`.
 */
export function loadOptionsContext(o: Omit<ExecuteOptions, 'items' | 'continueOnFail' | 'staticData' | 'mode'>): LoadOptionsContext {
	const { node, workflow } = nodeInWorkflow(o);
	const data = additionalData(o.credentials, o.authenticate, o.oauth2CredentialTypes);
	data.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, data, 'parameters.options');
}
