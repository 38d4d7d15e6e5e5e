import { magaluBaseUrl, MAGALU_DEFAULT_CHANNEL_ID } from '../../../core/channels/magalu';
import type { N8nChannel } from './types';

export const magaluN8n: N8nChannel = {
	credentialType: 'magaluOAuth2Api',
	// The ID Magalu credential does not name the store, so the node does.
	properties: [
		{
			displayName: 'Seller Account',
			name: 'sellerAccount',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'loja-do-edu',
			description: 'The name this Magalu store has in the OMS: orders are unique per channel account, so keep it stable',
		},
	],
	adapterContext: (credentials, parameter) => ({
		baseUrl: String(credentials.baseUrl || magaluBaseUrl(credentials.environment === 'sandbox' ? 'sandbox' : 'production')),
		account: String(parameter('sellerAccount')),
		// Read by the normaliser (Magalu Fulfillment orders) and the writer (which delivery takes the NF-e).
		options: {
			channelId: String(credentials.channelId || MAGALU_DEFAULT_CHANNEL_ID),
			fulfillmentWarehouse: String(credentials.fulfillmentWarehouse ?? ''),
			fulfillmentWhen: String(credentials.fulfillmentWhen ?? ''),
		},
	}),
	// Magalu signs nothing: a delivery is only a hint, read again with the credential.
	webhookSecrets: (_c, account) => ({ account }),
};
