import fs from 'node:fs';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { wooOrder } from '../simulators/woocommerce';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { VtexHook } from '../simulators/webhook-registrations';
import { closeSharedStores } from '../../core/store/open';
import { CREDENTIAL_TTL_MS, STATIC_CREDENTIAL_TYPES, clearCredentialCache, withCachedCredentials } from '../../nodes/shared/credential-cache';
import { OmsWebhookTrigger } from '../../nodes/OmsWebhookTrigger/OmsWebhookTrigger.node';
import { webhookTrigger } from './trigger-helpers';
import { hmacBase64, delivery } from './deliveries';

/** The webhook path's short-lived credential cache: fewer decryptions, and a rotated secret still takes effect at once. */

afterAll(() => closeSharedStores());
beforeEach(() => clearCredentialCache());

describe('withCachedCredentials', () => {
	const fake = (ids: Record<string, string | undefined>) => {
		const reads: string[] = [];
		let version = 0;
		const node = { credentials: Object.fromEntries(Object.entries(ids).map(([t, id]) => [t, { id: id ?? null, name: t }])) } as unknown as INode;
		const ctx = {
			getNode: () => node,
			getCredentials: async (type: string): Promise<ICredentialDataDecryptedObject> => {
				reads.push(type);
				return { secret: `${type}-v${++version}` };
			},
		};
		return { ctx, reads };
	};

	it('reads a credential once within the TTL, again after it or when asked for fresh data; without an id, every time', async () => {
		let now = 1_000_000;
		const { ctx, reads } = fake({ a: '1', b: '2', c: undefined });
		const cached = () => withCachedCredentials(ctx, false, () => now);
		expect(await cached().getCredentials('a')).toEqual({ secret: 'a-v1' });
		expect(await cached().getCredentials('a')).toEqual({ secret: 'a-v1' });
		expect(await cached().getCredentials('b')).toEqual({ secret: 'b-v2' });
		expect(reads).toEqual(['a', 'b']);
		expect(await withCachedCredentials(ctx, true, () => now).getCredentials('a')).toEqual({ secret: 'a-v3' });
		expect(await cached().getCredentials('a')).toEqual({ secret: 'a-v3' });
		now += CREDENTIAL_TTL_MS;
		expect(await cached().getCredentials('a')).toEqual({ secret: 'a-v4' });
		await cached().getCredentials('c');
		await cached().getCredentials('c');
		expect(reads).toEqual(['a', 'b', 'a', 'a', 'c', 'c']);
	});

	it('concurrent calls share one read (a burst decrypts once); a fresh call joins only a read still running; a failed read is not kept', async () => {
		const { ctx, reads } = fake({ a: '1' });
		const burst = await Promise.all(Array.from({ length: 50 }, () => withCachedCredentials(ctx).getCredentials('a')));
		expect(new Set(burst.map((c) => c.secret))).toEqual(new Set(['a-v1']));
		expect(reads).toEqual(['a']);
		const [f1, f2] = await Promise.all([withCachedCredentials(ctx, true).getCredentials('a'), withCachedCredentials(ctx, true).getCredentials('a')]);
		expect([f1.secret, f2.secret]).toEqual(['a-v2', 'a-v2']);
		expect(reads).toEqual(['a', 'a']);
		let fail = true;
		const flaky = { getNode: ctx.getNode, getCredentials: async (type: string) => (fail ? Promise.reject(new Error('db')) : ctx.getCredentials(type)) };
		await expect(withCachedCredentials(flaky, true).getCredentials('a')).rejects.toThrow('db');
		fail = false;
		expect(await withCachedCredentials(flaky).getCredentials('a')).toEqual({ secret: 'a-v3' });
	});

	it('a type `cacheable` refuses is read every time', async () => {
		const { ctx, reads } = fake({ a: '1', b: '2' });
		const only = (type: string) => type === 'a';
		for (let i = 0; i < 3; i++) for (const t of ['a', 'b']) await withCachedCredentials(ctx, false, Date.now, only).getCredentials(t);
		expect(reads).toEqual(['a', 'b', 'b', 'b']);
	});

	it("the wrapped context's other methods still work, and a caller changing the answer does not change the cache", async () => {
		const { ctx } = fake({ a: '1' });
		const cached = withCachedCredentials(ctx);
		expect(cached.getNode()).toBe(ctx.getNode());
		(await cached.getCredentials('a')).secret = 'changed';
		expect(await withCachedCredentials(ctx).getCredentials('a')).toEqual({ secret: 'a-v1' });
	});
});

describe('OMS Order Webhook Trigger with saved credentials (ids): a rotated secret', () => {
	const keys = { consumerKey: 'ck_test', consumerSecret: 'cs_test' };
	const credentials: ICredentialDataDecryptedObject = { siteUrl: 'https://shop.example.com', ...keys, webhookSecret: 'secret-A' };
	const make = () => {
		const trigger = webhookTrigger({ parameters: { channel: 'woocommerce' }, credentialType: 'wooCommerceOmsApi', credentials, authenticate: (_c, req) => req });
		trigger.node.credentials = { omsStoreApi: { id: 'store-1', name: 'OMS Store' }, wooCommerceOmsApi: { id: 'woo-1', name: 'Woo' } };
		return trigger;
	};
	const signed = (id: number, secret: string) => {
		const body = JSON.stringify(wooOrder({ id, status: 'processing', modifiedGmt: '2026-11-27T22:00:00', lines: [{ sku: 'CAP-01', quantity: 1, subtotal: '49.90' }] }));
		return delivery(body, {
			'X-WC-Webhook-Topic': 'order.updated', 'X-WC-Webhook-Resource': 'order', 'X-WC-Webhook-Event': 'updated',
			'X-WC-Webhook-Signature': hmacBase64(secret, body), 'X-WC-Webhook-Delivery-ID': `d-${id}`,
		});
	};

	it('takes deliveries signed with the new secret at once and refuses the old one; a forged one queues nothing', async () => {
		const trigger = make();
		expect(new OmsWebhookTrigger().description.defaultVersion).toBe(2);
		expect((await trigger.deliver(signed(1, 'secret-A'))).items).toEqual([expect.objectContaining({ channelOrderId: '1' })]);
		credentials.webhookSecret = 'secret-B';
		// Still cached: A. The delivery signed with B fails against A, is verified again with the fresh credential, and is taken.
		expect((await trigger.deliver(signed(2, 'secret-B'))).items).toEqual([expect.objectContaining({ channelOrderId: '2' })]);
		expect(await trigger.deliver(signed(3, 'secret-A'))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(signed(4, 'forged'))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.settle()).toEqual([]);
		await trigger.close();
	});
});

describe('static credential types (cached where channel requests are sent)', () => {
	it('none of ours in the list refreshes a token (no preAuthentication, not OAuth2); the refreshing ones are left out', async () => {
		const dir = path.join(__dirname, '../../credentials');
		const types = new Map<string, { preAuthentication?: unknown; extends?: string[] }>();
		for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.credentials.ts'))) {
			for (const C of Object.values((await import(path.join(dir, f))) as Record<string, new () => { name: string }>)) {
				const c = new C();
				types.set(c.name, c as never);
			}
		}
		for (const t of STATIC_CREDENTIAL_TYPES) {
			const c = types.get(t);
			if (!c) continue; // n8n's own: wooCommerceApi and shopifyAccessTokenApi are plain keys in n8n-nodes-base
			expect([t, typeof c.preAuthentication, c.extends ?? []]).toEqual([t, 'undefined', []]);
		}
		const refreshing = [...types].filter(([, c]) => c.preAuthentication || c.extends?.includes('oAuth2Api')).map(([t]) => t);
		expect(refreshing).toEqual(expect.arrayContaining(['mercadoLivreOAuth2Api', 'magaluOAuth2Api', 'shopifyOmsApi', 'shopeeOmsApi']));
		for (const t of refreshing) expect(STATIC_CREDENTIAL_TYPES.has(t)).toBe(false);
	});

	it("the drain's order reads decrypt a static credential once per 10 s, not once per read", async () => {
		const keys = { account: 'luxstore', appKey: 'vtexappkey-luxstore-ABC', appToken: 'token-xyz' };
		const sim = new VtexSimulator(keys);
		const hook = new VtexHook(sim, keys);
		await sim.start();
		try {
			const trigger = webhookTrigger({
				parameters: { channel: 'vtex' },
				credentialType: 'vtexOmsApi',
				credentials: { accountName: keys.account, ...keys, hookHeaderName: 'X-OMS-Hook-Secret', hookSecret: 'hook-s3cret', baseUrl: sim.baseUrl },
				authenticate: (c, req) => ({ ...req, headers: { ...req.headers, 'X-VTEX-API-AppKey': String(c.appKey), 'X-VTEX-API-AppToken': String(c.appToken) } }),
			});
			trigger.node.credentials = { omsStoreApi: { id: 'store-1', name: 'OMS Store' }, vtexOmsApi: { id: 'vtex-1', name: 'VTEX' } };
			const harness = trigger as unknown as { o: { credentials: Record<string, ICredentialDataDecryptedObject> } };
			const reads: string[] = [];
			harness.o.credentials = new Proxy(harness.o.credentials, { get: (t, type: string) => (reads.push(type), t[type]) });
			await trigger.activate();
			const ids = Array.from({ length: 6 }, (_, i) => `12685405015${i}0-01`);
			for (const id of ids) {
				sim.setOrder(vtexOrder({ orderId: id, status: 'ready-for-handling', lastChange: '2026-11-20T14:05:40.000Z' }));
				expect((await trigger.post(hook.deliveryFor(id, 'ready-for-handling', '2026-11-20T14:05:40.000Z'))).status).toBe(200);
			}
			// The counter sees reads (activation read the credential), so the bound below can fail.
			expect(reads).toContain('vtexOmsApi');
			reads.length = 0;
			expect((await trigger.settle()).flat().map((o) => o.channelOrderId)).toEqual(ids);
			expect(sim.requests(/\/api\/oms\/pvt\/orders\//)).toHaveLength(6);
			expect(reads.filter((t) => t === 'vtexOmsApi').length).toBeLessThanOrEqual(1);
			await trigger.close();
		} finally {
			await sim.stop();
		}
	});
});
