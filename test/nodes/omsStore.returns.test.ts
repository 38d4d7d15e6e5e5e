import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** Order → Register Return and Apply's "Orders Come From" through n8n's ExecuteContext, on both drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
const asItem = (o: object) => o as unknown as IDataObject;

afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, returns and sources on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const level = async (sku: string, warehouse = 'default') => {
		const [l] = await runNode({ credentials, parameters: { resource: 'stock', operation: 'getAvailability', skus: sku, warehouse } });
		return { onHand: l.json.onHand, reserved: l.json.reserved };
	};

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		for (const [sku, onHand] of [['SHIRT-M', 10], ['SHIRT-G', 5]] as const) {
			await runNode({ credentials, parameters: { resource: 'stock', operation: 'setOnHand', sku, onHand } });
		}
		await runNode({ credentials, parameters: { resource: 'order', operation: 'apply' }, items: [asItem(order('1001', 'delivered', [['SHIRT-M', 2]]))] });
	});

	test('Register Return: one unit restocked, one quarantined with its reason, and an exchange reserved', async () => {
		const [out] = await runNode({
			credentials,
			parameters: {
				resource: 'order',
				operation: 'registerReturn',
				orderKey: 'shopify:loja-teste:1001',
				returnRef: 'RMA-1',
				returnLines: { line: [{ sku: 'SHIRT-M', quantity: 1, condition: 'restock' }, { sku: 'SHIRT-M', quantity: 1, condition: 'quarantine', reason: 'rasgada' }] },
				quarantineWarehouse: 'avariados',
				isExchange: true,
				exchangeLines: { line: [{ sku: 'SHIRT-G', quantity: 1 }] },
			},
		});
		expect(out.json).toMatchObject({ orderKey: 'shopify:loja-teste:1001', ref: 'RMA-1', duplicate: false, exchange: { orderKey: 'oms:exchange:shopify:loja-teste:1001#RMA-1' } });
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		expect(await level('SHIRT-M', 'avariados')).toEqual({ onHand: 1, reserved: 0 });
		expect(await level('SHIRT-G')).toEqual({ onHand: 5, reserved: 1 });
	});

	test('Register Return: more units than the order holds is an error item naming the order and SKU', async () => {
		const out = await runNode({
			credentials,
			continueOnFail: true,
			parameters: { resource: 'order', operation: 'registerReturn', orderKey: 'shopify:loja-teste:1001', returnRef: 'RMA-2', returnLines: { line: [{ sku: 'SHIRT-M', quantity: 3, condition: 'restock' }] } },
		});
		expect(out[0].json.error).toMatchObject({ message: expect.stringContaining('Order shopify:loja-teste:1001: SKU SHIRT-M has 2 unit(s)') });
	});

	test('Apply with "Orders Come From: the ERP": a channel cancel stamped earlier still restocks', async () => {
		await runNode({ credentials, parameters: { resource: 'order', operation: 'apply' }, items: [asItem(order('2002', 'paid', [['SHIRT-G', 2]], { minute: 0 }))] });
		const [erp] = await runNode({ credentials, parameters: { resource: 'order', operation: 'apply', source: 'erp' }, items: [asItem(order('2002', 'invoiced', [['SHIRT-G', 2]], { minute: 50 }))] });
		expect(erp.json).toMatchObject({ outcome: 'applied', stage: 'committed' });
		const [cancel] = await runNode({ credentials, parameters: { resource: 'order', operation: 'apply' }, items: [asItem(order('2002', 'cancelled', [['SHIRT-G', 2]], { minute: 5 }))] });
		expect(cancel.json).toMatchObject({ outcome: 'applied', stage: 'restocked' });
		expect(await level('SHIRT-G')).toEqual({ onHand: 5, reserved: 0 });
	});
});
