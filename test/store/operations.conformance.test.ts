import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, LATEST_SCHEMA, openFresh, rawSetOnHand, rawSql } from './stores';

/** Store operations other than applying orders, on both drivers. */

describe.each(DRIVERS)('store operations on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	let now: Date;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store, config } = await openFresh(driver, { clock: () => now }));
	});
	afterEach(() => store.close());

	test('set on hand and adjust write the ledger; a reference applies once', async () => {
		const [set] = await store.setOnHand([{ sku: 'A', onHand: 10, ref: 'count-1', reason: 'inventory count' }]);
		expect(set).toMatchObject({ sku: 'A', onHand: 10, available: 10, deltaOnHand: 10, duplicateRef: false, stocked: true });
		const [again] = await store.setOnHand([{ sku: 'A', onHand: 99, ref: 'count-1' }]);
		expect(again).toMatchObject({ onHand: 10, deltaOnHand: 0, duplicateRef: true });
		const [adj] = await store.adjustStock([{ sku: 'A', delta: -3, reason: 'damaged', ref: 'rma-7' }]);
		expect(adj).toMatchObject({ onHand: 7, deltaOnHand: -3 });
		const ledger = await store.listLedger({ sku: 'A' });
		expect(ledger.map((e) => [e.reason, e.deltaOnHand, e.ref, e.note])).toEqual([
			['set_on_hand', 10, 'count-1', 'inventory count'],
			['adjust', -3, 'rma-7', 'damaged'],
		]);
		await expect(store.setOnHand([{ sku: 'A', onHand: -1 }])).rejects.toThrow('onHand must be >= 0');
		await expect(store.adjustStock([{ sku: 'A', delta: 1.5 }])).rejects.toThrow('delta must be an integer');
	});

	test('unpaid reservations expire after the cutoff; paid ones stay; payment later re-reserves', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 10 }]);
		await store.applyOrders([order('1', 'pending_payment', [['A', 2]]), order('2', 'paid', [['A', 1]])]);
		now = new Date('2026-11-20T13:00:00Z');
		await store.applyOrders([order('3', 'pending_payment', [['A', 4]])]);

		const expired = await store.expireReservations(new Date('2026-11-20T12:30:00Z'));
		expect(expired).toEqual([
			{ orderKey: 'shopify:loja-teste:1', reservedAt: '2026-11-20T12:00:00.000Z', released: [{ sku: 'A', quantity: 2 }], affected: [expect.objectContaining({ sku: 'A', reserved: 5, available: 5 })] },
		]);
		expect(await store.expireReservations(new Date('2026-11-20T12:30:00Z'))).toEqual([]);
		const ledger = await store.listLedger({ orderKey: 'shopify:loja-teste:1' });
		expect(ledger.map((e) => [e.reason, e.deltaReserved])).toEqual([['reserve', 2], ['expire', -2]]);

		const [samePending] = await store.applyOrders([order('1', 'pending_payment', [['A', 2]], { minute: 1 })]);
		expect(samePending).toMatchObject({ outcome: 'unchanged', stage: 'expired' });
		const [paid] = await store.applyOrders([order('1', 'paid', [['A', 2]], { minute: 2 })]);
		expect(paid).toMatchObject({ outcome: 'applied', stage: 'reserved' });
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ reserved: 7, available: 3 });
	});

	test('list changed pages by change, never splitting one, and resumes from the cursor', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 1 }, { sku: 'B', onHand: 1 }, { sku: 'C', onHand: 1 }]);
		await store.setOnHand([{ sku: 'D', onHand: 1 }]);
		const first = await store.listChanged(undefined, 2);
		// the first change touched three SKUs: the page holds all three rather than cutting it
		expect(first.levels.map((l) => l.sku)).toEqual(['A', 'B', 'C']);
		expect(first.more).toBe(true);
		const second = await store.listChanged(first.cursor, 2);
		expect(second.levels.map((l) => l.sku)).toEqual(['D']);
		expect(second.more).toBe(false);
		expect((await store.listChanged(second.cursor)).levels).toEqual([]);
		await store.applyOrders([order('1', 'paid', [['B', 1]])]);
		const third = await store.listChanged(second.cursor);
		expect(third.levels).toEqual([expect.objectContaining({ sku: 'B', available: 0 })]);
		await expect(store.listChanged('abc')).rejects.toThrow('Invalid change cursor');
	});

	test('reservations list what orders hold', async () => {
		await store.applyOrders([order('1', 'pending_payment', [['A', 2], ['B', 1]]), order('2', 'invoiced', [['A', 1]])]);
		const all = await store.listReservations();
		expect(all.map((r) => [r.orderKey, r.sku, r.quantity, r.status])).toEqual([
			['shopify:loja-teste:1', 'A', 2, 'pending_payment'],
			['shopify:loja-teste:1', 'B', 1, 'pending_payment'],
		]);
		expect((await store.listReservations({ sku: 'B' })).map((r) => r.sku)).toEqual(['B']);
	});

	test('reconcile finds counters that drifted from the ledger and repairs them', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 10 }]);
		await store.applyOrders([order('1', 'paid', [['A', 2]])]);
		expect(await store.reconcile(false)).toEqual({ checkedSkus: 1, drift: [], repaired: false });

		await rawSql(config, "UPDATE oms_stock SET on_hand = 50, reserved = 0 WHERE sku = 'A'");
		const report = await store.reconcile(false);
		expect(report.drift).toEqual([{ sku: 'A', warehouse: 'default', counterOnHand: 50, ledgerOnHand: 10, counterReserved: 0, ledgerReserved: 2, openReservations: 2 }]);
		expect((await store.reconcile(true)).repaired).toBe(true);
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('the ledger is append-only', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 10 }]);
		await expect(rawSql(config, 'UPDATE oms_ledger SET delta_on_hand = 0')).rejects.toThrow(/append-only/);
		await expect(rawSql(config, 'DELETE FROM oms_ledger')).rejects.toThrow(/append-only/);
	});

	test('an effect cannot be written twice even by a buggy writer (unique effect key)', async () => {
		await store.applyOrders([order('1', 'paid', [['A', 1]])]);
		const insert =
			"INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key) VALUES ('2026-11-20T12:00:00Z', 'A', 'default', 0, 1, 'reserve', 'shopify:loja-teste:1', 'reserve')";
		await expect(rawSql(config, insert)).rejects.toThrow(/UNIQUE|unique/);
	});

	test('remembers pushed values and listing ids per channel', async () => {
		await store.recordPushed('shopify', [{ sku: 'A', value: 8 }, { sku: 'B', value: 0 }]);
		await store.recordPushed('shopify', [{ sku: 'A', value: 7 }]);
		expect(await store.getPushed('shopify', ['A', 'B', 'C'])).toEqual(new Map([['A', 7], ['B', 0]]));
		expect(await store.getPushed('mercadolivre', ['A'])).toEqual(new Map());
		await store.setListings('mercadolivre', [{ sku: 'A', listingId: 'MLB123', variantId: '999' }]);
		await store.setListings('mercadolivre', [{ sku: 'A', listingId: 'MLB124' }]);
		expect(await store.getListings('mercadolivre', ['A', 'B'])).toEqual(new Map([['A', { sku: 'A', listingId: 'MLB124' }]]));
	});

	test('a newer package opens and upgrades an older database, keeping its data', async () => {
		const fresh = await openFresh(driver, { targetVersion: 1 });
		expect(await fresh.store.schemaVersion()).toBe(1);
		await fresh.store.close();
		await rawSetOnHand(fresh.config, 'OLD', 3);
		// An order as the version-1 package wrote it (today's code writes columns that schema lacks): raw SQL.
		await rawSql(
			fresh.config,
			`INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, first_seen_at, updated_at)
			 VALUES ('shopify:loja-teste:9', 'shopify', 'loja-teste', '9', 'paid', 'reserved', 'default', '{"OLD":1}', '{}', 1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00Z', '2026-11-20T12:00:00Z');
			 INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key) VALUES ('2026-11-20T12:00:00Z', 'OLD', 'default', 0, 1, 'reserve', 'shopify:loja-teste:9', 'reserve');
			 UPDATE oms_stock SET reserved = 1 WHERE sku = 'OLD';`,
		);

		const upgraded = createStore(fresh.config);
		expect((await upgraded.getAvailability(['OLD']))[0]).toMatchObject({ onHand: 3, reserved: 1, available: 2 });
		expect(await upgraded.schemaVersion()).toBe(LATEST_SCHEMA);
		expect((await upgraded.reconcile(false)).drift).toEqual([]);
		const [again] = await upgraded.applyOrders([order('9', 'shipped', [['OLD', 1]], { minute: 5 })]);
		expect(again).toMatchObject({ previousStatus: 'paid', outcome: 'applied', stage: 'committed' });
		await upgraded.recordPushed('shopify', [{ sku: 'OLD', value: 2 }]);
		expect(await upgraded.getPushed('shopify', ['OLD'])).toEqual(new Map([['OLD', 2]]));
		await upgraded.close();
	});

	test('refuses a database written by a newer package', async () => {
		await store.getAvailability(); // PostgreSQL migrates on first use
		await rawSql(config, "INSERT INTO oms_schema_migrations (version, applied_at) VALUES (99, '2027-01-01T00:00:00Z')");
		await expect(
			(async () => {
				const s = createStore(config);
				try {
					await s.getAvailability();
				} finally {
					await s.close().catch(() => undefined);
				}
			})(),
		).rejects.toThrow('newer than this package knows');
	});
});
