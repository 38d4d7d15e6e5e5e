import { vtexBaseUrl } from '../../../core/channels/vtex';
import { text, type N8nChannel } from './types';

export const vtexN8n: N8nChannel = {
	credentialType: 'vtexOmsApi',
	adapterContext: (credentials) => {
		const account = String(credentials.accountName);
		return { account, baseUrl: String(credentials.baseUrl || vtexBaseUrl(account, String(credentials.environment || 'vtexcommercestable'))) };
	},
	webhookSecrets: (c, account) => ({ account, headerName: text(c.hookHeaderName), headerValue: text(c.hookSecret), appId: text(c.appKey) }),
};
