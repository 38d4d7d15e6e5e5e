import type { IAuthenticateGeneric, IHttpRequestHelper } from 'n8n-workflow';

/** Where a credential's API is when its Base URL Override is empty: one URL, one per environment, or an expression over $credentials. */
export type ApiHost = string | { production: string; sandbox: string } | { expression: string };

/**
 * The API root as an n8n expression (credential test requests): the Base URL Override (`baseUrl`) when set,
 * else the channel's host, without a trailing slash.
 */
export function apiRoot(host: ApiHost): string {
	const fallback =
		typeof host === 'string'
			? JSON.stringify(host)
			: 'expression' in host
				? `(${host.expression})`
				: `($credentials.environment === "sandbox" ? ${JSON.stringify(host.sandbox)} : ${JSON.stringify(host.production)})`;
	return `={{($credentials.baseUrl || ${fallback}).replace(/\\/+$/, "")}}`;
}

/** The API root read from a required URL field of the credential (the store's own address), without a trailing slash. */
export const urlFieldRoot = (field: string): string => `={{$credentials.${field}.replace(/\\/+$/, "")}}`;

/** Credential fields sent as request headers (n8n's generic authentication); values are n8n expressions. */
export const headerAuthentication = (headers: Record<string, string>): IAuthenticateGeneric => ({ type: 'generic', properties: { headers } });

/** A form-encoded POST to a token endpoint (OAuth-style grants), answered with JSON. */
export async function postForm(helpers: IHttpRequestHelper['helpers'], url: string, fields: Record<string, string>): Promise<unknown> {
	return await helpers.httpRequest({
		method: 'POST',
		url,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: new URLSearchParams(fields).toString(),
		json: true,
	});
}
