import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from './stores';

/** The lifecycle → stock-effect table of the README, case by case, on both drivers. */

async function level(store: OmsStore, sku: string) {
	const [l] = await store.getAvailability([sku]);
	return l ? { onHand: l.onHand, reserved: l.reserved, available: l.available } : undefined;
}

describe.each(DRIVERS)('lifecycle on %s', (driver) => {
	let store: OmsStore;
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'SHIRT-M', onHand: 10 }, { sku: 'CAP', onHand: 5 }]);
	});
	afterEach(() => store.close());

	test('the reference example: reserve before payment, still reserved when paid, deducted when invoiced', async () => {
		const [r1] = await store.applyOrders([order('1001', 'pending_payment', [['SHIRT-M', 2]])]);
		expect(r1).toMatchObject({ outcome: 'applied', stage: 'reserved', previousStatus: null, newStatus: 'pending_payment' });
		expect(r1.effects).toEqual([{ effect: 'reserve', key: 'reserve', lines: [{ sku: 'SHIRT-M', quantity: 2 }] }]);
		expect(r1.affected).toEqual([{ sku: 'SHIRT-M', warehouse: 'default', onHand: 10, reserved: 2, available: 8, stocked: true }]);

		const [r2] = await store.applyOrders([order('1001', 'paid', [['SHIRT-M', 2]], { minute: 5 })]);
		expect(r2).toMatchObject({ outcome: 'unchanged', previousStatus: 'pending_payment', newStatus: 'paid', effects: [] });
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 2, available: 8 });

		const [r3] = await store.applyOrders([order('1001', 'invoiced', [['SHIRT-M', 2]], { minute: 10 })]);
		expect(r3.effects.map((e) => e.effect)).toEqual(['commit']);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 8, reserved: 0, available: 8 });
	});

	test('commit point "shipped": invoiced keeps the reservation, shipped deducts', async () => {
		const lifecycle = { commitOn: 'shipped' as const };
		await store.applyOrders([order('1', 'paid', [['CAP', 1]])], { lifecycle });
		const [inv] = await store.applyOrders([order('1', 'invoiced', [['CAP', 1]], { minute: 1 })], { lifecycle });
		expect(inv.outcome).toBe('unchanged');
		expect(await level(store, 'CAP')).toEqual({ onHand: 5, reserved: 1, available: 4 });
		await store.applyOrders([order('1', 'shipped', [['CAP', 1]], { minute: 2 })], { lifecycle });
		expect(await level(store, 'CAP')).toEqual({ onHand: 4, reserved: 0, available: 4 });
	});

	test('commit point "paid": pending keeps a reservation, payment deducts for good, a later cancel restocks', async () => {
		const lifecycle = { commitOn: 'paid' as const };
		await store.applyOrders([order('p1', 'pending_payment', [['CAP', 2]])], { lifecycle });
		expect(await level(store, 'CAP')).toEqual({ onHand: 5, reserved: 2, available: 3 });
		const [paid] = await store.applyOrders([order('p1', 'paid', [['CAP', 2]], { minute: 1 })], { lifecycle });
		expect(paid).toMatchObject({ outcome: 'applied', stage: 'committed' });
		expect(paid.effects).toEqual([{ effect: 'commit', key: 'commit', lines: [{ sku: 'CAP', quantity: 2 }] }]);
		expect(await level(store, 'CAP')).toEqual({ onHand: 3, reserved: 0, available: 3 });
		// invoicing and shipping move nothing more
		const [inv] = await store.applyOrders([order('p1', 'invoiced', [['CAP', 2]], { minute: 2 })], { lifecycle });
		expect(inv.outcome).toBe('unchanged');
		// a paid order seen first deducts at once; cancelling it puts the units back
		await store.applyOrders([order('p2', 'paid', [['SHIRT-M', 1]])], { lifecycle });
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 9, reserved: 0, available: 9 });
		const [c] = await store.applyOrders([order('p2', 'cancelled', [['SHIRT-M', 1]], { minute: 1 })], { lifecycle });
		expect(c.effects.map((e) => e.effect)).toEqual(['restock']);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 0, available: 10 });
		// deducted orders hold no reservation, so expiry has nothing to release
		expect(await store.expireReservations(new Date('2030-01-01T00:00:00Z'))).toEqual([]);
	});

	test('cancelled before commit releases the reservation', async () => {
		await store.applyOrders([order('2', 'pending_payment', [['SHIRT-M', 3]])]);
		const [r] = await store.applyOrders([order('2', 'cancelled', [['SHIRT-M', 3]], { minute: 1 })]);
		expect(r).toMatchObject({ outcome: 'applied', stage: 'released' });
		expect(r.effects.map((e) => e.effect)).toEqual(['release']);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 0, available: 10 });
	});

	test('cancelled after commit restocks by default, or keeps the units out when configured', async () => {
		await store.applyOrders([order('3', 'invoiced', [['SHIRT-M', 2]]), order('4', 'invoiced', [['CAP', 2]])]);
		const [restocked] = await store.applyOrders([order('3', 'cancelled', [['SHIRT-M', 2]], { minute: 1 })]);
		expect(restocked.effects.map((e) => e.effect)).toEqual(['restock']);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 0, available: 10 });

		const [kept] = await store.applyOrders([order('4', 'cancelled', [['CAP', 2]], { minute: 1 })], { lifecycle: { restockOnCancelAfterCommit: false } });
		expect(kept).toMatchObject({ outcome: 'unchanged', flags: ['cancelled_after_commit_not_restocked'] });
		expect(await level(store, 'CAP')).toEqual({ onHand: 3, reserved: 0, available: 3 });
	});

	test('returned restocks on hand by default, not when configured', async () => {
		await store.applyOrders([order('5', 'delivered', [['SHIRT-M', 1]]), order('6', 'delivered', [['CAP', 1]])]);
		await store.applyOrders([order('5', 'returned', [['SHIRT-M', 1]], { minute: 1 })]);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 0, available: 10 });
		const [r] = await store.applyOrders([order('6', 'returned', [['CAP', 1]], { minute: 1 })], { lifecycle: { restockOnReturn: false } });
		expect(r.flags).toEqual(['returned_not_restocked']);
		expect(await level(store, 'CAP')).toEqual({ onHand: 4, reserved: 0, available: 4 });
	});

	test('first seen at a later state gets the cumulative effect once', async () => {
		const [shipped] = await store.applyOrders([order('7', 'shipped', [['SHIRT-M', 2]])]);
		expect(shipped.effects.map((e) => e.effect)).toEqual(['commit']);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 8, reserved: 0, available: 8 });

		const [cancelled] = await store.applyOrders([order('8', 'cancelled', [['CAP', 2]])]);
		expect(cancelled).toMatchObject({ outcome: 'unchanged', stage: 'closed', effects: [] });
		const [returned] = await store.applyOrders([order('9', 'returned', [['CAP', 2]])]);
		expect(returned).toMatchObject({ outcome: 'unchanged', stage: 'closed' });
		expect(await level(store, 'CAP')).toEqual({ onHand: 5, reserved: 0, available: 5 });
	});

	test('a regression (paid after shipped) changes nothing and is recorded', async () => {
		await store.applyOrders([order('10', 'shipped', [['SHIRT-M', 1]], { minute: 5 })]);
		const [r] = await store.applyOrders([order('10', 'paid', [['SHIRT-M', 1]], { minute: 6 })]);
		expect(r).toMatchObject({ outcome: 'regression', previousStatus: 'shipped', newStatus: 'paid', flags: ['regression'], effects: [] });
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 9, reserved: 0, available: 9 });
		// the regression does not move the order backwards: a later cancel still restocks
		const [c] = await store.applyOrders([order('10', 'cancelled', [['SHIRT-M', 1]], { minute: 7 })]);
		expect(c.effects.map((e) => e.effect)).toEqual(['restock']);
	});

	test('an older snapshot arriving late is stale and changes nothing', async () => {
		await store.applyOrders([order('11', 'cancelled', [['CAP', 1]], { minute: 9 })]);
		const [late] = await store.applyOrders([order('11', 'pending_payment', [['CAP', 1]], { minute: 1 })]);
		expect(late).toMatchObject({ outcome: 'stale', flags: ['stale'] });
		expect(await level(store, 'CAP')).toEqual({ onHand: 5, reserved: 0, available: 5 });
	});

	test('lines edited before commit: the reservation follows the new quantities', async () => {
		await store.applyOrders([order('12', 'pending_payment', [['SHIRT-M', 2], ['CAP', 1]])]);
		const [r] = await store.applyOrders([order('12', 'paid', [['SHIRT-M', 3]], { minute: 1 })]);
		expect(r.effects).toEqual([{ effect: 'adjust_reservation', key: 'adjust@2', lines: [{ sku: 'CAP', quantity: -1 }, { sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 3, available: 7 });
		expect(await level(store, 'CAP')).toEqual({ onHand: 5, reserved: 0, available: 5 });
		await store.applyOrders([order('12', 'invoiced', [['SHIRT-M', 3]], { minute: 2 })]);
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 7, reserved: 0, available: 7 });
	});

	test('re-applying the same state is a no-op, in separate calls and within one batch', async () => {
		const o = order('13', 'pending_payment', [['SHIRT-M', 2]]);
		await store.applyOrders([o, o]);
		const [again] = await store.applyOrders([o]);
		expect(again.outcome).toBe('unchanged');
		expect(await level(store, 'SHIRT-M')).toEqual({ onHand: 10, reserved: 2, available: 8 });
		const ledger = await store.listLedger({ orderKey: 'shopify:loja-teste:13' });
		expect(ledger).toHaveLength(1);
		expect(ledger[0]).toMatchObject({ reason: 'reserve', effectKey: 'reserve', deltaReserved: 2, deltaOnHand: 0 });
	});

	test('an unknown SKU is accepted, reserved and flagged; it is not reported as oversold', async () => {
		const [r] = await store.applyOrders([order('14', 'paid', [['SHIRT-M', 1], ['GHOST-1', 2]])]);
		expect(r.unknownSkus).toEqual(['GHOST-1']);
		expect(r.oversoldSkus).toEqual([]);
		expect(await level(store, 'GHOST-1')).toEqual({ onHand: 0, reserved: 2, available: -2 });
		// counted later, its availability already accounts for the order
		await store.setOnHand([{ sku: 'GHOST-1', onHand: 5 }]);
		expect(await level(store, 'GHOST-1')).toEqual({ onHand: 5, reserved: 2, available: 3 });
	});

	test('marketplace orders cannot be refused: stock runs out, the order is reserved and the SKU named as oversold', async () => {
		await store.applyOrders([order('15', 'paid', [['CAP', 4]])]);
		const [r] = await store.applyOrders([order('16', 'paid', [['CAP', 3]])]);
		expect(r.outcome).toBe('applied');
		expect(r.oversoldSkus).toEqual(['CAP']);
		expect(await level(store, 'CAP')).toEqual({ onHand: 5, reserved: 7, available: -2 });
		// releasing stock is not "overselling" even while still negative
		const [c] = await store.applyOrders([order('16', 'cancelled', [['CAP', 3]], { minute: 1 })]);
		expect(c.oversoldSkus).toEqual([]);
	});

	test('orders in another warehouse only touch that warehouse', async () => {
		await store.setOnHand([{ sku: 'SHIRT-M', warehouse: 'sp', onHand: 4 }]);
		await store.applyOrders([order('17', 'paid', [['SHIRT-M', 1]], { warehouse: 'sp' })]);
		const levels = await store.getAvailability(['SHIRT-M']);
		expect(levels.map((l) => [l.warehouse, l.available])).toEqual([['default', 10], ['sp', 3]]);
	});
});

describe.each(DRIVERS)('cancellations without lines on %s', (driver) => {
	test('a cancelled snapshot with no lines still releases what the order holds', async () => {
		const { store } = await openFresh(driver);
		await store.setOnHand([{ sku: 'A', onHand: 3 }]);
		await store.applyOrders([order('1', 'paid', [['A', 2]])]);
		const [r] = await store.applyOrders([{ ...order('1', 'cancelled', [], { minute: 1 }), lines: [] }]);
		expect(r.effects).toEqual([{ effect: 'release', key: 'release', lines: [{ sku: 'A', quantity: 2 }] }]);
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ reserved: 0, available: 3 });
		await store.close();
	});
});
