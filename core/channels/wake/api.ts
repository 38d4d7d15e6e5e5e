import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { localDateTime } from '../common/fields';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Wake Commerce (formerly Tray Corp / Fbits) "API Pública": REST at https://api.fbits.net, the store's token
 * in the Authorization header as "Basic <token>" (the token as issued in the admin: Configurações →
 * Integrações → Tokens, with per-endpoint permissions). Limit: 120 requests per minute per endpoint group
 * (wakecommerce.readme.io, "Dúvidas Frequentes"); 429 is retried by the transport.
 *
 * GET /pedidos lists whole orders (items, buyer, addresses, payments) between dataInicial and dataFinal
 * ("aaaa-mm-dd hh:mm:ss"), by the date enumTipoFiltroData names, "always in descending order" of that date,
 * pagina (1-based) and quantidadeRegistros (max 50).
 */
export const WAKE_API = 'https://api.fbits.net';
export const WAKE_MAX_PAGE = 50;

/**
 * [?] The zone of dataInicial/dataFinal and of zone-less dates in answers is not documented (Brasília assumed,
 * the credential may say otherwise). The list's upper bound is widened by WAKE_END_MARGIN_MS so that a filter
 * read in another zone (UTC) never cuts the window short; orders past the window's end are left out here.
 */
export const WAKE_OFFSET = '-03:00';
export const WAKE_END_MARGIN_MS = 3 * 3600_000;

/** An instant → the filter's "YYYY-MM-DD HH:MM:SS" at `offset`. */
export const wakeDate = (ms: number, offset: string) => localDateTime(new Date(Math.floor(ms / 1000) * 1000).toISOString(), offset).replace('T', ' ');

/** GET /pedidos answers a JSON array (an empty one past the last page). */
export function readOrders(res: HttpResponse, req: HttpRequest): JsonObject[] {
	if (!Array.isArray(res.body)) throw new ChannelHttpError(res.status, req, `Expected a JSON array from GET ${new URL(req.url).pathname}`, res.body);
	return res.body.filter(isJsonObject);
}
