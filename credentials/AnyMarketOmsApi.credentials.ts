import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, environmentProperty, productionAndSandbox, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { ANYMARKET_API, ANYMARKET_SANDBOX_API } from '../core/channels/anymarket/api';
import { apiRoot, headerAuthentication } from './shared/requests';

const API_ROOT = apiRoot({ production: ANYMARKET_API, sandbox: ANYMARKET_SANDBOX_API });

/**
 * An AnyMarket account (a hub: its orders come from every marketplace the account sells on). The token is the
 * `gumgaToken` AnyMarket support issues per account (sandbox and production tokens differ), sent as a header.
 */
export class AnyMarketOmsApi implements ICredentialType {
	name = 'anyMarketOmsApi';

	displayName = 'AnyMarket (OMS) API';

	icon = 'file:icons/anymarket.svg' as const;

	documentationUrl = 'https://developers.anymarket.com.br/';

	properties: INodeProperties[] = [
		requiredStringProperty('Account Name', 'accountName', {
			description: 'Names the account in the OMS (orders are keyed anymarket:<account name>); the token alone does not say it',
		}),
		secretProperty('Token (gumgaToken)', 'token'),
		environmentProperty(productionAndSandbox('Sandbox (sandbox-api.anymarket.com.br)')),
		baseUrlOverrideProperty('http://127.0.0.1:8080/v2', 'Leave empty. Replaces the API root (…/v2), e.g. for a test server.'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({ gumgaToken: '={{$credentials.token}}' });

	// One order of the list: the read the trigger needs.
	test: ICredentialTestRequest = {
		request: { baseURL: API_ROOT, url: '/orders', qs: { limit: 1 } },
	};
}
