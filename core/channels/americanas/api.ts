import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext } from '../types';

/** The API root; the credential's base-URL override replaces it (a proxy, a simulator). */
export const SKYHUB_BASE_URL = 'https://api.skyhub.com.br';

/** GET /orders: per_page is 100 at most (and by default), "Paginação e filtros". */
export const SKYHUB_MAX_PER_PAGE = 100;

/**
 * An order's path. Codes hold spaces ("Lojas Americanas-1517940500554-01"): the documentation asks for them
 * encoded in the URL (%20), as encodeURIComponent does.
 */
export const orderPath = (code: string, tail = ''): string => `/orders/${encodeURIComponent(code)}${tail ? `/${tail}` : ''}`;

/** GET /orders/{code}: one order, in the queue's shape. */
export async function getSkyhubOrder(ctx: AdapterContext, code: string): Promise<Record<string, unknown>> {
	const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, orderPath(code)) };
	return expectObject(await send(ctx, req), req);
}
