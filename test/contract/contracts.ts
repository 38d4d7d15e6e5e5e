import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRef, validate, type Schema } from './json-schema';

/**
 * The stored contract fragments (test/fixtures/contracts/<channel>/*.json, made by extract.py from the
 * channels' published models; sources in SOURCES.md) and the check of one HTTP request against them:
 * path parameters, query parameters (declared, required, typed), required headers and the JSON body.
 */

export interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header';
	required?: boolean;
	/** OpenAPI 3.0 puts the schema here; Swagger 2.0 puts type, items, enum… on the parameter itself. */
	schema?: Schema;
	collectionFormat?: string;
	[keyword: string]: unknown;
}

export interface Operation {
	operationId: string | null;
	method: string;
	path: string;
	parameters: Parameter[];
	body?: Schema;
	bodyRequired?: boolean;
}

export interface Contract {
	source: { repo: string; commit: string; path: string };
	operations: Operation[];
	[root: string]: unknown;
}

/** What the contract check reads of a request: a simulator's SimRequest fits. */
export interface WireRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	rawBody: string;
}

const CONTRACTS = join(__dirname, '..', 'fixtures', 'contracts');

export function loadContract(file: string): Contract {
	return JSON.parse(readFileSync(join(CONTRACTS, file), 'utf8')) as Contract;
}

/** "repo@commit:path operationId": where the schema a request was checked against comes from. */
export const citation = (c: Contract, op: Operation) => `${c.source.repo}@${c.source.commit.slice(0, 8)}:${c.source.path} ${op.operationId ?? `${op.method} ${op.path}`}`;

function pathMatch(template: string, path: string): Record<string, string> | undefined {
	const names: string[] = [];
	const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'));
	const m = new RegExp(`^${pattern}$`).exec(path);
	return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) : undefined;
}

/** The operation of `contracts` that a request's method and path are an instance of. */
export function findOperation(contracts: Contract[], req: Pick<WireRequest, 'method' | 'path'>): { contract: Contract; op: Operation; params: Record<string, string> } | undefined {
	for (const contract of contracts) {
		for (const op of contract.operations) {
			const params = op.method === req.method ? pathMatch(op.path, req.path) : undefined;
			if (params) return { contract, op, params };
		}
	}
	return undefined;
}

const PARAMETER_FIELDS = new Set(['name', 'in', 'required', 'description', 'schema', 'collectionFormat', 'style', 'explode', 'allowEmptyValue']);

/** A parameter's value schema, wherever the model's version keeps it. */
function parameterSchema(p: Parameter): Schema {
	if (p.schema) return p.schema;
	return Object.fromEntries(Object.entries(p).filter(([k]) => !PARAMETER_FIELDS.has(k)));
}

/** A query string value as the JSON value the schema describes ("7" → 7 for an integer; else left as is). */
function coerce(schema: Schema, raw: string): unknown {
	if (schema.type === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
	if (schema.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
	if (schema.type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
	return raw;
}

function queryValue(p: Parameter, schema: Schema, values: string[], root: Schema): unknown {
	if (schema.type !== 'array') return coerce(schema, values[0]);
	// Swagger 2.0 arrays are comma-separated unless collectionFormat says otherwise; a repeated key is "multi".
	const parts = values.length > 1 || p.collectionFormat === 'multi' ? values : values[0].split(p.collectionFormat === 'pipes' ? '|' : ',');
	const items = (schema.items ?? {}) as Schema;
	const itemSchema = typeof items.$ref === 'string' ? resolveRef(root, items.$ref) : items;
	return parts.map((v) => coerce(itemSchema, v));
}

/** Every way the request breaks the operation's published contract; empty when it conforms. */
export function requestErrors(contract: Contract, op: Operation, req: WireRequest): string[] {
	const root = contract as unknown as Schema;
	const errors: string[] = [];
	const params = pathMatch(op.path, req.path) ?? {};
	const declared = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
	for (const key of new Set(req.query.keys())) if (!declared.has(key)) errors.push(`query ${key}: is not a parameter of ${op.operationId ?? op.path}`);
	for (const p of op.parameters) {
		const schema = parameterSchema(p);
		if (p.in === 'path') {
			errors.push(...validate(schema, params[p.name], root, `path ${p.name}`));
		} else if (p.in === 'query') {
			const values = req.query.getAll(p.name);
			if (values.length === 0) {
				if (p.required) errors.push(`query ${p.name}: is required`);
			} else errors.push(...validate(schema, queryValue(p, schema, values, root), root, `query ${p.name}`));
		} else if (p.in === 'header' && p.required) {
			// A Content-Type on a request without a body describes nothing; the models mark it required on GETs too.
			const exempt = p.name.toLowerCase() === 'content-type' && req.rawBody === '';
			if (!exempt && req.headers[p.name.toLowerCase()] === undefined) errors.push(`header ${p.name}: is required`);
		}
	}
	if (op.body) {
		if (req.rawBody === '') {
			if (op.bodyRequired) errors.push('body: is required');
		} else errors.push(...validate(op.body, req.body, root, 'body'));
	} else if (req.rawBody !== '') errors.push(`body: ${op.operationId ?? op.path} takes none`);
	return errors;
}

/**
 * For the simulators' write routes: what the channel's published contract refuses in this request (empty
 * when it conforms), so a simulator answers 400 where the channel would. A request no stored operation
 * describes is a test set-up fault.
 */
export function contractErrors(contracts: Contract[], req: WireRequest): string[] {
	const found = findOperation(contracts, req);
	if (!found) throw new Error(`No stored contract describes ${req.method} ${req.path}`);
	return requestErrors(found.contract, found.op, req);
}
