import { CANONICAL_STATUSES, PAYMENT_METHODS } from '../../model/order';
import type { JsonObject } from '../common/raw-reader';
import {
	BODY_FORMATS,
	LINE_MAP_KEYS,
	ORDER_MAP_KEYS,
	PAGING_STYLES,
	REQUIRED_MAP_KEYS,
	SINCE_FORMATS,
	WRITE_METHODS,
	type HttpChannelDefinition,
	type ListDefinition,
	type LookupDefinition,
	type MapKey,
	type MappingDefinition,
	type PagingDefinition,
	type RequestTemplate,
	type SessionDefinition,
	type WriteKind,
} from './definition';
import { asObject, fail, obj, oneOf, path, positive, relativePath, scalars, str } from './parse-fields';
import { splitLinePath } from './paths';

export { ChannelDefinitionError } from './parse-fields';

/** A value table ({"pago": "paid"}) whose values are one of `allowed`. */
function table<T extends string>(o: JsonObject, key: string, allowed: readonly T[]): Record<string, T> | undefined {
	const t = obj(o, key, '');
	if (!t) return undefined;
	for (const [k, v] of Object.entries(t)) {
		if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
			fail(`${key}.${k}`, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
	}
	return t as Record<string, T>;
}

/** The mapping part (what Map JSON uses): every key known, the required ones present, all line paths on one array. */
export function parseMappingDefinition(input: unknown): MappingDefinition {
	const o = asObject(input);
	const rawMap = obj(o, 'map', '') ?? fail('map', 'is required (canonical field → path in the order JSON)');
	const known: readonly string[] = [...ORDER_MAP_KEYS, ...LINE_MAP_KEYS];
	const map: Partial<Record<MapKey, string>> = {};
	for (const key of Object.keys(rawMap)) {
		if (!known.includes(key)) fail(`map.${key}`, `is not a canonical field (known: ${known.join(', ')})`);
		const value = str(rawMap, key, 'map.');
		if (value !== undefined) map[key as MapKey] = value;
	}
	for (const key of REQUIRED_MAP_KEYS) if (map[key] === undefined) fail(`map.${key}`, 'is required');
	let lineArray: string | undefined;
	for (const key of LINE_MAP_KEYS) {
		const value = map[key];
		if (value === undefined) continue;
		let array = '';
		try {
			array = splitLinePath(value).array;
		} catch (error) {
			fail(`map.${key}`, (error as Error).message);
		}
		if (lineArray !== undefined && array !== lineArray) fail(`map.${key}`, `must name the same line array as the other line fields ("${lineArray}[]")`);
		lineArray = array;
	}
	// "firstname + lastname": several paths whose texts are joined (map.ts).
	for (const key of ORDER_MAP_KEYS) for (const part of map[key]?.split(' + ') ?? []) path(part.trim(), `map.${key}`);
	const offset = str(o, 'timeZoneOffset', '');
	if (offset !== undefined && !/^[+-]\d{2}:\d{2}$/.test(offset)) fail('timeZoneOffset', `must look like -03:00, got "${offset}"`);
	return {
		map,
		statusMap: table(o, 'statusMap', CANONICAL_STATUSES),
		paymentMethodMap: table(o, 'paymentMethodMap', PAYMENT_METHODS),
		money: oneOf(o, 'money', '', ['decimal', 'cents'] as const) ?? 'decimal',
		currency: str(o, 'currency', '') ?? 'BRL',
		timeZoneOffset: offset ?? '-03:00',
	};
}

function parsePaging(o: JsonObject): PagingDefinition {
	const at = 'list.paging.';
	const style = oneOf(o, 'style', at, PAGING_STYLES) ?? fail(`${at}style`, `is required (${PAGING_STYLES.join(', ')})`);
	const paging: PagingDefinition = {
		style,
		param: str(o, 'param', at) ?? { page: 'page', offset: 'offset', cursor: 'cursor', link: undefined }[style],
		sizeParam: str(o, 'sizeParam', at),
		maxSize: positive(o, 'maxSize', at) ?? 100,
		firstPage: positive(o, 'firstPage', at) ?? 1,
		totalPath: str(o, 'totalPath', at),
		nextCursorPath: str(o, 'nextCursorPath', at),
	};
	// Positions of page and offset listings are only comparable at one page size, which the OMS must set.
	if ((style === 'page' || style === 'offset') && !paging.sizeParam) fail(`${at}sizeParam`, `is required for ${style} paging (the page size parameter)`);
	if (style === 'cursor' && !paging.nextCursorPath) fail(`${at}nextCursorPath`, 'is required for cursor paging (where the response gives the next cursor)');
	if (paging.maxSize! < 1) fail(`${at}maxSize`, 'must be at least 1');
	for (const key of ['totalPath', 'nextCursorPath'] as const) if (paging[key] !== undefined) path(paging[key], `${at}${key}`);
	return paging;
}

function parseList(o: JsonObject): ListDefinition {
	const since = obj(o, 'changedSince', 'list.') ?? fail('list.changedSince', 'is required ({"param": "updated_since"})');
	const itemsPath = str(o, 'itemsPath', 'list.');
	if (itemsPath !== undefined) path(itemsPath, 'list.itemsPath');
	return {
		path: relativePath(o, 'path', 'list.'),
		query: scalars(o, 'query', 'list.'),
		changedSince: { param: str(since, 'param', 'list.changedSince.', true), format: oneOf(since, 'format', 'list.changedSince.', SINCE_FORMATS) ?? 'iso' },
		itemsPath,
		paging: parsePaging(obj(o, 'paging', 'list.') ?? fail('list.paging', 'is required ({"style": "page" | "offset" | "cursor" | "link", ...})')),
	};
}

function parseRequest(o: JsonObject, at: string): RequestTemplate {
	const bodyFormat = oneOf(o, 'bodyFormat', at, BODY_FORMATS);
	return {
		method: oneOf(o, 'method', at, WRITE_METHODS) ?? fail(`${at}method`, `is required (${WRITE_METHODS.join(', ')})`),
		path: relativePath(o, 'path', at),
		query: scalars(o, 'query', at),
		body: o.body,
		...(bodyFormat ? { bodyFormat } : {}),
	};
}

function parseSession(o: JsonObject | undefined): SessionDefinition | undefined {
	if (!o) return undefined;
	const at = 'session.';
	const login = obj(o, 'login', at) ?? fail(`${at}login`, 'is required (the request that opens the session)');
	const send = obj(o, 'send', at) ?? fail(`${at}send`, 'is required ({"in": "query" | "header", "name": "api_token"})');
	const expired = obj(o, 'expired', at);
	const statuses = expired?.status;
	if (statuses !== undefined && !(Array.isArray(statuses) && statuses.every((n) => Number.isInteger(n) && Number(n) >= 400 && Number(n) < 600)))
		fail(`${at}expired.status`, 'must be a list of HTTP error statuses ([401, 403])');
	const bodyMatches = expired ? str(expired, 'bodyMatches', `${at}expired.`) : undefined;
	if (bodyMatches !== undefined) {
		try {
			new RegExp(bodyMatches);
		} catch (error) {
			fail(`${at}expired.bodyMatches`, `is not a regular expression: ${(error as Error).message}`);
		}
	}
	const bodyPath = expired ? str(expired, 'bodyPath', `${at}expired.`) : undefined;
	if ((bodyPath === undefined) !== (bodyMatches === undefined)) fail(`${at}expired`, 'needs both bodyPath and bodyMatches, or neither');
	const expiresInPath = str(o, 'expiresInPath', at);
	return {
		login: { ...parseRequest(login, `${at}login.`), ...(login.basic === true ? { basic: true } : {}) },
		tokenPath: path(str(o, 'tokenPath', at, true), `${at}tokenPath`),
		...(expiresInPath === undefined ? {} : { expiresInPath: path(expiresInPath, `${at}expiresInPath`) }),
		ttlSeconds: positive(o, 'ttlSeconds', at) ?? 3000,
		send: {
			in: oneOf(send, 'in', `${at}send.`, ['query', 'header'] as const) ?? fail(`${at}send.in`, 'is required (query or header)'),
			name: str(send, 'name', `${at}send.`, true),
			prefix: str(send, 'prefix', `${at}send.`),
		},
		...(expired ? { expired: { status: statuses as number[] | undefined, bodyPath: bodyPath && path(bodyPath, `${at}expired.bodyPath`), bodyMatches } } : {}),
	};
}

function parseWrites(o: JsonObject | undefined): HttpChannelDefinition['writes'] {
	if (!o) return undefined;
	const writes: NonNullable<HttpChannelDefinition['writes']> = {};
	for (const kind of ['stock', 'invoice', 'shipment', 'cancel'] as WriteKind[]) {
		const w = obj(o, kind, 'writes.');
		if (w) writes[kind] = parseRequest(w, `writes.${kind}.`);
	}
	const lookup = obj(o, 'lookup', 'writes.');
	if (lookup) {
		const parsed: LookupDefinition = {
			...parseRequest({ method: 'GET', ...lookup }, 'writes.lookup.'),
			idPath: path(str(lookup, 'idPath', 'writes.lookup.', true), 'writes.lookup.idPath'),
		};
		const variant = str(lookup, 'variantIdPath', 'writes.lookup.');
		if (variant !== undefined) parsed.variantIdPath = path(variant, 'writes.lookup.variantIdPath');
		writes.lookup = parsed;
	}
	return writes;
}

/** The whole definition (trigger and writer): the mapping, the listing, the one-order read and the writes. */
export function parseChannelDefinition(input: unknown): HttpChannelDefinition {
	const o = asObject(input);
	const order = obj(o, 'order', '');
	const errorPath = str(o, 'errorPath', '');
	return {
		...parseMappingDefinition(o),
		platform: str(o, 'platform', ''),
		session: parseSession(obj(o, 'session', '')),
		errorPath: errorPath === undefined ? undefined : path(errorPath, 'errorPath'),
		list: parseList(obj(o, 'list', '') ?? fail('list', 'is required (how orders changed since a time are listed)')),
		order: order ? { path: relativePath(order, 'path', 'order.'), details: order.details === true } : undefined,
		writes: parseWrites(obj(o, 'writes', '')),
	};
}
