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

/** Orders API v2026-01-01 (orders_2026-01-01.json): searchOrders is this path, getOrder is `/{orderId}`. */
export const AMAZON_ORDERS_PATH = '/orders/2026-01-01/orders';

/**
 * The `includedData` sets the normaliser reads: FULFILLMENT carries the status, PROCEEDS the totals, BUYER
 * and RECIPIENT the customer and address, PACKAGES the tracking (and delivery), TAX the BR invoice status and
 * CPF/CNPJ. Items (product, unit price, quantities) always come. Sent comma-separated (Swagger 2.0's default
 * array format).
 */
export const AMAZON_INCLUDED_DATA = ['BUYER', 'RECIPIENT', 'PROCEEDS', 'FULFILLMENT', 'PACKAGES', 'TAX'].join(',');

/**
 * Marketplace currency, used only when an order carries no amount at all (a pending order may come
 * without prices); the order is then flagged `currency_from_account`.
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
	A1VC38T7YXB528: 'JPY',
	A33AVAJ2PDY3EV: 'TRY',
};
