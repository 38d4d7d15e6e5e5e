import { ChannelHttpError, DEFAULT_RETRY_POLICY, describeRequest, sendWithRetry } from '../../http/retry';
import { DEFAULT_TIMEOUT_MS, type HttpRequest, type HttpResponse } from '../../http/transport';
import type { AdapterContext } from '../types';

/**
 * Every adapter and writer call goes through the context's transport and retry policy, with the request
 * timeout of options.timeoutMs (tests shorten it) or DEFAULT_TIMEOUT_MS: one place for all three.
 */
export function send(ctx: AdapterContext, req: HttpRequest): Promise<HttpResponse> {
	const timeoutMs = req.timeoutMs ?? Number(ctx.options?.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	return sendWithRetry(ctx.transport, { ...req, timeoutMs }, ctx.retry ?? DEFAULT_RETRY_POLICY);
}

/** Joins an API root (with or without a trailing slash, as users type it) and a path. */
export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A 2xx whose body is not the documented JSON array is a channel fault, not "no orders". */
export function expectArray(res: HttpResponse, req: HttpRequest): unknown[] {
	if (Array.isArray(res.body)) return res.body;
	throw new ChannelHttpError(res.status, req, `Expected a JSON array from ${describeRequest(req)}`, res.body);
}

/** Likewise for a single JSON object. */
export function expectObject(res: HttpResponse, req: HttpRequest): Record<string, unknown> {
	const b = res.body;
	if (typeof b === 'object' && b !== null && !Array.isArray(b)) return b as Record<string, unknown>;
	throw new ChannelHttpError(res.status, req, `Expected a JSON object from ${describeRequest(req)}`, res.body);
}

/** GET of a JSON object (a single order), through send(). */
export async function getObject(ctx: AdapterContext, url: string, query?: HttpRequest['query']): Promise<Record<string, unknown>> {
	const req: HttpRequest = { method: 'GET', url, query };
	return expectObject(await send(ctx, req), req);
}

/** GET of a JSON array (a queue's lot), through send(). */
export async function getArray(ctx: AdapterContext, url: string, query?: HttpRequest['query']): Promise<unknown[]> {
	const req: HttpRequest = { method: 'GET', url, query };
	return expectArray(await send(ctx, req), req);
}

/**
 * A window bound as whole seconds (UTC, no zone suffix), the form second-precision filters take. Rounding
 * is the caller's choice so the filter covers at least [since, until): round `since` down and `until` up,
 * and shift by a second where the channel's bound is exclusive.
 */
export function secondsIso(iso: string, round: 'down' | 'up', shiftSeconds = 0): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new Error(`Invalid window bound "${iso}"`);
	const seconds = (round === 'down' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000)) + shiftSeconds;
	return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** A file part of a multipart body (text content only: CSV stock files). */
export interface FormFile {
	filename: string;
	content: string;
	type: string;
}

/**
 * A multipart/form-data body of text fields and text files, for the few endpoints that take no JSON (Loja
 * Integrada's NF-e, Mirakl's stock file). Absent fields are left out; the boundary is fixed (values are plain
 * text that never holds it: field values, or CSV files the writer builds).
 */
export function multipartForm(
	fields: Record<string, string | undefined>,
	files: Record<string, FormFile> = {},
): { body: string; headers: Record<string, string> } {
	const boundary = '----oms-form-7d1f3c9a';
	const parts = Object.entries(fields)
		.filter((e): e is [string, string] => e[1] !== undefined)
		.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
	for (const [name, f] of Object.entries(files)) {
		parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n${f.content}\r\n`);
	}
	return { body: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
