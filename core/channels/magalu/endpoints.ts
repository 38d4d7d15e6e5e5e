/**
 * Magalu Open API (sellers). Hosts, ID Magalu URLs and scopes from developers.magalu.com (order, delivery
 * and authentication pages). Marked [?] where only third-party code was found: see the README section
 * "Magalu: unconfirmed".
 */
export type MagaluEnvironment = 'production' | 'sandbox';

export const MAGALU_API_HOSTS: Readonly<Record<MagaluEnvironment, string>> = {
	production: 'https://api.magalu.com',
	sandbox: 'https://api-sandbox.magalu.com',
};

/** ID Magalu (OAuth 2.0 authorization code). `choose_tenants=true` lets the user consent as the store. */
export const ID_MAGALU_AUTH_URL = 'https://id.magalu.com/login';
export const ID_MAGALU_LOGIN_QUERY = 'choose_tenants=true';
/** [?] The token endpoint is the one every third-party client uses; the page shows it only in a video. */
export const ID_MAGALU_TOKEN_URL = 'https://id.magalu.com/oauth/token';

/** Read scopes for orders and deliveries (the newer "-seller" names on the English pages). */
export const MAGALU_ORDER_SCOPES = ['open:order-order-seller:read', 'open:order-delivery-seller:read'];

/** The "Magalu" sales channel, the example X-Channel-Id of the order pages (the only channel today). */
export const MAGALU_DEFAULT_CHANNEL_ID = '9fe0d853-732b-4e4a-a0b0-cff988ed043d';

/**
 * List endpoint and its query names. `_limit`/`_offset`/`_sort` and meta.page.max_limit = 100 are
 * documented; [?] the date filter names are from third-party code (the docs show `updated_at__ge` on the
 * get-by-id pages), and the sort key accepted by the list is not confirmed for `updated_at`.
 */
export const MAGALU_ORDERS = {
	path: '/seller/v1/orders',
	since: 'updated_at__gte',
	until: 'updated_at__lte',
	sortAsc: 'created_at:asc',
	sortDesc: 'created_at:desc',
	maxLimit: 100,
} as const;

export function magaluBaseUrl(environment: MagaluEnvironment): string {
	return MAGALU_API_HOSTS[environment];
}
