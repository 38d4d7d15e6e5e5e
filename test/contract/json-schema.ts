/**
 * A JSON-Schema subset, enough for the request schemas the channels publish (OpenAPI 3.0 and Swagger 2.0
 * models): local $ref, type, nullable (OpenAPI 3.0) / x-nullable (Swagger 2.0), enum, required, properties,
 * additionalProperties, items, minItems / maxItems, format date-time. A keyword outside the subset throws,
 * so a schema this validator cannot fully read never passes a request silently.
 */

export type Schema = { [keyword: string]: unknown };

/** Keywords that describe and never constrain. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'example', 'examples', 'x-example', 'x-docgen-enum-table-extension', 'readOnly', 'style', 'explode']);
const CHECKED = new Set(['$ref', 'type', 'nullable', 'x-nullable', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'minItems', 'maxItems', 'format']);
/**
 * Number formats only name the wire width (int32, int64, double): the values a writer sends are quantities
 * and cents far inside them, so they are accepted without a range check.
 */
const WIDTH_FORMATS = new Set(['int32', 'int64', 'float', 'double']);

/** RFC 3339 date-time (JSON Schema's "date-time", which OpenAPI and Swagger adopt): date, time and an offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const isDateTime = (v: string): boolean => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

function matchesType(type: string, v: unknown): boolean {
	switch (type) {
		case 'integer':
			return typeof v === 'number' && Number.isInteger(v);
		case 'number':
			return typeof v === 'number' && Number.isFinite(v);
		case 'object':
			return isObject(v);
		case 'array':
			return Array.isArray(v);
		case 'null':
			return v === null;
		default:
			return typeof v === type;
	}
}

/** "#/components/schemas/X" inside `root` (JSON Pointer, ~1 and ~0 unescaped). */
export function resolveRef(root: Schema, ref: string): Schema {
	if (!ref.startsWith('#/')) throw new Error(`Only local $ref is supported, got ${ref}`);
	let node: unknown = root;
	for (const raw of ref.slice(2).split('/')) {
		const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		node = isObject(node) ? node[part] : undefined;
		if (node === undefined) throw new Error(`Unresolved $ref ${ref}`);
	}
	return node as Schema;
}

/**
 * Every way `value` breaks `schema`, each as "<path>: <reason>"; empty when it conforms. `root` is the
 * document the schema's $refs point into.
 */
export function validate(schema: Schema, value: unknown, root: Schema, at = '$'): string[] {
	// $ref siblings are ignored, as both OpenAPI 3.0 and Swagger 2.0 specify.
	if (typeof schema.$ref === 'string') return validate(resolveRef(root, schema.$ref), value, root, at);
	const unknown = Object.keys(schema).filter((k) => !CHECKED.has(k) && !ANNOTATIONS.has(k));
	if (unknown.length) throw new Error(`${at}: schema keyword(s) outside the validator's subset: ${unknown.join(', ')}`);

	if (value === null && (schema.nullable === true || schema['x-nullable'] === true)) return [];
	const errors: string[] = [];
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
		if (!types.some((t) => matchesType(t, value))) return [`${at}: must be ${types.join(' or ')}, got ${typeOf(value)}`];
	}
	if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
		errors.push(`${at}: must be one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
	}
	if (schema.format === 'date-time' && typeof value === 'string' && !isDateTime(value)) {
		errors.push(`${at}: must be an RFC 3339 date-time, got ${JSON.stringify(value)}`);
	} else if (schema.format !== undefined && schema.format !== 'date-time' && !WIDTH_FORMATS.has(String(schema.format))) {
		throw new Error(`${at}: format ${String(schema.format)} is outside the validator's subset`);
	}
	if (isObject(value)) errors.push(...validateObject(schema, value, root, at));
	if (Array.isArray(value)) errors.push(...validateArray(schema, value, root, at));
	return errors;
}

function validateObject(schema: Schema, value: Record<string, unknown>, root: Schema, at: string): string[] {
	const errors: string[] = [];
	for (const key of (schema.required as string[] | undefined) ?? []) {
		// A key whose value is undefined is dropped by JSON.stringify: it is absent on the wire.
		if (value[key] === undefined) errors.push(`${at}.${key}: is required`);
	}
	const properties = (schema.properties ?? {}) as Record<string, Schema>;
	for (const [key, v] of Object.entries(value)) {
		if (v === undefined) continue;
		if (properties[key]) errors.push(...validate(properties[key], v, root, `${at}.${key}`));
		else if (schema.additionalProperties === false) errors.push(`${at}.${key}: is not a property of the schema`);
		else if (isObject(schema.additionalProperties)) errors.push(...validate(schema.additionalProperties, v, root, `${at}.${key}`));
	}
	return errors;
}

function validateArray(schema: Schema, value: unknown[], root: Schema, at: string): string[] {
	const errors: string[] = [];
	if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: must have at least ${schema.minItems} item(s), has ${value.length}`);
	if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: must have at most ${schema.maxItems} item(s), has ${value.length}`);
	if (isObject(schema.items)) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, root, `${at}[${i}]`)));
	return errors;
}
