import { ChannelHttpError } from '../../http/retry';
import { OrderValidationError } from '../../model/validate';
import { joinUrl } from '../common/http';
import { bySecondUpToNow } from '../common/paging';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { SHOPIFY_DEFAULT_API_VERSION, shopifyGraphql } from './graphql';
export { SHOPIFY_DEFAULT_API_VERSION } from './graphql';
import { legacyId, normalizeShopifyOrder, shopifyOrderRef } from './normalize';
import { CHANGED_ORDERS_QUERY, ORDER_LINES_QUERY, ORDER_QUERY } from './queries';
import type { ShopifyConnection, ShopifyLineItem, ShopifyOrder, ShopifyOrderSummary } from './types';
import type { ChannelDescriptor } from '../descriptor';
import { createShopifyWriter } from './writer';
import { shopifyWebhookReader } from './webhook';
import { shopifyRegistrar } from './webhook-register';

export { SHOPIFY_FINANCIAL_STATUS_MAP, SHOPIFY_FULFILLMENT_STATUS_MAP, SHOPIFY_NO_FINANCIAL_STATUS } from './status';
export type { ShopifyOrder } from './types';
// The webhook trigger reads REST-shaped orders with the same normaliser.
export { isRestShopifyOrder, normalizeShopifyOrder, shopifyOrderIdentity } from './normalize';

/** orders(first:) is capped at 250 per page. */
const MAX_PAGE = 250;
/** More line-item pages than this on one order is not a shop order any more; stop rather than loop. */
const MAX_LINE_PAGES = 20;

type Raw = ShopifyOrderSummary | ShopifyOrder;

/**
 * Shopify Admin GraphQL (REST is legacy since 2024-10 and closed to new public apps). ctx.account is the shop
 * domain (mystore.myshopify.com); ctx.baseUrl overrides https://{account}; options.apiVersion picks the
 * quarterly version. The list is cursor-paged on UPDATED_AT, so orders updated while paging are not
 * skipped: they move to the end of the window or, past `until`, into the next one.
 */
export function createShopifyAdapter(ctx: AdapterContext): ChannelAdapter<Raw> {
	const version = String(ctx.options?.apiVersion || SHOPIFY_DEFAULT_API_VERSION);
	const endpoint = joinUrl(ctx.baseUrl || `https://${ctx.account}`, `/admin/api/${version}/graphql.json`);
	const gql = <T>(query: string, variables: Record<string, unknown>) => shopifyGraphql<T>(ctx, endpoint, query, variables);

	return {
		// Timestamps and the search filter are whole seconds.
		...bySecondUpToNow('shopify'),

		async listChanged(req: ListChangedRequest) {
			const query = `updated_at:>='${wholeSecond(req.since)}' AND updated_at:<'${wholeSecond(req.until)}'`;
			const data = await gql<{ orders: ShopifyConnection<ShopifyOrderSummary> }>(CHANGED_ORDERS_QUERY, {
				first: Math.min(req.pageSize, MAX_PAGE),
				after: req.pageToken ?? null,
				query,
			});
			const { nodes, pageInfo } = data.orders;
			return { items: nodes, nextPageToken: pageInfo.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : undefined };
		},

		async getDetails(summary: Raw): Promise<ShopifyOrder> {
			// Already whole (getOrder read it): the readers call getDetails after getOrder.
			if ('lineItems' in summary && summary.lineItems) return summary as ShopifyOrder;
			const data = await gql<{ order: ShopifyOrder | null }>(ORDER_QUERY, { id: summary.id });
			if (!data.order) throw new ChannelHttpError(404, { method: 'POST', url: endpoint }, `Order ${summary.id} not found`);
			const order = data.order;
			let page = order.lineItems.pageInfo;
			const nodes: ShopifyLineItem[] = [...order.lineItems.nodes];
			for (let i = 0; page?.hasNextPage && page.endCursor && i < MAX_LINE_PAGES; i++) {
				const more = await gql<{ order: { lineItems: ShopifyConnection<ShopifyLineItem> } | null }>(ORDER_LINES_QUERY, { id: summary.id, after: page.endCursor });
				if (!more.order) break;
				nodes.push(...more.order.lineItems.nodes);
				page = more.order.lineItems.pageInfo;
			}
			return { ...order, lineItems: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } };
		},

		/** The whole order by id (numeric or gid); one the shop does not have is a 404, like the other channels'. */
		async getOrder(id: string): Promise<Raw> {
			return this.getDetails!({ id: id.startsWith('gid://') ? id : `gid://shopify/Order/${id}` } as Raw);
		},

		identify(raw: Raw) {
			const id = legacyId(raw);
			if (!id) throw new OrderValidationError(shopifyOrderRef(raw), 'id', 'is required');
			if (typeof raw.updatedAt !== 'string') throw new OrderValidationError(shopifyOrderRef(raw), 'updatedAt', 'is required');
			return { channelOrderId: id, updatedAt: raw.updatedAt };
		},

		normalize: (raw: Raw) => normalizeShopifyOrder(raw, ctx.account, { currency: typeof ctx.options?.currency === 'string' ? ctx.options.currency : undefined }),

		async sample() {
			const data = await gql<{ orders: ShopifyConnection<ShopifyOrderSummary> }>(CHANGED_ORDERS_QUERY, { first: 1, reverse: true });
			return data.orders.nodes[0];
		},
	};
}

/** Shopify's search syntax takes whole-second UTC times; the poller's overlap covers the dropped millis. */
function wholeSecond(iso: string): string {
	return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const shopifyChannel: ChannelDescriptor<'shopify'> = {
	id: 'shopify',
	label: 'Shopify',
	createAdapter: createShopifyAdapter,
	createWriter: createShopifyWriter,
	// GraphQL Admin API: {data: {order}} for order(id:), {data: {orders: {nodes | edges[].node}}} for orders()
	// (shopify.dev shows the same without `data`); REST: {order} for orders/{id}.json, {orders} for orders.json.
	responseShapes: [
		{ one: ['data', 'order'] },
		{ list: ['data', 'orders', 'nodes'] },
		{ list: ['data', 'orders', 'edges'], node: 'node' },
		{ one: ['order'] },
		{ list: ['orders', 'nodes'] },
		{ list: ['orders', 'edges'], node: 'node' },
		{ list: ['orders'] },
	],
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { field: 'variant `barcode` (productVariants query `barcode:`)' }, webhooks: { reader: shopifyWebhookReader, registrar: shopifyRegistrar } },
};
