import { LWA_TOKEN_PATH, LwaTokenProvider } from '../../core/channels/amazon';
import { ChannelHttpError, type RetryPolicy } from '../../core/http/retry';
import { createFetchTransport, type HttpTransport } from '../../core/http/transport';
import { AmazonSpApiSimulator } from '../simulators/amazon';

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const retry: RetryPolicy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1000, sleep: async () => undefined };

let sim: AmazonSpApiSimulator;
let clock: number;
const provider = (transport: HttpTransport = createFetchTransport(), creds = lwa) =>
	new LwaTokenProvider(creds, transport, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry, now: () => clock });
const tokenRequests = () => sim.requests(/auth\/o2\/token/);

beforeEach(async () => {
	sim = new AmazonSpApiSimulator(lwa);
	await sim.start();
	clock = Date.parse('2024-05-01T12:00:00Z');
});
afterEach(() => sim.stop());

describe('Login with Amazon token provider', () => {
	it('exchanges the refresh token with a form-encoded refresh_token grant', async () => {
		expect(await provider().accessToken()).toMatch(/^Atza\|/);
		const [req] = tokenRequests();
		expect(req.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(new URLSearchParams(req.rawBody))).toEqual({
			grant_type: 'refresh_token',
			refresh_token: lwa.refreshToken,
			client_id: lwa.clientId,
			client_secret: lwa.clientSecret,
		});
	});

	it('caches the token until shortly before expires_in, then refreshes', async () => {
		const p = provider();
		const first = await p.accessToken();
		clock += 58 * 60_000;
		expect(await p.accessToken()).toBe(first);
		expect(tokenRequests()).toHaveLength(1);
		clock += 90_000; // inside the 60 s refresh margin of the 1 h token
		expect(await p.accessToken()).not.toBe(first);
		expect(tokenRequests()).toHaveLength(2);
	});

	it('shares one refresh between concurrent callers', async () => {
		const p = provider();
		const tokens = await Promise.all([p.accessToken(), p.accessToken(), p.accessToken()]);
		expect(new Set(tokens).size).toBe(1);
		expect(tokenRequests()).toHaveLength(1);
	});

	it('invalidate drops only the token that failed', async () => {
		const p = provider();
		const first = await p.accessToken();
		p.invalidate('Atza|some-older-token');
		expect(await p.accessToken()).toBe(first);
		p.invalidate(first);
		expect(await p.accessToken()).not.toBe(first);
	});

	it('bad client credentials: ChannelHttpError 401 invalid_client, secrets kept out of the message', async () => {
		const error = await provider(undefined, { ...lwa, clientSecret: 'wrong-secret' }).accessToken().catch((e) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 401, responseBody: { error: 'invalid_client' } });
		expect(error.message).not.toMatch(/wrong-secret|Atzr/);
	});

	it('429 is retried; a 5xx on the POST is not (core policy) and fails with its code; a 2xx without access_token is an error', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '0' }, /auth/);
		await expect(provider().accessToken()).resolves.toMatch(/^Atza\|/);
		sim.injectFault({ kind: 'status', status: 500 }, /auth/);
		await expect(provider().accessToken()).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 500 });
		sim.injectFault({ kind: 'status', status: 200, body: { token_type: 'bearer' } }, /auth/);
		await expect(provider().accessToken()).rejects.toThrow(/without access_token/);
	});
});
