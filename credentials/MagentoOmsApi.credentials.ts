import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { optionalStringProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { headerAuthentication, urlFieldRoot } from './shared/requests';

/**
 * Magento 2 / Adobe Commerce: an integration's access token (System → Extensions → Integrations, with
 * Sales and Catalog/Inventory resources), sent as "Authorization: Bearer <token>". Magento 2.4.4+ accepts an
 * integration token as a bearer only when "Allow OAuth Access Tokens to be used as standalone Bearer tokens"
 * is on (Stores → Configuration → Services → OAuth → Consumer Settings).
 */
export class MagentoOmsApi implements ICredentialType {
	name = 'magentoOmsApi';

	displayName = 'Magento 2 (OMS) API';

	icon = 'file:icons/magento.svg' as const;

	documentationUrl = 'https://developer.adobe.com/commerce/webapi/get-started/authentication/gs-authentication-token/';

	properties: INodeProperties[] = [
		requiredStringProperty('REST Base URL', 'baseUrl', {
			placeholder: 'https://shop.example.com/rest/default',
			description: "The store's host followed by /rest/ and the store code",
		}),
		optionalStringProperty('Account Name', 'storeName', 'Names the account in the OMS; the base URL when empty'),
		secretProperty('Access Token', 'accessToken'),
		optionalStringProperty('Inventory Source Code', 'sourceCode', 'The MSI source whose quantity the OMS sets (stores without MSI ignore it)', {
			default: 'default',
		}),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({ Authorization: '=Bearer {{$credentials.accessToken}}' });

	// The store's configuration: a small read any integration token may do.
	test: ICredentialTestRequest = {
		request: { baseURL: urlFieldRoot('baseUrl'), url: '/V1/store/storeConfigs' },
	};
}
