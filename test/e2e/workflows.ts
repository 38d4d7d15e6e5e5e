import { randomUUID } from 'node:crypto';

/**
 * Workflows the e2e test imports next to the templates: the same pipeline as template 1 on the three
 * channels of the reference example, with a one-minute poll and a backfill start so the first activation
 * already imports what the simulators hold.
 */

export type CredRef = { id: string; name: string };
export interface Creds {
	store: CredRef;
	woo: CredRef;
	nuvemshop: CredRef;
	vtex: CredRef;
}

const P = 'n8n-nodes-oms.';
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

export const node = (name: string, type: string, position: [number, number], parameters: object, extra: object = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion: 1,
	position,
	parameters,
	...extra,
});

export function connect(pairs: Array<[string, string]>) {
	const c: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (const [from, to] of pairs) {
		c[from] ??= { main: [[]] };
		c[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return c;
}

export const pushNodes = (creds: Creds, source: 'fromInput' | 'changedSinceLastPush', x: number) => [
	node('Push Stock to WooCommerce', P + 'omsStatusSync', [x, 0], { channel: 'woocommerce', operation: 'pushStock', source, safetyStock: 0, maxQuantity: 0, warehouse: 'default' }, { credentials: { omsStoreApi: creds.store, wooCommerceOmsApi: creds.woo } }),
	node('Push Stock to Nuvemshop', P + 'omsStatusSync', [x, 200], { channel: 'nuvemshop', operation: 'pushStock', source, safetyStock: 0, maxQuantity: 0, warehouse: 'default' }, { credentials: { omsStoreApi: creds.store, nuvemshopOmsApi: creds.nuvemshop } }),
	node('Push Stock to VTEX', P + 'omsStatusSync', [x, 400], { channel: 'vtex', operation: 'pushStock', source, safetyStock: 0, maxQuantity: 0, warehouse: 'default', options: { warehouseId: '1_1' } }, { credentials: { omsStoreApi: creds.store, vtexOmsApi: creds.vtex } }),
];
export const PUSHES = ['Push Stock to WooCommerce', 'Push Stock to Nuvemshop', 'Push Stock to VTEX'];

/** Channel triggers → Apply → Push Stock to every channel (template 1 on three channels). */
export function importWorkflow(creds: Creds, importSince: string) {
	const apply = node('Apply Orders to Stock', P + 'omsStore', [300, 100], { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: { omsStoreApi: creds.store } });
	const nodes = [
		node('WooCommerce Orders', P + 'wooCommerceOmsTrigger', [0, 0], { pollTimes: EVERY_MINUTE, options: { importSince } }, { credentials: { wooCommerceOmsApi: creds.woo } }),
		node('Nuvemshop Orders', P + 'nuvemshopOmsTrigger', [0, 200], { pollTimes: EVERY_MINUTE, options: { importSince } }, { credentials: { nuvemshopOmsApi: creds.nuvemshop } }),
		apply,
		...pushNodes(creds, 'fromInput', 600),
	];
	const pairs: Array<[string, string]> = [
		['WooCommerce Orders', apply.name],
		['Nuvemshop Orders', apply.name],
		...PUSHES.map((p) => [apply.name, p] as [string, string]),
	];
	return { name: 'E2E Import and Sync', nodes, connections: connect(pairs), settings: { executionOrder: 'v1' }, pinData: {} };
}

/** A second poller of the WooCommerce orders: every order it sees has already been polled by the import. */
export function duplicatePollerWorkflow(creds: Creds, importSince: string) {
	const apply = node('Apply Orders to Stock', P + 'omsStore', [300, 0], { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: { omsStoreApi: creds.store } });
	const nodes = [node('WooCommerce Orders Again', P + 'wooCommerceOmsTrigger', [0, 0], { pollTimes: EVERY_MINUTE, options: { importSince } }, { credentials: { wooCommerceOmsApi: creds.woo } }), apply];
	return { name: 'E2E Duplicate Poller', nodes, connections: connect([['WooCommerce Orders Again', apply.name]]), settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Manual Trigger → Set On Hand (the stock count) → Push Stock to every channel, for `n8n execute`. */
export function stockCountWorkflow(creds: Creds, counts: Array<{ sku: string; onHand: number }>) {
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', [0, 0], {}),
		node('The Count', 'n8n-nodes-base.code', [200, 0], { jsCode: `return ${JSON.stringify(counts.map((c) => ({ json: c })))};` }, { typeVersion: 2 }),
		node('Set On Hand', P + 'omsStore', [400, 0], { resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: '={{ $json.onHand }}', reference: '={{ "e2e-count-" + $json.sku }}', reason: 'e2e stock count' }, { credentials: { omsStoreApi: creds.store } }),
		...pushNodes(creds, 'fromInput', 650),
	];
	const pairs: Array<[string, string]> = [
		['Start', 'The Count'],
		['The Count', 'Set On Hand'],
		...PUSHES.map((p) => ['Set On Hand', p] as [string, string]),
	];
	return { name: 'E2E Stock Count', nodes, connections: connect(pairs), settings: { executionOrder: 'v1' }, pinData: {} };
}

/**
 * A wave-2 channel's orders straight into the store: its trigger (one-minute poll, backfill start) → Apply.
 * Tray's credential exchanges its authorization code inside n8n (preAuthentication) on the first read.
 */
export function channelImportWorkflow(name: string, trigger: { type: string; credentialType: string; credential: CredRef; parameters?: object }, store: CredRef, importSince: string) {
	const apply = node('Apply Orders to Stock', P + 'omsStore', [300, 0], { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: { omsStoreApi: store } });
	const orders = node(`${name} Orders`, P + trigger.type, [0, 0], { ...trigger.parameters, pollTimes: EVERY_MINUTE, options: { importSince } }, { credentials: { [trigger.credentialType]: trigger.credential } });
	return { name: `E2E ${name} Import`, nodes: [orders, apply], connections: connect([[orders.name, apply.name]]), settings: { executionOrder: 'v1' }, pinData: {} };
}
