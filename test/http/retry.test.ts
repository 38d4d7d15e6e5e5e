import { ChannelHttpError, parseRetryAfter, sendWithRetry, type RetryPolicy } from '../../core/http/retry';
import { createFetchTransport } from '../../core/http/transport';
import { HttpSimulator } from '../simulators/http-sim';

describe('sendWithRetry against a real HTTP server', () => {
	const sim = new HttpSimulator().route('GET', '/orders', () => ({ status: 200, body: { ok: true } })).route('POST', '/orders', () => ({ status: 201, body: { id: 1 } }));
	const sleeps: number[] = [];
	const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 };
	const transport = createFetchTransport({}, 300);
	beforeAll(() => sim.start());
	afterAll(() => sim.stop());
	beforeEach(() => (sleeps.length = 0));

	test('429 waits Retry-After, then succeeds', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '2' });
		const res = await sendWithRetry(transport, { method: 'GET', url: `${sim.baseUrl}/orders` }, policy);
		expect(res.body).toEqual({ ok: true });
		expect(sleeps).toEqual([2000]);
	});

	test('5xx, a timeout and truncated JSON are retried with jittered backoff, bounded', async () => {
		sim.injectFault({ kind: 'status', status: 503 }).injectFault({ kind: 'hang', ms: 600 });
		expect((await sendWithRetry(transport, { method: 'GET', url: `${sim.baseUrl}/orders` }, policy)).status).toBe(200);
		expect(sleeps).toEqual([50, 100]);
		sim.injectFault({ kind: 'truncated' }).injectFault({ kind: 'status', status: 500 }).injectFault({ kind: 'status', status: 500 });
		const error = await sendWithRetry(transport, { method: 'GET', url: `${sim.baseUrl}/orders?access_token=SECRET` }, policy).catch((e) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error.httpCode).toBe(500);
		expect(error.message).toBe('HTTP 500 from GET /orders');
		expect(error.message).not.toContain('SECRET');
	});

	test('4xx other than 429 fails at once; POST is not retried on 5xx', async () => {
		sim.injectFault({ kind: 'status', status: 401 });
		await expect(sendWithRetry(transport, { method: 'GET', url: `${sim.baseUrl}/orders` }, policy)).rejects.toMatchObject({ httpCode: 401 });
		sim.injectFault({ kind: 'status', status: 502 });
		await expect(sendWithRetry(transport, { method: 'POST', url: `${sim.baseUrl}/orders`, body: {} }, policy)).rejects.toMatchObject({ httpCode: 502 });
		expect(sleeps).toEqual([]);
	});

	test('a Retry-After beyond the policy limit is not waited for', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '3600' });
		await expect(sendWithRetry(transport, { method: 'GET', url: `${sim.baseUrl}/orders` }, policy)).rejects.toMatchObject({ httpCode: 429, retryAfterMs: 3600000 });
	});

	test('parseRetryAfter reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('7')).toBe(7000);
		expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000);
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});
