import { randomUUID } from 'node:crypto';

/** The two workflows the webhook benchmark runs side by side in one n8n. */

export type CredRef = { id: string; name: string };
const P = 'n8n-nodes-oms.';

const node = (name: string, type: string, position: [number, number], parameters: object, extra: object = {}) => ({
	id: randomUUID(), name, type, typeVersion: 1, position, parameters, ...extra,
});

const link = (to: string[]) => ({ main: [to.map((node) => ({ node, type: 'main', index: 0 }))] });

/** n8n's floor: Webhook (respond immediately) → No Operation, one execution per delivery. */
export function floorWorkflow(webhookId: string) {
	return {
		name: 'Bench Floor: Webhook → No-Op',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', [0, 0], { httpMethod: 'POST', path: 'bench-floor', responseMode: 'onReceived', options: {} }, { typeVersion: 2, webhookId }),
			node('No Operation', 'n8n-nodes-base.noOp', [250, 0], {}),
		],
		connections: { Webhook: link(['No Operation']) },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * Template 5's path on two channels: OMS Order Webhook Trigger for WooCommerce (the order in the body) and
 * for Nuvemshop (only its id: the drain reads it) → Apply → Push Stock to WooCommerce and Nuvemshop. The
 * webhook nodes at `webhookNodeVersion` (2, the default a new node gets; 1 as workflows saved before it).
 */
export function omsWorkflow(webhookIds: { woo: string; nuvemshop: string }, creds: { store: CredRef; woo: CredRef; nuvemshop: CredRef }, options: object, webhookNodeVersion = 2) {
	const push = (label: string, channel: string, cred: object, y: number) =>
		node(`Push Stock to ${label}`, P + 'omsStatusSync', [600, y], { channel, operation: 'pushStock', source: 'fromInput', safetyStock: 0, maxQuantity: 0, warehouse: 'default' }, { credentials: { omsStoreApi: creds.store, ...cred } });
	return {
		name: 'Bench OMS: Order Webhook → Apply → Push',
		nodes: [
			node('WooCommerce Order Webhook', P + 'omsWebhookTrigger', [0, 0], { channel: 'woocommerce', options }, { typeVersion: webhookNodeVersion, webhookId: webhookIds.woo, credentials: { omsStoreApi: creds.store, wooCommerceOmsApi: creds.woo } }),
			node('Nuvemshop Order Webhook', P + 'omsWebhookTrigger', [0, 200], { channel: 'nuvemshop', options }, { typeVersion: webhookNodeVersion, webhookId: webhookIds.nuvemshop, credentials: { omsStoreApi: creds.store, nuvemshopOmsApi: creds.nuvemshop } }),
			node('Apply Orders to Stock', P + 'omsStore', [300, 0], { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: { omsStoreApi: creds.store } }),
			push('WooCommerce', 'woocommerce', { wooCommerceOmsApi: creds.woo }, 0),
			push('Nuvemshop', 'nuvemshop', { nuvemshopOmsApi: creds.nuvemshop }, 200),
		],
		connections: {
			'WooCommerce Order Webhook': link(['Apply Orders to Stock']),
			'Nuvemshop Order Webhook': link(['Apply Orders to Stock']),
			'Apply Orders to Stock': link(['Push Stock to WooCommerce', 'Push Stock to Nuvemshop']),
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
