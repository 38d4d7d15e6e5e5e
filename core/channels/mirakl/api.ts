import { reportedTotal } from '../common/paging';
import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Mirakl MMP seller API (one host per operator: Carrefour Brasil and every other Mirakl marketplace), read in
 * the seller OpenAPI as mirrored at api-evangelist/mirakl@17e47e7c74289c77811a1ff1a0069b14518c33d4:
 * openapi/_original/mirakl-mmp-seller-openapi.json (a third-party copy of developer.mirakl.com's file).
 * Auth: the shop API key in the Authorization header (the n8n credential adds it).
 * [?] OR11's largest `max` (100 assumed, as other Mirakl lists) and the host of each operator.
 */
export const MIRAKL_MAX_PAGE = 100;

export function readOrders(res: HttpResponse, req: HttpRequest): { orders: JsonObject[]; total?: number } {
	const body = res.body;
	if (!isJsonObject(body) || !Array.isArray(body.orders))
		throw new ChannelHttpError(res.status, req, `Expected {orders, total_count} from GET ${new URL(req.url).pathname}`, body);
	return { orders: body.orders as JsonObject[], total: reportedTotal(body.total_count) };
}
