import { isJsonObject } from '../common/raw-reader';

/**
 * Field paths of a channel definition: dot-separated keys with optional indexes ("customer.name",
 * "payments[0].method"). A line field names its order's line array with an empty index: "items[].sku" is
 * the "sku" of every element of "items". An empty path is the value itself.
 */
export type PathStep = string | number;

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/** A path → its steps; throws a message naming the path when it is not one. */
export function parsePath(path: string): PathStep[] {
	if (path === '') return [];
	return path.split('.').flatMap((segment) => {
		const m = SEGMENT.exec(segment);
		if (!m) throw new Error(`"${path}" is not a field path (keys joined by dots, optional [n] indexes)`);
		const indexes = [...m[2].matchAll(/\[(\d+)\]/g)].map((i) => Number(i[1]));
		return [m[1], ...indexes];
	});
}

/** The value at `steps` (undefined when any step is missing: absent fields are absent, not errors). */
export function valueAt(root: unknown, steps: readonly PathStep[]): unknown {
	let v: unknown = root;
	for (const step of steps) {
		if (typeof step === 'number') v = Array.isArray(v) ? v[step] : undefined;
		else v = isJsonObject(v) ? v[step] : undefined;
		if (v === undefined || v === null) return undefined;
	}
	return v;
}

/** A line path "items[].sku" → the array's path ("items") and the field's path inside a line ("sku"). */
export function splitLinePath(path: string): { array: string; field: string } {
	const at = path.indexOf('[]');
	if (at <= 0 || (path.length > at + 2 && path[at + 2] !== '.')) throw new Error(`"${path}" is not a line path (e.g. "items[].sku")`);
	const field = path.slice(at + 3);
	if (field.includes('[]')) throw new Error(`"${path}": only one [] is allowed (the order's line array)`);
	parsePath(path.slice(0, at));
	parsePath(field);
	return { array: path.slice(0, at), field };
}
