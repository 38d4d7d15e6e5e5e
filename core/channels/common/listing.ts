import { reportedTotal } from './paging';
import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { isJsonObject, type JsonObject } from './raw-reader';

/**
 * A listing whose items are wrapped in their singular key ({<plural>: [{<singular>: {…}}]}: Tray's
 * {paging, Orders: [{Order}]}, Plugg.To's {result: [{Order}]}), unwrapped, with its total (paging.total or a
 * top-level total; undefined when neither is given: never the page's own length). An empty listing may come without the plural key;
 * only a body that is not an object is a fault.
 */
export function readListing(res: HttpResponse, req: HttpRequest, plural: string, singular: string): { items: JsonObject[]; total?: number } {
	const body = res.body;
	const list = isJsonObject(body) ? body[plural] : undefined;
	if (!isJsonObject(body) || (list !== undefined && list !== null && !Array.isArray(list))) {
		throw new ChannelHttpError(res.status, req, `Expected {${plural}: [...]} from GET ${new URL(req.url).pathname}`, body);
	}
	const items = ((list ?? []) as unknown[]).map((e) => (isJsonObject(e) && isJsonObject(e[singular]) ? e[singular] : e)) as JsonObject[];
	return { items, total: reportedTotal(isJsonObject(body.paging) ? body.paging.total : body.total) };
}
