import { OrderValidationError, MAX_QUANTITY } from '../../core/model/validate';
import type { StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh, rawQuery, rawSql } from './stores';

/** What the store takes in: bounded quantities and one SKU identity, on both drivers. */

describe.each(DRIVERS)('store inputs on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	beforeEach(async () => {
		({ store, config } = await openFresh(driver));
	});
	afterEach(() => store.close());

	const nothingWritten = async () => {
		expect(await store.getAvailability()).toEqual([]);
		expect(await store.listLedger()).toEqual([]);
	};

	test('a quantity beyond the bounds is refused with a clear error, and nothing of its batch is written', async () => {
		// 1e19 used to reach the database: a float in SQLite, a rejected batch in PostgreSQL.
		await expect(store.adjustStock([{ sku: 'A', delta: 5 }, { sku: 'B', delta: 1e19 }])).rejects.toThrow(
			'SKU B: delta must be <= 1000000000, got 10000000000000000000',
		);
		await expect(store.adjustStock([{ sku: 'A', delta: -1e10 }])).rejects.toThrow('SKU A: delta must be >= -1000000000, got -10000000000');
		await expect(store.adjustStock([{ sku: 'A', delta: Number.NaN }])).rejects.toThrow('SKU A: delta must be an integer, got NaN');
		await expect(store.setOnHand([{ sku: 'A', onHand: MAX_QUANTITY + 1 }])).rejects.toThrow('SKU A: onHand must be <= 1000000000, got 1000000001');
		await expect(store.setOnHand([{ sku: 'A', onHand: '7' as unknown as number }])).rejects.toThrow('SKU A: onHand must be an integer, got "7"');
		await expect(store.setOnHand([{ sku: '  ', onHand: 1 }])).rejects.toThrow('sku must not be empty');
		const huge = order('1', 'paid', [['A', 1]]);
		huge.lines[0].quantity = 1e19;
		const refused = await store.applyOrders([order('2', 'paid', [['A', 1]]), huge]).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(OrderValidationError);
		expect(refused).toMatchObject({ orderRef: 'shopify:1', field: 'lines[0].quantity' });
		await expect(store.recordPushed('shopify', [{ sku: 'A', value: 1.5 }])).rejects.toThrow('SKU A: value must be an integer, got 1.5');
		await nothingWritten();
	});

	test('the largest quantities are kept exactly, and the columns are 64-bit integers', async () => {
		await store.setOnHand([{ sku: 'A', onHand: MAX_QUANTITY }]);
		await store.adjustStock([{ sku: 'A', delta: MAX_QUANTITY }, { sku: 'B', delta: -MAX_QUANTITY }]);
		await store.applyOrders([order('1', 'paid', [['A', MAX_QUANTITY]])]);
		expect((await store.getAvailability()).map((l) => [l.sku, l.onHand, l.reserved, l.available])).toEqual([
			['A', 2 * MAX_QUANTITY, MAX_QUANTITY, MAX_QUANTITY],
			['B', -MAX_QUANTITY, 0, -MAX_QUANTITY],
		]);
		expect(await store.reconcile(false)).toMatchObject({ drift: [] });
		const quantityColumns = [
			['oms_stock', 'on_hand'],
			['oms_stock', 'reserved'],
			['oms_ledger', 'delta_on_hand'],
			['oms_ledger', 'delta_reserved'],
			['oms_channel_stock', 'pushed_value'],
		];
		if (driver === 'postgres') {
			const rows = await rawQuery(config, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'");
			const types = quantityColumns.map(([t, c]) => rows.find((r) => r.table_name === t && r.column_name === c)?.data_type);
			expect(types).toEqual(quantityColumns.map(() => 'bigint'));
		} else {
			// SQLite keeps any INTEGER in up to 8 bytes; what matters is that no value was stored as REAL.
			const stored = await rawQuery(config, 'SELECT typeof(on_hand) AS a, typeof(reserved) AS b FROM oms_stock UNION SELECT typeof(delta_on_hand), typeof(delta_reserved) FROM oms_ledger');
			expect(stored).toEqual([{ a: 'integer', b: 'integer' }]);
		}
	});

	test('a counter that would leave the exact range is refused, not rounded', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 1 }]);
		await rawSql(config, `UPDATE oms_stock SET on_hand = ${Number.MAX_SAFE_INTEGER - 5} WHERE sku = 'A'`);
		await expect(store.adjustStock([{ sku: 'A', delta: 10 }])).rejects.toThrow('SKU A (default): the counter would leave the exact range');
		expect((await store.getAvailability(['A']))[0].onHand).toBe(Number.MAX_SAFE_INTEGER - 5);
	});

	test('"Camisa-É" composed, decomposed and padded is one SKU everywhere the store takes one', async () => {
		const composed = 'Camisa-\u00C9';
		const decomposed = 'Camisa-E\u0301';
		const padded = `  ${decomposed} `;
		expect(composed).not.toBe(decomposed);

		await store.setOnHand([{ sku: composed, onHand: 10, ref: 'count-1' }]);
		const [again] = await store.setOnHand([{ sku: padded, onHand: 99, ref: 'count-1' }]);
		expect(again).toMatchObject({ sku: composed, duplicateRef: true, onHand: 10 });
		await store.adjustStock([{ sku: decomposed, delta: 2 }]);
		const [applied] = await store.applyOrders([order('1', 'paid', [[padded, 3], [decomposed, 1]])]);
		expect(applied.effects).toEqual([{ effect: 'reserve', key: 'reserve', lines: [{ sku: composed, quantity: 4 }] }]);
		expect(applied.unknownSkus).toEqual([]);

		const all = await store.getAvailability();
		expect(all.map((l) => [l.sku, l.onHand, l.reserved, l.available])).toEqual([[composed, 12, 4, 8]]);
		expect(await store.getAvailability([decomposed])).toEqual(all);
		expect((await store.listReservations({ sku: padded })).map((r) => [r.sku, r.quantity])).toEqual([[composed, 4]]);
		expect((await store.listLedger({ sku: decomposed })).map((e) => e.reason)).toEqual(['set_on_hand', 'adjust', 'reserve']);

		await store.recordPushed('shopify', [{ sku: decomposed, value: 8 }]);
		await store.recordPushed('shopify', [{ sku: padded, value: 7 }]);
		expect(await store.getPushed('shopify', [composed, decomposed])).toEqual(new Map([[composed, 7], [decomposed, 7]]));
		await store.setListings('shopify', [{ sku: padded, listingId: 'L1' }]);
		expect(await store.getListings('shopify', [decomposed])).toEqual(new Map([[decomposed, { sku: composed, listingId: 'L1' }]]));
		const rows = await rawQuery(config, 'SELECT sku FROM oms_stock UNION ALL SELECT sku FROM oms_channel_stock UNION ALL SELECT sku FROM oms_channel_listing');
		expect(rows.map((r) => r.sku)).toEqual([composed, composed, composed]);
		expect(await store.reconcile(false)).toMatchObject({ checkedSkus: 1, drift: [] });
	});
});
