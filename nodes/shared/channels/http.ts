import { EXAMPLE_DEFINITION } from '../../../core/channels/http/example';
import type { N8nChannel } from './types';

/** The JSON field's value as text: n8n gives the editor's text, or an object when the field is an expression. */
const definitionText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

/**
 * The configurable HTTP channel: the credential holds the base URL, the account and the auth header; the
 * node holds the channel definition (the platform's list request, paging, field mapping, statuses and write
 * requests), so one definition per platform is reused across stores by copying the node.
 */
export const httpN8n: N8nChannel = {
	credentialType: 'httpChannelOmsApi',
	properties: [
		{
			displayName: 'Channel Definition',
			name: 'httpChannelDefinition',
			type: 'json',
			typeOptions: { rows: 12 },
			default: JSON.stringify(EXAMPLE_DEFINITION, null, 2),
			description:
				'How this platform lists orders (path, changed-since parameter, paging style), where each canonical field is in its order JSON (paths like items[].sku), its status values and its write requests. See the README, "Configurable HTTP channel".',
		},
	],
	adapterContext: (credentials, parameter) => ({
		baseUrl: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
		account: String(credentials.account ?? ''),
		options: {
			definition: definitionText(parameter('httpChannelDefinition')),
			loginUsername: String(credentials.loginUsername ?? ''),
			loginSecret: String(credentials.loginSecret ?? ''),
		},
	}),
};
