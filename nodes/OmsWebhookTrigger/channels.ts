import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import type { AdapterContext } from '../../core/channels/types';
import { wooWebhookSecret } from '../../core/channels/woocommerce/webhook';
import type { WebhookRegistrar, WebhookSecrets } from '../../core/webhooks/types';
import { magaluTriggerConfig } from '../MagaluTrigger/MagaluTrigger.node';
import { mercadoLivreTriggerConfig } from '../MercadoLivreTrigger/MercadoLivreTrigger.node';
import { nuvemshopTriggerConfig } from '../NuvemshopTrigger/NuvemshopTrigger.node';
import { shopifyTriggerConfig } from '../ShopifyTrigger/ShopifyTrigger.node';
import { vtexTriggerConfig } from '../VtexTrigger/VtexTrigger.node';
import { wooCommerceTriggerConfig } from '../WooCommerceTrigger/WooCommerceTrigger.node';
import type { OrderTriggerConfig } from '../shared/order-trigger';
import { CHANNELS as CORE_CHANNELS } from '../../core/channels/registry';

export type WebhookChannelId = 'shopify' | 'woocommerce' | 'nuvemshop' | 'vtex' | 'mercadolivre' | 'magalu';

export interface WebhookChannel {
	/** The poll trigger's config: its credential and how it becomes an AdapterContext (same account, same ids). */
	trigger: OrderTriggerConfig;
	/** The credential's webhook secrets; `account` is the adapter's account. */
	secrets(credentials: ICredentialDataDecryptedObject, account: string): WebhookSecrets;
	/** Registration through the channel's API; absent where the URL is set in the seller's app (ML, Magalu). */
	registrar?: (ctx: AdapterContext, secrets: WebhookSecrets) => WebhookRegistrar;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export const WEBHOOK_CHANNELS: Record<WebhookChannelId, WebhookChannel> = {
	shopify: {
		trigger: shopifyTriggerConfig,
		secrets: (c, account) => ({ account, secret: text(c.clientSecret) }),
		registrar: CORE_CHANNELS.shopify.capabilities.webhooks?.registrar,
	},
	woocommerce: {
		trigger: wooCommerceTriggerConfig,
		secrets: (c, account) => ({ account, secret: wooWebhookSecret(text(c.webhookSecret), String(c.consumerSecret ?? '')) }),
		registrar: CORE_CHANNELS.woocommerce.capabilities.webhooks?.registrar,
	},
	nuvemshop: {
		trigger: nuvemshopTriggerConfig,
		secrets: (c, account) => ({ account, secret: text(c.appSecret) }),
		registrar: CORE_CHANNELS.nuvemshop.capabilities.webhooks?.registrar,
	},
	vtex: {
		trigger: vtexTriggerConfig,
		secrets: (c, account) => ({ account, headerName: text(c.hookHeaderName), headerValue: text(c.hookSecret), appId: text(c.appKey) }),
		registrar: CORE_CHANNELS.vtex.capabilities.webhooks?.registrar,
	},
	mercadolivre: {
		trigger: mercadoLivreTriggerConfig,
		// Notifications name the application: the OAuth client id of the credential.
		secrets: (c, account) => ({ account, appId: text(c.clientId) }),
	},
	magalu: {
		trigger: magaluTriggerConfig,
		secrets: (_c, account) => ({ account }),
	},
};

export const WEBHOOK_CHANNEL_IDS = Object.keys(WEBHOOK_CHANNELS) as WebhookChannelId[];

export const webhookChannelProperty: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	noDataExpression: true,
	options: WEBHOOK_CHANNEL_IDS.map((id) => ({ name: WEBHOOK_CHANNELS[id].trigger.channelLabel, value: id })).sort((a, b) => a.name.localeCompare(b.name)),
	default: 'shopify',
};

/** The poll triggers' own fields (Magalu's Seller Account), shown for their channel. */
export const webhookChannelFields: INodeProperties[] = WEBHOOK_CHANNEL_IDS.flatMap((id) =>
	(WEBHOOK_CHANNELS[id].trigger.properties ?? []).map((p) => ({ ...p, displayOptions: { show: { channel: [id] } } })),
);
