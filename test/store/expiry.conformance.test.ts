import { createStore } from '../../core/store/open';
import { DEFAULT_EXPIRY_RULES } from '../../core/store/expiry';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, LATEST_SCHEMA, openFresh, rawQuery, rawSetOnHand, rawSql } from './stores';

/**
 * Payment-aware expiry (migration 5), on both drivers, with a fixed clock. 2026-11-20 is a Friday; the rules
 * count days in Brasília time (UTC−3), so Friday 20:00 there is 23:00Z.
 */

describe.each(DRIVERS)('payment-aware expiry on %s', (driver) => {
	let store: OmsStore;
	let config: Awaited<ReturnType<typeof openFresh>>['config'];
	let now: Date;
	const keysOf = (rows: Array<{ orderKey: string }>) => rows.map((r) => r.orderKey).sort();
	const methods = async () =>
		Object.fromEntries((await rawQuery(config, 'SELECT channel_order_id, payment_method FROM oms_orders ORDER BY channel_order_id')).map((r) => [r.channel_order_id, r.payment_method]));

	beforeEach(async () => {
		now = new Date('2026-11-20T23:00:00Z'); // Friday 20:00 in Brasília
		({ store, config } = await openFresh(driver, { clock: () => now }));
		await store.setOnHand([{ sku: 'A', onHand: 100 }]);
	});
	afterEach(() => store.close());

	test('apply stores each order\'s payment method, "unknown" when absent; a later snapshot changes it, expiry keeps it', async () => {
		await store.applyOrders([
			order('1', 'pending_payment', [['A', 1]], { paymentMethod: 'pix' }),
			order('2', 'pending_payment', [['A', 1]]),
			order('3', 'paid', [['A', 1]], { paymentMethod: 'credit_card' }),
		]);
		expect(await methods()).toEqual({ 1: 'pix', 2: 'unknown', 3: 'credit_card' });
		await store.applyOrders([order('2', 'pending_payment', [['A', 1]], { paymentMethod: 'boleto', minute: 1 })]);
		expect(await methods()).toEqual({ 1: 'pix', 2: 'boleto', 3: 'credit_card' });
		now = new Date('2026-11-21T02:00:00Z');
		expect(keysOf(await store.expireReservations(DEFAULT_EXPIRY_RULES))).toEqual(['shopify:loja-teste:1']);
		expect(await methods()).toEqual({ 1: 'pix', 2: 'boleto', 3: 'credit_card' });
	});

	test('defaults: pix after 2 h, cards and unknown after 72 h, a Friday-evening boleto not on Monday but after Thursday ends', async () => {
		await store.applyOrders([
			order('pix', 'pending_payment', [['A', 1]], { paymentMethod: 'pix' }),
			order('card', 'pending_payment', [['A', 2]], { paymentMethod: 'credit_card' }),
			order('unknown', 'pending_payment', [['A', 3]]),
			order('boleto', 'pending_payment', [['A', 4]], { paymentMethod: 'boleto' }),
		]);
		const at = async (iso: string) => {
			now = new Date(iso);
			return keysOf(await store.expireReservations(DEFAULT_EXPIRY_RULES));
		};
		expect(await at('2026-11-21T00:59:59Z')).toEqual([]); // 1 h 59 min
		expect(await at('2026-11-21T01:00:01Z')).toEqual(['shopify:loja-teste:pix']);
		expect(await at('2026-11-23T22:59:59Z')).toEqual([]); // Monday, just under 72 h
		expect(await at('2026-11-23T23:00:01Z')).toEqual(['shopify:loja-teste:card', 'shopify:loja-teste:unknown']);
		// Monday, Tuesday, Wednesday and Thursday are its four business days: still held on all of them.
		expect(await at('2026-11-24T12:00:00Z')).toEqual([]);
		expect(await at('2026-11-27T02:59:59Z')).toEqual([]); // Thursday 23:59:59 in Brasília
		expect(await at('2026-11-27T03:00:00Z')).toEqual(['shopify:loja-teste:boleto']);
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ onHand: 100, reserved: 0, available: 100 });
		const ledger = await store.listLedger({ orderKey: 'shopify:loja-teste:boleto' });
		expect(ledger.map((e) => [e.reason, e.deltaReserved])).toEqual([['reserve', 4], ['expire', -4]]);
	});

	test('rules can be changed per method; a paid order is never expired', async () => {
		await store.applyOrders([
			order('pix', 'pending_payment', [['A', 1]], { paymentMethod: 'pix' }),
			order('boleto', 'pending_payment', [['A', 1]], { paymentMethod: 'boleto' }),
			order('wallet', 'pending_payment', [['A', 1]], { paymentMethod: 'wallet' }),
			order('paid', 'paid', [['A', 1]], { paymentMethod: 'pix' }),
		]);
		now = new Date('2026-11-21T05:00:00Z'); // 6 h later, Saturday 02:00 in Brasília
		const rules = { hours: { pix: 8, wallet: 4 }, boletoBusinessDays: 0 }; // partial: the rest keeps its defaults
		// boleto with 0 business days: released once its own day (Friday) has ended
		expect(keysOf(await store.expireReservations(rules))).toEqual(['shopify:loja-teste:boleto', 'shopify:loja-teste:wallet']);
		now = new Date('2026-11-22T00:00:00Z');
		expect(keysOf(await store.expireReservations(rules))).toEqual(['shopify:loja-teste:pix']);
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ reserved: 1 });
	});

	test('an order that became boleto in a later snapshot is judged by the boleto rule', async () => {
		await store.applyOrders([order('1', 'pending_payment', [['A', 1]])]);
		await store.applyOrders([order('1', 'pending_payment', [['A', 1]], { paymentMethod: 'boleto', minute: 1 })]);
		now = new Date('2026-11-24T00:00:00Z'); // past 72 h of unknown, within the boleto's business days
		expect(await store.expireReservations(DEFAULT_EXPIRY_RULES)).toEqual([]);
	});

	test('a single olderThan date still expires every method alike', async () => {
		await store.applyOrders([
			order('b', 'pending_payment', [['A', 1]], { paymentMethod: 'boleto' }),
			order('p', 'pending_payment', [['A', 1]], { paymentMethod: 'pix' }),
		]);
		now = new Date('2026-11-21T00:00:00Z');
		expect(keysOf(await store.expireReservations(new Date('2026-11-20T23:30:00Z')))).toEqual(['shopify:loja-teste:b', 'shopify:loja-teste:p']);
		await expect(store.expireReservations(new Date('nope'))).rejects.toThrow('not a valid date');
		await expect(store.expireReservations({ hours: { pix: -1 } })).rejects.toThrow('pix must be zero or more');
	});

	test('a version-4 database gains the column; its orders count as unknown (72 h by default)', async () => {
		const v4 = await openFresh(driver, { targetVersion: 4, clock: () => now });
		expect(await v4.store.schemaVersion()).toBe(4);
		await v4.store.close();
		await rawSetOnHand(v4.config, 'OLD', 5);
		// Written as the previous package wrote it (without payment_method), through the old columns only.
		await rawSql(
			v4.config,
			`INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, first_seen_at, updated_at)
			 VALUES ('shopify:loja-teste:9', 'shopify', 'loja-teste', '9', 'pending_payment', 'reserved', 'default', '{"OLD":2}', '{}', 1, '2026-11-20T23:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-20T23:00:00Z', '2026-11-20T23:00:00Z');
			 INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key) VALUES ('2026-11-20T23:00:00Z', 'OLD', 'default', 0, 2, 'reserve', 'shopify:loja-teste:9', 'reserve');
			 UPDATE oms_stock SET reserved = 2 WHERE sku = 'OLD';`,
		);
		const upgraded = createStore(v4.config, { clock: () => now });
		try {
			expect(await upgraded.schemaVersion()).toBe(LATEST_SCHEMA);
			expect((await rawQuery(v4.config, 'SELECT payment_method FROM oms_orders'))).toEqual([{ payment_method: 'unknown' }]);
			now = new Date('2026-11-23T22:00:00Z');
			expect(await upgraded.expireReservations(DEFAULT_EXPIRY_RULES)).toEqual([]);
			now = new Date('2026-11-23T23:00:01Z');
			expect(keysOf(await upgraded.expireReservations(DEFAULT_EXPIRY_RULES))).toEqual(['shopify:loja-teste:9']);
			expect((await upgraded.reconcile(false)).drift).toEqual([]);
		} finally {
			await upgraded.close();
		}
	});
});
