import type { N8nChannel } from './types';

export const magentoN8n: N8nChannel = {
	credentialType: 'magentoOmsApi',
	// The store's REST base ("<host>/rest/<store code>"); the MSI source stock is written to.
	adapterContext: (credentials) => ({
		baseUrl: String(credentials.baseUrl).replace(/\/+$/, ''),
		account: String(credentials.storeName || credentials.baseUrl),
		options: { sourceCode: String(credentials.sourceCode || 'default') },
	}),
};
