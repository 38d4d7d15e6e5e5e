import type { N8nChannel } from './types';

/** A REST base ("<host>/rest/<store code>"); its host names the account unless one is given. */
const store = (restBase: unknown, account: unknown, sourceCode: unknown) => {
	const baseUrl = String(restBase ?? '').replace(/\/+$/, '');
	return { baseUrl, account: String(account || new URL(baseUrl).host), options: { sourceCode: String(sourceCode || 'default') } };
};

export const magentoN8n: N8nChannel = {
	credentialType: 'magentoOmsApi',
	// The MSI source stock is written to travels as an option (the writer's sourceCode).
	adapterContext: (credentials) => store(credentials.baseUrl, credentials.storeName, credentials.sourceCode),
	authentication: {
		own: { name: 'Magento 2 (OMS) API', description: 'REST base URL with the store code, integration access token, MSI source' },
		alternatives: [
			{
				// n8n's own "Magento 2 API" (host, access token as Bearer); its node calls <host>/rest/default.
				credentialType: 'magento2Api',
				name: "n8n's Magento 2 API",
				description: "An existing credential of n8n's Magento 2 node: the default store view, stock to the default source",
				adapterContext: (credentials) => store(`${String(credentials.host ?? '').replace(/\/+$/, '')}/rest/default`, undefined, undefined),
			},
		],
	},
};
