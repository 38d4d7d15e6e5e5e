import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { localDateTime } from '../common/fields';
import { formatUpdatedKeyset, parseUpdatedKeyset, type UpdatedKeyset } from '../common/paging';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * PrestaShop webservice (devdocs.prestashop-project.org/9/webservice). Base URL: the shop's "<host>/api"
 * (or "<host>/<folder>/api"); the webservice key is the HTTP Basic user with an empty password. Every call
 * adds output_format=JSON: a list answers {"<resource>": [...]} (an empty list answers [] on some versions),
 * one record {"<singular>": {...}}, every value a string. Writes take XML (saveEntityFromXml).
 *
 * List parameters (classes/webservice/WebserviceRequest.php, SQLUtils::getSQLRetrieveFilter): filters are
 * AND-ed; "[a,b]" is BETWEEN a AND b (both inclusive), "[a|b]" an OR list, "[v]" equality, ">[v]" and "<[v]"
 * strict; date_add/date_upd filter only with date=1; sort=[field_ASC,field2_ASC]; limit=offset,count.
 */
export const PRESTASHOP_MAX_PAGE = 100;

/**
 * [?] Dates are the shop's local time without a zone (PHP date() in the shop's configured time zone); the
 * credential's offset reads them (Brasília, -03:00, unless set).
 */
export const PRESTASHOP_OFFSET = '-03:00';

/** An instant → the shop's "YYYY-MM-DD HH:MM:SS" at `offset` (whole seconds, rounded down). */
export const psDate = (iso: string, offset: string) =>
	localDateTime(new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString(), offset).replace('T', ' ');

/** The shop's "YYYY-MM-DD HH:MM:SS" at `offset` → ms (NaN when unreadable or a 0000-00-00 placeholder). */
export function psMs(value: unknown, offset: string): number {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) || value.startsWith('0000')) return NaN;
	return Date.parse(`${value.replace(' ', 'T')}${offset}`);
}

/** The records of a list answer; [] (PrestaShop's answer to an empty list) is no records. */
export function readList(res: HttpResponse, req: HttpRequest, resource: string): JsonObject[] {
	const body = res.body;
	if (Array.isArray(body) && body.length === 0) return [];
	if (!isJsonObject(body) || !Array.isArray(body[resource]))
		throw new ChannelHttpError(res.status, req, `Expected {"${resource}": [...]} from GET ${new URL(req.url).pathname}`, body);
	return body[resource].filter(isJsonObject);
}

/** One record of GET /api/<resource>/<id>: {"<singular>": {...}}. */
export function readOne(res: HttpResponse, req: HttpRequest, singular: string): JsonObject {
	const body = res.body;
	if (!isJsonObject(body) || !isJsonObject(body[singular]))
		throw new ChannelHttpError(res.status, req, `Expected {"${singular}": {...}} from GET ${new URL(req.url).pathname}`, body);
	return body[singular];
}

/**
 * Keyset on (date_upd, id), both ascending: the token names the last order listed. The webservice cannot OR
 * two fields, so a page is two reads: the rest of the last listed second (date_upd = D and id > I), then the
 * seconds after it (date_upd BETWEEN D+1s AND the window's end). An offset is no position here: an order that
 * changes while a window is listed moves to its end and every later order moves up one place.
 */
export const parsePrestaShopKeyset = (token: string | undefined) => parseUpdatedKeyset(token, 'p', 'PrestaShop');
export const formatPrestaShopKeyset = (k: UpdatedKeyset) => formatUpdatedKeyset('p', k);

/** The second after a shop-local "YYYY-MM-DD HH:MM:SS" (the filter compares text; the zone does not matter). */
export const nextSecond = (local: string) => new Date(Date.parse(`${local.replace(' ', 'T')}Z`) + 1000).toISOString().slice(0, 19).replace('T', ' ');

/** XML for a write: <prestashop><name>…</name></prestashop>, values as CDATA (PrestaShop reads the text). */
export function psXml(name: string, fields: Record<string, string | number | undefined>): string {
	const cdata = (v: string) => `<![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
	const body = Object.entries(fields)
		.filter((e): e is [string, string | number] => e[1] !== undefined)
		.map(([k, v]) => `<${k}>${cdata(String(v))}</${k}>`)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?><prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><${name}>${body}</${name}></prestashop>`;
}
