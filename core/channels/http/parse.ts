import { CANONICAL_STATUSES, PAYMENT_METHODS } from '../../model/order';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import {
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
	type WriteKind,
} from './definition';
import { parsePath, splitLinePath } from './paths';

/** A channel definition that cannot be used: names the setting ("list.paging.sizeParam") and what is wrong. */
export class ChannelDefinitionError extends Error {
	constructor(
		readonly setting: string,
		reason: string,
	) {
		super(`Channel definition: "${setting}" ${reason}`);
		this.name = 'ChannelDefinitionError';
	}
}

const fail = (setting: string, reason: string): never => {
	throw new ChannelDefinitionError(setting, reason);
};

/** The definition as n8n hands it over: JSON text (the editor's JSON field) or an object (an expression). */
function asObject(input: unknown): JsonObject {
	let value = input;
	if (typeof input === 'string') {
		if (input.trim() === '') fail('(definition)', 'is empty: paste the channel definition JSON (README, "Configurable HTTP channel")');
		try {
			value = JSON.parse(input);
		} catch (error) {
			fail('(definition)', `is not valid JSON: ${(error as Error).message}`);
		}
	}
	return isJsonObject(value) ? value : fail('(definition)', 'must be a JSON object');
}

function str(o: JsonObject, key: string, at: string, required: true): string;
function str(o: JsonObject, key: string, at: string, required?: false): string | undefined;
function str(o: JsonObject, key: string, at: string, required = false): string | undefined {
	const v = o[key];
	if (v === undefined || v === null || v === '') return required ? fail(`${at}${key}`, 'is required') : undefined;
	return typeof v === 'string' ? v : fail(`${at}${key}`, `must be text, got ${JSON.stringify(v)}`);
}

function oneOf<T extends string>(o: JsonObject, key: string, at: string, allowed: readonly T[]): T | undefined {
	const v = str(o, key, at);
	if (v !== undefined && !(allowed as readonly string[]).includes(v)) fail(`${at}${key}`, `must be one of ${allowed.join(', ')}, got "${v}"`);
	return v as T | undefined;
}

function obj(o: JsonObject, key: string, at: string): JsonObject | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	return isJsonObject(v) ? v : fail(`${at}${key}`, 'must be a JSON object');
}

function path(value: string, setting: string): string {
	try {
		parsePath(value);
	} catch (error) {
		fail(setting, (error as Error).message);
	}
	return value;
}

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
	for (const key of ORDER_MAP_KEYS) if (map[key] !== undefined) path(map[key], `map.${key}`);
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

function positive(o: JsonObject, key: string, at: string): number | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(`${at}${key}`, `must be a whole number, got ${JSON.stringify(v)}`);
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

/** A path under the credential's base URL: never another host (the auth header goes with every request). */
function relativePath(o: JsonObject, key: string, at: string): string {
	const p = str(o, key, at, true);
	return /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('//') ? fail(`${at}${key}`, "must be a path under the credential's base URL, not a full URL") : p;
}

function scalars(o: JsonObject, key: string, at: string): Record<string, string> | undefined {
	const q = obj(o, key, at);
	if (!q) return undefined;
	for (const [k, v] of Object.entries(q))
		if (!['string', 'number', 'boolean'].includes(typeof v)) fail(`${at}${key}.${k}`, 'must be text, a number or true/false');
	return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));
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
	return {
		method: oneOf(o, 'method', at, WRITE_METHODS) ?? fail(`${at}method`, `is required (${WRITE_METHODS.join(', ')})`),
		path: relativePath(o, 'path', at),
		query: scalars(o, 'query', at),
		body: o.body,
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
	return {
		...parseMappingDefinition(o),
		platform: str(o, 'platform', ''),
		list: parseList(obj(o, 'list', '') ?? fail('list', 'is required (how orders changed since a time are listed)')),
		order: order ? { path: relativePath(order, 'path', 'order.'), details: order.details === true } : undefined,
		writes: parseWrites(obj(o, 'writes', '')),
	};
}
