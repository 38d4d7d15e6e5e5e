import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import type { ChannelId } from '../../../core/channels/registry';
import type { CredentialChoice, N8nChannel } from './types';

/**
 * The `authentication` choice of a channel with several credential types (Shopify, WooCommerce): the
 * option values are the credential type names. The channel's own credential is the first option and the
 * default. An alternative takes the channel's adapterContext and webhookSecrets unless it has its own; its
 * token handling (tokenExpiredStatus, oauth2) is its own, never inherited: it belongs to the credential type.
 */
export interface ResolvedCredential extends Pick<N8nChannel, 'credentialType' | 'adapterContext' | 'tokenExpiredStatus' | 'oauth2' | 'webhookSecrets'> {
	name: string;
	description: string;
}

export const AUTHENTICATION = 'authentication';

export function credentialChoices(n8n: N8nChannel): ResolvedCredential[] {
	const own: ResolvedCredential = { ...n8n, name: n8n.authentication?.own.name ?? n8n.credentialType, description: n8n.authentication?.own.description ?? '' };
	const alternative = (c: CredentialChoice): ResolvedCredential => ({
		...c,
		adapterContext: c.adapterContext ?? n8n.adapterContext,
		webhookSecrets: c.webhookSecrets ?? n8n.webhookSecrets,
	});
	return [own, ...(n8n.authentication?.alternatives ?? []).map(alternative)];
}

/** The credential the node's `authentication` parameter names; the channel's own when it has no choice. */
export function chosenCredential(n8n: N8nChannel, parameter: (name: string) => unknown): ResolvedCredential {
	const choices = credentialChoices(n8n);
	if (choices.length === 1) return choices[0];
	let picked: unknown;
	try {
		picked = parameter(AUTHENTICATION);
	} catch {
		picked = undefined; // a node saved before the choice existed
	}
	return choices.find((c) => c.credentialType === picked) ?? choices[0];
}

/** The `authentication` field, for a channel that has a choice; `channel` set: shown for that channel only. */
export function authenticationProperty(n8n: N8nChannel, channel?: ChannelId): INodeProperties[] {
	const choices = credentialChoices(n8n);
	if (choices.length === 1) return [];
	// The default is the first option (the channel's own credential), computed: the rule wants a literal.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	const field: INodeProperties = {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: choices.map((c) => ({ name: c.name, value: c.credentialType, description: c.description })),
		default: choices[0].credentialType,
	};
	return [channel ? { ...field, displayOptions: { show: { channel: [channel] } } } : field];
}

/** A poll trigger's credentials: each shown for its `authentication` option (just the one when there is no choice). */
export function triggerCredentials(n8n: N8nChannel): INodeCredentialDescription[] {
	const choices = credentialChoices(n8n);
	if (choices.length === 1) return [{ name: n8n.credentialType, required: true }];
	return choices.map((c) => ({ name: c.credentialType, required: true, displayOptions: { show: { [AUTHENTICATION]: [c.credentialType] } } }));
}
