import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { ShopifyOmsApi } from '../../credentials/ShopifyOmsApi.credentials';

/**
 * Applies the credential's own `authenticate` block as n8n does, evaluating each ={{…}} expression with
 * $credentials bound (the header picks the legacy or the client-credentials token).
 */
export function shopifyAuthenticate(credentials: ICredentialDataDecryptedObject, req: IHttpRequestOptions): IHttpRequestOptions {
	const headers = { ...new ShopifyOmsApi().authenticate.properties.headers } as Record<string, string>;
	for (const [k, v] of Object.entries(headers)) {
		const expr = /^=\{\{(.*)\}\}$/.exec(v);
		// A stand-in for n8n's expression engine (test code only).
		headers[k] = expr ? String(new Function('$credentials', `return (${expr[1]});`)(credentials)) : v;
	}
	return { ...req, headers: { ...req.headers, ...headers } };
}
