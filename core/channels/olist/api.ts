import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Olist partners API ("Loja da Olist", formerly Olist Store), after dev.olist.com (read 2026-11 through its
 * indexed pages: Get Started, OAuth2, Orders overview, Retrieving an Order, Sending an Invoice, the notification
 * pages). Its home page carries the banner "A Loja da Olist (antiga Olist Store) está saindo do nosso portfólio de
 * produtos. Por favor, ajuste suas integrações considerando os seguintes prazos" — the dates that follow it could
 * not be read here: check them before relying on this channel.
 *
 * Hosts: API https://partners-api.olist.com/v1 (sandbox https://partners-sandbox-api.olist.com/v1); auth server
 * (Keycloak) https://id.olist.com/ (sandbox https://auth-engine.olist.com/realms/3rd-party-sandbox). Every call
 * carries "Authorization: JWT {id_token}" (the OpenID id_token, not the access token; the credential adds it).
 * Lists are Django REST framework pages {count, next, previous, results} ([3P]: the list pages were not indexed).
 */
export const OLIST_API = 'https://partners-api.olist.com/v1';
export const OLIST_SANDBOX_API = 'https://partners-sandbox-api.olist.com/v1';
export const OLIST_AUTH = 'https://id.olist.com';
export const OLIST_SANDBOX_AUTH = 'https://auth-engine.olist.com/realms/3rd-party-sandbox';
/** [?] Keycloak's standard token path under the realm; the docs show the sandbox's .../protocol/openid-connect/auth. */
export const OLIST_GRANT_PATH = '/protocol/openid-connect/token';

/** [?] The largest page_size is not documented; integrators ask for 100. */
export const OLIST_MAX_PAGE_SIZE = 100;

/** A list page's results and whether Olist names a next page. */
export function readPage(res: HttpResponse, req: HttpRequest): { results: JsonObject[]; hasNext: boolean } {
	const body = res.body;
	if (!isJsonObject(body) || !Array.isArray(body.results) || !body.results.every(isJsonObject)) {
		throw new ChannelHttpError(res.status, req, `Expected {count, next, results: [...]} from GET ${new URL(req.url).pathname}`, body);
	}
	return { results: body.results, hasNext: typeof body.next === 'string' && body.next !== '' };
}
