import fs from 'node:fs';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { OmsStore } from '../../nodes/OmsStore/OmsStore.node';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { sqliteCredential } from './helpers/stores';

/**
 * OMS Store as an AI Agent's tool ("Pergunte ao OMS"). An agent's tool call is a plain execution of the node
 * with the type n8n gives the tool variant (omsStoreTool), so these runs are what the agent gets back;
 * no model is involved.
 */

afterAll(() => closeSharedStores());

const description = new OmsStore().description;
type Option = { name: string; value: string; description?: string; action?: string };
const operations = (resource: string): Option[] =>
	description.properties
		.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource))
		.flatMap((p) => (p.options ?? []) as Option[]);
const READS: Array<[string, string]> = [['order', 'get'], ['order', 'list'], ['stock', 'getAvailability'], ['stock', 'pushStatus'], ['stock', 'lowStock'], ['report', 'dashboard'], ['reservation', 'list'], ['maintenance', 'ledger'], ['catalog', 'listLinks'], ['catalog', 'listUnlinked'], ['catalog', 'listKits']];
const CHANGES: Array<[string, string, INodeParameters]> = [
	['order', 'apply', {}],
	['stock', 'setOnHand', { sku: 'A', onHand: 0 }],
	['stock', 'adjust', { sku: 'A', delta: -5 }],
	['reservation', 'expire', {}],
	['maintenance', 'reconcile', { repair: true }],
];

test('the node is usable as a tool and every operation has an action and a description an agent can act on', () => {
	expect(description.usableAsTool).toBe(true);
	for (const resource of ['order', 'stock', 'reservation', 'maintenance', 'report', 'catalog']) {
		for (const op of operations(resource)) {
			expect([resource, op.value, (op.action ?? '').length > 5, (op.description ?? '').length >= 30]).toEqual([resource, op.value, true, true]);
		}
	}
	// The read operations an agent is meant to use say so, and what they answer.
	const say = (r: string, o: string) => operations(r).find((x) => x.value === o)!.description!;
	for (const [r, o] of [['order', 'get'], ['order', 'list'], ['stock', 'pushStatus'], ['stock', 'lowStock'], ['report', 'dashboard']]) expect([r, o, say(r, o)]).toEqual([r, o, expect.stringMatching(/changes nothing/i)]);
	expect(say('stock', 'lowStock')).toMatch(/threshold/);
	expect(say('report', 'dashboard')).toMatch(/available.*open orders.*oversold/s);
});

test('"Allow Stock Changes" shows only on the tool variant, and only for operations that change something', () => {
	const field = description.properties.find((p) => p.name === 'allowChangesAsTool') as INodeProperties;
	const visible = (tool: boolean, parameters: INodeParameters) =>
		NodeHelpers.displayParameter(parameters, field, { typeVersion: 1 } as never, { ...description, name: tool ? 'omsStoreTool' : 'omsStore' });
	expect(visible(true, { resource: 'stock', operation: 'adjust' })).toBe(true);
	expect(visible(true, { resource: 'order', operation: 'apply' })).toBe(true);
	expect(visible(false, { resource: 'stock', operation: 'adjust' })).toBe(false);
	for (const [resource, operation] of READS) expect([operation, visible(true, { resource, operation })]).toEqual([operation, false]);
	// Every operation of every resource: the switch shows exactly for the ones that change stock, orders or what channels are shown.
	const shown = ['order', 'stock', 'reservation', 'maintenance', 'report', 'catalog'].flatMap((resource) =>
		operations(resource).filter((op) => visible(true, { resource, operation: op.value })).map((op) => `${resource}.${op.value}`),
	);
	expect(shown.sort()).toEqual(
		[
			'order.apply', 'order.registerReturn', 'stock.setOnHand', 'stock.adjust', 'reservation.expire', 'maintenance.reconcile',
			...['linkListing', 'unlinkListing', 'defineKit', 'removeKit', 'setPublishRule', 'removePublishRule', 'setListingRule', 'removeListingRule', 'setChannelWarehouses', 'removeChannelWarehouses', 'setBarcodes'].map((o) => `catalog.${o}`),
		].sort(),
	);
});

describe('run as an AI Agent tool', () => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, options: { items?: IDataObject[]; asTool?: boolean } = {}) =>
		(await runNode({ credentials, parameters, items: options.items, asTool: options.asTool ?? true, withDefaults: true })).map((o) => o.json);

	beforeEach(async () => {
		credentials = sqliteCredential();
		await run({ resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: 10 }, { items: [{ sku: 'A' }, { sku: 'B' }], asTool: false });
		await run({ resource: 'order', operation: 'apply' }, { items: [order('1', 'paid', [['A', 8]]), order('2', 'pending_payment', [['B', 1]])] as unknown as IDataObject[], asTool: false });
	});

	test('answers "quanto tenho disponível do SKU A?" and "quais pedidos pagos ainda não foram faturados?"', async () => {
		expect(await run({ resource: 'stock', operation: 'getAvailability', scope: 'list', skus: 'A' })).toEqual([
			{ sku: 'A', warehouse: 'default', onHand: 10, reserved: 8, available: 2, stocked: true },
		]);
		const paid = await run({ resource: 'order', operation: 'list', filters: { status: ['paid'] } });
		expect(paid.map((o) => [o.channelOrderId, o.status])).toEqual([['1', 'paid']]);
		expect(await run({ resource: 'stock', operation: 'lowStock', threshold: 5 })).toEqual([
			{ sku: 'A', warehouse: 'default', onHand: 10, reserved: 8, available: 2, stocked: true, threshold: 5, missing: 3 },
		]);
	});

	test.each(CHANGES)('%s → %s is refused as a tool unless Allow Stock Changes is on; nothing moves', async (resource, operation, extra) => {
		const items = resource === 'order' ? ([order('3', 'paid', [['A', 1]])] as unknown as IDataObject[]) : undefined;
		await expect(run({ resource, operation, ...extra }, { items })).rejects.toThrow(/changes stock .* may not run it on its own/);
		const [a] = await run({ resource: 'stock', operation: 'getAvailability', scope: 'list', skus: 'A' });
		expect([a.onHand, a.reserved]).toEqual([10, 8]);
		// Allowed (a person approves each call through n8n's Human review): it runs.
		await expect(run({ resource, operation, ...extra, allowChangesAsTool: true }, { items })).resolves.toBeDefined();
	});

	test.each([['linkListing'], ['unlinkListing'], ['defineKit'], ['removeKit']])('catalog → %s (a link reserves the lines waiting for it) is refused as a tool', async (operation) => {
		await expect(run({ resource: 'catalog', operation })).rejects.toThrow(/changes stock .* may not run it on its own/);
	});

	test('order → registerReturn (units back on hand or into quarantine) is refused as a tool', async () => {
		await expect(
			run({ resource: 'order', operation: 'registerReturn', orderKey: 'shopify:loja-teste:1', returnRef: 'R1', lines: { line: [{ sku: 'A', quantity: 1 }] } }),
		).rejects.toThrow(/changes stock .* may not run it on its own/);
	});

	test('Reconcile without repair only reports, so it runs as a tool', async () => {
		const [report] = await run({ resource: 'maintenance', operation: 'reconcile', repair: false });
		expect(report).toMatchObject({ drift: [], repaired: false });
	});
});

describe('the tools of template 08 ("Pergunte ao OMS"), as the agent calls them', () => {
	// The template's own tool nodes; each $fromAI(...) replaced by the value a model would pass.
	const template = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'workflows-templates', '08-ask-the-oms.json'), 'utf8')) as {
		nodes: Array<{ name: string; type: string; parameters: INodeParameters }>;
		connections: Record<string, { ai_tool?: Array<Array<{ node: string }>> }>;
	};
	const tools = template.nodes.filter((n) => n.type === 'n8n-nodes-oms.omsStoreTool');
	const withArgs = (p: INodeParameters, args: Record<string, unknown>): INodeParameters =>
		JSON.parse(JSON.stringify(p), (_k, v) => {
			const m = typeof v === 'string' ? /^=\{\{ \$fromAI\('(\w+)'/.exec(v) : null;
			return m ? args[m[1]] : v;
		});
	let credentials: ICredentialDataDecryptedObject;
	const call = async (name: string, args: Record<string, unknown> = {}) => {
		const tool = tools.find((t) => t.name === name)!;
		return (await runNode({ credentials, parameters: withArgs(tool.parameters, args), asTool: true, withDefaults: true })).map((o) => o.json);
	};

	beforeAll(async () => {
		credentials = sqliteCredential();
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: 10 }, items: [{ sku: 'CAMISA-M' }, { sku: 'BONE' }] });
		await runNode({ credentials, parameters: { resource: 'order', operation: 'apply' }, items: [order('1', 'paid', [['CAMISA-M', 9]]), order('2', 'invoiced', [['BONE', 1]]), order('3', 'paid', [['BONE', 1]], { channel: 'woocommerce' })] as unknown as IDataObject[] });
	});

	test('every OMS tool is connected to the agent, only reads, and says so in its description', () => {
		expect(tools.map((t) => t.name).sort()).toEqual(['Dashboard Figures', 'Find Orders', 'Get One Order', 'Low Stock', 'Stock of SKUs', 'What Channels Show']);
		for (const t of tools) {
			expect(template.connections[t.name].ai_tool![0][0].node).toBe('OMS Assistant');
			expect([t.name, t.parameters.toolDescription]).toEqual([t.name, expect.stringMatching(/Changes nothing\.$/)]);
			expect([t.name, READS.some(([r, o]) => r === t.parameters.resource && o === t.parameters.operation)]).toEqual([t.name, true]);
		}
	});

	test('"quanto tenho disponível do SKU CAMISA-M?" and "quais pedidos pagos ainda não foram faturados?"', async () => {
		expect(await call('Stock of SKUs', { skus: 'CAMISA-M' })).toEqual([{ sku: 'CAMISA-M', warehouse: 'default', onHand: 10, reserved: 9, available: 1, stocked: true }]);
		const paid = await call('Find Orders', { channel: '', statuses: ['paid'], olderThanHours: 0 });
		expect(paid.map((o) => o.orderKey)).toEqual(['shopify:loja-teste:1', 'woocommerce:loja-teste:3']);
		expect(await call('Get One Order', { orderKey: 'shopify:loja-teste:2' })).toEqual([expect.objectContaining({ found: true, status: 'invoiced' })]);
		expect((await call('Low Stock', { threshold: 3 })).map((l) => [l.sku, l.available])).toEqual([['CAMISA-M', 1]]);
		expect(await call('What Channels Show', { sku: 'CAMISA-M' })).toEqual([]);
		const [figures] = await call('Dashboard Figures');
		expect(figures.openOrders).toMatchObject({ total: 3 });
	});
});
