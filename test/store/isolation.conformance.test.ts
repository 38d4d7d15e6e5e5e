import { DatabaseSync } from 'node:sqlite';
import type { CanonicalOrder } from '../../core/model/order';
import { OrderValidationError } from '../../core/model/validate';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { LedgerStore } from '../../core/store/store';
import type { OmsStore, SettledApply } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, databaseRefusesSku, openFresh, pgUrl } from './stores';

/** applyOrdersSettled: one bad order (invalid, or refused by the database itself) never fails the others. */

/** Counts the driver transactions a store runs (the backend is private; tests may look). */
function countTransactions(store: OmsStore): { count: number } {
	const backend = (store as LedgerStore)['backend'];
	const counter = { count: 0 };
	const transaction = backend.transaction.bind(backend);
	backend.transaction = (work) => {
		counter.count++;
		return transaction(work);
	};
	return counter;
}

const summary = (outcomes: SettledApply[]) =>
	outcomes.map((o) => (o.ok ? `${o.result.channelOrderId} ${o.result.outcome}` : `${o.orderRef} failed: ${o.error.message}`));

describe.each(DRIVERS)('isolated apply on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	beforeEach(async () => {
		({ store, config } = await openFresh(driver));
		await store.setOnHand([{ sku: 'A', onHand: 10 }, { sku: 'POISON', onHand: 10 }]);
		await databaseRefusesSku(config, 'POISON');
	});
	afterEach(() => store.close());

	const batch = (): CanonicalOrder[] => {
		const invalid = order('2', 'paid', [['A', 1]]);
		invalid.lines[0].quantity = 0;
		return [
			order('1', 'paid', [['A', 1]]),
			invalid,
			order('3', 'paid', [['A', 1], ['POISON', 1]]), // valid; only the database refuses it
			order('4', 'paid', [['A', 2]]),
			order('1', 'invoiced', [['A', 1]], { minute: 1 }), // sees order 1's reservation from earlier in the batch
			order('6', 'paid', [['A', 1]]),
		];
	};

	test('an invalid order and one the database refuses fail alone; the others commit in input order', async () => {
		const transactions = countTransactions(store);
		const outcomes = await store.applyOrdersSettled(batch());
		expect(summary(outcomes)).toEqual([
			'1 applied',
			'shopify:2 failed: Order shopify:2: field "lines[0].quantity" must be >= 1, got 0',
			expect.stringMatching(/^shopify:3 failed: .*test trigger: the database refuses this SKU/),
			'4 applied',
			'1 applied',
			'6 applied',
		]);
		expect(outcomes[1]).toMatchObject({ ok: false, error: expect.any(OrderValidationError) });
		// 5 valid orders, 1 refused: the batch, [1,3,4], [1,3], [1], [3], [4], [1',6] = 7 transactions.
		expect(transactions.count).toBe(7);

		const levels = (await store.getAvailability()).map((l) => [l.sku, l.onHand, l.reserved]);
		expect(levels).toEqual([['A', 9, 3], ['POISON', 10, 0]]);
		expect(await store.listLedger({ orderKey: 'shopify:loja-teste:3' })).toEqual([]);
		expect(await store.listReservations({ orderKey: 'shopify:loja-teste:3' })).toEqual([]);
		expect(await store.reconcile(false)).toMatchObject({ drift: [] });

		// Re-running the same batch changes nothing for the applied orders and refuses the same two again
		// (order 1's paid snapshot is now older than its applied invoiced one: stale).
		const again = await store.applyOrdersSettled(batch());
		expect(summary(again).map((s) => s.replace(/:.*/, ''))).toEqual(['1 stale', 'shopify', 'shopify', '4 unchanged', '1 unchanged', '6 unchanged']);
		expect((await store.getAvailability()).map((l) => [l.sku, l.onHand, l.reserved])).toEqual(levels);
	});

	test('an unrefused batch is one transaction', async () => {
		const transactions = countTransactions(store);
		const outcomes = await store.applyOrdersSettled([order('1', 'paid', [['A', 1]]), order('2', 'paid', [['A', 2]])]);
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(transactions.count).toBe(1);
	});

	test('applyOrders stays all or nothing: the refusal of one order writes none of the batch', async () => {
		const valid = batch().filter((_o, i) => i !== 1);
		await expect(store.applyOrders(valid)).rejects.toThrow('test trigger: the database refuses this SKU');
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ onHand: 10, reserved: 0 });
		expect(await store.listLedger({ afterId: 2 })).toEqual([]);
	});

	test('a bad rule set is the caller\'s error, not an order\'s', async () => {
		const lifecycle = { commitOn: 'delivered' as unknown as 'invoiced' };
		await expect(store.applyOrdersSettled([order('1', 'paid', [['A', 1]])], { lifecycle })).rejects.toThrow('commitOn must be');
	});
});

describe('a failure of the database itself fails the batch at once, without retrying order by order', () => {
	const orders = () => Array.from({ length: 8 }, (_v, i) => order(String(i), 'paid', [['A', 1]]));

	test('sqlite: the database is locked by another process', async () => {
		const { config } = await openFresh('sqlite');
		const store = createStore({ ...config, busyTimeoutMs: 0 } as StoreConfig);
		const other = new DatabaseSync((config as { path: string }).path);
		other.exec('BEGIN IMMEDIATE');
		try {
			const transactions = countTransactions(store);
			const outcomes = await store.applyOrdersSettled(orders());
			expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.message))).toEqual(orders().map(() => 'database is locked'));
			expect(transactions.count).toBe(1);
		} finally {
			other.exec('ROLLBACK');
			other.close();
			await store.close();
		}
	});

	test('postgres: the database does not exist', async () => {
		const url = new URL(pgUrl());
		url.pathname = '/oms_no_such_database';
		const store = createStore({ driver: 'postgres', connectionString: url.toString() });
		try {
			const transactions = countTransactions(store);
			const outcomes = await store.applyOrdersSettled(orders());
			expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.message))).toEqual(orders().map(() => 'database "oms_no_such_database" does not exist'));
			expect(transactions.count).toBe(1);
		} finally {
			await store.close();
		}
	});
});
