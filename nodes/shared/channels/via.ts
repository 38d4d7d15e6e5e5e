import { VIA_BASE_URLS } from '../../../core/channels/via/api';
import { text, type N8nChannel } from './types';

export const viaN8n: N8nChannel = {
	credentialType: 'viaOmsApi',
	adapterContext: (credentials) => ({
		baseUrl: text(credentials.baseUrl) ?? VIA_BASE_URLS[credentials.environment === 'sandbox' ? 'sandbox' : 'production'],
		account: String(credentials.sellerId).trim(),
	}),
};
