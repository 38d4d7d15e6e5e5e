import { PLUGGTO_API } from '../../../core/channels/pluggto';
import { text, type N8nChannel } from './types';

export const pluggToN8n: N8nChannel = {
	credentialType: 'pluggToOmsApi',
	// An expired access token is answered 401: resend once so n8n's preAuthentication renews it.
	tokenExpiredStatus: 401,
	adapterContext: (credentials) => ({ baseUrl: text(credentials.baseUrl) ?? PLUGGTO_API, account: String(credentials.accountName) }),
};
