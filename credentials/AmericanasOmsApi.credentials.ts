import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { SKYHUB_BASE_URL } from '../core/channels/americanas/api';
import { apiRoot, headerAuthentication } from './shared/requests';

/**
 * An Americanas seller account on SkyHub (the marketplace's seller API): the account's user e-mail and
 * integration API key (SkyHub panel → Configurações → API), and the X-Accountmanager-Key the platform/ERP got
 * from SkyHub when it was certified (one per integrator, the same for all its sellers).
 */
export class AmericanasOmsApi implements ICredentialType {
	name = 'americanasOmsApi';

	displayName = 'Americanas (SkyHub) API';

	icon = 'file:icons/americanas.svg' as const;

	documentationUrl = 'https://desenvolvedores.skyhub.com.br';

	properties: INodeProperties[] = [
		requiredStringProperty('User E-Mail', 'email', {
			placeholder: 'name@email.com',
			description: 'The SkyHub user (X-User-Email); names the account in the OMS',
		}),
		secretProperty('API Key', 'apiKey'),
		secretProperty('Account Manager Key', 'accountManagerKey'),
		baseUrlOverrideProperty('http://127.0.0.1:8080', 'Leave empty. Replaces https://api.skyhub.com.br, e.g. for a test server.'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({
		'X-User-Email': '={{$credentials.email}}',
		'X-Api-Key': '={{$credentials.apiKey}}',
		'X-Accountmanager-Key': '={{$credentials.accountManagerKey}}',
		Accept: 'application/json',
	});

	// One order of the list: reading the queue here would hide an order from the trigger for 5 minutes.
	test: ICredentialTestRequest = {
		request: {
			baseURL: apiRoot(SKYHUB_BASE_URL),
			url: '/orders',
			qs: { page: 1, per_page: 1 },
		},
	};
}
