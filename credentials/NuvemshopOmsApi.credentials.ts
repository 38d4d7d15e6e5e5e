import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, optionalSecretProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { apiRoot, headerAuthentication } from './shared/requests';
import { optionsField } from '../nodes/shared/fields';

const API_ROOT = apiRoot({ expression: '$credentials.platform === "tiendanube" ? "https://api.tiendanube.com/v1" : "https://api.nuvemshop.com.br/v1"' });

/**
 * A Nuvemshop / Tiendanube app's access token for one store (it does not expire; reinstalling the app
 * replaces it). Nuvemshop wants "Authentication: bearer …" and rejects requests whose User-Agent does not
 * name the app and a contact. Nuvemshop has no sandbox host (test stores live on the same API).
 */
export class NuvemshopOmsApi implements ICredentialType {
	name = 'nuvemshopOmsApi';

	displayName = 'Nuvemshop (OMS) API';

	icon = 'file:icons/nuvemshop.svg' as const;

	documentationUrl = 'https://tiendanube.github.io/api-documentation/authentication';

	properties: INodeProperties[] = [
		requiredStringProperty('Store ID', 'storeId', { description: 'The store ID (user_id in the token response)' }),
		secretProperty('Access Token', 'accessToken'),
		requiredStringProperty('User-Agent', 'userAgent', {
			placeholder: 'My OMS (ops@example.com)',
			description: 'Your app name and a contact (email or URL) in parentheses; Nuvemshop requires it',
		}),
		optionsField('Platform', 'platform', 'nuvemshop', [
			{ name: 'Nuvemshop (api.nuvemshop.com.br)', value: 'nuvemshop' },
			{ name: 'Tiendanube (api.tiendanube.com)', value: 'tiendanube' },
		]),
		optionalSecretProperty(
			'App Secret (Webhooks)',
			'appSecret',
			"Only for the OMS Order Webhook Trigger: the app's client secret (Partners portal). Nuvemshop signs each webhook with it (X-Linkedstore-HMAC-SHA256); deliveries that do not verify are refused.",
		),
		baseUrlOverrideProperty('http://127.0.0.1:8080/v1', 'Leave empty. Replaces the API root (…/v1, without the store ID), e.g. for a test server.'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({
		Authentication: '=bearer {{$credentials.accessToken}}',
		'User-Agent': '={{$credentials.userAgent}}',
	});

	// The store resource, not orders: a store without orders answers GET /orders with 404.
	test: ICredentialTestRequest = {
		request: { baseURL: API_ROOT, url: '=/{{$credentials.storeId}}/store' },
	};
}
