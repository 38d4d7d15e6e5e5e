import type { N8nChannel } from './types';

export const trayN8n: N8nChannel = {
	credentialType: 'trayOmsApi',
	// An expired access token is answered 401: resend once so n8n's preAuthentication renews it.
	tokenExpiredStatus: 401,
	adapterContext: (credentials) => ({ baseUrl: String(credentials.apiAddress), account: String(credentials.storeId) }),
};
