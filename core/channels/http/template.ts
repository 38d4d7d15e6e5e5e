import type { HttpRequest } from '../../http/transport';
import { joinUrl } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { RequestTemplate } from './definition';

/** Values a write request's placeholders take ({sku}, {quantity}...); absent ones are empty text, or null in a body. */
export type TemplateValues = Record<string, string | number | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;

function valueOf(values: TemplateValues, name: string, where: string): string | number | undefined {
	if (!Object.prototype.hasOwnProperty.call(values, name)) {
		throw new Error(
			`HTTP channel: ${where} uses {${name}}, which this request does not have (it has: ${Object.keys(values)
				.map((k) => `{${k}}`)
				.join(', ')})`,
		);
	}
	return values[name];
}

/** Placeholders in text replaced by their values' text (`encode`: URL-encoded, for paths and queries). */
export function fillText(text: string, values: TemplateValues, where: string, encode = false): string {
	return text.replace(PLACEHOLDER, (_m, name: string) => {
		const v = String(valueOf(values, name, where) ?? '');
		return encode ? encodeURIComponent(v) : v;
	});
}

/** A body template: "{quantity}" alone becomes the typed value (7, not "7"); text around placeholders stays text. */
export function fillBody(body: unknown, values: TemplateValues, where: string): unknown {
	if (typeof body === 'string') {
		const whole = /^\{(\w+)\}$/.exec(body);
		return whole ? (valueOf(values, whole[1], where) ?? null) : fillText(body, values, where);
	}
	if (Array.isArray(body)) return body.map((b) => fillBody(b, values, where));
	if (isJsonObject(body)) return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fillBody(v, values, where)]));
	return body;
}

/** A filled body as an HTML form: its fields' values as text (absent ones empty), nested values as JSON. */
function formBody(body: unknown, where: string): string {
	if (!isJsonObject(body)) throw new Error(`HTTP channel: ${where}.body must be an object of fields to send as a form`);
	const form = new URLSearchParams();
	for (const [k, v] of Object.entries(body)) form.set(k, v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
	return form.toString();
}

/** A definition's request with its placeholders filled, under the credential's base URL. */
export function buildRequest(baseUrl: string, t: RequestTemplate, values: TemplateValues, where: string): HttpRequest {
	const query = t.query ? Object.fromEntries(Object.entries(t.query).map(([k, v]) => [k, fillText(v, values, where)])) : undefined;
	const req: HttpRequest = { method: t.method, url: joinUrl(baseUrl, fillText(t.path, values, where, true)), query };
	if (t.body === undefined) return req;
	const body = fillBody(t.body, values, where);
	if (t.bodyFormat !== 'form') return { ...req, body };
	return { ...req, body: formBody(body, where), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
