import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { order } from '../fixtures/orders';
import { runNode } from './helpers/n8n-harness';
import { freshCredential, rawSql, type DriverName } from './helpers/stores';

/** Reservation and Maintenance operations through n8n's ExecuteContext, on both store drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
const asItems = (...orders: object[]) => orders.map((o) => o as unknown as IDataObject);

afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, Reservation and Maintenance on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, items?: IDataObject[]) => (await runNode({ credentials, parameters, items })).map((o) => o.json);

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		await run({ resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: 10 }, [{ sku: 'A' }, { sku: 'B' }]);
		await run(
			{ resource: 'order', operation: 'apply' },
			asItems(order('1', 'pending_payment', [['A', 2]]), order('2', 'paid', [['A', 1], ['B', 3]])),
		);
	});

	test('Reservation → List, with order and SKU filters and a limit', async () => {
		const all = await run({ resource: 'reservation', operation: 'list' });
		expect(all.map((r) => [r.orderKey, r.sku, r.quantity])).toEqual(
			expect.arrayContaining([
				['shopify:loja-teste:1', 'A', 2],
				['shopify:loja-teste:2', 'A', 1],
				['shopify:loja-teste:2', 'B', 3],
			]),
		);
		expect(all).toHaveLength(3);
		expect((await run({ resource: 'reservation', operation: 'list', filters: { sku: 'B' } })).map((r) => r.orderKey)).toEqual(['shopify:loja-teste:2']);
		expect((await run({ resource: 'reservation', operation: 'list', filters: { orderKey: 'shopify:loja-teste:1' } })).map((r) => r.sku)).toEqual(['A']);
		expect(await run({ resource: 'reservation', operation: 'list', limit: 2 })).toHaveLength(2);
	});

	test('Reservation → Expire releases only unpaid orders reserved longer than the given hours, once per run', async () => {
		expect(await run({ resource: 'reservation', operation: 'expire', olderThanHours: 72 })).toEqual([]);

		// Three input items: the store-wide action still runs once.
		const out = await runNode({ credentials, parameters: { resource: 'reservation', operation: 'expire', olderThanHours: 0 }, items: [{}, {}, {}] });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ json: { orderKey: 'shopify:loja-teste:1', released: [{ sku: 'A', quantity: 2 }] }, pairedItem: { item: 0 } });

		const [a] = await run({ resource: 'stock', operation: 'getAvailability', skus: 'A' });
		expect(a).toMatchObject({ onHand: 10, reserved: 1, available: 9 });
		expect(await run({ resource: 'reservation', operation: 'expire', olderThanHours: 0 })).toEqual([]);
	});

	test('Maintenance → Reconcile reports drift, and repairs it when asked', async () => {
		expect(await run({ resource: 'maintenance', operation: 'reconcile' })).toEqual([{ checkedSkus: 2, drift: [], repaired: false }]);
		await rawSql(credentials, "UPDATE oms_stock SET on_hand = 50 WHERE sku = 'B'");

		const [report] = await run({ resource: 'maintenance', operation: 'reconcile' });
		expect(report.drift).toEqual([expect.objectContaining({ sku: 'B', counterOnHand: 50, ledgerOnHand: 10 })]);
		expect((await run({ resource: 'maintenance', operation: 'reconcile', repair: true }))[0]).toMatchObject({ repaired: true });
		expect((await run({ resource: 'maintenance', operation: 'reconcile' }))[0].drift).toEqual([]);
		expect((await run({ resource: 'stock', operation: 'getAvailability', skus: 'B' }))[0]).toMatchObject({ onHand: 10, reserved: 3 });
	});

	test('Maintenance → Ledger lists movements with filters and pages with After Entry ID', async () => {
		const all = await run({ resource: 'maintenance', operation: 'ledger' });
		expect(all.map((e) => [e.reason, e.sku])).toEqual([
			['set_on_hand', 'A'],
			['set_on_hand', 'B'],
			['reserve', 'A'],
			['reserve', 'A'],
			['reserve', 'B'],
		]);
		const ofOrder = await run({ resource: 'maintenance', operation: 'ledger', filters: { orderKey: 'shopify:loja-teste:2', sku: 'B' } });
		expect(ofOrder).toEqual([expect.objectContaining({ reason: 'reserve', sku: 'B', deltaReserved: 3, orderKey: 'shopify:loja-teste:2' })]);

		const page1 = await run({ resource: 'maintenance', operation: 'ledger', limit: 2 });
		const page2 = await run({ resource: 'maintenance', operation: 'ledger', limit: 2, filters: { afterId: Number(page1[1].id) } });
		expect([...page1, ...page2].map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
	});
});
