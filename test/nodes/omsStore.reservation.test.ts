import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { DEFAULT_EXPIRY_RULES } from '../../core/store/expiry';
import * as expire from '../../nodes/OmsStore/actions/reservation/expire.operation';
import { closeSharedStores } from '../../core/store/open';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, rawSql, type DriverName } from './helpers/stores';

/** Reservation and Maintenance operations through n8n's ExecuteContext, on both store drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
const asItems = (...orders: object[]) => orders.map((o) => o as unknown as IDataObject);

afterAll(() => closeSharedStores());

test('Reservation → Expire: the rules collection shows the core defaults (DEFAULT_EXPIRY_RULES)', () => {
	const rules = expire.description.find((p) => p.name === 'paymentMethodRules')!;
	const defaults = Object.fromEntries((rules.options as INodeProperties[]).map((o) => [o.name, o.default]));
	expect(defaults).toEqual({
		boletoBusinessDays: DEFAULT_EXPIRY_RULES.boletoBusinessDays,
		...Object.fromEntries(Object.entries(expire.HOURLY_FIELDS).map(([method, field]) => [field, DEFAULT_EXPIRY_RULES.hours[method as keyof typeof expire.HOURLY_FIELDS]])),
	});
});

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

	test('Reservation → Expire by payment method: each method its own time, defaults when a rule is not changed', async () => {
		await run(
			{ resource: 'order', operation: 'apply' },
			asItems(order('3', 'pending_payment', [['B', 1]], { paymentMethod: 'pix' }), order('4', 'pending_payment', [['B', 2]], { paymentMethod: 'boleto' })),
		);
		// Just reserved: pix 2 h, unknown 72 h and boleto 4 business days have not passed.
		expect(await run({ resource: 'reservation', operation: 'expire', expireBy: 'paymentMethod' })).toEqual([]);
		const byRule = async (paymentMethodRules: Record<string, number>) =>
			(await run({ resource: 'reservation', operation: 'expire', expireBy: 'paymentMethod', paymentMethodRules })).map((r) => r.orderKey);
		expect(await byRule({ pixHours: 0 })).toEqual(['shopify:loja-teste:3']);
		expect(await byRule({ unknownHours: 0, creditCardHours: 0 })).toEqual(['shopify:loja-teste:1']);
		const [b] = await run({ resource: 'stock', operation: 'getAvailability', skus: 'B' });
		expect(b).toMatchObject({ reserved: 5, available: 5 }); // order 2 (paid) and the boleto keep theirs
		const bad = await runNode({ credentials, parameters: { resource: 'reservation', operation: 'expire', expireBy: 'paymentMethod', paymentMethodRules: { boletoBusinessDays: 1.5 } } }).catch((e: Error) => e);
		expect(bad).toBeInstanceOf(Error);
		expect((bad as Error).message).toContain('Boleto business days must be a whole number');
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
