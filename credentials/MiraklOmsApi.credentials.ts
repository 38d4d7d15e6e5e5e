import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { requiredStringProperty, secretProperty } from './shared/channelProperties';
import { headerAuthentication, urlFieldRoot } from './shared/requests';

/**
 * A shop on a Mirakl marketplace (Carrefour Brasil or any other operator): the operator's API host and the
 * shop's API key (Mirakl back office → My user settings → API Key), sent as the Authorization header.
 */
export class MiraklOmsApi implements ICredentialType {
	name = 'miraklOmsApi';

	displayName = 'Mirakl (OMS) API';

	icon = 'file:icons/mirakl.svg' as const;

	documentationUrl = 'https://developer.mirakl.com/content/product/mmp/rest/seller/openapi3';

	properties: INodeProperties[] = [
		requiredStringProperty('Host', 'host', {
			placeholder: 'https://marketplace.mirakl.net',
			description: "The marketplace operator's Mirakl API address (each operator has its own)",
		}),
		requiredStringProperty('Shop ID', 'shopId', { description: "The shop's id on the marketplace; names the account in the OMS" }),
		secretProperty('API Key', 'apiKey'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({ Authorization: '={{$credentials.apiKey}}' });

	// A01: the shop's own information.
	test: ICredentialTestRequest = {
		request: { baseURL: urlFieldRoot('host'), url: '/api/account' },
	};
}
