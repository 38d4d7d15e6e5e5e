import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * n8n custom execution data, so the executions list can be searched by order or SKU ("Filter → Highlighted
 * data"). Values merge with what earlier nodes of the same execution set; n8n keeps at most 10 keys and
 * 255 characters a value, so a long list ends with "+N more".
 */
const MAX_VALUE = 255;

export function recordExecutionData(ctx: IExecuteFunctions, entries: Record<string, Iterable<string>>): void {
	let data: IExecuteFunctions['customData'];
	try {
		data = ctx.customData;
	} catch {
		return; // no execution behind this context (a test harness): nothing to highlight
	}
	for (const [key, values] of Object.entries(entries)) {
		const merged = new Set([...splitValue(safeGet(data, key)), ...values].filter((v) => v !== ''));
		if (merged.size > 0) data.set(key, joinWithin([...merged], MAX_VALUE));
	}
}

function safeGet(data: IExecuteFunctions['customData'], key: string): string {
	try {
		return data.get(key) ?? '';
	} catch {
		return '';
	}
}

/** Values already stored, without a "+N more" tail (the count is recomputed). */
function splitValue(value: string): string[] {
	return value.split(' ').filter((v) => v !== '' && !/^\+\d+$/.test(v) && v !== 'more');
}

function joinWithin(values: string[], max: number): string {
	let out = '';
	for (let i = 0; i < values.length; i++) {
		const tail = ` +${values.length - i} more`;
		const next = out ? `${out} ${values[i]}` : values[i];
		if (next.length + (i < values.length - 1 ? tail.length : 0) > max) return `${out}${tail}`.trim();
		out = next;
	}
	return out;
}
