import type { ICredentialDataDecryptedObject, INodeProperties, IOAuth2Options } from 'n8n-workflow';
import type { AdapterContext } from '../../../core/channels/types';
import type { WebhookSecrets } from '../../../core/webhooks/types';

/**
 * The n8n side of one channel: which credential it uses and how that credential (plus the node's own
 * fields) becomes an AdapterContext. Shared by the channel's poll trigger, OMS Status Sync and the OMS Order
 * Webhook Trigger, so all three reach the same account with the same ids.
 */
export interface N8nChannel {
	credentialType: string;
	/**
	 * Where the adapter points and which seller account it reads, from the credential and, for settings the
	 * credential lacks (Amazon marketplaces), the node's own `properties`.
	 */
	adapterContext(credentials: ICredentialDataDecryptedObject, parameter: (name: string) => unknown): Omit<AdapterContext, 'transport' | 'retry'>;
	/** Node fields shown for this channel, read through adapterContext's `parameter`. */
	properties?: INodeProperties[];
	/** The status the channel answers an expired token with, when it is not 401 (SP-API: 403). */
	tokenExpiredStatus?: number;
	/** Channels with HTTP webhooks (core capabilities.webhooks): the credential's secrets; `account` is the adapter's. */
	webhookSecrets?(credentials: ICredentialDataDecryptedObject, account: string): WebhookSecrets;
	/** OAuth2 credentials: how n8n signs requests (e.g. the header the API reads the token from). */
	oauth2?: IOAuth2Options;
	/**
	 * Other credential types the channel can be reached with, offered by the nodes' `authentication` choice
	 * (see credentials.ts); the channel's own credential above is the first option and the default, so
	 * workflows saved before the choice keep their credential.
	 */
	authentication?: { own: ChoiceLabel; alternatives: CredentialChoice[] };
}

export interface ChoiceLabel {
	name: string;
	description: string;
}

/**
 * One more credential type for a channel: n8n's own (shopifyOAuth2Api, wooCommerceApi...) so existing
 * credentials work, or a second one of ours. What it leaves out is taken from the channel's own.
 */
export interface CredentialChoice extends ChoiceLabel, Partial<Pick<N8nChannel, 'adapterContext' | 'tokenExpiredStatus' | 'webhookSecrets' | 'oauth2'>> {
	credentialType: string;
}

/** A credential field as trimmed text, undefined when empty. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
