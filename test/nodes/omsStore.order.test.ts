import { NodeOperationError, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { toStoreConfig } from '../../nodes/shared/store';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { databaseRefuses, freshCredential, type DriverName } from './helpers/stores';

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

	test('the stock rules option "paid" deducts a paid order at once', async () => {
		const parameters = { ...apply, rules: { commitOn: 'paid' } };
		const out = await runNode({ credentials, parameters, items: [asItem(order('8', 'paid', [['SHIRT-M', 2]]))] });
		expect(out[0].json).toMatchObject({ stage: 'committed' });
		expect(await availability('SHIRT-M')).toEqual({ onHand: 8, reserved: 0, available: 8 });
	});

	test('all items of a run go to the store in ONE store call, results in input order', async () => {
		// The node reaches the same per-credential store through getSharedStore.
		const spy = jest.spyOn(getSharedStore(toStoreConfig(credentials)), 'applyOrdersSettled');
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

	test('continue on fail: an order the database refuses is an error item; the malformed and valid ones as before', async () => {
		await databaseRefuses(credentials, 'POISON');
		const malformed = { ...order('2', 'paid', [['SHIRT-M', 1]]), lines: [{ sku: 'SHIRT-M', quantity: 1e19, unitPriceCents: 100 }] };
		const items = [order('1', 'paid', [['SHIRT-M', 2]]), malformed, order('3', 'paid', [['SHIRT-M', 1], ['POISON', 1]]), order('4', 'paid', [['SHIRT-M', 3]])].map(asItem);
		const out = await runNode({ credentials, parameters: apply, items, continueOnFail: true });

		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[1].json).toEqual({ error: { message: expect.stringContaining('got 10000000000000000000'), orderRef: 'shopify:2', field: 'lines[0].quantity' } });
		expect(out[2].json).toEqual({ error: { message: expect.stringContaining('the database refuses this SKU'), orderRef: 'shopify:3' } });
		expect([out[0].json.channelOrderId, out[3].json.channelOrderId]).toEqual(['1', '4']);
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 5, available: 5 });
	});

	test('without continue on fail, an order the database refuses stops the run after the others were applied', async () => {
		await databaseRefuses(credentials, 'POISON');
		const items = [order('1', 'paid', [['SHIRT-M', 2]]), order('3', 'paid', [['POISON', 1]]), order('4', 'paid', [['SHIRT-M', 1]])].map(asItem);
		const error = (await runNode({ credentials, parameters: apply, items }).catch((e: unknown) => e)) as NodeOperationError;

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Order shopify:3: .*the database refuses this SKU/);
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toContain('The other 2 item(s) of this run were written');
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 3, available: 7 });
	});

	test('a line without a SKU is imported as unmapped: it reserves nothing and the output says what waits', async () => {
		// As a channel trigger outputs it: the listing has no seller SKU.
		const withListing = { ...order('9', 'paid', [['SHIRT-M', 1]]) } as unknown as IDataObject & { lines: IDataObject[] };
		withListing.lines = [...withListing.lines, { channelListingId: 'MLB3456', channelVariantId: '1789', quantity: 2, unitPriceCents: 5990, title: 'Camiseta azul' }];
		const [out] = await runNode({ credentials, parameters: apply, items: [withListing] });
		expect(out.json).toMatchObject({ outcome: 'applied', stage: 'reserved' });
		expect(out.json.unmappedLines).toEqual([{ index: 1, quantity: 2, channelListingId: 'MLB3456', channelVariantId: '1789', title: 'Camiseta azul' }]);
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 1, available: 9 });
	});

	test('re-applying the same snapshot changes nothing', async () => {
		const items = [asItem(order('5', 'paid', [['SHIRT-M', 4]]))];
		await runNode({ credentials, parameters: apply, items });
		const [again] = await runNode({ credentials, parameters: apply, items });
		expect(again.json).toMatchObject({ outcome: 'unchanged', effects: [] });
		expect(await availability('SHIRT-M')).toEqual({ onHand: 10, reserved: 4, available: 6 });
	});
});
