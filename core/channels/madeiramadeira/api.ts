import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { accountOffset } from '../common/fields';
import { joinUrl, send } from '../common/http';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import type { AdapterContext } from '../types';

/**
 * MadeiraMadeira Marketplace API v1, after the Postman collection MadeiraMadeira publishes
 * (documenter.getpostman.com/view/3341659/RztmqU19, "Marketplace MadeiraMadeira", published 2024-11-26; read
 * through its verbatim copy and the OpenAPI derived from it in api-evangelist/madeiramadeira@1eb3be33,
 * postman/madeiramadeira-marketplace-postman-collection.json and openapi/madeiramadeira-pedido-api-openapi.yml).
 *
 * Auth: header TOKENMM (Portal Marketplace → Administração → Integração); the n8n credential adds it.
 * Paging: limit and offset are PATH segments ("/v1/pedido/limit=15&offset=0"), not a query string.
 * Answers: {meta: {count}, data: [...] | {...}, errors}; counts, ids, statuses, quantities and amounts come as
 * strings on the list endpoints ("1.00000", "640.71"), as numbers on the by-id example.
 */
export const MADEIRAMADEIRA_API = 'https://marketplace.madeiramadeira.com.br';
export const MADEIRAMADEIRA_SANDBOX = 'https://marketplace-sandbox.madeiramadeira.com.br';

/** [?] "Existem limites de registros" without the number: the documented examples ask for 15 and 100. */
export const MADEIRAMADEIRA_MAX_LIMIT = 100;

/**
 * [?] Dates are "YYYY-MM-DD HH:MM:SS" without offset, and NF-e/shipment dates "DD/MM/YYYY"; the marketplace is
 * Brazilian and its examples line up with Brasília time, so -03:00 is assumed (options.timeZoneOffset overrides).
 */
export const MADEIRAMADEIRA_DEFAULT_OFFSET = '-03:00';
export const madeiraOffset = (ctx: AdapterContext): string => accountOffset(ctx.options, MADEIRAMADEIRA_DEFAULT_OFFSET);

/** A path with limit/offset segments, the API's own form. */
export const pagedPath = (path: string, limit: number, offset: number): string => `${path}limit=${limit}&offset=${offset}`;

/**
 * The `data` of an answer: a list, or one object (the by-id read) as a list of one. [3P] A page past the end
 * answers 404 (integrators stop on it); a 404 carrying the API's {meta} envelope is therefore an empty list,
 * any other 404 (a wrong address) stays an error.
 */
export function readData(res: HttpResponse, req: HttpRequest): JsonObject[] {
	const body = res.body;
	if (!isJsonObject(body) || !isJsonObject(body.meta)) {
		throw new ChannelHttpError(res.status, req, `Expected {meta, data} from ${req.method} ${new URL(req.url).pathname}`, body);
	}
	const data = body.data;
	if (data === undefined || data === null) return [];
	if (isJsonObject(data)) return [data];
	if (Array.isArray(data) && data.every(isJsonObject)) return data;
	throw new ChannelHttpError(res.status, req, `Expected data to be a list of objects from ${req.method} ${new URL(req.url).pathname}`, body);
}

/** A 404 in the API's envelope: "nothing here" (an empty page, an unknown order id). */
export function isEnvelope404(error: unknown): boolean {
	return error instanceof ChannelHttpError && error.httpCode === 404 && isJsonObject(error.responseBody) && isJsonObject(error.responseBody.meta);
}

/** The `errors` of a write's answer as one text, when it names any ([?] the shape of a per-item error is undocumented). */
export function errorsOf(body: unknown): string | undefined {
	if (!isJsonObject(body)) return undefined;
	const e = body.errors;
	if (e === undefined || e === null || (Array.isArray(e) && e.length === 0)) return undefined;
	if (isJsonObject(e) && Object.keys(e).length === 0) return undefined;
	if (isJsonObject(e) && typeof e.detail === 'string') return e.detail;
	return JSON.stringify(e);
}

/** GET /v1/pedido/id/{id}: the order, or a 404 ChannelHttpError when the marketplace has none by that id. */
export async function fetchOrder(ctx: AdapterContext, id: string): Promise<JsonObject> {
	const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, `/v1/pedido/id/${encodeURIComponent(id)}`) };
	const order = readData(await send(ctx, req), req)[0];
	if (!order) throw new ChannelHttpError(404, req, `MadeiraMadeira has no order ${id}`);
	return order;
}
