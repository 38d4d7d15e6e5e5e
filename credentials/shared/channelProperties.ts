import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Property definitions the channel credentials share. Each credential keeps its own wording (labels,
 * placeholders, descriptions); only the shape (name, type, default) lives here, so every channel's
 * `environment`, `baseUrl` and secrets read the same way in the adapters and the credential tests.
 */

/** The `environment` choice; its default is the first option. */
export function environmentProperty(options: INodePropertyOptions[], description?: string): INodeProperties {
	return {
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options,
		default: options[0].value,
		...(description === undefined ? {} : { description }),
	};
}

/** Options for a channel with a production and a sandbox mode (production first, so it is the default). */
export function productionAndSandbox(sandboxName: string, productionName = 'Production'): INodePropertyOptions[] {
	return [
		{ name: productionName, value: 'production' },
		{ name: sandboxName, value: 'sandbox' },
	];
}

/** The optional `baseUrl` that replaces the channel's API root (a proxy or a test simulator). */
export function baseUrlOverrideProperty(placeholder: string, description: string): INodeProperties {
	return { displayName: 'Base URL Override', name: 'baseUrl', type: 'string', default: '', placeholder, description };
}

/** A required secret string, masked in the editor. */
export function secretProperty(displayName: string, name: string): INodeProperties {
	return { displayName, name, type: 'string', typeOptions: { password: true }, default: '', required: true };
}

/** Shopify's shop subdomain and Admin API version, shared by both Shopify credentials. */
export const shopifyShopProperties: INodeProperties[] = [
	{
		displayName: 'Shop Subdomain',
		name: 'shopSubdomain',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'my-store',
		description: 'The part before .myshopify.com',
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'string',
		default: '2026-01',
		description: 'Quarterly Admin API version (YYYY-MM); each is supported for at least 12 months',
	},
];

/** A required plain string (an account or store ID, an address, a public key); `more` adds placeholder and description. */
export function requiredStringProperty(displayName: string, name: string, more: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', required: true, ...more };
}

/** An optional secret (a webhook signing secret), masked in the editor. */
export function optionalSecretProperty(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', typeOptions: { password: true }, default: '', description };
}

/** A notice shown at the top of the credential (it stores nothing). */
export function noticeProperty(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

/** A hidden field with a fixed value (the OAuth2 settings n8n reads). */
export function hiddenProperty(displayName: string, name: string, value: string): INodeProperties {
	return { displayName, name, type: 'hidden', default: value };
}

/** The hidden field preAuthentication keeps the short-lived token in; n8n runs preAuthentication again when it expires. */
export function expirableTokenProperty(displayName: string, name: string): INodeProperties {
	return { displayName, name, type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' };
}

/** The hidden field preAuthentication keeps the refresh token in (saved with the credential, never shown). */
export const refreshTokenProperty: INodeProperties = {
	displayName: 'Refresh Token',
	name: 'refreshToken',
	type: 'hidden',
	typeOptions: { password: true },
	default: '',
};

/** An optional plain string (a name, a mapping, an ID with a documented fallback); `more` adds a placeholder or a default. */
export function optionalStringProperty(displayName: string, name: string, description: string, more: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...more };
}

/** The offset of dates the platform writes without a zone (`timeZoneOffset`, read by the channel's normaliser); Brasília by default. */
export function timeZoneOffsetProperty(description: string): INodeProperties {
	return optionalStringProperty('Time Zone Offset', 'timeZoneOffset', description, { default: '-03:00' });
}

/**
 * The hidden settings n8n's OAuth2 credential (`extends = ['oAuth2Api']`) reads for an authorization-code grant
 * with the client id and secret sent in the body. `authUrl` is left out where the user picks it (a visible field).
 */
export function authorizationCodeProperties(urls: { authUrl?: string; accessTokenUrl: string; authQueryParameters?: string }): INodeProperties[] {
	return [
		hiddenProperty('Grant Type', 'grantType', 'authorizationCode'),
		...(urls.authUrl === undefined ? [] : [hiddenProperty('Authorization URL', 'authUrl', urls.authUrl)]),
		hiddenProperty('Access Token URL', 'accessTokenUrl', urls.accessTokenUrl),
		hiddenProperty('Auth URI Query Parameters', 'authQueryParameters', urls.authQueryParameters ?? ''),
		hiddenProperty('Authentication', 'authentication', 'body'),
	];
}
