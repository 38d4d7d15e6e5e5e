import { ANYMARKET_API, ANYMARKET_SANDBOX_API } from '../../../core/channels/anymarket';
import { text, type N8nChannel } from './types';

export const anyMarketN8n: N8nChannel = {
	credentialType: 'anyMarketOmsApi',
	adapterContext: (credentials) => ({
		baseUrl: text(credentials.baseUrl) ?? (credentials.environment === 'sandbox' ? ANYMARKET_SANDBOX_API : ANYMARKET_API),
		account: String(credentials.accountName),
	}),
};
