import { reportedTotal } from '../common/paging';
import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * AnyMarket API v2 (a hub: one account, orders from many marketplaces). Sources read:
 * - developers.anymarket.com.br ("Entenda a API": host, `gumgaToken` header or query parameter, 429 and 5000
 *   requests per hour per token, paged answers {links, content, page{size, totalElements, totalPages, number}}
 *   with offset/limit; "Notifications": order events, and the feed keeps an item 30 days; "Creation of Test
 *   Orders": an order's JSON);
 * - the official Java SDK, AnyMarket/anymarket-sdk-java@82ec6ba3f77bd51ff9ca7bd1dabd9ca959f87f38 (OrderService:
 *   GET/PUT /orders/{id}, PUT /orders/{id}/nfe with the XML; OrderStatus and its transitions; Order and its
 *   items, invoice, tracking fields; StockService: PUT /stocks with [{partnerId, quantity}]; the feed pattern
 *   GET …/feeds → [{id, token}], PUT …/feeds/{id} {token}, for products);
 * - the orders feed path and ack as integrations use it: GET /v2/orders/feeds?limit=, PUT
 *   /v2/orders/feeds/{id} {token} (DB1's Magento module robilemos89/anymarket_magento; the Yampi PHP SDK's
 *   OrderFeed.json sample [{id, token}]).
 * [?] Not confirmed: the feed's largest `limit` (100 assumed, as the lists); whether the feed hides an item read
 * but not acknowledged (the adapter reads one lot per poll either way); the list's `sort`/`sortDirection` values
 * and whether createdAfter/createdBefore are inclusive (the window is also filtered here).
 */
export const ANYMARKET_API = 'https://api.anymarket.com.br/v2';
export const ANYMARKET_SANDBOX_API = 'https://sandbox-api.anymarket.com.br/v2';
export const ANYMARKET_MAX_PAGE = 100;

/** A paged answer: its content and the total the channel reports. */
export function readPage(res: HttpResponse, req: HttpRequest): { content: JsonObject[]; total?: number } {
	const body = res.body;
	if (!isJsonObject(body) || !Array.isArray(body.content))
		throw new ChannelHttpError(res.status, req, `Expected {content, page} from GET ${new URL(req.url).pathname}`, body);
	return { content: body.content as JsonObject[], total: reportedTotal(isJsonObject(body.page) ? body.page.totalElements : undefined) };
}

/** A feed entry names the order (`id`) and the token that acknowledges it; an ack is "<id>:<token>". */
export const feedAck = (id: string, token: string): string => `${id}:${token}`;

export function parseFeedAck(ack: string): { id: string; token: string } {
	const at = ack.indexOf(':');
	if (at <= 0) throw new Error(`Invalid AnyMarket feed acknowledgement "${ack}"`);
	return { id: ack.slice(0, at), token: ack.slice(at + 1) };
}
