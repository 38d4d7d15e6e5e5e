import {
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { isPollState, pollOrders, sampleOrder, type PollItem } from '../../core/channels/poller';
import { adapterFactory } from '../../core/channels/registry';
import type { AdapterContext, ChannelId } from '../../core/channels/types';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/http/retry';
import { toNodeError } from './errors';
import { createN8nTransport } from './transport';

/** What makes one channel's trigger node different from another's: configuration, not code. */
export interface OrderTriggerConfig {
	channel: ChannelId;
	/** e.g. "Mercado Livre". */
	channelLabel: string;
	/** n8n node name, e.g. "mercadoLivreTrigger". */
	name: string;
	credentialType: string;
	/**
	 * Where the adapter points and which seller account it reads, from the node's credential and, for settings
	 * the credential lacks (Amazon marketplaces), the node's own `properties`.
	 */
	adapterContext(credentials: ICredentialDataDecryptedObject, parameter: (name: string) => unknown): Omit<AdapterContext, 'transport' | 'retry'>;
	/** Node fields shown above the options, read through adapterContext's `parameter`. */
	properties?: INodeProperties[];
	/** The status the channel answers an expired token with, when it is not 401 (SP-API: 403). */
	tokenExpiredStatus?: number;
}

/** Seams for tests (tiny retry sleeps, short timeouts); production uses the defaults. */
export interface OrderTriggerDeps {
	retry?: RetryPolicy;
	timeoutMs?: number;
	now?: () => Date;
}

interface TriggerOptions {
	importSince?: string;
	maxOrdersPerPoll?: number;
	timeBudgetSeconds?: number;
	includeRaw?: boolean;
}

/** Key of the poll state in the node's static data. */
export const POLL_STATE_KEY = 'orderPoll';

/**
 * Everything but icon and subtitle, which each node file states as literals: the community linter checks
 * them there (and that the icon files exist).
 */
export function orderTriggerDescription(config: OrderTriggerConfig): Omit<INodeTypeDescription, 'icon' | 'subtitle'> {
	return {
		// Not "<Channel> Trigger": n8n ships nodes of that name (Shopify Trigger, WooCommerce Trigger).
		displayName: `${config.channelLabel} Orders (OMS)`,
		name: config.name,
		group: ['trigger'],
		version: 1,
		description: `Starts the workflow when ${config.channelLabel} orders are created or change, as canonical OMS orders`,
		defaults: { name: `${config.channelLabel} Orders` },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: config.credentialType, required: true }],
		properties: [
			{
				displayName:
					'Poll every few minutes (Poll Times → Every X); with a webhook trigger in front, every 15 to 60 minutes as a reconciler. Each poll emits orders created or changed since the previous one, once per change, as many as it can read within its time budget; the first activation only records the starting point.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			...(config.properties ?? []),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Import Orders Since',
						name: 'importSince',
						type: 'dateTime',
						default: '',
						description:
							'Backfill: on first activation, start from this date instead of now. Later changes to this field have no effect on an active trigger.',
					},
					{
						displayName: 'Max Orders per Poll',
						name: 'maxOrdersPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100000 },
						default: 10000,
						description:
							'Checked between pages of orders: beyond it, the rest is emitted by the next polls, never skipped. Lower it only when the nodes after the trigger cannot take that many items at once.',
					},
					{
						displayName: 'Time Budget (Seconds)',
						name: 'timeBudgetSeconds',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 40 },
						default: 25,
						description:
							"How long one poll may read orders; the rest is carried over to the next poll. n8n's durable scheduler abandons a poll after 45 seconds, so keep it below that.",
					},
					{
						displayName: 'Include Raw Payload',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: `Whether to add the order exactly as ${config.channelLabel} returned it, under "raw"`,
					},
				],
			},
		],
	};
}

/**
 * The poll() of every order trigger. Manual runs ("Fetch test event") return the most recent order and leave
 * the state alone. Otherwise the state is read from static data, one tick runs, and the new state is written
 * back only when the tick succeeded: a failing tick throws and leaves the cursor where it was.
 */
export function orderTriggerPoll(config: OrderTriggerConfig, deps: OrderTriggerDeps = {}) {
	return async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const now = deps.now?.() ?? new Date();
		const toOutput = (items: PollItem[]) => (items.length ? [this.helpers.returnJsonArray(items as unknown as IDataObject[])] : null);
		try {
			const base = config.adapterContext(await this.getCredentials(config.credentialType), (name) => this.getNodeParameter(name));
			const adapter = adapterFactory(config.channel)({
				...base,
				transport: createN8nTransport(this, config.credentialType, config.tokenExpiredStatus),
				retry: deps.retry ?? DEFAULT_RETRY_POLICY,
				options: { ...base.options, ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) },
			});
			if (this.getMode() === 'manual') return toOutput(await sampleOrder(adapter, { now, includeRaw: options.includeRaw }));
			const staticData = this.getWorkflowStaticData('node');
			const previous = isPollState(staticData[POLL_STATE_KEY]) ? staticData[POLL_STATE_KEY] : undefined;
			const result = await pollOrders(adapter, previous, {
				now,
				importSince: options.importSince ? new Date(options.importSince) : undefined,
				maxOrdersPerPoll: options.maxOrdersPerPoll,
				timeBudgetMs: options.timeBudgetSeconds === undefined ? undefined : options.timeBudgetSeconds * 1000,
				includeRaw: options.includeRaw,
			});
			staticData[POLL_STATE_KEY] = result.state as unknown as IDataObject;
			return toOutput(result.items);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	};
}
