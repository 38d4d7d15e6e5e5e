import { DatabaseSync } from 'node:sqlite';
import type { INodeParameters } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { WooWebhooks } from '../simulators/webhook-registrations';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { webhookTrigger } from './trigger-helpers';

/**
 * The storm path through n8n's own WebhookContext and TriggerContext: webhook() queues and answers without
 * starting an execution, the node's drain (trigger()) runs the queue in batches with a bound on executions
 * running, and the editor's test mode still runs one delivery at once.
 */

afterAll(() => closeSharedStores());

const keys = { consumerKey: 'ck_test', consumerSecret: 'cs_test', webhookSecret: 'whsec-woo' };

describe('OMS Order Webhook Trigger inbox (WooCommerce)', () => {
	let sim: WooCommerceSimulator;
	let hooks: WooWebhooks;
	let trigger: WebhookHarness;
	let sqlitePath: string;
	const make = (options: INodeParameters = {}) =>
		webhookTrigger({
			parameters: { channel: 'woocommerce', options } as INodeParameters,
			credentialType: 'wooCommerceOmsApi',
			credentials: { siteUrl: sim.baseUrl, ...keys },
			authenticate: (c, req) => ({ ...req, auth: { username: String(c.consumerKey), password: String(c.consumerSecret) } }),
		});
	/** Rows of the node's queue, read synchronously from the file (as another process would see them). */
	const queued = () => {
		const db = new DatabaseSync(sqlitePath);
		try {
			return Number((db.prepare('SELECT COUNT(*) AS n FROM oms_webhook_queue WHERE queue = ?').get(trigger.queue) as { n: number }).n);
		} finally {
			db.close();
		}
	};
	const sale = (id: number) => wooOrder({ id, status: 'processing', modifiedGmt: '2026-11-20T14:05:40', lines: [{ sku: 'CAM-AZ-M', quantity: 1, subtotal: '49.90' }] });

	beforeEach(async () => {
		sim = new WooCommerceSimulator(keys);
		hooks = new WooWebhooks(sim, keys);
		await sim.start();
		trigger = make();
		sqlitePath = String((trigger as unknown as { o: { credentials: { omsStoreApi: { sqlitePath: string } } } }).o.credentials.omsStoreApi.sqlitePath);
		await trigger.activate();
		await trigger.startDrain();
	});
	afterEach(async () => {
		await trigger.close();
		await sim.stop();
	});

	it('the delivery is in the store when the 200 is sent, and webhook() starts no execution', async () => {
		const answer = await trigger.post(hooks.deliveryFor('order.created', sale(801), 'd-801'), { atAnswer: queued });
		expect(answer).toMatchObject({ status: 200, atAnswer: 1 });
		expect(answer.response.workflowData).toBeUndefined();
		const [execution] = await trigger.settle();
		expect(execution).toEqual([expect.objectContaining({ channel: 'woocommerce', channelOrderId: '801', status: 'paid' })]);
		expect(queued()).toBe(0);
		// A forged delivery queues nothing and starts nothing.
		const forged = hooks.deliveryFor('order.created', sale(802), 'd-802');
		forged.headers['x-wc-webhook-signature'] = 'AAAA' + String(forged.headers['x-wc-webhook-signature']).slice(4);
		expect((await trigger.post(forged, { atAnswer: queued })).status).toBe(401);
		expect(queued()).toBe(0);
		expect(await trigger.settle()).toEqual([]);
	});

	it('a burst while the workflow is stalled on a channel: one execution runs, the rest waits as rows, then runs as one batch', async () => {
		const ends: Array<() => void> = [];
		trigger.executionEnd = () => new Promise((resolve) => ends.push(() => resolve({ status: 'success' })));
		await trigger.post(hooks.deliveryFor('order.created', sale(900), 'd-900'));
		for (let i = 1; i <= 500 && trigger.emitted.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		expect(trigger.emitted).toHaveLength(1); // webhook() woke the drain: the first sale is running
		for (let id = 901; id <= 930; id++) expect((await trigger.post(hooks.deliveryFor('order.created', sale(id), `d-${id}`))).status).toBe(200);
		await new Promise((r) => setTimeout(r, 100));
		expect(trigger.emitted).toHaveLength(1);
		expect(queued()).toBe(31);
		ends.shift()!();
		for (let i = 1; i <= 500 && trigger.emitted.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
		expect(trigger.emitted.map((e) => e.length)).toEqual([1, 30]);
		expect(trigger.emitted[1].map((o) => o.channelOrderId)).toEqual(Array.from({ length: 30 }, (_, i) => String(901 + i)));
		ends.shift()!();
		await trigger.settle();
		expect(queued()).toBe(0);
	});

	it('a failed execution leaves its deliveries in the store for a retry', async () => {
		trigger.executionEnd = async () => ({ status: 'error' });
		await trigger.deliver(hooks.deliveryFor('order.created', sale(950), 'd-950'));
		expect(queued()).toBe(1);
		const db = new DatabaseSync(sqlitePath);
		try {
			expect(db.prepare('SELECT attempts, holder, parked FROM oms_webhook_queue').get()).toEqual({ attempts: 1, holder: null, parked: 0 });
		} finally {
			db.close();
		}
	});

	it("the editor's test delivery runs at once (one execution, as before) and queues nothing", async () => {
		const test = await trigger.deliver(hooks.deliveryFor('order.created', sale(960), 'd-960'), undefined, 'manual');
		expect(test.items).toEqual([expect.objectContaining({ channelOrderId: '960', status: 'paid' })]);
		expect(queued()).toBe(0);
		// n8n then runs trigger() for that execution: it emits the same items.
		expect(await trigger.manualTrigger()).toEqual(test.items);
	});
});
