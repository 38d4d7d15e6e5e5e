import { ChannelHttpError } from '../../http/retry';
import { identifyBy } from '../common/clock';
import { readOptUtcDate } from '../common/fields';
import { clampPageSize } from '../common/paging';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { normalizeAmazonOrder, type AmazonOrder } from './normalize';
import { amazonOrdersApi, type SearchOrdersQuery } from './orders-api';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import { createAmazonWriter } from './writer';

export { AMAZON_STATUS_MAP, AMAZON_STATUS_REFINEMENTS } from './status';
export { amazonBaseUrl, AMAZON_BR_MARKETPLACE_ID, AMAZON_INCLUDED_DATA, AMAZON_REGIONS, LWA_TOKEN_PATH, LWA_TOKEN_URL } from './endpoints';
export type { AmazonEnvironment, AmazonRegion } from './endpoints';
export { LwaTokenProvider, withLwaAuth, type LwaCredentials, type LwaOptions } from './lwa';
export type { AmazonOrder } from './normalize';

/** searchOrders: maxResultsPerPage 1–100. */
const MAX_PAGE = 100;
/**
 * lastUpdatedBefore must be at least two minutes before Amazon's clock (still so in v2026-01-01); the extra
 * 30 s absorbs skew between this host's clock and Amazon's, which would otherwise turn into 400s.
 */
const MIN_AGE_MS = 2 * 60_000 + 30_000;

/**
 * Amazon SP-API Orders API v2026-01-01 (v0's getOrders/getOrder/getOrderItems are removed on 2027-03-27).
 * ctx.baseUrl is the regional host (amazonBaseUrl); auth is the transport's (withLwaAuth, or the n8n
 * credential's preAuthentication); no restricted data token: buyer and address data need roles only.
 * ctx.account is the seller id. Options: `marketplaceIds` (comma-separated, required), `fbaWarehouse`
 * (warehouse of Amazon-fulfilled orders), `currency` (for an order without any amount in an unknown marketplace).
 *
 * searchOrders returns whole orders, items included: one request per page, no per-order call. Both
 * filter bounds are inclusive ("at or after", "at or before"): the poller's de-duplication absorbs the
 * shared instant.
 */
export function createAmazonAdapter(ctx: AdapterContext): ChannelAdapter<AmazonOrder> {
	const marketplaceIds = String(ctx.options?.marketplaceIds ?? '').replace(/\s+/g, '');
	const fbaWarehouse = ctx.options?.fbaWarehouse === undefined ? undefined : String(ctx.options.fbaWarehouse);
	const currency = ctx.options?.currency === undefined ? undefined : String(ctx.options.currency);
	const api = amazonOrdersApi(ctx);
	const latestUntil = (now: Date) => new Date(now.getTime() - MIN_AGE_MS);

	function search(query: Omit<SearchOrdersQuery, 'marketplaceIds'>) {
		// Checked here, not at construction: normalize() (the CLI) needs no marketplace.
		if (!marketplaceIds) throw new Error('Amazon adapter: options.marketplaceIds is required (e.g. A2Q3Y263D00KWC)');
		return api.searchOrders({ marketplaceIds, ...query });
	}

	return {
		id: 'amazon',
		// Dates are whole seconds in the payloads.
		filterPrecisionMs: 1000,
		latestUntil,

		/**
		 * The page token is Amazon's own paginationToken. Amazon binds it to the first page's filters, so every
		 * page of a window sends the same lastUpdatedAfter/lastUpdatedBefore (the poller keeps the window).
		 * Hence a window ending too recently is refused, not clamped: a clamp taken at a later instant would
		 * change the filters under the token.
		 */
		async listChanged(req: ListChangedRequest) {
			const since = Date.parse(req.since);
			const until = Date.parse(req.until);
			if (Number.isNaN(since) || Number.isNaN(until)) throw new Error(`Amazon adapter: invalid window ${req.since} … ${req.until}`);
			if (until > latestUntil(new Date()).getTime()) {
				throw new Error(`Amazon adapter: the window must end at least 2½ minutes in the past (latestUntil), got ${req.until}`);
			}
			if (since > until) return { items: [] };
			const query = {
				lastUpdatedAfter: new Date(since).toISOString(),
				lastUpdatedBefore: new Date(until).toISOString(),
				maxResultsPerPage: clampPageSize(req.pageSize, MAX_PAGE),
			};
			try {
				const page = await search({ ...query, paginationToken: req.pageToken });
				return { items: page.orders, nextPageToken: page.nextToken };
			} catch (error) {
				// Tokens expire after 24 hours (a trigger paused mid-window). [?] The model does not say how an
				// expired token is answered; a 400 to a continued page re-lists the window from its start, which
				// only repeats orders (de-duplicated) and never skips one. Another 400 fails again, unmasked.
				if (req.pageToken === undefined || !(error instanceof ChannelHttpError) || error.httpCode !== 400) throw error;
				const page = await search(query);
				return { items: page.orders, nextPageToken: page.nextToken };
			}
		},

		identify: identifyBy('amazon', 'orderId', 'lastUpdatedTime', readOptUtcDate),

		normalize: (raw) => normalizeAmazonOrder(raw, ctx.account, { fbaWarehouse, currency }),

		/** getOrder with every includedData set: whole, like searchOrders' orders (an ORDER_CHANGE notification names it). */
		getOrder: (orderId: string) => api.getOrder(orderId),

		/**
		 * A recent order: the newest of the first page changed in the last 30 days (searchOrders has no sort).
		 * The page already carries whole orders, so no getOrder follows.
		 */
		async sample() {
			const now = Date.now();
			const { orders } = await search({
				lastUpdatedAfter: new Date(now - 30 * 86_400_000).toISOString(),
				lastUpdatedBefore: latestUntil(new Date(now)).toISOString(),
				maxResultsPerPage: MAX_PAGE,
			});
			const time = (o: AmazonOrder) => Date.parse(String(o.lastUpdatedTime));
			return orders.reduce<AmazonOrder | undefined>((best, o) => (!best || time(o) > time(best) ? o : best), undefined);
		},
	};
}

export const amazonChannel: ChannelDescriptor<'amazon'> = {
	id: 'amazon',
	label: 'Amazon',
	createAdapter: createAmazonAdapter,
	createWriter: createAmazonWriter,
	// Orders API v2026-01-01 (the one the adapter reads): getOrder {order}, searchOrders {orders, pagination}.
	// v0's {payload} is not unwrapped: its orders are another model, which the normaliser does not read.
	responseShapes: [{ one: ['order'] }, { list: ['orders'] }],
	capabilities: { writes: ['shipment'], barcodes: { none: `${KEYED_BY_SELLER_SKU.none} (Listings Items searchListingsItems searches by product identifier: unused for that reason)` } },
};
