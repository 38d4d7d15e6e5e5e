import { reportedTotal } from '../common/paging';
import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext } from '../types';

/** Production and homologation roots (developers.grupocasasbahia.com.br, "Fluxo de Pedidos"). */
export const VIA_BASE_URLS = {
	production: 'https://api-mktplace.viavarejo.com.br/api/v2',
	sandbox: 'https://api-mktplace-hlg.viavarejo.com.br/api/v2/sandbox',
} as const;

/** `_limit` of a listing: Via recommends at most 50 per request ("Tecnologias e Padrões", paginação). */
export const VIA_MAX_LIMIT = 50;

export const viaOrderPath = (orderId: string, tail = ''): string => `/orders/${encodeURIComponent(orderId)}${tail ? `/${tail}` : ''}`;

/** GET /orders/{orderId}. */
export async function getViaOrder(ctx: AdapterContext, orderId: string): Promise<Record<string, unknown>> {
	const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, viaOrderPath(orderId)) };
	return expectObject(await send(ctx, req), req);
}

/**
 * A listing's {<key>: [...], metadata: [{key, value}]} (orders, sellerItems): its rows and metadata totalRows
 * (absent: the page's length).
 */
/** A list page: its rows, and the totalRows its metadata reports (undefined when it reports none). */
export function readViaList(body: Record<string, unknown>, key: 'orders' | 'sellerItems' = 'orders'): { rows: Record<string, unknown>[]; total?: number } {
	const list = body[key];
	const rows = (Array.isArray(list) ? list.filter((r) => typeof r === 'object' && r !== null) : []) as Record<string, unknown>[];
	const meta = Array.isArray(body.metadata) ? (body.metadata as Array<{ key?: unknown; value?: unknown }>) : [];
	return { rows, total: reportedTotal(meta.find((m) => m?.key === 'totalRows')?.value) };
}

/** The order's item ids (one per unit sold: "23236199-1", "23236199-2"), optionally only those not yet sent. */
export function viaItemIds(order: Record<string, unknown>, unsentOnly = false): string[] {
	const items = Array.isArray(order.items) ? (order.items as Array<Record<string, unknown>>) : [];
	const ids = (list: Array<Record<string, unknown>>) => list.map((i) => i?.id).filter((id): id is string => typeof id === 'string' && id !== '');
	const unsent = ids(items.filter((i) => i?.sent !== true));
	return unsentOnly && unsent.length > 0 ? unsent : ids(items);
}
