import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, environmentProperty, productionAndSandbox, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { VIA_BASE_URLS } from '../core/channels/via/api';
import { apiRoot, headerAuthentication } from './shared/requests';

const API_ROOT = apiRoot(VIA_BASE_URLS);

/**
 * A Via (Casas Bahia, Ponto, Extra) marketplace seller: the app's client_id (the integrator's key) and the store's
 * access_token, both created in the app at developers.grupocasasbahia.com.br. Via requires homologation (HLG)
 * before an app may call production.
 */
export class ViaOmsApi implements ICredentialType {
	name = 'viaOmsApi';

	displayName = 'Via (Casas Bahia) API';

	icon = 'file:icons/via.svg' as const;

	documentationUrl = 'https://developers.grupocasasbahia.com.br/marketplace/docs';

	properties: INodeProperties[] = [
		requiredStringProperty('Seller ID', 'sellerId', { description: "The store's id on Via; names the account in the OMS" }),
		requiredStringProperty('Client ID', 'clientId', { description: "The app's client_id" }),
		secretProperty('Access Token', 'accessToken'),
		environmentProperty(productionAndSandbox('Homologation (HLG sandbox)')),
		baseUrlOverrideProperty('http://127.0.0.1:8080', 'Leave empty. Replaces the API root (…/api/v2), e.g. for a test server.'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({
		client_id: '={{$credentials.clientId}}',
		access_token: '={{$credentials.accessToken}}',
		Accept: 'application/json',
	});

	// One approved order: a read that needs the store's token.
	test: ICredentialTestRequest = {
		request: { baseURL: API_ROOT, url: '/orders/status/approved', qs: { _offset: 0, _limit: 1 } },
	};
}
