import { SKYHUB_BASE_URL } from '../../../core/channels/americanas/api';
import { text, type N8nChannel } from './types';

/** The SkyHub account is named by the user's e-mail (X-User-Email): the seller's login on SkyHub. */
export const americanasN8n: N8nChannel = {
	credentialType: 'americanasOmsApi',
	adapterContext: (credentials) => ({
		baseUrl: text(credentials.baseUrl) ?? SKYHUB_BASE_URL,
		account: String(credentials.email).trim(),
	}),
};
