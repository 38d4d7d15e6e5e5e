import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../shared/fields';
import { webhookChannelFields, webhookChannelProperty } from './channels';

const onlyFor = (...channels: string[]) => ({ show: { channel: channels } });

/** The node's fields: channel, per-channel notices and fields, options. */
export const webhookTriggerProperties: INodeProperties[] = [
	webhookChannelProperty,
	{
		displayName:
			'Each delivery is verified (signature or secret header, account) and acknowledged at once; pointer deliveries are then read from the channel with the credential. Webhooks get lost: keep the same channel\'s poll trigger running every 30 to 60 minutes as a reconciler.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			"Mercado Livre has no API to register notifications: in your application (Mercado Livre Developers → My applications), set this node's Production URL as the Notifications Callback URL and subscribe to the orders_v2 topic and to Post Purchase → claims (a return then reaches the order within seconds). Only notifications naming the credential's client ID (application_id) and seller (user_id) are taken.",
		name: 'mercadoLivreNotice',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('mercadolivre'),
	},
	{
		displayName: 'Missed Notifications Every (Minutes)',
		name: 'missedFeedsMinutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1440 },
		default: 15,
		description:
			"While the workflow is active, how often Mercado Livre's missed_feeds (notifications it could not deliver, kept 2 days) are read into this node's inbox, with the same checks and de-duplication as live ones; also about 5 s after activation. 0 turns it off.",
		displayOptions: onlyFor('mercadolivre'),
	},
	{
		displayName:
			"Magalu has no API to register webhooks: register this node's Production URL for order events as developers.magalu.com/docs/Onboarding/setup describes. Magalu signs nothing, so a delivery is only a hint: the order is read with the credential. Register delivery events too: a delivery event is read through the delivery to its order, so a cancelled or shipped delivery reaches that delivery's lines.",
		name: 'magaluNotice',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('magalu'),
	},
	{
		displayName:
			"Shopee: in your app on open.shopee.com (Push Mechanism), set this node's Production URL, unchanged, as the callback URL and turn on the order status push. Pushes are verified with the credential's partner key over that URL and the body, and must name the credential's shop.",
		name: 'shopeeNotice',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('shopee'),
	},
	{
		displayName:
			"On activation the node writes the orders hook configuration of the credential's app key (one per app key: it replaces a hook that key had elsewhere), sending the credential's secret header.",
		name: 'vtexNotice',
		type: 'notice',
		default: '',
		displayOptions: onlyFor('vtex'),
	},
	...webhookChannelFields,
	optionsCollection([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 100,
			description: 'Most orders one execution takes from the inbox. Deliveries are stored first and run in batches, so a burst starts few executions.',
		},
		{
			displayName: 'Executions at Once',
			name: 'executionsAtOnce',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 1,
			description: 'Most executions of this node running at the same time. While they run (a slow channel), new deliveries wait in the inbox, not in memory.',
		},
		{
			displayName: 'Inbox Retention (Days)',
			name: 'inboxRetentionDays',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 365 },
			default: 7,
			description: 'How long delivery IDs (and deliveries that failed every attempt) are kept; channels stop retrying well before (Shopify 4 hours, Nuvemshop 3 days)',
		},
		{
			displayName: 'Include Raw Payload',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: 'Whether to add the order exactly as the channel sent or returned it, under "raw"',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 5,
			description: 'Times a delivery is run again after its execution failed (30 s, then 1, 2, 4 … min apart, each alone) before it is left in the inbox as failed',
		},
		{
			displayName: 'Register Webhook',
			name: 'registerWebhook',
			type: 'boolean',
			default: true,
			description:
				'Whether to create the webhook on the channel when the workflow is activated and remove it when deactivated (Shopify, WooCommerce, Nuvemshop, VTEX). Turn off to manage it yourself.',
		},
	]),
];
