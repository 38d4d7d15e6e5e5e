import { randomUUID } from 'node:crypto';
import { HookContext, TriggerContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type INodeExecutionData,
	type IRun,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import type { WebhookDelivery } from '../../core/webhooks/types';
import { drainerOf, queueOf } from '../../nodes/OmsWebhookTrigger/queue';

/**
 * Runs a webhook trigger the way n8n does (after n8n's test/nodes/TriggerHelpers.ts testWebhookTriggerNode,
 * as n8n-poll-harness.ts does for polls): a real n8n-core WebhookContext for deliveries and a real HookContext
 * for checkExists / create / delete, over one Workflow whose static data lives as long as the harness. HTTP
 * to the channel goes through n8n's real httpRequestWithAuthentication; only the credential store is stubbed
 * (`authenticate` plays CredentialsHelper.authenticate).
 */
export interface WebhookHarnessOptions {
	nodeType: INodeType;
	parameters?: INodeParameters;
	/** Credentials by type, as the credential store would decrypt them. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	authenticate: (type: string, credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions) => IHttpRequestOptions;
}

/** What the caller of the webhook URL got back, and what n8n would start the workflow with. */
export interface DeliveryOutcome {
	status: number | undefined;
	body: unknown;
	/** What the `atAnswer` probe returned at the moment the answer was sent. */
	atAnswer?: unknown;
	/**
	 * The items the delivery led to: what webhook() returned (test mode), else what the node's drain emitted
	 * once the delivery was queued (all its executions' items); undefined when nothing was emitted.
	 */
	items: IDataObject[] | undefined;
	/** The executions the drain started for this delivery (their items), in order. */
	executions: IDataObject[][];
	response: IWebhookResponseData;
}

export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';

/** A minimal Express response: what webhook() may call on it. */
class FakeResponse {
	statusCode: number | undefined;
	body: unknown;
	headersSent = false;
	/** What `atAnswer` saw when the answer was sent. */
	snapshot: unknown;
	constructor(private readonly atAnswer?: () => unknown) {}
	status(code: number) {
		this.statusCode = code;
		return this;
	}
	send(body?: unknown) {
		this.body = body;
		return this.end();
	}
	json(body?: unknown) {
		return this.send(body);
	}
	end() {
		this.headersSent = true;
		this.snapshot = this.atAnswer?.();
		return this;
	}
}

/** How an execution the drain started ends: an IRun-like status, or never (a stalled channel). */
export type ExecutionEnd = (items: IDataObject[]) => Promise<Partial<IRun> | undefined>;

export class WebhookHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	/** Every execution the node's drain started, in order (the items of each). */
	readonly emitted: IDataObject[][] = [];
	/** How the executions end; success by default. */
	executionEnd: ExecutionEnd = async () => ({ status: 'success' });
	private closeDrain?: () => Promise<void>;

	constructor(private readonly o: WebhookHarnessOptions) {
		const description = o.nodeType.description;
		const parameters = NodeHelpers.getNodeParameters(description.properties, o.parameters ?? {}, true, false, { typeVersion: 1 }, description) ?? {};
		this.node = {
			id: 'trigger-1', name: description.defaults.name ?? description.displayName, type: `n8n-nodes-oms.${description.name}`,
			typeVersion: 1, position: [0, 0], parameters, webhookId: 'f0e1d2c3-0000-4000-8000-000000000001',
		};
		const nodeTypes: INodeTypes = { getByName: () => o.nodeType, getByNameAndVersion: () => o.nodeType, getKnownTypes: () => ({}) };
		this.workflow = new Workflow({ id: `wf-${randomUUID()}`, name: 'orders', nodes: [this.node], connections: {}, active: true, nodeTypes, staticData: {} });
	}

	/** The production URL n8n would register: <base>/<webhookId>/webhook. */
	get url(): string {
		return `${WEBHOOK_BASE_URL}/${this.node.webhookId}/webhook`;
	}

	get staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.node))) as IDataObject;
	}

	private additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: {
				getParentTypes: () => [],
				// No credential here has an expirable token to fetch first.
				preAuthentication: async () => undefined,
				authenticate: async (credentials: ICredentialDataDecryptedObject, type: string, request: IHttpRequestOptions) => this.o.authenticate(type, credentials, request),
			},
			webhookBaseUrl: WEBHOOK_BASE_URL,
			webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private withCredentials<T extends { getCredentials: unknown }>(ctx: T): T {
		(ctx as { getCredentials: (type: string) => Promise<ICredentialDataDecryptedObject> }).getCredentials = async (type: string) => {
			const c = this.o.credentials[type];
			if (!c) throw new Error(`No credential of type ${type} in the harness`);
			return { ...c };
		};
		return ctx;
	}

	get queue(): string {
		return queueOf({ getWorkflow: () => this.workflow, getNode: () => this.node });
	}

	/** Runs the node's trigger() as n8n does on activation (the inbox drain), once. */
	async startDrain(): Promise<void> {
		if (this.closeDrain) return;
		const emit = (data: INodeExecutionData[][], _response?: unknown, done?: { resolve: (r: IRun) => void; reject: (e: Error) => void }) => {
			const items = data[0].map((i) => i.json);
			this.emitted.push(items);
			void this.executionEnd(items).then((run) => done?.resolve(run as IRun), (error: Error) => done?.reject(error));
		};
		const ctx = this.withCredentials(new TriggerContext(this.workflow, this.node, this.additionalData(), 'trigger', 'activate', emit as never));
		const response = await this.o.nodeType.trigger!.call(ctx);
		this.closeDrain = async () => response?.closeFunction?.();
	}

	/** Drains what is queued now (the drain's own wake-up may already be on it) until nothing runs. */
	async settle(): Promise<IDataObject[][]> {
		const before = this.emitted.length;
		await this.startDrain();
		await drainerOf(this.queue)!.settle();
		return this.emitted.slice(before);
	}

	async close(): Promise<void> {
		await this.closeDrain?.();
		this.closeDrain = undefined;
	}

	/**
	 * One delivery to the node's URL: the answer it got and what it led to — the items webhook() returned (test
	 * mode), or the executions the node's drain started for the queued delivery.
	 */
	async deliver(d: WebhookDelivery, probe?: { atAnswer: () => unknown }, mode: 'webhook' | 'manual' = 'webhook'): Promise<DeliveryOutcome> {
		const answer = await this.post(d, probe, mode);
		if (answer.response.workflowData) return { ...answer, items: answer.response.workflowData[0].map((i) => i.json), executions: [] };
		const executions = mode === 'webhook' ? await this.settle() : [];
		return { ...answer, items: executions.length ? executions.flat() : undefined, executions };
	}

	/** The webhook call alone, as n8n makes it: the answer, and webhook()'s return. */
	async post(d: WebhookDelivery, probe?: { atAnswer: () => unknown }, mode: 'webhook' | 'manual' = 'webhook'): Promise<Omit<DeliveryOutcome, 'items' | 'executions'>> {
		const res = new FakeResponse(probe?.atAnswer);
		let body: unknown;
		try {
			body = JSON.parse(d.rawBody.toString('utf8'));
		} catch {
			body = {};
		}
		const httpRequest = { rawBody: d.rawBody, headers: d.headers, body, params: {}, query: {}, method: 'POST' };
		const webhookData = { webhookDescription: this.o.nodeType.description.webhooks![0], isTest: mode === 'manual' } as unknown as IWebhookData;
		const ctx = this.withCredentials(
			new WebhookContext(this.workflow, this.node, this.additionalData({ httpRequest, httpResponse: res } as never), mode, webhookData, [], null),
		);
		const response = await this.o.nodeType.webhook!.call(ctx);
		// What n8n's webhook-helpers do with the answer: noWebhookResponse sends nothing more; workflowData runs.
		return { status: res.statusCode, body: res.body, atAnswer: res.snapshot, response };
	}

	/** trigger() as n8n runs it for an execution a test delivery started (mode manual): what it emits. */
	async manualTrigger(): Promise<IDataObject[]> {
		let emitted: IDataObject[] = [];
		const emit = (data: INodeExecutionData[][]) => (emitted = data[0].map((i) => i.json));
		const ctx = this.withCredentials(new TriggerContext(this.workflow, this.node, this.additionalData(), 'manual', 'manual', emit as never));
		const response = await this.o.nodeType.trigger!.call(ctx);
		await response?.manualTriggerFunction?.();
		return emitted;
	}

	/** One of n8n's activation calls, through a HookContext as ActiveWorkflows uses it. */
	async hook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const ctx = this.withCredentials(new HookContext(this.workflow, this.node, this.additionalData(), 'trigger', 'activate'));
		return this.o.nodeType.webhookMethods!.default![method]!.call(ctx);
	}

	/** n8n's activation sequence: checkExists, then create when it answered false. */
	async activate(): Promise<boolean> {
		return (await this.hook('checkExists')) || this.hook('create');
	}
}
