import { createHttpChannelAdapter, parseChannelDefinition } from '../../core/channels/http';
import type { HttpChannelDefinition } from '../../core/channels/http/definition';
import { forgetSessions } from '../../core/channels/http/session';
import { buildRequest } from '../../core/channels/http/template';
import type { AdapterContext } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport } from '../../core/http/transport';
import { toNodeError } from '../../nodes/shared/errors';
import { json } from '../simulators/sim-paging';
import { HttpChannelSimulator, httpOrder, simDefinition } from '../simulators/httpchan';
import { tinyRetry } from './helpers/channel-test';

/**
 * The session step is generic: here an OAuth client-credentials token (HTTP Basic login, the token in a
 * header, 401 when it expired), against the configurable simulator whose key is whatever the login handed out.
 */
const { retry } = tinyRetry(3);
let sim: HttpChannelSimulator;
let issued = 0;
const logins: Array<string | undefined> = [];
const rotateKey = () => {
	(sim as unknown as { apiKey: string }).apiKey = `token-${++issued}`;
};

const definition: HttpChannelDefinition = {
	...simDefinition('offset'),
	session: {
		login: { method: 'POST', path: '/oauth/token', query: { grant_type: 'client_credentials' }, basic: true },
		tokenPath: 'access_token',
		expiresInPath: 'expires_in',
		send: { in: 'header', name: 'X-Api-Key' },
		expired: { status: [401] },
	},
};
const context = (secret = 's3cr3t'): AdapterContext => ({
	transport: createFetchTransport({}, 5000),
	baseUrl: sim.baseUrl,
	account: 'minhaloja',
	retry,
	options: { definition: JSON.stringify(definition), loginUsername: 'client-1', loginSecret: secret },
});
const list = () =>
	createHttpChannelAdapter(context())
		.listChanged({ since: '2026-03-10T14:00:00Z', until: '2026-03-10T15:00:00Z', pageSize: 10 })
		.then((p) => p.items.map((o) => o.id));

beforeEach(async () => {
	forgetSessions();
	logins.length = 0;
	sim = new HttpChannelSimulator('offset', 'token-0');
	issued = 0;
	sim.route('POST', '/oauth/token', (req) => {
		logins.push(req.headers.authorization);
		if (req.headers.authorization !== `Basic ${Buffer.from('client-1:s3cr3t').toString('base64')}`) return json(401, { error: 'invalid_client' });
		return json(200, { access_token: (sim as unknown as { apiKey: string }).apiKey, token_type: 'Bearer', expires_in: 3600 });
	});
	await sim.start();
	sim.put(httpOrder({ id: 7, updatedAt: '2026-03-10T14:30:00Z' }));
});
afterEach(() => sim.stop());

describe('configurable HTTP channel: a login session in a header', () => {
	test('logs in with HTTP Basic, sends the token in the header, and keeps it while it lives', async () => {
		expect(await list()).toEqual([7]);
		expect(await list()).toEqual([7]);
		expect(logins).toHaveLength(1);
		expect(sim.requests(/\/api\/v1\/orders$/).map((r) => r.headers['x-api-key'])).toEqual(['token-0', 'token-0']);
	});

	test('a 401 drops the token: one more login, the request sent again with the new token', async () => {
		await list();
		rotateKey();
		expect(await list()).toEqual([7]);
		expect(logins).toHaveLength(2);
		expect(sim.requests(/\/api\/v1\/orders$/).map((r) => r.headers['x-api-key'])).toEqual(['token-0', 'token-0', 'token-1']);
	});

	test("the answer's expires_in, not the default, decides when to log in again", async () => {
		await list();
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 3599_000);
		await list();
		clock.mockReturnValue(now + 3601_000);
		await list();
		clock.mockRestore();
		expect(logins).toHaveLength(2);
	});

	test('a refused login (401) fails with 401 and is not tried twice', async () => {
		const error = await createHttpChannelAdapter(context('wrong'))
			.listChanged({ since: '2026-03-10T14:00:00Z', until: '2026-03-10T15:00:00Z', pageSize: 10 })
			.catch((e: unknown) => e);
		expect(error).toMatchObject({ httpCode: 401 });
		expect(logins).toHaveLength(1);
		expect(sim.requests(/\/api\/v1\/orders$/)).toEqual([]);
	});

	test('a login answer without a token at tokenPath is named by its fields, never its values (the token may be there under another name)', async () => {
		const misnamed = { ...definition, session: { ...definition.session!, tokenPath: 'token' } };
		const ctx = { ...context(), options: { ...context().options, definition: JSON.stringify(misnamed) } };
		const error = await createHttpChannelAdapter(ctx)
			.listChanged({ since: '2026-03-10T14:00:00Z', until: '2026-03-10T15:00:00Z', pageSize: 10 })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect((error as Error).message).toContain('gave no token at "token"');
		expect((error as Error).message).toContain('It answered with the fields access_token, token_type, expires_in.');
		const shown = toNodeError({ id: '1', name: 'OMS', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }, error);
		for (const text of [(error as Error).message, JSON.stringify((error as ChannelHttpError).responseBody ?? null), shown.message, JSON.stringify(shown)])
			expect(text).not.toContain('token-0');
	});
});

describe('configurable HTTP channel: a session token in the query', () => {
	test('a Link next page that echoes the token is kept without it; the next request carries the current one', async () => {
		await sim.stop();
		forgetSessions();
		sim = new HttpChannelSimulator('link', 'sim-key');
		sim.route('POST', '/login', () => json(200, { token: `tok-${++issued}` }));
		await sim.start();
		for (let i = 0; i < 3; i++) sim.put(httpOrder({ id: 20 + i, updatedAt: '2026-03-10T14:30:00Z' }));
		const def = {
			...simDefinition('link'),
			session: { login: { method: 'POST', path: '/login' }, tokenPath: 'token', send: { in: 'query', name: 'api_token' } },
		};
		const adapter = createHttpChannelAdapter({
			transport: createFetchTransport({ 'x-api-key': 'sim-key' }, 5000),
			baseUrl: sim.baseUrl,
			account: 'minhaloja',
			retry,
			options: { definition: JSON.stringify(def) },
		});
		const window = { since: '2026-03-10T14:00:00Z', until: '2026-03-10T15:00:00Z', pageSize: 2 };
		const first = await adapter.listChanged(window);
		expect(first.nextPageToken).toBeDefined();
		expect(first.nextPageToken).not.toContain('api_token');
		expect(new URL(first.nextPageToken!).searchParams.get('after')).toBe('21');
		const second = await adapter.listChanged({ ...window, pageToken: first.nextPageToken });
		expect(second.items.map((o) => o.id)).toEqual([22]);
		expect(sim.requests(/\/api\/v1\/orders$/).map((r) => r.query.get('api_token'))).toEqual(['tok-1', 'tok-1']);
	});
});

describe('configurable HTTP channel: session and form settings are checked', () => {
	const base = { ...simDefinition('offset') };
	const session = { login: { method: 'POST', path: '/login' }, tokenPath: 'token', send: { in: 'query', name: 't' } };
	test.each([
		[{ session: { ...session, send: { name: 't' } } }, '"session.send.in" is required'],
		[{ session: { ...session, tokenPath: undefined } }, '"session.tokenPath" is required'],
		[{ session: { ...session, expired: { bodyPath: 'error' } } }, '"session.expired" needs both bodyPath and bodyMatches'],
		[{ session: { ...session, expired: { bodyPath: 'error', bodyMatches: '(' } } }, '"session.expired.bodyMatches" is not a regular expression'],
		[{ session: { ...session, expired: { status: [200] } } }, '"session.expired.status" must be a list of HTTP error statuses'],
		[{ session: { ...session, login: { method: 'POST', path: 'https://outro.host/login' } } }, '"session.login.path" must be a path'],
		[{ writes: { cancel: { method: 'POST', path: '/x', bodyFormat: 'xml' } } }, '"writes.cancel.bodyFormat" must be one of json, form'],
	])('%j is refused naming the setting', (change, message) => {
		expect(() => parseChannelDefinition({ ...base, ...change })).toThrow(message);
	});

	test('a form body: fields as text, absent values empty, the form content type', () => {
		const req = buildRequest(
			'https://loja',
			{ method: 'POST', path: '/index.php', body: { a: '{x}', b: '{y}', c: 'n={x}' }, bodyFormat: 'form' },
			{ x: 7, y: undefined },
			'w',
		);
		expect(req.body).toBe('a=7&b=&c=n%3D7');
		expect(req.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
	});
});
