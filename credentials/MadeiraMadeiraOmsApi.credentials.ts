import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, environmentProperty, productionAndSandbox, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { MADEIRAMADEIRA_API, MADEIRAMADEIRA_SANDBOX } from '../core/channels/madeiramadeira/api';
import { apiRoot, headerAuthentication } from './shared/requests';

/**
 * A seller on the MadeiraMadeira marketplace: the token from the Portal Marketplace (Administração → Integração;
 * it needs a completed registration with the Terms signed), sent as the TOKENMM header, and the environment.
 */
export class MadeiraMadeiraOmsApi implements ICredentialType {
	name = 'madeiraMadeiraOmsApi';

	displayName = 'MadeiraMadeira (OMS) API';

	icon = 'file:icons/madeiramadeira.svg' as const;

	documentationUrl = 'https://documenter.getpostman.com/view/3341659/RztmqU19';

	properties: INodeProperties[] = [
		environmentProperty(productionAndSandbox('Sandbox')),
		requiredStringProperty('Seller ID', 'sellerId', {
			description: "The seller's id at MadeiraMadeira (id_seller on its orders); names the account in the OMS",
		}),
		secretProperty('Token (TOKENMM)', 'token'),
		baseUrlOverrideProperty('https://marketplace.madeiramadeira.com.br', 'Leave empty for the environment above; set it to reach a proxy or a test simulator'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({ TOKENMM: '={{$credentials.token}}' });

	// The category tree's first entry: a read every seller token may do (401 without a token, 403 when revoked).
	test: ICredentialTestRequest = {
		request: {
			baseURL: apiRoot({ production: MADEIRAMADEIRA_API, sandbox: MADEIRAMADEIRA_SANDBOX }),
			url: '/v1/categoria/limit=1&offset=0',
		},
	};
}
