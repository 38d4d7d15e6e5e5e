import { NodeOperationError, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { toStoreConfig } from '../../nodes/OmsStore/transport';
import { order } from '../fixtures/orders';
import { runNode } from './helpers/n8n-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** Order → Apply through n8n's ExecuteContext, on both store drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
const apply = { resource: 'order', operation: 'apply' };
const asItem = (o: object) => o as unknown as IDataObject;

afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, Order → Apply on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;

	const availability = async (sku: string) => {
		const [level] = await runNode({ credentials, parameters: { resource: 'stock', operation: 'getAvailability', skus: sku } });
		return { onHand: level.json.onHand, reserved: level.json.reserved, available: level.json.available };
	};

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku: 'SHIRT-M', onHand: 10 } });
	});

	test('the reference example: 10 on hand, 2 pending → available 8; invoiced → on hand 8', async () => {
		const [pending] = await runNode({ credentials, parameters: apply, items: [asItem(order('1001', 'pending_payment', [['SHIRT-M', 2]]))] });
		expect(pending.pairedItem).toEqual({ item: 0 });
		expect(pending.json).toMatchObject({ orderKey: 'shopify:loja-teste:1001', outcome: 'applied', stage: 'reserved', newStatus: 'pending_payment' });
		expect(pending.json.affected).toEqual([{ sku: 'SHIRT-M', warehouse: 'default', onHand: 10, reserved: 2, available: 8, stocked: true }]);
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 2, available: 8 });

		const [invoiced] = await runNode({ credentials, parameters: apply, items: [asItem(order('1001', 'invoiced', [['SHIRT-M', 2]], { minute: 10 }))] });
		expect(invoiced.json).toMatchObject({ outcome: 'applied', stage: 'committed', previousStatus: 'pending_payment' });
		expect(await availability('SHIRT-M')).toEqual({ onHand: 8, reserved: 0, available: 8 });
	});

	test('the stock rules option reaches the store: deduct when shipped keeps an invoiced order reserved', async () => {
		const parameters = { ...apply, rules: { commitOn: 'shipped' } };
		const out = await runNode({ credentials, parameters, items: [asItem(order('7', 'invoiced', [['SHIRT-M', 3]]))] });
		expect(out[0].json).toMatchObject({ stage: 'reserved' });
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 3, available: 7 });
	});

	test('all items of a run go to the store in ONE applyOrders call, results in input order', async () => {
		// The node reaches the same per-credential store through getSharedStore.
		const spy = jest.spyOn(getSharedStore(toStoreConfig(credentials)), 'applyOrders');
		const items = [order('1', 'paid', [['SHIRT-M', 1]]), order('2', 'paid', [['SHIRT-M', 2]]), order('3', 'shipped', [['SHIRT-M', 3]])].map(asItem);
		const out = await runNode({ credentials, parameters: apply, items });
		expect(spy).toHaveBeenCalledTimes(1);
		expect(spy.mock.calls[0][0].map((o) => o.channelOrderId)).toEqual(['1', '2', '3']);
		spy.mockRestore();
		expect(out.map((o) => [o.json.channelOrderId, o.pairedItem])).toEqual([
			['1', { item: 0 }],
			['2', { item: 1 }],
			['3', { item: 2 }],
		]);
		expect(await availability('SHIRT-M')).toEqual({ onHand: 7, reserved: 3, available: 4 });
	});

	test('continue on fail: a malformed order becomes an error item naming order and field; the others apply', async () => {
		const bad = { ...order('1002', 'paid', [['SHIRT-M', 1]]), lines: [{ sku: 'SHIRT-M', quantity: 0, unitPriceCents: 100 }] };
		const items = [order('1001', 'paid', [['SHIRT-M', 2]]), bad, order('1003', 'paid', [['SHIRT-M', 1]])].map(asItem);
		const out = await runNode({ credentials, parameters: apply, items, continueOnFail: true });

		expect(out).toHaveLength(3);
		expect(out[1]).toEqual({
			json: { error: { message: expect.stringContaining('lines[0].quantity'), orderRef: 'shopify:1002', field: 'lines[0].quantity' } },
			pairedItem: { item: 1 },
		});
		expect(out[0].json).toMatchObject({ channelOrderId: '1001', outcome: 'applied' });
		expect(out[2]).toMatchObject({ json: { channelOrderId: '1003', outcome: 'applied' }, pairedItem: { item: 2 } });
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 3, available: 7 });
	});

	test('without continue on fail a malformed order stops the run before anything is applied', async () => {
		const bad = { ...order('1002', 'paid', [['SHIRT-M', 1]]), channelOrderId: 1002 };
		const items = [asItem(order('1001', 'paid', [['SHIRT-M', 2]])), asItem(bad)];
		const error = await runNode({ credentials, parameters: apply, items }).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(NodeOperationError);
		const nodeError = error as NodeOperationError;
		expect(nodeError.message).toContain('shopify:1002');
		expect(nodeError.message).toContain('"channelOrderId"');
		expect(nodeError.context.itemIndex).toBe(1);
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 0, available: 10 });
	});

	test('re-applying the same snapshot changes nothing', async () => {
		const items = [asItem(order('5', 'paid', [['SHIRT-M', 4]]))];
		await runNode({ credentials, parameters: apply, items });
		const [again] = await runNode({ credentials, parameters: apply, items });
		expect(again.json).toMatchObject({ outcome: 'unchanged', effects: [] });
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 4, available: 6 });
	});
});
