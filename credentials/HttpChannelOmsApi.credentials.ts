import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { optionalStringProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { urlFieldRoot } from './shared/requests';

/**
 * A platform reached through the configurable HTTP channel: where its API is, which store account it is,
 * the one header that authenticates (name and value, e.g. "Authorization: Bearer …" or "X-Api-Key: …"),
 * and, for platforms that open a session (the definition's "session": OpenCart's api/login), the login's
 * username and secret. The rest (paths, paging, mapping) is the node's Channel Definition.
 */
export class HttpChannelOmsApi implements ICredentialType {
	name = 'httpChannelOmsApi';

	displayName = 'Configurable HTTP (OMS) API';

	icon = 'file:icons/http.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-oms/n8n-nodes-oms#configurable-http-channel';

	properties: INodeProperties[] = [
		requiredStringProperty('Base URL', 'baseUrl', {
			placeholder: 'https://api.minhaloja.com.br',
			description: "The platform's API root; the definition's paths are under it",
		}),
		requiredStringProperty('Account', 'account', {
			placeholder: 'minhaloja',
			description: 'Names the store account in the OMS (orders are keyed http:<account>:<order id>)',
		}),
		requiredStringProperty('Auth Header Name', 'headerName', { default: 'Authorization', description: 'The header the platform reads the key from' }),
		{
			...secretProperty('Auth Header Value', 'headerValue'),
			required: false,
			description: 'Leave empty when the platform authenticates by a login session only',
		},
		optionalStringProperty(
			'Login Username',
			'loginUsername',
			'For definitions with a "session": the {username} of the login request (OpenCart: the API user name, e.g. Default)',
		),
		{
			...secretProperty('Login Secret', 'loginSecret'),
			required: false,
			description: 'For definitions with a "session": the {secret} of the login request (OpenCart: the API key)',
		},
		{
			displayName: 'Test Path',
			name: 'testPath',
			type: 'string',
			default: '/',
			description: 'A small authenticated read the credential test calls (e.g. /api/v1/orders?limit=1)',
		},
	];

	/** The header name is a setting, which n8n's generic (declarative) auth cannot take. */
	async authenticate(credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const name = String(credentials.headerName ?? '').trim() || 'Authorization';
		if (String(credentials.headerValue ?? '') === '') return request;
		return { ...request, headers: { ...(request.headers ?? {}), [name]: String(credentials.headerValue ?? '') } };
	}

	test: ICredentialTestRequest = {
		request: { baseURL: urlFieldRoot('baseUrl'), url: '={{$credentials.testPath || "/"}}' },
	};
}
