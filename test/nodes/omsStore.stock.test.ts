import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** Stock operations through n8n's ExecuteContext, on both store drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];

afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, Stock on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	beforeEach(async () => {
		credentials = await freshCredential(driver);
	});

	const levels = async (parameters: IDataObject = {}) =>
		(await runNode({ credentials, parameters: { resource: 'stock', operation: 'getAvailability', scope: 'all', ...parameters } })).map((o) => o.json);

	test('Set On Hand from expressions per item; a repeated reference is applied once', async () => {
		const parameters = {
			resource: 'stock',
			operation: 'setOnHand',
			sku: '={{ $json.code }}',
			onHand: '={{ $json.qty }}',
			warehouse: '={{ $json.wh }}',
			reference: '={{ "count-" + $json.code }}',
			reason: 'Monthly count',
		};
		const items = [
			{ code: 'SHIRT-M', qty: 10, wh: '' },
			{ code: 'CAP', qty: 5, wh: 'store-2' },
		];
		const first = await runNode({ credentials, parameters, items });
		expect(first.map((o) => [o.json.sku, o.json.warehouse, o.json.onHand, o.json.deltaOnHand, o.json.duplicateRef, o.pairedItem])).toEqual([
			['SHIRT-M', 'default', 10, 10, false, { item: 0 }],
			['CAP', 'store-2', 5, 5, false, { item: 1 }],
		]);

		const again = await runNode({ credentials, parameters, items: [{ code: 'SHIRT-M', qty: 99, wh: '' }] });
		expect(again[0].json).toMatchObject({ sku: 'SHIRT-M', onHand: 10, deltaOnHand: 0, duplicateRef: true });

		const [entry] = (await runNode({ credentials, parameters: { resource: 'maintenance', operation: 'ledger', filters: { sku: 'SHIRT-M' } } })).map((o) => o.json);
		expect(entry).toMatchObject({ reason: 'set_on_hand', ref: 'count-SHIRT-M', note: 'Monthly count', deltaOnHand: 10 });
	});

	test('Adjust adds and removes units; the same reference twice moves stock once', async () => {
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku: 'SHIRT-M', onHand: 10 } });
		const parameters = { resource: 'stock', operation: 'adjust', sku: 'SHIRT-M', delta: '={{ $json.delta }}', reference: '={{ $json.ref }}' };
		const out = await runNode({
			credentials,
			parameters,
			items: [
				{ delta: 5, ref: 'PO-1' },
				{ delta: -2, ref: 'DMG-1' },
				{ delta: 5, ref: 'PO-1' },
			],
		});
		expect(out.map((o) => [o.json.deltaOnHand, o.json.duplicateRef])).toEqual([
			[5, false],
			[-2, false],
			[0, true],
		]);
		expect(await levels()).toEqual([expect.objectContaining({ sku: 'SHIRT-M', onHand: 13, available: 13 })]);
	});

	test('a bad quantity is an error item with continue on fail, and the other items still apply', async () => {
		const out = await runNode({
			credentials,
			parameters: { resource: 'stock', operation: 'adjust', sku: '={{ $json.sku }}', delta: '={{ $json.delta }}' },
			items: [
				{ sku: 'A', delta: 1.5 },
				{ sku: 'B', delta: 3 },
			],
			continueOnFail: true,
		});
		expect(out[0]).toEqual({ json: { error: { message: 'Change must be a whole number, got 1.5' } }, pairedItem: { item: 0 } });
		expect(out[1].json).toMatchObject({ sku: 'B', onHand: 3 });
	});

	test('a quantity beyond the store\'s bounds is an error item, not a failed batch', async () => {
		const out = await runNode({
			credentials,
			parameters: { resource: 'stock', operation: 'adjust', sku: '={{ $json.sku }}', delta: '={{ $json.delta }}' },
			items: [
				{ sku: 'A', delta: 1e19 },
				{ sku: 'B', delta: 3 },
			],
			continueOnFail: true,
		});
		expect(out[0]).toEqual({ json: { error: { message: 'Change must be between -1000000000 and 1000000000, got 10000000000000000000' } }, pairedItem: { item: 0 } });
		expect(out[1].json).toMatchObject({ sku: 'B', onHand: 3 });
		const negative = await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku: 'A', onHand: -1 }, continueOnFail: true });
		expect(negative[0].json).toEqual({ error: { message: 'On Hand must be between 0 and 1000000000, got -1' } });
		expect((await levels()).map((l) => l.sku)).toEqual(['B']);
	});

	test('"Camisa-É" typed composed, decomposed or padded is one SKU', async () => {
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku: 'Camisa-\u00C9', onHand: 4 } });
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'adjust', sku: ' Camisa-E\u0301 ', delta: 1 } });
		expect((await levels()).map((l) => [l.sku, l.onHand])).toEqual([['Camisa-\u00C9', 5]]);
		expect((await levels({ scope: 'list', skus: 'Camisa-E\u0301' })).map((l) => l.onHand)).toEqual([5]);
	});

	test('Get Availability: listed SKUs, all SKUs, one warehouse', async () => {
		await runNode({
			credentials,
			parameters: { resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: 4, warehouse: '={{ $json.wh }}' },
			items: [
				{ sku: 'A', wh: 'default' },
				{ sku: 'B', wh: 'default' },
				{ sku: 'B', wh: 'north' },
			],
		});
		await runNode({ credentials, parameters: { resource: 'order', operation: 'apply' }, items: [order('1', 'paid', [['A', 1]]) as unknown as IDataObject] });

		const listed = await levels({ scope: 'list', skus: ' A, ,B ' });
		expect(listed.map((l) => [l.sku, l.warehouse, l.onHand, l.reserved, l.available])).toEqual([
			['A', 'default', 4, 1, 3],
			['B', 'default', 4, 0, 4],
			['B', 'north', 4, 0, 4],
		]);
		expect(await levels()).toHaveLength(3);
		expect((await levels({ warehouse: 'north' })).map((l) => l.sku)).toEqual(['B']);
		expect(await levels({ scope: 'list', skus: '' })).toEqual([]);
	});

	test('List Changed with a given cursor: one item per level plus the cursor to continue from', async () => {
		const set = (sku: string, onHand: number) => runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku, onHand } });
		await set('A', 1);
		await set('B', 2);
		const parameters = { resource: 'stock', operation: 'listChanged', cursorMode: 'given', cursor: '' };

		const first = await runNode({ credentials, parameters });
		expect(first.map((o) => o.json.sku)).toEqual(['A', 'B']);
		const cursor = first[0].json.cursor as string;
		expect(first.every((o) => o.json.cursor === cursor && o.json.more === false)).toBe(true);

		expect(await runNode({ credentials, parameters: { ...parameters, cursor } })).toEqual([]);
		await set('B', 7);
		const next = await runNode({ credentials, parameters: { ...parameters, cursor: '={{ $json.cursor }}' }, items: [{ cursor }] });
		expect(next.map((o) => [o.json.sku, o.json.onHand])).toEqual([['B', 7]]);

		const paged = await runNode({ credentials, parameters: { ...parameters, pageSize: 1 } });
		expect(paged.map((o) => [o.json.sku, o.json.more])).toEqual([['A', true]]);
	});

	test('List Changed with the stored cursor continues where the previous execution stopped', async () => {
		const staticData: IDataObject = {};
		const parameters = { resource: 'stock', operation: 'listChanged' };
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku: 'A', onHand: 1 } });

		const first = await runNode({ credentials, parameters, staticData });
		expect(first.map((o) => o.json.sku)).toEqual(['A']);
		expect(staticData['node:OMS Store']).toEqual({ cursor: first[0].json.cursor });

		expect(await runNode({ credentials, parameters, staticData })).toEqual([]);
		await runNode({ credentials, parameters: { resource: 'stock', operation: 'adjust', sku: 'C', delta: 2 } });
		const second = await runNode({ credentials, parameters, staticData });
		expect(second.map((o) => [o.json.sku, o.json.onHand])).toEqual([['C', 2]]);
	});
});
