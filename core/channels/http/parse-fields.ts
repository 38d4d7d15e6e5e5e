import { isJsonObject, type JsonObject } from '../common/raw-reader';
import { parsePath } from './paths';

/** Readers of a channel definition's settings: each failure names the setting ("list.paging.sizeParam"). */

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

export const fail = (setting: string, reason: string): never => {
	throw new ChannelDefinitionError(setting, reason);
};

/** The definition as n8n hands it over: JSON text (the editor's JSON field) or an object (an expression). */
export function asObject(input: unknown): JsonObject {
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

export function str(o: JsonObject, key: string, at: string, required: true): string;
export function str(o: JsonObject, key: string, at: string, required?: false): string | undefined;
export function str(o: JsonObject, key: string, at: string, required = false): string | undefined {
	const v = o[key];
	if (v === undefined || v === null || v === '') return required ? fail(`${at}${key}`, 'is required') : undefined;
	return typeof v === 'string' ? v : fail(`${at}${key}`, `must be text, got ${JSON.stringify(v)}`);
}

export function oneOf<T extends string>(o: JsonObject, key: string, at: string, allowed: readonly T[]): T | undefined {
	const v = str(o, key, at);
	if (v !== undefined && !(allowed as readonly string[]).includes(v)) fail(`${at}${key}`, `must be one of ${allowed.join(', ')}, got "${v}"`);
	return v as T | undefined;
}

export function obj(o: JsonObject, key: string, at: string): JsonObject | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	return isJsonObject(v) ? v : fail(`${at}${key}`, 'must be a JSON object');
}

export function path(value: string, setting: string): string {
	try {
		parsePath(value);
	} catch (error) {
		fail(setting, (error as Error).message);
	}
	return value;
}

export function positive(o: JsonObject, key: string, at: string): number | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(`${at}${key}`, `must be a whole number, got ${JSON.stringify(v)}`);
}

/** A path under the credential's base URL: never another host (the auth header goes with every request). */
export function relativePath(o: JsonObject, key: string, at: string): string {
	const p = str(o, key, at, true);
	return /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('//') ? fail(`${at}${key}`, "must be a path under the credential's base URL, not a full URL") : p;
}

export function scalars(o: JsonObject, key: string, at: string): Record<string, string> | undefined {
	const q = obj(o, key, at);
	if (!q) return undefined;
	for (const [k, v] of Object.entries(q))
		if (!['string', 'number', 'boolean'].includes(typeof v)) fail(`${at}${key}.${k}`, 'must be text, a number or true/false');
	return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));
}
