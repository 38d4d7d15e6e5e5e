import type { N8nChannel } from './types';

export const miraklN8n: N8nChannel = {
	credentialType: 'miraklOmsApi',
	properties: [
		{
			displayName: 'Accept Orders',
			name: 'miraklAcceptOrders',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept (OR21) every order waiting for acceptance when it is read. Off: accept them in the Mirakl back office — an order nobody accepts in time is cancelled by the marketplace. Either way a waiting order reserves its units.',
		},
	],
	adapterContext: (credentials, parameter) => ({
		baseUrl: String(credentials.host),
		account: String(credentials.shopId),
		options: { acceptOrders: parameter('miraklAcceptOrders') === true },
	}),
};
