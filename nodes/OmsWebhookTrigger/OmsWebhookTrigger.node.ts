import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { omsStoreConnectionTest } from '../shared/store-credential-test';
import { webhookTriggerProperties } from './description';
import { webhookTriggerTrigger } from './trigger';
import { webhookTriggerMethods, webhookTriggerWebhook } from './webhook';

/**
 * One webhook trigger for every channel that has HTTP webhooks (Shopify, WooCommerce, Nuvemshop, VTEX,
 * Mercado Livre, Magalu, Shopee), with a channel choice as OMS Status Sync has: the same credentials as the poll
 * triggers, plus the OMS Store credential for the delivery inbox. It emits the canonical orders (or error
 * items) the poll triggers emit, in batches: webhook() queues each delivery in the store and answers,
 * trigger() drains the queue into executions (at most "Executions at Once" running).
 */
export class OmsWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OMS Order Webhook Trigger',
		name: 'omsWebhookTrigger',
		icon: { light: 'file:omsWebhook.svg', dark: 'file:omsWebhook.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as 1. n8n evaluates an expression for the binaryData option of every call to a
		// version-1 webhook node (webhook-helpers parseRequestBody): a second isolate per delivery, measured.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"Orders from " + $parameter["channel"]}}',
		description: 'Starts the workflow when a channel delivers an order webhook, verified, de-duplicated and read as a canonical OMS order',
		defaults: { name: 'OMS Order Webhook' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal, as in OMS Status Sync: the community linter reads this array from the source; '/channel' keeps
		// the Channel field visible (see OMS Status Sync).
		credentials: [
			{ name: 'omsStoreApi', required: true, testedBy: 'omsStoreConnectionTest' },
			{ name: 'mercadoLivreOAuth2Api', required: true, displayOptions: { show: { '/channel': ['mercadolivre'] } } },
			// Shopify and WooCommerce: one per option of the channel's Authentication field (nodes/shared/channels).
			{ name: 'shopifyOmsApi', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyOmsApi'] } } },
			{ name: 'shopifyOmsOAuth2Api', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyOmsOAuth2Api'] } } },
			{ name: 'shopifyAccessTokenApi', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyAccessTokenApi'] } } },
			{ name: 'shopifyOAuth2Api', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyOAuth2Api'] } } },
			{ name: 'wooCommerceOmsApi', required: true, displayOptions: { show: { '/channel': ['woocommerce'], authentication: ['wooCommerceOmsApi'] } } },
			{ name: 'wooCommerceApi', required: true, displayOptions: { show: { '/channel': ['woocommerce'], authentication: ['wooCommerceApi'] } } },
			{ name: 'vtexOmsApi', required: true, displayOptions: { show: { '/channel': ['vtex'] } } },
			{ name: 'nuvemshopOmsApi', required: true, displayOptions: { show: { '/channel': ['nuvemshop'] } } },
			{ name: 'magaluOAuth2Api', required: true, displayOptions: { show: { '/channel': ['magalu'] } } },
			{ name: 'shopeeOmsApi', required: true, displayOptions: { show: { '/channel': ['shopee'] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: webhookTriggerProperties,
	};

	methods = {
		credentialTest: { omsStoreConnectionTest },
	};

	webhookMethods = { default: webhookTriggerMethods() };

	webhook = webhookTriggerWebhook();

	/** The inbox drain: runs queued deliveries in batches while the workflow is active (trigger.ts). */
	trigger = webhookTriggerTrigger();
}
