import { ChannelHttpError, describeRequest } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { localDateTime, localDay } from '../common/fields';
import { expectObject, joinUrl } from '../common/http';
import { clampPageSize, formatCountedOffset, listCheckedOffset, nextCountedOffset, parseCountedOffset, parseLinkHeader } from '../common/paging';
import type { JsonObject } from '../common/raw-reader';
import type { AdapterContext, ListChangedPage, ListChangedRequest } from '../types';
import type { HttpChannelDefinition, SinceFormat } from './definition';
import { parsePath, valueAt } from './paths';

/**
 * One page of a definition's order listing, in each paging style. What each style guarantees (the poller
 * adds the overlap of the next window and drops versions it already emitted):
 * - offset: each page is requested from one order earlier; when that order is not the one the previous page
 *   ended on, the list moved under the reader and the window is listed again from the start (repeats are
 *   dropped). Safe on any sort that keeps its order between two requests.
 * - page: page numbers cannot ask for one order earlier. Safe when the list is sorted by a key that never
 *   changes (id, creation time): the OMS sends no upper bound, so an order that changes while the window is
 *   read stays in the list (a repeat at worst); with totalPath, a total smaller than the previous page's (an
 *   order deleted) restarts the window. A list sorted by last change can skip an order in this style.
 * - cursor, link: the platform's own next-page position (a cursor in the body, RFC 8288 Link rel="next").
 *   They are as stable as the platform makes them; a Link URL on another host is refused (the credential's
 *   header would go with it).
 */

/** The changed-since value as the definition writes it; `since` is rounded down to what the format holds. */
export function sinceValue(since: string, format: SinceFormat | undefined, offset: string): string {
	const ms = Math.floor(Date.parse(since) / 1000) * 1000;
	const iso = new Date(ms).toISOString();
	switch (format ?? 'iso') {
		case 'local':
			return localDateTime(iso, offset);
		case 'date':
			return localDay(iso, offset);
		case 'unix':
			return String(ms / 1000);
		case 'unix_ms':
			return String(ms);
		default:
			return iso.replace('.000Z', 'Z');
	}
}

/** How precise the filter is: a day for "date", a second for the others. */
export const sincePrecisionMs = (format: SinceFormat | undefined): number => (format === 'date' ? 86_400_000 : 1000);

function items(res: HttpResponse, req: HttpRequest, itemsPath: string | undefined): JsonObject[] {
	const list = itemsPath ? valueAt(res.body, parsePath(itemsPath)) : res.body;
	if (!Array.isArray(list))
		throw new ChannelHttpError(res.status, req, `Expected an array of orders${itemsPath ? ` at "${itemsPath}"` : ''} from ${describeRequest(req)}`, res.body);
	return list as JsonObject[];
}

/** The channel's send(): session and errorPath applied (session.ts). */
export type Sender = (req: HttpRequest) => Promise<HttpResponse>;

export interface PageContext {
	ctx: AdapterContext;
	send: Sender;
	def: HttpChannelDefinition;
	req: ListChangedRequest;
	/** The order id, for the offset check (undefined when unreadable). */
	idOf(o: JsonObject): string | undefined;
}

/** The listing's first request: list path, fixed query, changed-since. */
function firstRequest({ ctx, def, req }: PageContext): HttpRequest {
	const l = def.list;
	const query: HttpRequest['query'] = { ...l.query, [l.changedSince.param]: sinceValue(req.since, l.changedSince.format, def.timeZoneOffset ?? '-03:00') };
	return { method: 'GET', url: joinUrl(ctx.baseUrl, l.path), query };
}

async function read(pc: PageContext, httpReq: HttpRequest): Promise<{ res: HttpResponse; items: JsonObject[] }> {
	const res = await pc.send(httpReq);
	return { res, items: items(res, httpReq, pc.def.list.itemsPath) };
}

async function offsetPage(pc: PageContext): Promise<ListChangedPage<JsonObject>> {
	const p = pc.def.list.paging;
	const fetch = async (offset: number, limit: number) => {
		const httpReq = firstRequest(pc);
		httpReq.query = { ...httpReq.query, [p.param!]: offset, [p.sizeParam!]: limit };
		return (await read(pc, httpReq)).items;
	};
	return listCheckedOffset(pc.req.pageToken, pc.req.pageSize, p.maxSize!, 'HTTP channel', fetch, pc.idOf);
}

async function numberedPage(pc: PageContext): Promise<ListChangedPage<JsonObject>> {
	const p = pc.def.list.paging;
	const current = parseCountedOffset(pc.req.pageToken);
	const size = clampPageSize(pc.req.pageSize, p.maxSize!);
	const httpReq = firstRequest(pc);
	httpReq.query = { ...httpReq.query, [p.param!]: p.firstPage! + Math.floor(current.offset / size), [p.sizeParam!]: size };
	const { res, items: found } = await read(pc, httpReq);
	if (p.totalPath === undefined)
		return { items: found, nextPageToken: found.length >= size ? formatCountedOffset({ offset: current.offset + size }) : undefined };
	const total = Number(valueAt(res.body, parsePath(p.totalPath)));
	if (!Number.isSafeInteger(total))
		throw new ChannelHttpError(res.status, httpReq, `Expected a total count at "${p.totalPath}" from ${describeRequest(httpReq)}`, res.body);
	return { items: found, nextPageToken: nextCountedOffset(current, size, total, found.length) };
}

async function cursorPage(pc: PageContext): Promise<ListChangedPage<JsonObject>> {
	const p = pc.def.list.paging;
	const httpReq = firstRequest(pc);
	httpReq.query = { ...httpReq.query, ...(p.sizeParam ? { [p.sizeParam]: clampPageSize(pc.req.pageSize, p.maxSize!) } : {}) };
	if (pc.req.pageToken !== undefined) httpReq.query[p.param!] = pc.req.pageToken;
	const { res, items: found } = await read(pc, httpReq);
	const next = valueAt(res.body, parsePath(p.nextCursorPath!));
	const cursor = typeof next === 'string' || typeof next === 'number' ? String(next) : '';
	if (cursor !== '' && cursor === pc.req.pageToken)
		throw new ChannelHttpError(res.status, httpReq, `The listing answered the cursor it was given ("${cursor}"): it would never end`, res.body);
	return { items: found, nextPageToken: cursor === '' ? undefined : cursor };
}

async function linkPage(pc: PageContext): Promise<ListChangedPage<JsonObject>> {
	const p = pc.def.list.paging;
	let httpReq = firstRequest(pc);
	if (p.sizeParam) httpReq.query = { ...httpReq.query, [p.sizeParam]: clampPageSize(pc.req.pageSize, p.maxSize!) };
	// A carried-over next page under another base URL (the credential changed since) is not sent the new
	// credential's header: the window is read again from its first page instead (repeats are dropped).
	const origin = new URL(pc.ctx.baseUrl).origin;
	if (pc.req.pageToken !== undefined && new URL(pc.req.pageToken).origin === origin) httpReq = { method: 'GET', url: pc.req.pageToken };
	const { res, items: found } = await read(pc, httpReq);
	const next = parseLinkHeader(res.headers.link).next;
	if (next === undefined) return { items: found };
	const url = new URL(next, httpReq.url);
	if (url.origin !== origin)
		throw new ChannelHttpError(res.status, httpReq, `The Link header's next page is on another host (${url.host}); it is not followed with this credential`);
	// The cursor is kept in n8n's workflow data: a session token the platform echoed in the link stays out of it.
	const session = pc.def.session?.send;
	if (session?.in === 'query') url.searchParams.delete(session.name);
	return { items: found, nextPageToken: url.toString() };
}

const STYLES = { offset: offsetPage, page: numberedPage, cursor: cursorPage, link: linkPage };

export function listPage(pc: PageContext): Promise<ListChangedPage<JsonObject>> {
	return STYLES[pc.def.list.paging.style](pc);
}

/** One order by id (definition `order.path`, "{id}" replaced). */
export async function readOne(ctx: AdapterContext, send: Sender, def: HttpChannelDefinition, id: string): Promise<JsonObject> {
	if (!def.order) throw new Error('HTTP channel: the channel definition has no "order" request ({"path": "/orders/{id}"}) to read one order');
	const httpReq: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, def.order.path.replace(/\{id\}/g, encodeURIComponent(id))) };
	return expectObject(await send(httpReq), httpReq);
}
