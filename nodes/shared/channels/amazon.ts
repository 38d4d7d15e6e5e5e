import { amazonBaseUrl, AMAZON_BR_MARKETPLACE_ID, type AmazonRegion } from '../../../core/channels/amazon';
import type { N8nChannel } from './types';

export const amazonN8n: N8nChannel = {
	credentialType: 'amazonSpApi',
	// SP-API answers an expired LWA access token with 403: that status makes n8n refresh the credential.
	tokenExpiredStatus: 403,
	// One LWA authorisation may cover several sellers' marketplaces: which to read is the node's choice.
	properties: [
		{
			displayName: 'Seller ID',
			name: 'sellerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'A3SELLER…',
			description: 'Merchant token (Seller Central → Settings → Account Info → Merchant Token); names the account in the OMS',
		},
		{
			displayName: 'Marketplace IDs',
			name: 'marketplaceIds',
			type: 'string',
			default: AMAZON_BR_MARKETPLACE_ID,
			required: true,
			description: 'Comma-separated marketplaces of the credential\'s region (A2Q3Y263D00KWC is Brazil)',
		},
	],
	adapterContext: (credentials, parameter) => ({
		baseUrl: String(credentials.baseUrl || amazonBaseUrl(credentials.region as AmazonRegion, credentials.environment === 'sandbox' ? 'sandbox' : 'production')),
		account: String(parameter('sellerId')),
		options: { marketplaceIds: String(parameter('marketplaceIds')) },
	}),
};
