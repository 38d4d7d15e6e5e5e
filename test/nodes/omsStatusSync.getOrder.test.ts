import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { TINY_RETRY } from '../channels/trigger-conformance';
import { AmazonSpApiSimulator } from '../simulators/amazon';
import { ShopifySimulator, shopifyOrder } from '../simulators/shopify';
import { freshStore } from '../sync/stores';
import { runSync } from '../harness/n8n-sync-harness';

/**
 * OMS Status Sync → Get Channel Order, and the Amazon SQS template (workflows-templates/06) around it: an
 * ORDER_CHANGE message as Amazon puts it in the queue → the template's own expressions (Read Notification,
 * ORDER_CHANGE Only, Delete Handled Messages) → the order read by id → applied. Published payloads:
 * - notification-order-change.json: amzn/selling-partner-api-models@e56ecc2c3a1b75d37bb390e38453642308d785fe:
 *   schemas/notifications/OrderChangeNotification.json, examples[0]
 * - getOrder.sandbox-br.json: amzn/selling-partner-api-models@34dc93fe45f37c9a0b2e56823c808f68b4f81754:
 *   models/orders-api-model/orders_2026-01-01.json (BR sandbox getOrder response)
 * The notification's AmazonOrderId is set to the sandbox order's id so both examples describe one order.
 */
const ROOT = join(__dirname, '..', '..');
const published = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/published/amazon', name), 'utf8')) as Record<string, any>;
const template = JSON.parse(readFileSync(join(ROOT, 'workflows-templates/06-amazon-sqs-order-sync.json'), 'utf8')) as { nodes: Array<{ name: string; parameters: Record<string, any> }> };
const param = (node: string) => template.nodes.find((n) => n.name === node)!.parameters;

/** A stand-in for n8n's expression engine (test code only): `={{ … }}` with $json and $(). */
function evaluate(expression: string, $json: IDataObject, $: (node: string) => unknown = () => undefined): any {
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)![1];
	return new Function('$json', '$', `return (${body});`)($json, $);
}

const lwa = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'lwa-secret', refreshToken: 'Atzr|refresh' };
let amazon: AmazonSpApiSimulator;
let credentials: ICredentialDataDecryptedObject;
const ORDER = published('getOrder.sandbox-br.json').order as Record<string, unknown>;

beforeEach(async () => {
	amazon = new AmazonSpApiSimulator(lwa);
	await amazon.start();
	amazon.put(ORDER as never);
	// The access token n8n's preAuthentication would have stored (Login with Amazon, refresh token grant).
	const res = await fetch(`${amazon.baseUrl}/auth/o2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'refresh_token', client_id: lwa.clientId, client_secret: lwa.clientSecret, refresh_token: lwa.refreshToken }).toString(),
	});
	credentials = { environment: 'production', region: 'na', ...lwa, baseUrl: amazon.baseUrl, accessToken: ((await res.json()) as { access_token: string }).access_token };
});
afterEach(() => amazon.stop());

async function getAmazonOrder(items: IDataObject[], continueOnFail = false) {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ retry: TINY_RETRY, timeoutMs: 2000 });
	const out = await runSync({
		nodeType,
		parameters: { channel: 'amazon', operation: 'getChannelOrder', channelOrderId: param('Read the Amazon Order').channelOrderId, sellerId: 'A3SELLER', marketplaceIds: 'A2Q3Y263D00KWC' },
		credentials: { amazonSpApi: credentials },
		authenticate: (_t, c, req) => ({ ...req, headers: { ...req.headers, 'x-amz-access-token': String(c.accessToken) } }),
		items,
		continueOnFail,
	});
	return out.map((i) => i.json);
}

describe('the Amazon SQS template around Get Channel Order', () => {
	const notification = published('notification-order-change.json');
	notification.Payload.OrderChangeNotification.AmazonOrderId = ORDER.orderId;
	const messages = [
		{ MessageId: 'm-1', ReceiptHandle: 'rh-1', Body: JSON.stringify(notification) },
		{ MessageId: 'm-2', ReceiptHandle: 'rh-2', Body: JSON.stringify({ NotificationType: 'ANY_OFFER_CHANGED', Payload: { AnyOfferChangedNotification: {} } }) },
	];

	it('reads the order each ORDER_CHANGE message names, applies it, and deletes every message it read', async () => {
		const read = messages.map((m) => evaluate(param('Read Notification').jsonOutput, m));
		expect(read[0]).toEqual({ messageId: 'm-1', receiptHandle: 'rh-1', notificationType: 'ORDER_CHANGE', amazonOrderId: ORDER.orderId, orderChangeType: 'BuyerRequestedChange' });
		const condition = param('ORDER_CHANGE Only').conditions.conditions[0];
		const orderChanges = read.filter((r) => evaluate(condition.leftValue, r) === condition.rightValue);
		expect(orderChanges).toHaveLength(1);

		const [order] = await getAmazonOrder(orderChanges);
		expect(order).toMatchObject({ channel: 'amazon', account: 'A3SELLER', channelOrderId: ORDER.orderId });
		expect(amazon.requests(new RegExp(`/orders/2026-01-01/orders/${ORDER.orderId}$`))).toHaveLength(1);

		const store = freshStore();
		try {
			const [applied] = await store.applyOrders([order as never]);
			expect(applied.outcome).toBe('applied');
		} finally {
			await store.close();
		}

		const $ = (node: string) => ({ first: () => ({ json: { queueUrl: 'https://sqs.sa-east-1.amazonaws.com/1/q' } }), all: () => (node === 'Read Notification' ? read.map((json) => ({ json })) : []) });
		expect(JSON.parse(evaluate(param('Delete Handled Messages (SQS)').body, {}, $))).toEqual({
			QueueUrl: 'https://sqs.sa-east-1.amazonaws.com/1/q',
			Entries: [{ Id: '0', ReceiptHandle: 'rh-1' }, { Id: '1', ReceiptHandle: 'rh-2' }],
		});
		expect(evaluate(param('Delete Handled Messages (SQS)').url, {}, $)).toBe('https://sqs.sa-east-1.amazonaws.com/');
		expect(param('Delete Handled Messages (SQS)').headerParameters.parameters).toEqual([{ name: 'X-Amz-Target', value: 'AmazonSQS.DeleteMessageBatch' }]);
		expect(param('Receive Notifications (SQS)').headerParameters.parameters).toEqual([{ name: 'X-Amz-Target', value: 'AmazonSQS.ReceiveMessage' }]);
	});

	it('an order Amazon does not return stops the run (the message stays in the queue); continue-on-fail makes it an error item', async () => {
		await expect(getAmazonOrder([{ amazonOrderId: '999-0000000-0000000' }])).rejects.toMatchObject({ httpCode: '404' });
		const [item, next] = await getAmazonOrder([{ amazonOrderId: '999-0000000-0000000' }, { amazonOrderId: ORDER.orderId as string }], true);
		expect(item).toMatchObject({ error: { httpCode: 404 } });
		expect(next).toMatchObject({ channelOrderId: ORDER.orderId });
	});

	it('an empty order id is refused with the field named', async () => {
		await expect(getAmazonOrder([{ amazonOrderId: '' }])).rejects.toThrow('The Channel Order ID is empty');
	});
});

describe('Get Channel Order on Shopify', () => {
	it('reads the whole order by its numeric id, once; an unknown id is a 404', async () => {
		const sim = new ShopifySimulator('shpat_x');
		await sim.start();
		try {
			sim.put(shopifyOrder({ id: 6101, updatedAt: '2026-03-01T12:05:00Z', createdAt: '2026-03-01T12:05:00Z' }));
			const nodeType = new OmsStatusSync();
			nodeType.execute = statusSyncRouter({ retry: TINY_RETRY, timeoutMs: 2000 });
			const out = await runSync({
				nodeType,
				parameters: { channel: 'shopify', operation: 'getChannelOrder', channelOrderId: '={{ $json.id }}' },
				credentials: { shopifyOmsApi: { shopSubdomain: 'bob-norman', accessToken: 'shpat_x', apiVersion: '2026-01', baseUrl: sim.baseUrl } },
				authenticate: (_t, c, req) => ({ ...req, headers: { ...req.headers, 'X-Shopify-Access-Token': String(c.accessToken) } }),
				items: [{ id: '6101' }, { id: '6199' }],
				continueOnFail: true,
			});
			expect(out.map((i) => i.json)).toEqual([
				expect.objectContaining({ channel: 'shopify', channelOrderId: '6101', account: 'bob-norman.myshopify.com' }),
				// An order the shop does not have: the read fails (not an order error item), like the other channels.
				{ error: { message: expect.stringContaining('not found'), httpCode: 404 } },
			]);
			// One order query for the order read: getDetails does not read it again.
			expect(sim.requests(/graphql\.json$/).filter((r) => /OmsOrder\(/.test((r.body as { query: string }).query))).toHaveLength(2);
		} finally {
			await sim.stop();
		}
	});
});
