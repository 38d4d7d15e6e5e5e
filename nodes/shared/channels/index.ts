import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import { CHANNELS, type ChannelId } from '../../../core/channels/registry';
import type { AdapterContext } from '../../../core/channels/types';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../core/http/retry';
import { createN8nTransport, type RequestContext } from '../transport';
import { amazonN8n } from './amazon';
import { americanasN8n } from './americanas';
import { anyMarketN8n } from './anymarket';
import { authenticationProperty, chosenCredential } from './credentials';
import { httpN8n } from './http';
import { lojaIntegradaN8n } from './lojaintegrada';
import { madeiraMadeiraN8n } from './madeiramadeira';
import { olistN8n } from './olist';
import { magentoN8n } from './magento';
import { magaluN8n } from './magalu';
import { mercadoLivreN8n } from './mercadolivre';
import { miraklN8n } from './mirakl';
import { nuvemshopN8n } from './nuvemshop';
import { pluggToN8n } from './pluggto';
import { prestaShopN8n } from './prestashop';
import { wakeN8n } from './wake';
import { shopeeN8n } from './shopee';
import { shopifyN8n } from './shopify';
import { trayN8n } from './tray';
import type { N8nChannel } from './types';
import { vtexN8n } from './vtex';
import { viaN8n } from './via';
import { wooCommerceN8n } from './woocommerce';

export type { N8nChannel } from './types';
export { AUTHENTICATION, authenticationProperty, chosenCredential, credentialChoices, triggerCredentials } from './credentials';

/** The n8n side of every registered channel: a channel in core/channels/registry.ts missing here does not compile. */
export const N8N_CHANNELS: Record<ChannelId, N8nChannel> = {
	mercadolivre: mercadoLivreN8n,
	shopify: shopifyN8n,
	woocommerce: wooCommerceN8n,
	vtex: vtexN8n,
	nuvemshop: nuvemshopN8n,
	magalu: magaluN8n,
	amazon: amazonN8n,
	tray: trayN8n,
	lojaintegrada: lojaIntegradaN8n,
	shopee: shopeeN8n,
	magento: magentoN8n,
	mirakl: miraklN8n,
	americanas: americanasN8n,
	http: httpN8n,
	madeiramadeira: madeiraMadeiraN8n,
	prestashop: prestaShopN8n,
	via: viaN8n,
	anymarket: anyMarketN8n,
	wake: wakeN8n,
	pluggto: pluggToN8n,
	olist: olistN8n,
};

/** The `channel` picker of a multi-channel node (OMS Status Sync, the webhook trigger), by label. */
export function channelProperty(ids: readonly ChannelId[], defaultId: ChannelId): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		noDataExpression: true,
		options: ids.map((id) => ({ name: CHANNELS[id].label, value: id })).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultId,
	};
}

/**
 * Each channel's own node fields (its Authentication choice, Amazon Seller ID, Magalu Seller Account),
 * shown for that channel only.
 */
export function channelFields(ids: readonly ChannelId[]): INodeProperties[] {
	return ids.flatMap((id) => [
		...authenticationProperty(N8N_CHANNELS[id], id),
		...(N8N_CHANNELS[id].properties ?? []).map((p) => ({ ...p, displayOptions: { show: { channel: [id] } } })),
	]);
}

export interface OpenOptions {
	/** The node's parameters (the channel's own fields). */
	parameter(name: string): unknown;
	retry?: RetryPolicy;
	/** Settings beyond the credential's (Status Sync's Options collection). */
	options?: Record<string, string | number | boolean>;
	/** Tests: a short request timeout. */
	timeoutMs?: number;
}

export interface OpenedChannel {
	channel: ChannelId;
	credentials: ICredentialDataDecryptedObject;
	/** The AdapterContext over n8n's HTTP helper: the credential's auth (API key, OAuth2 refresh) is n8n's. */
	context: AdapterContext;
	/** How the chosen credential holds the webhook secrets (channels with webhooks). */
	webhookSecrets?: N8nChannel['webhookSecrets'];
}

/** The one way a node turns a channel's credential into an AdapterContext (poll and webhook triggers, Status Sync). */
export async function openChannelContext(ctx: RequestContext, channel: ChannelId, open: OpenOptions): Promise<OpenedChannel> {
	const n8n = chosenCredential(N8N_CHANNELS[channel], open.parameter);
	const credentials = await ctx.getCredentials(n8n.credentialType);
	const base = n8n.adapterContext(credentials, open.parameter);
	const context: AdapterContext = {
		...base,
		transport: createN8nTransport(ctx, n8n.credentialType, n8n.tokenExpiredStatus, n8n.oauth2),
		retry: open.retry ?? DEFAULT_RETRY_POLICY,
		options: { ...base.options, ...open.options, ...(open.timeoutMs !== undefined ? { timeoutMs: open.timeoutMs } : {}) },
	};
	return { channel, credentials, context, webhookSecrets: n8n.webhookSecrets };
}
