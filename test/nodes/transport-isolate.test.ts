import { createN8nTransport, type RequestContext } from '../../nodes/shared/transport';

/**
 * n8n 2.41's poll executor releases the workflow's expression isolate at the end of every poll, even when
 * its acquire found it already held by a sibling poll trigger of the same workflow: the sibling's later
 * requests fail with the runtime's IsolateError text (read in @n8n/expression-runtime). The transport takes
 * the isolate again and resends once.
 */
function fakeContext() {
	const expression = { held: true, acquires: 0, async acquireIsolate() { this.acquires++; const was = this.held; this.held = true; return !was; } };
	const sent: string[] = [];
	const ctx = {
		workflow: { expression },
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: { url: string }) {
				sent.push(options.url);
				if (!expression.held) throw Object.assign(new Error('Node error'), { cause: new Error('No bridge acquired for this context. Call acquire() first.') });
				return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
			},
		},
	};
	return { ctx: ctx as unknown as RequestContext, expression, sent };
}

describe('n8n transport: a sibling poll released the workflow isolate', () => {
	it('acquires the isolate again and resends once', async () => {
		const { ctx, expression, sent } = fakeContext();
		const send = createN8nTransport(ctx, 'vtexOmsApi');
		expect((await send({ method: 'GET', url: 'https://x/orders/1' })).status).toBe(200);
		expression.held = false; // the sibling poll ended and released it
		const res = await send({ method: 'GET', url: 'https://x/orders/2' });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ ok: true });
		expect(expression.acquires).toBe(1);
		expect(sent).toEqual(['https://x/orders/1', 'https://x/orders/2', 'https://x/orders/2']);
	});

	it('other failures are not retried here (the retry policy decides), and a context without an isolate engine is left alone', async () => {
		const { ctx, expression, sent } = fakeContext();
		(ctx as unknown as { helpers: { httpRequestWithAuthentication: () => Promise<never> } }).helpers.httpRequestWithAuthentication = async () => {
			sent.push('x');
			throw Object.assign(new Error('socket hang up'), { cause: { code: 'ECONNRESET' } });
		};
		await expect(createN8nTransport(ctx, 'vtexOmsApi')({ method: 'GET', url: 'https://x/orders/3' })).rejects.toThrow(/Network error \(ECONNRESET\)/);
		expect([sent.length, expression.acquires]).toEqual([1, 0]);
		const bare = fakeContext();
		bare.expression.held = false;
		delete (bare.ctx as unknown as { workflow?: unknown }).workflow;
		await expect(createN8nTransport(bare.ctx, 'vtexOmsApi')({ method: 'GET', url: 'https://x/orders/4' })).rejects.toThrow(/Network error/);
		expect(bare.sent).toHaveLength(1);
	});
});
