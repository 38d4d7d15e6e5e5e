/**
 * SP-API hosts. Production hosts are the ones in the Swagger files; the sandbox host is the one Amazon's
 * own client README uses (sandbox.sellingpartnerapi-na.amazon.com), extended to eu/fe by the same pattern.
 */
export const AMAZON_REGIONS = ['na', 'eu', 'fe'] as const;
export type AmazonRegion = (typeof AMAZON_REGIONS)[number];
export type AmazonEnvironment = 'production' | 'sandbox';

/** Login with Amazon token endpoint: refresh token → 1 h access token. */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** The simulator serves the token endpoint next to the API: a base-URL override moves both. */
export const LWA_TOKEN_PATH = '/auth/o2/token';

export function amazonBaseUrl(region: AmazonRegion, environment: AmazonEnvironment = 'production'): string {
	return `https://${environment === 'sandbox' ? 'sandbox.' : ''}sellingpartnerapi-${region}.amazon.com`;
}

/** Brazil marketplace (region na). */
export const AMAZON_BR_MARKETPLACE_ID = 'A2Q3Y263D00KWC';

/**
 * Marketplace currency, used only when an order carries no amount at all (Pending orders: getOrderItems
 * omits prices until payment is authorised). Other marketplaces then fail naming the field.
 */
export const AMAZON_MARKETPLACE_CURRENCY: Readonly<Record<string, string>> = {
	A2Q3Y263D00KWC: 'BRL',
	ATVPDKIKX0DER: 'USD',
	A2EUQ1WTGCTBG2: 'CAD',
	A1AM78C64UM0Y8: 'MXN',
	A1F83G8C2ARO7P: 'GBP',
	A1PA6795UKMFR9: 'EUR',
	A1RKKUPIHCS9HS: 'EUR',
	APJ6JRA9NG5V4: 'EUR',
	A13V1IB3VIYZZH: 'EUR',
};
