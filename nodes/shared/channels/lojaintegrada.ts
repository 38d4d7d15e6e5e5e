import { LOJA_INTEGRADA_API } from '../../../core/channels/lojaintegrada';
import type { N8nChannel } from './types';

export const lojaIntegradaN8n: N8nChannel = {
	credentialType: 'lojaIntegradaOmsApi',
	// The NF-e endpoint wants the store key in its form body as well as in the header.
	adapterContext: (credentials) => ({
		baseUrl: String(credentials.baseUrl || LOJA_INTEGRADA_API),
		account: String(credentials.storeId),
		options: { storeKey: String(credentials.chaveApi ?? '') },
	}),
};
