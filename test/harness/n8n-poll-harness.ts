import { PollContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
	type IRun,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * Runs a polling trigger the way n8n does (after n8n's own test/nodes/TriggerHelpers.ts
 * testPollingTriggerNode): a real n8n-core PollContext over a real Workflow, whose static data lives on as
 * long as the harness (an active workflow's in-memory Workflow object). HTTP goes through n8n's real
 * httpRequestWithAuthentication; only the credential store is stubbed: `authenticate` plays
 * CredentialsHelper.authenticate (for OAuth2 credentials it stands in for the bearer header n8n's
 * OAuth2 client would add, as TriggerHelpers does).
 */
export interface PollHarnessOptions {
	nodeType: INodeType;
	parameters?: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	authenticate: (credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions) => IHttpRequestOptions;
	/** Plays CredentialsHelper.preAuthentication (credentials with an expirable token); none by default. */
	preAuthentication?: (helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject, expired: boolean) => Promise<IDataObject | undefined>;
	/**
	 * An OAuth2 credential type: requests then go through n8n-core's real requestOAuth2 (signing, refresh on
	 * 401, storing the refreshed token data), and `authenticate` is not used. The stored token data is
	 * updated in `credentials`, as n8n's credential store would be.
	 */
	oauth2CredentialType?: string;
}

type Done = Parameters<IPollFunctions['__emit']>[2];

export class PollHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	/**
	 * How the executions the trigger starts end (n8n resolves the done promise it passes to __emit):
	 * 'succeeded' at once by default; 'failed' plays a run that died (a killed queue worker); 'held' keeps
	 * them running until `finish` is called.
	 */
	executions: 'succeeded' | 'failed' | 'held' = 'succeeded';
	/** Executions started with poll(), in order, with their done promise (when the trigger passed one). */
	readonly started: Array<{ items: IDataObject[]; done?: Done }> = [];
	/** What the trigger logged as warnings (n8n's logger). */
	readonly warnings: string[] = [];

	constructor(private readonly o: PollHarnessOptions) {
		const description = o.nodeType.description;
		const parameters = NodeHelpers.getNodeParameters(description.properties, o.parameters ?? {}, true, false, { typeVersion: 1 }, description) ?? {};
		this.node = { id: 'trigger-1', name: description.defaults.name ?? description.displayName, type: `n8n-nodes-oms.${description.name}`, typeVersion: 1, position: [0, 0], parameters };
		if (o.oauth2CredentialType) this.node.credentials = { [o.oauth2CredentialType]: { id: 'cred-1', name: 'OAuth2 account' } };
		const nodeTypes: INodeTypes = {
			getByName: () => o.nodeType,
			getByNameAndVersion: () => o.nodeType,
			getKnownTypes: () => ({}),
		};
		this.workflow = new Workflow({ id: 'wf-1', name: 'orders', nodes: [this.node], connections: {}, active: true, nodeTypes, staticData: {} });
	}

	/** The node's static data, as n8n would save it. */
	get staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.node))) as IDataObject;
	}

	/** Puts the node's static data back to `data`, as a repeated scheduler tick would find it. */
	restoreStaticData(data: IDataObject): void {
		const live = this.workflow.getStaticData('node', this.node);
		for (const key of Object.keys(live)) delete live[key];
		Object.assign(live, JSON.parse(JSON.stringify(data)) as IDataObject);
	}

	/** One poll; the JSON of the emitted items, or null when poll() returned null. */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[] | null> {
		const additionalData = {
			credentialsHelper: {
				getParentTypes: (type: string) => (type === this.o.oauth2CredentialType ? ['oAuth2Api'] : []),
				// What requestOAuth2 asks of n8n's credential store.
				getDecrypted: async () => ({ ...this.o.credentials }),
				runPreAuthentication: async () => undefined,
				updateCredentialsOauthTokenData: async (_ref: unknown, _type: string, data: ICredentialDataDecryptedObject) => {
					this.o.credentials.oauthTokenData = data.oauthTokenData;
				},
				preAuthentication: async (h: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, _type: string, _node: INode, expired: boolean) =>
					this.o.preAuthentication?.(h.helpers, credentials, expired),
				authenticate: async (credentials: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) =>
					this.o.authenticate(credentials, request),
			},
		} as unknown as IWorkflowExecuteAdditionalData;
		const emitted: IDataObject[][] = [];
		const emit = (data: INodeExecutionData[][], _response?: unknown, done?: Done) => {
			const items = data[0].map((item) => item.json);
			emitted.push(items);
			this.started.push({ items, done });
			if (this.executions !== 'held') this.finish(this.started.length - 1, this.executions);
		};
		const ctx = new PollContext(this.workflow, this.node, additionalData, mode, mode === 'manual' ? 'manual' : 'init', emit);
		const log = () => undefined;
		Object.defineProperty(ctx, 'logger', { value: { debug: log, info: log, error: log, warn: (m: string) => this.warnings.push(m) } });
		ctx.getCredentials = async <T extends object = ICredentialDataDecryptedObject>() => ({ ...this.o.credentials }) as T;
		const out = await this.o.nodeType.poll!.call(ctx);
		// A trigger that emits itself returns null: what it emitted is this poll's output.
		if (out === null) return emitted.length ? emitted.flat() : null;
		return out[0].map((item) => item.json);
	}

	/** Ends the execution started by the n-th emission, as n8n reports a run's end to its done promise. */
	finish(n: number, outcome: 'succeeded' | 'failed'): void {
		this.started[n].done?.resolve({ status: outcome === 'succeeded' ? 'success' : 'crashed' } as IRun);
	}
}
