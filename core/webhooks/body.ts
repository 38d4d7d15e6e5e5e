import { createHash } from 'node:crypto';
import { constantTimeEqual } from './signature';
import type { WebhookDelivery } from './types';

/** Helpers the channel readers share: headers, the JSON body, ids that JSON numbers cannot hold exactly. */

export type JsonBody = Record<string, unknown>;

/** A header's value (the first one when repeated), or undefined. Names are matched in lower case. */
export function header(delivery: WebhookDelivery, name: string): string | undefined {
	const v = delivery.headers[name.toLowerCase()];
	const first = Array.isArray(v) ? v[0] : v;
	return typeof first === 'string' ? first : undefined;
}

/** The body as a JSON object, or undefined when it is not one. */
export function jsonBody(delivery: WebhookDelivery): JsonBody | undefined {
	try {
		const parsed: unknown = JSON.parse(delivery.rawBody.toString('utf8'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonBody) : undefined;
	} catch {
		return undefined;
	}
}

/** A string or integer id as text; anything else is undefined. */
export function idText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	return undefined;
}

/**
 * A top-level numeric field read from the raw text, so ids beyond 2^53 (which JSON.parse rounds) compare by
 * their digits. Falls back to the parsed value.
 */
export function rawId(delivery: WebhookDelivery, body: JsonBody, field: string): string | undefined {
	const parsed = body[field];
	if (typeof parsed === 'number' && !Number.isSafeInteger(parsed)) {
		const m = new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(delivery.rawBody.toString('utf8'));
		return m?.[1];
	}
	return idText(parsed);
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * Compares two ids as the channel writes them (case does not matter for domains and account names), in
 * constant time like the signatures: for the unsigned channels (Mercado Livre, VTEX's Origin) these ids are
 * what a delivery is authenticated on.
 */
export const sameAccount = (a: string | undefined, b: string | undefined): boolean =>
	a !== undefined && b !== undefined && a.trim() !== '' && constantTimeEqual(Buffer.from(a.trim().toLowerCase(), 'utf8'), Buffer.from(b.trim().toLowerCase(), 'utf8'));
