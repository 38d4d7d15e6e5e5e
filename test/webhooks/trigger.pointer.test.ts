import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { MAGALU_DEFAULT_CHANNEL_ID } from '../../core/channels/magalu';
import { closeSharedStores } from '../../core/store/open';
import { MagaluSimulator, magaluOrder } from '../simulators/magalu';
import { MercadoLivreSimulator, mlOrder, mlShipment } from '../simulators/mercadolivre';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { VtexHook } from '../simulators/webhook-registrations';
import { delivery, published } from './deliveries';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { mercadoLivreTrigger, webhookTrigger } from './trigger-helpers';

/**
 * The OMS Order Webhook Trigger through n8n's WebhookContext and HookContext on the channels whose deliveries
 * only name the order (VTEX, Mercado Livre, Magalu): the order is read from the simulator with the credential.
 */

afterAll(() => closeSharedStores());

describe('VTEX', () => {
	const keys = { account: 'luxstore', appKey: 'vtexappkey-luxstore-ABC', appToken: 'token-xyz' };
	const credentials = { accountName: keys.account, appKey: keys.appKey, appToken: keys.appToken, hookHeaderName: 'X-OMS-Hook-Secret', hookSecret: 'hook-s3cret' };
	let sim: VtexSimulator;
	let hook: VtexHook;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new VtexSimulator(keys);
		hook = new VtexHook(sim, keys);
		await sim.start();
		trigger = webhookTrigger({
			parameters: { channel: 'vtex' },
			credentialType: 'vtexOmsApi',
			credentials: { ...credentials, baseUrl: sim.baseUrl },
			authenticate: (c, req) => ({ ...req, headers: { ...req.headers, 'X-VTEX-API-AppKey': String(c.appKey), 'X-VTEX-API-AppToken': String(c.appToken) } }),
		});
	});
	afterEach(() => sim.stop());

	it("activation writes the app key's hook (every mapped status, the secret header); deactivation removes it", async () => {
		expect(await trigger.activate()).toBe(true);
		expect(hook.config?.hook).toEqual({ url: trigger.url, headers: { 'X-OMS-Hook-Secret': 'hook-s3cret' } });
		expect(hook.config?.filter.type).toBe('FromWorkflow');
		expect(hook.config?.filter.status).toEqual(expect.arrayContaining(['payment-pending', 'ready-for-handling', 'invoiced', 'canceled']));
		expect(await trigger.hook('checkExists')).toBe(true);
		expect(await trigger.hook('delete')).toBe(true);
		expect(hook.config).toBeUndefined();
	});

	it('a hook left by another URL, or sending an old secret, is written again; delete leaves another URL alone', async () => {
		hook.config = { filter: { type: 'FromWorkflow', status: ['handling'] }, hook: { url: 'https://erp.example.com/vtex', headers: {} } };
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('delete')).toBe(true);
		expect(hook.config?.hook.url).toBe('https://erp.example.com/vtex');
		await trigger.hook('create');
		hook.config!.hook.headers = { 'X-OMS-Hook-Secret': 'old-secret' };
		expect(await trigger.hook('checkExists')).toBe(false);
	});

	it('a hook post reads the order from the API and emits it; the same transition again emits nothing', async () => {
		await trigger.activate();
		sim.setOrder(vtexOrder({ orderId: '1268540501456-01', status: 'ready-for-handling', lastChange: '2026-11-20T14:05:40.000Z' }));
		const d = hook.deliveryFor('1268540501456-01', 'ready-for-handling', '2026-11-20T14:05:40.000Z');
		const first = await trigger.deliver(d);
		expect(first.status).toBe(200);
		expect(first.items).toEqual([expect.objectContaining({ channel: 'vtex', account: 'luxstore', channelOrderId: '1268540501456-01', status: 'paid' })]);
		expect(first.items![0].lines).toEqual([expect.objectContaining({ sku: 'BIGBML', quantity: 1, unitPriceCents: 990 })]);
		expect(await trigger.deliver(d)).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests(/\/api\/oms\/pvt\/orders\/1268540501456-01$/)).toHaveLength(1);
	});

	it('the answer is sent before the order is read (VTEX wants it within 5 s, Mercado Livre within 500 ms)', async () => {
		await trigger.activate();
		sim.setOrder(vtexOrder({ orderId: '1268540501457-01', status: 'handling', lastChange: '2026-11-20T14:06:00.000Z' }));
		const reads = () => sim.requests(/\/api\/oms\/pvt\/orders\//).length;
		const outcome = await trigger.deliver(hook.deliveryFor('1268540501457-01', 'handling', '2026-11-20T14:06:00.000Z'), { atAnswer: reads });
		expect(outcome).toMatchObject({ status: 200, atAnswer: 0 });
		expect(reads()).toBe(1);
		expect(outcome.items).toEqual([expect.objectContaining({ channelOrderId: '1268540501457-01' })]);
	});

	it('a store that cannot be opened fails the request (n8n answers 5xx: the channel retries)', async () => {
		await trigger.activate();
		const broken = webhookTrigger({
			parameters: { channel: 'vtex' },
			credentialType: 'vtexOmsApi',
			credentials: { ...credentials, baseUrl: sim.baseUrl },
			authenticate: (_c, req) => req,
		});
		// The store's folder would be below a plain file: it cannot be created.
		const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-blocker-')), 'oms-cannot-be-here');
		fs.writeFileSync(blocker, '');
		(broken as unknown as { o: { credentials: Record<string, IDataObject> } }).o.credentials.omsStoreApi = { storeType: 'sqlite', sqlitePath: path.join(blocker, 'oms.sqlite') };
		await expect(broken.deliver(hook.deliveryFor('x-01', 'handling', '2026-11-20T14:06:00.000Z'))).rejects.toMatchObject({ name: 'NodeOperationError' });
		expect(sim.requests(/\/api\/oms\/pvt\/orders\//)).toEqual([]);
	});

	it('without the secret header, with another value or for another account: 401; the ping: 200, nothing', async () => {
		await trigger.activate();
		const body = published('vtex', 'webhook-hook-notification.json').replace('automacaoqa', keys.account).replace('vtexappkey-appvtex', keys.appKey);
		expect(await trigger.deliver(delivery(body))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(delivery(body, { 'X-OMS-Hook-Secret': 'hook-s3creT' }))).toMatchObject({ status: 401, items: undefined });
		const other = published('vtex', 'webhook-hook-notification.json');
		expect(await trigger.deliver(delivery(other, { 'X-OMS-Hook-Secret': 'hook-s3cret' }))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(delivery('{"hookConfig":"ping"}'))).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests(/\/api\/oms\/pvt\/orders\//)).toEqual([]);
	});
});

describe('Mercado Livre', () => {
	const TOKEN = 'APP_USR-1234567890-test';
	const CLIENT_ID = '5503910054141466';
	let sim: MercadoLivreSimulator;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new MercadoLivreSimulator(TOKEN);
		await sim.start();
		trigger = mercadoLivreTrigger(sim, TOKEN, CLIENT_ID);
	});
	afterEach(() => sim.stop());

	/** The published orders_v2 notification (webhook-orders_v2.json), for this simulator's seller and order. */
	const notification = (orderId: number, id = 'f9f08571-1f65-4c46-9e0a-c0f43faas1557e', seller = String(sim.sellerId)) =>
		delivery(published('mercadolivre', 'webhook-orders_v2.json').replace('2195160686', String(orderId)).replace('468424240', seller).replace('f9f08571-1f65-4c46-9e0a-c0f43faas1557e', id));

	it('nothing to register (the callback URL is set in the app): the activation methods succeed without a request', async () => {
		expect(await trigger.activate()).toBe(true);
		expect(await trigger.hook('delete')).toBe(true);
		expect(sim.requests()).toEqual([]);
	});

	it('an orders_v2 notification reads the order and its shipment with the seller token; its retry emits nothing', async () => {
		sim.put(mlOrder({ id: 2000008123456789, status: 'paid', lastUpdated: '2026-11-20T18:05:40Z', shipmentId: 4455 }));
		sim.shipments.set(4455, mlShipment(4455, 'shipped', null, 'BR123456789BR'));
		const first = await trigger.deliver(notification(2000008123456789));
		expect(first.status).toBe(200);
		expect(first.items).toEqual([expect.objectContaining({ channel: 'mercadolivre', account: String(sim.sellerId), channelOrderId: '2000008123456789', status: 'shipped' })]);
		expect(sim.requests(/^\/orders\/2000008123456789$/)).toHaveLength(1);
		expect(sim.requests(/^\/shipments\/4455$/)).toHaveLength(1);
		expect(await trigger.deliver(notification(2000008123456789))).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests(/^\/orders\/2000008123456789$/)).toHaveLength(1);
	});

	it("another seller or another application: 401 and no request; other topics: 200, nothing", async () => {
		expect(await trigger.deliver(notification(1, 'n-2', '111'))).toMatchObject({ status: 401, items: undefined });
		const otherApp = published('mercadolivre', 'webhook-orders_v2.json').replace('468424240', String(sim.sellerId)).replace(CLIENT_ID, '999');
		expect(await trigger.deliver(delivery(otherApp))).toMatchObject({ status: 401, items: undefined });
		const items = published('mercadolivre', 'webhook-items.json').replace('123456789', String(sim.sellerId)).replace('2069392825111111', CLIENT_ID);
		expect(await trigger.deliver(delivery(items))).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests()).toEqual([]);
	});
});

describe('Magalu', () => {
	const auth = { accessToken: 'magalu-token', channelId: MAGALU_DEFAULT_CHANNEL_ID };
	let sim: MagaluSimulator;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new MagaluSimulator(auth);
		await sim.start();
		trigger = webhookTrigger({
			parameters: { channel: 'magalu', sellerAccount: 'loja-do-edu' },
			credentialType: 'magaluOAuth2Api',
			credentials: { environment: 'production', channelId: auth.channelId, baseUrl: sim.baseUrl },
			authenticate: (_c, req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${auth.accessToken}` } }),
		});
	});
	afterEach(() => sim.stop());

	const event = (kind: 'order' | 'delivery', status: string, id: string) =>
		delivery(
			published('magalu', `webhook-${kind}.json`)
				.replace(/"status": "[^"]+"/, `"status": "${status}"`)
				.replace(/"<(order|delivery) id>"/, `"${id}"`)
				.replace(/"<url_(order|delivery)>"/, `"https://api.magalu.com/seller/v1/${kind === 'order' ? 'orders' : 'deliveries'}/${id}"`),
		);

	it('an order event reads the order with the seller token and emits it; unchanged, it emits nothing', async () => {
		expect(await trigger.activate()).toBe(true);
		sim.put(magaluOrder({ id: 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee', updatedAt: '2026-11-20T14:05:40.000Z' }));
		const first = await trigger.deliver(event('order', 'approved', 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee'));
		expect(first.items).toEqual([expect.objectContaining({ channel: 'magalu', account: 'loja-do-edu', channelOrderId: 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee', status: 'paid' })]);
		expect(first.items![0].lines).toEqual([expect.objectContaining({ sku: 'livro_01', quantity: 1, unitPriceCents: 10000 })]);
		expect(await trigger.deliver(event('order', 'approved', 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee'))).toMatchObject({ status: 200, items: undefined });
	});

	it('a body not in the documented shape, or with a status the pages do not list: 401, nothing read (delivery events: magalu.delivery.test.ts)', async () => {
		expect(await trigger.deliver(delivery('{"order": "c8be6d3d"}'))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(event('delivery', 'lost', 'b92d568f-7ec8-423c-aed8-75224fcaaf50'))).toMatchObject({ status: 401, items: undefined });
		expect(sim.requests()).toEqual([]);
	});
});
