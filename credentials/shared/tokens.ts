import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { postForm } from './requests';

/** The token endpoint's answer in OAuth's own names (Tray, Shopee, Plugg.To). */
export interface OAuthTokenAnswer {
	access_token?: string;
	refresh_token?: string;
}

/** A token answer: whatever the channel calls its tokens, `token` picks the one the API wants. */
export interface TokenPair {
	token?: string;
	refresh?: string;
}

/**
 * The refresh-or-code rule of the credentials that keep their own tokens (Tray, Shopee, Olist): renew with the refresh
 * token while it works; otherwise (first use, refresh token expired or revoked) exchange the authorization code.
 * A refused renewal is not an error here — the code exchange decides, and its failure is the error n8n shows.
 */
export async function renewOrExchange(
	refreshToken: unknown,
	renew: (refreshToken: string) => Promise<TokenPair>,
	exchange: () => Promise<TokenPair>,
): Promise<TokenPair> {
	const renewed = typeof refreshToken === 'string' && refreshToken !== '' ? await renew(refreshToken).catch(() => undefined) : undefined;
	return renewed?.token ? renewed : exchange();
}

/**
 * Tokens from an OAuth-style endpoint that takes the app's client_id and client_secret with every form-encoded
 * grant (Olist, Plugg.To): the refresh_token grant while it works, else `firstGrant` (authorization code,
 * password). `read` picks the token the API wants from the answer; no token at all is the error `noToken`.
 */
export async function clientSecretGrant(
	helpers: IHttpRequestHelper['helpers'],
	url: string,
	credentials: ICredentialDataDecryptedObject,
	firstGrant: Record<string, string>,
	read: (answer: Record<string, string | undefined>) => TokenPair,
	noToken: string,
): Promise<{ token: string; refresh: string }> {
	const client = { client_id: String(credentials.clientId), client_secret: String(credentials.clientSecret) };
	const grant = async (fields: Record<string, string>) => read((await postForm(helpers, url, { ...client, ...fields })) as Record<string, string | undefined>);
	const tokens = await renewOrExchange(
		credentials.refreshToken,
		(refresh_token) => grant({ grant_type: 'refresh_token', refresh_token }),
		() => grant(firstGrant),
	);
	if (!tokens.token) throw new Error(noToken);
	return { token: tokens.token, refresh: tokens.refresh ?? '' };
}
