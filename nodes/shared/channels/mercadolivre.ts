import { UserError, type ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ML_DEFAULT_BASE_URL } from '../../../core/channels/mercadolivre';
import { text, type N8nChannel } from './types';

/** The seller: the credential's Seller ID, else the user_id ML returned with the OAuth token. */
function sellerOf(credentials: ICredentialDataDecryptedObject): string {
	const token = credentials.oauthTokenData as { user_id?: number | string } | undefined;
	const seller = String(credentials.sellerId || token?.user_id || '');
	if (!seller) throw new UserError('Unknown Mercado Livre seller: set "Seller ID" in the credential');
	return seller;
}

export const mercadoLivreN8n: N8nChannel = {
	credentialType: 'mercadoLivreOAuth2Api',
	adapterContext: (credentials) => ({
		baseUrl: String(credentials.baseUrl || ML_DEFAULT_BASE_URL),
		account: sellerOf(credentials),
		// Read by the normaliser (the depot an order sold from) and the writer (the depot a warehouse writes).
		options: { depots: String(credentials.depots ?? '') },
	}),
	// Notifications name the application: the OAuth client id of the credential.
	webhookSecrets: (c, account) => ({ account, appId: text(c.clientId) }),
};
