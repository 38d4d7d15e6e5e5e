import { createHash } from 'node:crypto';
import { ChannelHttpError, describeRequest } from '../../http/retry';
import type { HttpRequest, HttpResponse } from '../../http/transport';
import { send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext } from '../types';
import type { HttpChannelDefinition, SessionDefinition } from './definition';
import { parsePath, valueAt } from './paths';
import { buildRequest } from './template';

/**
 * Every request of the configurable channel goes through here: the definition's session (a login whose
 * token each request carries) and its errorPath (a 2xx that names a failure is one). Tokens never appear in
 * messages: errors name the request by method and path only.
 */

interface Token {
	value: string;
	expiresAt: number;
}

/**
 * Open sessions by platform and login (base URL, username, a hash of the secret, the login request): the
 * polls of one trigger and OMS Status Sync share a session instead of opening one per execution (OpenCart
 * keeps a row per session for an hour). Pending logins are shared too.
 */
const SESSIONS = new Map<string, Promise<Token>>();
const MAX_SESSIONS = 500;

/** Tests: forget every session (as a restarted n8n would). */
export function forgetSessions(): void {
	SESSIONS.clear();
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function loginOf(ctx: AdapterContext): { username: string; secret: string } {
	return { username: String(ctx.options?.loginUsername ?? ''), secret: String(ctx.options?.loginSecret ?? '') };
}

function sessionKey(ctx: AdapterContext, s: SessionDefinition): string {
	const { username, secret } = loginOf(ctx);
	const hash = createHash('sha256').update(secret).digest('hex');
	return [ctx.baseUrl, username, hash, JSON.stringify(s.login)].join('\n');
}

/**
 * What a login answer without a token says, without its values: it may hold the token under another name than
 * tokenPath (a misconfigured definition), and error messages end up in n8n's execution data. Its keys help fix
 * tokenPath; the text at the definition's errorPath (OpenCart's "Warning: Incorrect API Key!") says why.
 */
function loginAnswer(body: unknown, errorPath: string | undefined): string {
	if (!isJsonObject(body)) return '';
	const error = errorPath === undefined ? undefined : valueAt(body, parsePath(errorPath));
	const why = error === undefined || error === '' ? '' : `; at "${errorPath}": ${(typeof error === 'string' ? error : JSON.stringify(error)).slice(0, 300)}`;
	return ` It answered with the fields ${Object.keys(body).join(', ') || '(none)'}${why}.`;
}

/** A non-2xx login, or a 2xx without a token, is a refused credential (401 when the platform said 200). */
async function login(ctx: AdapterContext, s: SessionDefinition, platform: string, errorPath: string | undefined): Promise<Token> {
	const values = loginOf(ctx);
	const req = { ...buildRequest(ctx.baseUrl, s.login, values, 'session.login'), idempotent: true };
	if (s.login.basic) req.headers = { ...req.headers, authorization: `Basic ${Buffer.from(`${values.username}:${values.secret}`).toString('base64')}` };
	const res = await send(ctx, req);
	const token = text(valueAt(res.body, parsePath(s.tokenPath)));
	if (token === undefined) {
		throw new ChannelHttpError(
			401,
			req,
			`${platform} login (${describeRequest(req)}) gave no token at "${s.tokenPath}": check the credential's login username and secret.${loginAnswer(res.body, errorPath)}`,
		);
	}
	const seconds = Number(s.expiresInPath === undefined ? NaN : valueAt(res.body, parsePath(s.expiresInPath)));
	const ttl = Number.isFinite(seconds) && seconds > 0 ? seconds : (s.ttlSeconds ?? 3000);
	return { value: token, expiresAt: Date.now() + ttl * 1000 };
}

async function tokenFor(ctx: AdapterContext, s: SessionDefinition, platform: string, errorPath: string | undefined, fresh: boolean): Promise<string> {
	const key = sessionKey(ctx, s);
	let pending = SESSIONS.get(key);
	if (pending && !fresh) {
		const token = await pending.catch(() => undefined);
		if (token && token.expiresAt > Date.now()) return token.value;
	}
	pending = login(ctx, s, platform, errorPath);
	if (SESSIONS.size >= MAX_SESSIONS) SESSIONS.delete(SESSIONS.keys().next().value!);
	SESSIONS.set(key, pending);
	try {
		return (await pending).value;
	} catch (error) {
		if (SESSIONS.get(key) === pending) SESSIONS.delete(key);
		throw error;
	}
}

function withToken(req: HttpRequest, s: SessionDefinition, token: string): HttpRequest {
	const value = `${s.send.prefix ?? ''}${token}`;
	if (s.send.in === 'query') return { ...req, query: { ...req.query, [s.send.name]: value } };
	return { ...req, headers: { ...req.headers, [s.send.name]: value } };
}

const expiredStatus = (s: SessionDefinition, error: unknown): boolean =>
	error instanceof ChannelHttpError && error.httpCode !== undefined && (s.expired?.status ?? [401]).includes(error.httpCode);

function expiredBody(s: SessionDefinition, res: HttpResponse): boolean {
	const e = s.expired;
	if (e?.bodyPath === undefined || e.bodyMatches === undefined) return false;
	const said = valueAt(res.body, parsePath(e.bodyPath));
	return said !== undefined && new RegExp(e.bodyMatches, 'i').test(typeof said === 'string' ? said : JSON.stringify(said));
}

/** A 2xx whose body names an error at the definition's errorPath is that error. */
function checked(def: HttpChannelDefinition, req: HttpRequest, res: HttpResponse): HttpResponse {
	if (def.errorPath === undefined) return res;
	const said = valueAt(res.body, parsePath(def.errorPath));
	const empty =
		said === undefined || said === false || said === '' || (isJsonObject(said) && Object.keys(said).length === 0) || (Array.isArray(said) && said.length === 0);
	if (empty) return res;
	const message = typeof said === 'string' ? said : JSON.stringify(said);
	throw new ChannelHttpError(
		res.status,
		req,
		`${def.platform ?? 'HTTP channel'} answered ${describeRequest(req)} with an error: ${message.slice(0, 300)}`,
		res.body,
	);
}

/**
 * The channel's send(): with a session, the cached token (a login first when there is none or it ran out);
 * a request refused as expired logs in again once and is sent again. A fresh token refused too is an error.
 */
export function channelSender(ctx: AdapterContext, def: () => HttpChannelDefinition): (req: HttpRequest) => Promise<HttpResponse> {
	return async (req) => {
		const d = def();
		const s = d.session;
		if (!s) return checked(d, req, await send(ctx, req));
		const platform = d.platform ?? 'HTTP channel';
		// A refused login is thrown as is: only a refused request earns a second login.
		const token = await tokenFor(ctx, s, platform, d.errorPath, false);
		try {
			const res = await send(ctx, withToken(req, s, token));
			if (!expiredBody(s, res)) return checked(d, req, res);
		} catch (error) {
			if (!expiredStatus(s, error)) throw error;
		}
		const res = await send(ctx, withToken(req, s, await tokenFor(ctx, s, platform, d.errorPath, true)));
		if (expiredBody(s, res))
			throw new ChannelHttpError(
				401,
				req,
				`${platform} refused the token of a fresh login for ${describeRequest(req)}: the API user may lack permission`,
				res.body,
			);
		return checked(d, req, res);
	};
}
