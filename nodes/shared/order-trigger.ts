import { NodeConnectionTypes, type IDataObject, type INodeExecutionData, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';
import { isPollState, pollOrders, sampleOrder, type PollItem } from '../../core/channels/poller';
import { CHANNELS, type ChannelId } from '../../core/channels/registry';
import type { RetryPolicy } from '../../core/http/retry';
import { authenticationProperty, N8N_CHANNELS, openChannelContext, triggerCredentials } from './channels';
import { toNodeError } from './errors';
import { optionsCollection } from './fields';
import { withFormattedMoney } from '../../core/model/money';
import { emissionOutcome, trackEmission } from './emissions';

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
export function orderTriggerDescription(channel: ChannelId, name: string): Omit<INodeTypeDescription, 'icon' | 'subtitle'> {
	const label = CHANNELS[channel].label;
	const n8n = N8N_CHANNELS[channel];
	return {
		// Not "<Channel> Trigger": n8n ships nodes of that name (Shopify Trigger, WooCommerce Trigger).
		displayName: `${label} Orders (OMS)`,
		name,
		group: ['trigger'],
		version: 1,
		description: `Starts the workflow when ${label} orders are created or change, as canonical OMS orders`,
		defaults: { name: `${label} Orders` },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials(n8n),
		properties: [
			{
				displayName:
					'Poll every few minutes (Poll Times → Every X); with a webhook trigger in front, every 15 to 60 minutes as a reconciler. Each poll emits orders created or changed since the previous one, once per change, as many as it can read within its time budget; the first activation only records the starting point.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			...authenticationProperty(n8n),
			...(n8n.properties ?? []),
			optionsCollection([
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
					description: `Whether to add the order exactly as ${label} returned it, under "raw"`,
				},
			]),
		],
	};
}

/**
 * The poll() of every order trigger. Manual runs ("Fetch test event") return the most recent order and leave
 * the state alone. Otherwise the state is read from static data, one tick runs, and the new state is written
 * back only when the tick succeeded: a failing tick throws and leaves the cursor where it was.
 *
 * The items are emitted here, with a done promise, instead of returned (n8n would emit them without one):
 * the next tick must know whether the execution that took them succeeded (core/channels/poll-emissions.ts).
 * n8n saves the static data, carrying the emission, as it starts the execution. Nothing emitted: null.
 */
export function orderTriggerPoll(channel: ChannelId, deps: OrderTriggerDeps = {}) {
	return async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const now = deps.now?.() ?? new Date();
		const toOutput = (items: PollItem[]) => (items.length ? [this.helpers.returnJsonArray(items.map(withFormattedMoney) as unknown as IDataObject[])] : null);
		try {
			const { context } = await openChannelContext(this, channel, { ...deps, parameter: (name) => this.getNodeParameter(name) });
			const adapter = CHANNELS[channel].createAdapter(context);
			if (this.getMode() === 'manual') return toOutput(await sampleOrder(adapter, { now, includeRaw: options.includeRaw }));
			const staticData = this.getWorkflowStaticData('node');
			const previous = isPollState(staticData[POLL_STATE_KEY]) ? staticData[POLL_STATE_KEY] : undefined;
			const result = await pollOrders(adapter, previous, {
				now,
				importSince: options.importSince ? new Date(options.importSince) : undefined,
				maxOrdersPerPoll: options.maxOrdersPerPoll,
				timeBudgetMs: options.timeBudgetSeconds === undefined ? undefined : options.timeBudgetSeconds * 1000,
				includeRaw: options.includeRaw,
				outcomeOf: emissionOutcome,
			});
			staticData[POLL_STATE_KEY] = result.state as unknown as IDataObject;
			for (const e of result.abandoned) {
				this.logger.warn(`${CHANNELS[channel].label} orders ${e.orders.join(', ')}: their executions failed ${e.attempts + 1} times; no longer emitted again (Status Sync → Reimport Orders reads them)`);
			}
			for (const e of result.emissions) this.__emit(toOutput(e.items)!, undefined, trackEmission(e.id));
			return null;
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	};
}

/**
 * The base class of every poll trigger node: its poll(). The node file itself states the description with
 * its icon and subtitle as literals, where the community linter reads them.
 */
export function OrderTrigger(channel: ChannelId) {
	return class {
		poll = orderTriggerPoll(channel);
	};
}
