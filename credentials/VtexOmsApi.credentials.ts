import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import {
	baseUrlOverrideProperty,
	environmentProperty,
	optionalSecretProperty,
	optionalStringProperty,
	requiredStringProperty,
	secretProperty,
} from './shared/channelProperties';
import { apiRoot, headerAuthentication } from './shared/requests';

const API_ROOT = apiRoot({ expression: '"https://" + $credentials.accountName + "." + $credentials.environment + ".com.br"' });

/**
 * A VTEX application key (License Manager) with the OMS role ("OMS - Full access" or a role with Feed and
 * order view). The order feed is per app key: configure it once (POST /api/orders/feed/config) for this key.
 * VTEX has no sandbox host; development accounts use the same environments.
 */
export class VtexOmsApi implements ICredentialType {
	name = 'vtexOmsApi';

	displayName = 'VTEX (OMS) API';

	icon = 'file:icons/vtex.svg' as const;

	documentationUrl = 'https://developers.vtex.com/docs/guides/api-authentication-using-application-keys';

	properties: INodeProperties[] = [
		requiredStringProperty('Account Name', 'accountName', {
			placeholder: 'mystore',
			description: 'The account in https://{account}.vtexcommercestable.com.br',
		}),
		requiredStringProperty('App Key', 'appKey', { placeholder: 'vtexappkey-mystore-ABCDEF' }),
		secretProperty('App Token', 'appToken'),
		environmentProperty([{ name: 'Stable (vtexcommercestable)', value: 'vtexcommercestable' }], 'The host environment VTEX documents for the Orders API'),
		optionalStringProperty(
			'Hook Secret Header Name',
			'hookHeaderName',
			'Only for the OMS Order Webhook Trigger: VTEX hooks are not signed, so the hook is configured to send this header, and deliveries without the right value are refused',
			{ default: 'X-OMS-Hook-Secret' },
		),
		optionalSecretProperty(
			'Hook Secret Header Value',
			'hookSecret',
			'A long random string, sent by VTEX in the header above (the trigger writes it into the hook configuration)',
		),
		baseUrlOverrideProperty('http://127.0.0.1:8080', 'Leave empty. Replaces https://{account}.{environment}.com.br, e.g. for a test server.'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({
		'X-VTEX-API-AppKey': '={{$credentials.appKey}}',
		'X-VTEX-API-AppToken': '={{$credentials.appToken}}',
	});

	test: ICredentialTestRequest = {
		request: { baseURL: API_ROOT, url: '/api/oms/pvt/orders', qs: { per_page: 1 } },
	};
}
