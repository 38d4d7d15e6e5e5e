/**
 * Marketplace fulfilment (Amazon FBA, Mercado Livre Full, Magalu Fulfillment): the marketplace ships from its
 * own warehouse and stock, so such orders are held in an OMS warehouse of their own and never take the
 * seller's stock. The warehouse is an adapter option per channel (`fbaWarehouse`, `fullWarehouse`,
 * `fulfillmentWarehouse`); blank or absent is the channel's default.
 */
export function fulfilmentWarehouse(options: object | undefined, key: string, fallback: string): string {
	const value = (options as Record<string, unknown> | undefined)?.[key];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}
