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
