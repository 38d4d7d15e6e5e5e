import type { CanonicalOrder, CanonicalStatus } from '../../core/model/order';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from './stores';

/**
 * Per-line quantities through the lifecycle, on both drivers: partial cancellation after the commit point,
 * partial shipment, partial returns. Each transition moves only the difference, with its own effect key.
 */

type Line = [sku: string, quantity: number, progress?: { shipped?: number; returned?: number }];

function snap(id: string, status: CanonicalStatus, lines: Line[], minute: number): CanonicalOrder {
	const o = order(id, status, lines.map(([sku, q]) => [sku, q]), { minute });
	o.lines = o.lines.map((l, i) => {
		const p = lines[i][2] ?? {};
		return { ...l, ...(p.shipped !== undefined ? { shippedQuantity: p.shipped } : {}), ...(p.returned !== undefined ? { returnedQuantity: p.returned } : {}) };
	});
	return o;
}

describe.each(DRIVERS)('per-line lifecycle on %s', (driver) => {
	let store: OmsStore;
	const level = async (sku: string) => {
		const [l] = await store.getAvailability([sku]);
		return { onHand: l.onHand, reserved: l.reserved };
	};
	const ledgerOf = async (id: string) =>
		(await store.listLedger({ orderKey: `shopify:loja-teste:${id}` })).map((e) => [e.reason, e.effectKey, e.sku, e.deltaOnHand, e.deltaReserved]);
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'SHIRT-M', onHand: 10 }, { sku: 'CAP', onHand: 5 }]);
	});
	afterEach(() => store.close());

	test('partial cancellation after the commit point restocks exactly the cancelled units, once', async () => {
		await store.applyOrders([snap('1', 'invoiced', [['SHIRT-M', 3], ['CAP', 1]], 0)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 0 });
		// one shirt and the cap line are cancelled (a Magalu delivery cancelled after invoicing)
		const [r] = await store.applyOrders([snap('1', 'invoiced', [['SHIRT-M', 2]], 1)]);
		expect(r.effects).toEqual([{ effect: 'restock', key: 'restock@2', lines: [{ sku: 'CAP', quantity: 1 }, { sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(r.flags).toEqual(['lines_changed_after_commit']);
		expect(await level('SHIRT-M')).toEqual({ onHand: 8, reserved: 0 });
		expect(await level('CAP')).toEqual({ onHand: 5, reserved: 0 });
		const [again] = await store.applyOrders([snap('1', 'shipped', [['SHIRT-M', 2]], 2)]);
		expect(again.outcome).toBe('unchanged');
		// then the rest is cancelled: only the two units still out come back, and the total is what it was
		const [c] = await store.applyOrders([snap('1', 'cancelled', [['SHIRT-M', 2]], 3)]);
		expect(c.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'SHIRT-M', quantity: 2 }] }]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 10, reserved: 0 });
		expect(await ledgerOf('1')).toEqual([
			['commit', 'commit', 'CAP', -1, 0],
			['commit', 'commit', 'SHIRT-M', -3, 0],
			['restock', 'restock@2', 'CAP', 1, 0],
			['restock', 'restock@2', 'SHIRT-M', 1, 0],
			['restock', 'restock', 'SHIRT-M', 2, 0],
		]);
	});

	test('every line removed by a change (all_lines_removed): released before the deduct point, restocked after it, each once', async () => {
		const emptied = (id: string, status: CanonicalStatus, minute: number) => ({ ...snap(id, status, [], minute), flags: ['all_lines_removed' as const] });
		await store.applyOrders([snap('7', 'paid', [['SHIRT-M', 2]], 0), snap('8', 'invoiced', [['CAP', 2]], 0)]);
		const [released, restocked] = await store.applyOrders([emptied('7', 'paid', 1), emptied('8', 'invoiced', 1)]);
		expect(released).toMatchObject({ stage: 'released', effects: [{ effect: 'release', key: 'release@2', lines: [{ sku: 'SHIRT-M', quantity: 2 }] }] });
		expect(restocked).toMatchObject({ stage: 'restocked', effects: [{ effect: 'restock', key: 'restock@2', lines: [{ sku: 'CAP', quantity: 2 }] }] });
		expect([await level('SHIRT-M'), await level('CAP')]).toEqual([{ onHand: 10, reserved: 0 }, { onHand: 5, reserved: 0 }]);
		const again = await store.applyOrders([emptied('7', 'invoiced', 2), emptied('8', 'shipped', 2)]);
		expect(again.map((r) => [r.outcome, r.stage, r.effects])).toEqual([['unchanged', 'released', []], ['unchanged', 'restocked', []]]);
		// A later cancellation finds nothing to give back.
		const [cancelled] = await store.applyOrders([snap('8', 'cancelled', [], 3)]);
		expect(cancelled.effects.flatMap((e) => e.lines)).toEqual([]);
		expect(await level('CAP')).toEqual({ onHand: 5, reserved: 0 });
	});

	test('with restock on cancel turned off, cancelled units stay out and re-applying moves nothing', async () => {
		const lifecycle = { restockOnCancelAfterCommit: false };
		await store.applyOrders([snap('2', 'invoiced', [['SHIRT-M', 3]], 0)], { lifecycle });
		const [r] = await store.applyOrders([snap('2', 'invoiced', [['SHIRT-M', 1]], 1)], { lifecycle });
		expect(r).toMatchObject({ outcome: 'unchanged', flags: ['cancelled_after_commit_not_restocked', 'lines_changed_after_commit'] });
		await store.applyOrders([snap('2', 'invoiced', [['SHIRT-M', 1]], 2), snap('2', 'cancelled', [['SHIRT-M', 1]], 3)], { lifecycle });
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 0 });
	});

	test('units added after the commit point are deducted too', async () => {
		await store.applyOrders([snap('3', 'invoiced', [['CAP', 1]], 0)]);
		const [r] = await store.applyOrders([snap('3', 'invoiced', [['CAP', 3]], 1)]);
		expect(r.effects).toEqual([{ effect: 'commit', key: 'commit@2', lines: [{ sku: 'CAP', quantity: 2 }] }]);
		expect(r.flags).toEqual(['lines_changed_after_commit']);
		expect(await level('CAP')).toEqual({ onHand: 2, reserved: 0 });
	});

	test('commit point shipped: shipped units are deducted as they ship, the rest stays reserved and is released when cancelled', async () => {
		const lifecycle = { commitOn: 'shipped' as const };
		await store.applyOrders([snap('4', 'invoiced', [['SHIRT-M', 4]], 0)], { lifecycle });
		const [first] = await store.applyOrders([snap('4', 'shipped', [['SHIRT-M', 4, { shipped: 1 }]], 1)], { lifecycle });
		expect(first).toMatchObject({ stage: 'reserved', effects: [{ effect: 'commit', key: 'commit', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 3 });
		expect(await store.listReservations({ orderKey: 'shopify:loja-teste:4' })).toMatchObject([{ sku: 'SHIRT-M', quantity: 3 }]);
		const [second] = await store.applyOrders([snap('4', 'shipped', [['SHIRT-M', 4, { shipped: 3 }]], 2)], { lifecycle });
		expect(second.effects).toEqual([{ effect: 'commit', key: 'commit@3', lines: [{ sku: 'SHIRT-M', quantity: 2 }] }]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 1 });
		// the last unit is cancelled: its reservation is released, the shipped ones stay deducted
		const [rest] = await store.applyOrders([snap('4', 'delivered', [['SHIRT-M', 3, { shipped: 3 }]], 3)], { lifecycle });
		expect(rest).toMatchObject({ stage: 'committed', effects: [{ effect: 'release', key: 'release@4', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 0 });
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('commit point shipped: an order cancelled after a partial shipment releases the rest and restocks the shipped units', async () => {
		const lifecycle = { commitOn: 'shipped' as const };
		await store.applyOrders([snap('5', 'shipped', [['CAP', 3, { shipped: 2 }]], 0)], { lifecycle });
		expect(await level('CAP')).toEqual({ onHand: 3, reserved: 1 });
		const [c] = await store.applyOrders([snap('5', 'cancelled', [['CAP', 3]], 1)], { lifecycle });
		expect(c.effects).toEqual([
			{ effect: 'restock', key: 'restock', lines: [{ sku: 'CAP', quantity: 2 }] },
			{ effect: 'release', key: 'release', lines: [{ sku: 'CAP', quantity: 1 }] },
		]);
		expect(c.stage).toBe('restocked');
		expect(await level('CAP')).toEqual({ onHand: 5, reserved: 0 });
	});

	test('partial returns restock exactly the returned units; the returned order brings back only the rest', async () => {
		await store.applyOrders([snap('6', 'delivered', [['SHIRT-M', 3]], 0)]);
		const [one] = await store.applyOrders([snap('6', 'delivered', [['SHIRT-M', 3, { returned: 1 }]], 1)]);
		expect(one.effects).toEqual([{ effect: 'restock', key: 'restock@2', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(one.flags).toEqual([]);
		const [same] = await store.applyOrders([snap('6', 'delivered', [['SHIRT-M', 3, { returned: 1 }]], 2)]);
		expect(same.outcome).toBe('unchanged');
		await store.applyOrders([snap('6', 'delivered', [['SHIRT-M', 3, { returned: 2 }]], 3)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		const [all] = await store.applyOrders([snap('6', 'returned', [['SHIRT-M', 3]], 4)]);
		expect(all.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 10, reserved: 0 });
	});

	test('a returned order with per-line counts keeps the kept units deducted; after it, units only come back', async () => {
		await store.applyOrders([snap('7', 'delivered', [['CAP', 3]], 0)]);
		const [r] = await store.applyOrders([snap('7', 'returned', [['CAP', 3, { returned: 1 }]], 1)]);
		expect(r).toMatchObject({ stage: 'committed', effects: [{ effect: 'restock', key: 'restock', lines: [{ sku: 'CAP', quantity: 1 }] }] });
		// a later claim brings one more back; a snapshot saying fewer returned deducts nothing again
		const [more] = await store.applyOrders([snap('7', 'returned', [['CAP', 3, { returned: 2 }]], 2)]);
		expect(more.effects).toEqual([{ effect: 'restock', key: 'restock@3', lines: [{ sku: 'CAP', quantity: 1 }] }]);
		const [fewer] = await store.applyOrders([snap('7', 'returned', [['CAP', 3, { returned: 0 }]], 3)]);
		expect(fewer.outcome).toBe('unchanged');
		expect(await level('CAP')).toEqual({ onHand: 4, reserved: 0 });
	});

	test('a later snapshot reporting fewer returned units un-restocks nothing: flagged returns_lowered, the units stay back', async () => {
		await store.applyOrders([snap('10', 'delivered', [['SHIRT-M', 3]], 0)]);
		await store.applyOrders([snap('10', 'delivered', [['SHIRT-M', 3, { returned: 2 }]], 1)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		const [lowered] = await store.applyOrders([snap('10', 'delivered', [['SHIRT-M', 3, { returned: 1 }]], 2)]);
		expect(lowered).toMatchObject({ outcome: 'unchanged', effects: [], flags: ['returns_lowered'] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		// A return registered now finds both units already back: nothing moves.
		const registered = await store.registerReturn({ order: 'shopify:loja-teste:10', ref: 'rma-10', lines: [{ sku: 'SHIRT-M', quantity: 2, condition: 'restock' }] });
		expect(registered.duplicate).toBeFalsy();
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		// The returned order brings back only the unit still out; the order restocked exactly what it deducted.
		await store.applyOrders([snap('10', 'returned', [['SHIRT-M', 3]], 3)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 10, reserved: 0 });
		const moved = (await store.listLedger({ orderKey: 'shopify:loja-teste:10' })).reduce((sum, e) => sum + e.deltaOnHand, 0);
		expect(moved).toBe(0);
	});

	test('returned units leaving the order (a change order cuts the line) are no longer back; the unit still out stays out', async () => {
		await store.applyOrders([snap('11', 'delivered', [['CAP', 3, { returned: 2 }]], 0)]);
		expect(await level('CAP')).toEqual({ onHand: 4, reserved: 0 });
		// The line is cut to the 1 unit the buyer kept, its returns no longer listed: nothing moves, no flag.
		const [cut] = await store.applyOrders([snap('11', 'delivered', [['CAP', 1]], 1)]);
		expect(cut).toMatchObject({ outcome: 'unchanged', effects: [], flags: [] });
		expect(await level('CAP')).toEqual({ onHand: 4, reserved: 0 });
		// That unit comes back with the returned order: the order restocked exactly what it deducted.
		const [returned] = await store.applyOrders([snap('11', 'returned', [['CAP', 1]], 2)]);
		expect(returned.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'CAP', quantity: 1 }] }]);
		expect(await level('CAP')).toEqual({ onHand: 5, reserved: 0 });
	});

	test('with restock on return turned off, returned units stay out and the order is flagged', async () => {
		const lifecycle = { restockOnReturn: false };
		await store.applyOrders([snap('8', 'delivered', [['CAP', 2]], 0)], { lifecycle });
		const [r] = await store.applyOrders([snap('8', 'delivered', [['CAP', 2, { returned: 1 }]], 1)], { lifecycle });
		expect(r).toMatchObject({ outcome: 'unchanged', flags: ['returned_not_restocked'] });
		expect(await level('CAP')).toEqual({ onHand: 3, reserved: 0 });
	});

	test('units shipped before the commit point has been reached are deducted (they left the warehouse)', async () => {
		const [r] = await store.applyOrders([snap('9', 'paid', [['SHIRT-M', 3, { shipped: 1 }]], 0)]);
		expect(r.effects).toEqual([
			{ effect: 'commit', key: 'commit', lines: [{ sku: 'SHIRT-M', quantity: 1 }] },
			{ effect: 'reserve', key: 'reserve', lines: [{ sku: 'SHIRT-M', quantity: 2 }] },
		]);
		await store.applyOrders([snap('9', 'invoiced', [['SHIRT-M', 3, { shipped: 1 }]], 1)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 0 });
	});
});
