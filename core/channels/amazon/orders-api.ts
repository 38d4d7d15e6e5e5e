import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext } from '../types';
import { AMAZON_INCLUDED_DATA, AMAZON_ORDERS_PATH } from './endpoints';
import type { AmazonOrder } from './normalize';

export interface SearchOrdersQuery {
	marketplaceIds: string;
	lastUpdatedAfter: string;
	lastUpdatedBefore: string;
	maxResultsPerPage: number;
	paginationToken?: string;
}

/**
 * The two Orders API v2026-01-01 operations, shared by the adapter and the writer. Bodies are not wrapped
 * in `payload` (v0 wrapped them): searchOrders answers {orders, pagination?.nextToken, lastUpdatedBefore},
 * getOrder answers {order}. Both always ask for AMAZON_INCLUDED_DATA, so every order comes whole.
 */
export function amazonOrdersApi(ctx: AdapterContext) {
	async function getObject(req: HttpRequest): Promise<Record<string, unknown>> {
		return expectObject(await send(ctx, req), req);
	}

	return {
		async searchOrders(query: SearchOrdersQuery): Promise<{ orders: AmazonOrder[]; nextToken?: string }> {
			const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, AMAZON_ORDERS_PATH), query: { ...query, includedData: AMAZON_INCLUDED_DATA } };
			const body = await getObject(req);
			// `orders` is required by the model: a 200 without it is a fault, not "no orders".
			if (!Array.isArray(body.orders)) throw new ChannelHttpError(200, req, 'searchOrders answered without an orders array', body);
			const next = isJsonObject(body.pagination) ? body.pagination.nextToken : undefined;
			return { orders: body.orders as AmazonOrder[], nextToken: typeof next === 'string' && next ? next : undefined };
		},

		async getOrder(orderId: string): Promise<AmazonOrder> {
			const req: HttpRequest = {
				method: 'GET',
				url: joinUrl(ctx.baseUrl, `${AMAZON_ORDERS_PATH}/${encodeURIComponent(orderId)}`),
				query: { includedData: AMAZON_INCLUDED_DATA },
			};
			const body = await getObject(req);
			if (!isJsonObject(body.order)) throw new ChannelHttpError(200, req, 'getOrder answered without an order', body);
			return body.order;
		},
	};
}
