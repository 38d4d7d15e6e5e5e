import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { openRawOrder, readUtcDate } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { normalizeAmazonOrder, type AmazonOrder } from './normalize';

export { AMAZON_STATUS_MAP, AMAZON_STATUS_REFINEMENTS } from './status';
export { amazonBaseUrl, AMAZON_BR_MARKETPLACE_ID, AMAZON_REGIONS, LWA_TOKEN_PATH, LWA_TOKEN_URL } from './endpoints';
export type { AmazonEnvironment, AmazonRegion } from './endpoints';
export { LwaTokenProvider, withLwaAuth, type LwaCredentials, type LwaOptions } from './lwa';
export type { AmazonOrder } from './normalize';

/** getOrders: MaxResultsPerPage 1–100. */
const MAX_PAGE = 100;
/**
 * LastUpdatedBefore must be at least two minutes before Amazon's clock; the extra 30 s absorbs skew between
 * this host's clock and Amazon's, which would otherwise turn into 400s.
 */
const MIN_AGE_MS = 2 * 60_000 + 30_000;

/** Page token: "<the window's LastUpdatedBefore>|<Amazon's NextToken>" (split at the first "|", absent from dates). */
function parsePageToken(token: string | undefined): { before: string; nextToken: string } | undefined {
	if (token === undefined) return undefined;
	const cut = token.indexOf('|');
	if (cut < 0 || Number.isNaN(Date.parse(token.slice(0, cut)))) throw new Error('Invalid Amazon page token');
	return { before: token.slice(0, cut), nextToken: token.slice(cut + 1) };
}

/**
 * Amazon SP-API Orders v0. ctx.baseUrl is the regional host (amazonBaseUrl); auth is the transport's
 * (withLwaAuth, or the n8n credential's preAuthentication). ctx.account is the seller id.
 * Options: `marketplaceIds` (comma-separated, required), `fbaWarehouse` (warehouse of AFN orders).
 *
 * getOrders returns whole orders without their items, so getDetails adds them from getOrderItems.
 * Both filter bounds are inclusive ("after (or at)", "before (or at)"): the poller's de-duplication
 * absorbs the shared instant.
 */
export function createAmazonAdapter(ctx: AdapterContext): ChannelAdapter<AmazonOrder> {
	const marketplaceIds = String(ctx.options?.marketplaceIds ?? '').replace(/\s+/g, '');
	const fbaWarehouse = ctx.options?.fbaWarehouse === undefined ? undefined : String(ctx.options.fbaWarehouse);
	const url = (path: string) => joinUrl(ctx.baseUrl, path);

	async function getPayload(req: HttpRequest): Promise<Record<string, unknown>> {
		const payload = expectObject(await send(ctx, req), req).payload;
		if (!isJsonObject(payload)) throw new ChannelHttpError(200, req, `No payload in the response to GET ${new URL(req.url).pathname}`);
		return payload;
	}

	async function listOrders(query: HttpRequest['query']): Promise<{ orders: AmazonOrder[]; next?: string }> {
		// Checked here, not at construction: normalize() (the CLI) needs no marketplace.
		if (!marketplaceIds) throw new Error('Amazon adapter: options.marketplaceIds is required (e.g. A2Q3Y263D00KWC)');
		const payload = await getPayload({ method: 'GET', url: url('/orders/v0/orders'), query: { MarketplaceIds: marketplaceIds, ...query } });
		const orders = Array.isArray(payload.Orders) ? (payload.Orders as AmazonOrder[]) : [];
		return { orders, next: typeof payload.NextToken === 'string' && payload.NextToken ? payload.NextToken : undefined };
	}

	async function getDetails(summary: AmazonOrder): Promise<AmazonOrder> {
		const { r, o } = openRawOrder('amazon', summary, 'AmazonOrderId');
		const itemsUrl = url(`/orders/v0/orders/${encodeURIComponent(r.string(o, 'AmazonOrderId'))}/orderItems`);
		const items: unknown[] = [];
		let nextToken: string | undefined;
		do {
			const payload = await getPayload({ method: 'GET', url: itemsUrl, query: { NextToken: nextToken } });
			if (Array.isArray(payload.OrderItems)) items.push(...payload.OrderItems);
			nextToken = typeof payload.NextToken === 'string' && payload.NextToken ? payload.NextToken : undefined;
		} while (nextToken);
		return { ...o, OrderItems: items };
	}

	const latestUntil = (now: Date) => new Date(now.getTime() - MIN_AGE_MS);

	return {
		id: 'amazon',
		// Dates are whole seconds in the payloads.
		filterPrecisionMs: 1000,
		latestUntil,

		async listChanged(req: ListChangedRequest) {
			const page = parsePageToken(req.pageToken);
			// A window ending too recently is clamped, once: later pages reuse the first page's bound.
			const until = page?.before ?? new Date(Math.min(Date.parse(req.until), latestUntil(new Date()).getTime())).toISOString();
			if (Date.parse(req.since) > Date.parse(until)) return { items: [] };
			const { orders, next } = await listOrders({
				LastUpdatedAfter: new Date(Date.parse(req.since)).toISOString(),
				LastUpdatedBefore: until,
				MaxResultsPerPage: Math.max(1, Math.min(req.pageSize, MAX_PAGE)),
				// Filters are repeated with the token: it only moves the page, as the docs say.
				NextToken: page?.nextToken,
			});
			return { items: orders, nextPageToken: next && `${until}|${next}` };
		},

		getDetails,

		identify(raw) {
			const { r, o } = openRawOrder('amazon', raw, 'AmazonOrderId');
			return { channelOrderId: r.string(o, 'AmazonOrderId'), updatedAt: readUtcDate(r, o, 'LastUpdateDate') };
		},

		normalize: (raw) => normalizeAmazonOrder(raw, ctx.account, { fbaWarehouse }),

		/** A recent order: the newest of the first page changed in the last 30 days (getOrders has no sort). */
		async sample() {
			const now = Date.now();
			const { orders } = await listOrders({
				LastUpdatedAfter: new Date(now - 30 * 86_400_000).toISOString(),
				LastUpdatedBefore: latestUntil(new Date(now)).toISOString(),
				MaxResultsPerPage: MAX_PAGE,
			});
			const newest = orders.reduce<AmazonOrder | undefined>(
				(best, o) => (!best || Date.parse(String(o.LastUpdateDate)) > Date.parse(String(best.LastUpdateDate)) ? o : best),
				undefined,
			);
			return newest && getDetails(newest);
		},
	};
}
