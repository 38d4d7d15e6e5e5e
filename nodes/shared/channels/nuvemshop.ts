import { NUVEMSHOP_API_ROOTS } from '../../../core/channels/nuvemshop';
import { text, type N8nChannel } from './types';

export const nuvemshopN8n: N8nChannel = {
	credentialType: 'nuvemshopOmsApi',
	adapterContext: (credentials) => ({
		baseUrl: String(credentials.baseUrl || NUVEMSHOP_API_ROOTS[credentials.platform === 'tiendanube' ? 'tiendanube' : 'nuvemshop']),
		account: String(credentials.storeId),
	}),
	webhookSecrets: (c, account) => ({ account, secret: text(c.appSecret) }),
};
