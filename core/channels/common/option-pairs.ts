/**
 * An adapter option written as "key=value" pairs separated by commas, semicolons or new lines (ML `depots`,
 * Magalu `fulfillmentWhen`). Keys must match `key`; values are trimmed and may hold spaces. A malformed
 * entry throws `<setting>: "<entry>" is not <shape>`, so a typo never changes behaviour silently.
 */
export function optionPairs(text: string, setting: string, shape: string, key: RegExp = /[^=\s]+/): Array<[string, string]> {
	const pair = new RegExp(`^\\s*(${key.source})\\s*=\\s*(\\S(?:.*\\S)?)\\s*$`);
	const out: Array<[string, string]> = [];
	for (const entry of text.split(/[,;\n]/)) {
		if (entry.trim() === '') continue;
		const m = pair.exec(entry);
		if (!m) throw new Error(`${setting}: "${entry.trim()}" is not ${shape}`);
		out.push([m[1], m[2]]);
	}
	return out;
}
