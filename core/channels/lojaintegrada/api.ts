import { reportedTotal } from '../common/paging';
import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Loja Integrada API v1 (https://api.awsli.com.br). Its current documentation is an OpenAPI document served
 * at api-docs.lojaintegrada.com.br (the Apiary site is marked "Versão descontinuada"); it could not be read
 * here directly. What the adapter relies on was read in a third-party survey of that document and its
 * transcribed examples (Hinten/next_erp, .master_plans/loja-integrada/evidence/survey-b-orders-fulfilment.md
 * and survey-c-catalogue-stock-price.md, apps/loja-integrada/lib/lojaIntegrada/testing/especificacaoPii.ts)
 * and in two client libraries (tcosta84/python-lojaintegrada, ceresaconsultoria/sdk-php-lojaintegrada).
 *
 * Auth: header "Authorization: chave_api <key> aplicacao <app key>" (the n8n credential adds it).
 * Lists: Tastypie-style {meta: {limit, next, offset, previous, total_count}, objects: [...]}, limit/offset;
 * GET /v1/pedido/search accepts at most limit=50.
 */
export const LOJA_INTEGRADA_API = 'https://api.awsli.com.br';
export const LOJA_INTEGRADA_MAX_LIMIT = 50;

/**
 * [?] GET answers dates without a zone ("2022-10-31T12:28:05.704751"); the order webhook writes the same
 * instants as UTC "Z" next to "-03:00" nested dates, which reads as Brasília local time (an inference of the
 * survey, not a documented rule). `since_atualizado` is assumed to be read in the same zone.
 */
export const LOJA_INTEGRADA_OFFSET = '-03:00';

/** A list page: its objects, and meta.total_count (undefined when the page reports none). */
export function readObjects(res: HttpResponse, req: HttpRequest): { items: JsonObject[]; total?: number } {
	const body = res.body;
	if (!isJsonObject(body) || !Array.isArray(body.objects)) {
		throw new ChannelHttpError(res.status, req, `Expected {meta, objects: [...]} from GET ${new URL(req.url).pathname}`, body);
	}
	const meta = isJsonObject(body.meta) ? body.meta : {};
	return { items: body.objects as JsonObject[], total: reportedTotal(meta.total_count) };
}

/** The id at the end of a resource URI ("/api/v1/produto/88568855?id_externo=1" → "88568855"). */
export function idOfUri(uri: unknown): string | undefined {
	const text = isJsonObject(uri) ? uri.resource_uri : uri;
	const m = typeof text === 'string' ? /\/(\d+)\/?(?:\?.*)?$/.exec(text) : null;
	return m ? m[1] : undefined;
}
