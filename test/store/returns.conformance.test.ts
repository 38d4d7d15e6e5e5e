import type { CanonicalOrder, CanonicalStatus } from '../../core/model/order';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from './stores';

/**
 * Order → Register Return on both drivers: per line, restocked or quarantined with a reason; exchanges
 * ("troca") reserve the new line as an order of their own; a unit is never put back twice, whether the
 * channel reports the same return before or after it is registered.
 */

const KEY = 'shopify:loja-teste:';

function snap(id: string, status: CanonicalStatus, lines: Array<[string, number, number?]>, minute: number): CanonicalOrder {
	const o = order(id, status, lines.map(([sku, q]) => [sku, q]), { minute });
	o.lines = o.lines.map((l, i) => (lines[i][2] === undefined ? l : { ...l, returnedQuantity: lines[i][2] }));
	return o;
}

describe.each(DRIVERS)('returns and exchanges on %s', (driver) => {
	let store: OmsStore;
	const level = async (sku: string, warehouse = 'default') => {
		const [l] = await store.getAvailability([sku], warehouse);
		return l ? { onHand: l.onHand, reserved: l.reserved } : undefined;
	};
	const ledgerOf = async (id: string) =>
		(await store.listLedger({ orderKey: `${KEY}${id}` })).map((e) => [e.reason, e.effectKey, e.warehouse, e.sku, e.deltaOnHand, e.note]);
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'SHIRT-M', onHand: 10 }, { sku: 'SHIRT-G', onHand: 4 }]);
		await store.applyOrders([snap('1', 'delivered', [['SHIRT-M', 3]], 0)]);
	});
	afterEach(() => store.close());

	test('restock one unit and quarantine another (damaged, with its reason); the ledger names both', async () => {
		const r = await store.registerReturn({
			order: `${KEY}1`,
			ref: 'rma-77',
			lines: [
				{ sku: 'SHIRT-M', quantity: 1, condition: 'restock' },
				{ sku: 'SHIRT-M', quantity: 1, condition: 'quarantine', reason: 'caixa amassada, peça rasgada' },
			],
		});
		expect(r).toMatchObject({ duplicate: false, effects: [
			{ effect: 'return', key: 'return:rma-77', lines: [{ sku: 'SHIRT-M', quantity: 1 }] },
			{ effect: 'return_quarantine', key: 'return_quarantine:rma-77', lines: [{ sku: 'SHIRT-M', quantity: 1 }] },
		] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 8, reserved: 0 });
		expect(await level('SHIRT-M', 'quarantine')).toEqual({ onHand: 1, reserved: 0 });
		expect(await ledgerOf('1')).toEqual([
			['commit', 'commit', 'default', 'SHIRT-M', -3, null],
			['return', 'return:rma-77', 'default', 'SHIRT-M', 1, null],
			['return_quarantine', 'return_quarantine:rma-77', 'quarantine', 'SHIRT-M', 1, 'caixa amassada, peça rasgada'],
		]);
		// Order → Get shows what was registered.
		expect(await store.getOrder(`${KEY}1`)).toMatchObject({ committed: { 'SHIRT-M': 1 }, returned: { 'SHIRT-M': 2 }, registeredReturns: { units: { 'SHIRT-M': 2 }, refs: ['rma-77'] } });
		// The same ref again: nothing moves.
		const again = await store.registerReturn({ order: `${KEY}1`, ref: 'rma-77', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'restock' }] });
		expect(again).toMatchObject({ duplicate: true, effects: [] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 8, reserved: 0 });
	});

	test('the channel reporting the registered return afterwards puts nothing back a second time', async () => {
		await store.registerReturn({ order: `${KEY}1`, ref: 'rma-1', lines: [{ sku: 'SHIRT-M', quantity: 2, condition: 'restock' }] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		const [r] = await store.applyOrders([snap('1', 'delivered', [['SHIRT-M', 3, 2]], 1)]);
		expect(r.outcome).toBe('unchanged');
		// A later snapshot that no longer lists the return does not take the registered units out again.
		await store.applyOrders([snap('1', 'delivered', [['SHIRT-M', 3]], 2)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 9, reserved: 0 });
		// The whole order returned: only the unit still out comes back.
		const [ret] = await store.applyOrders([snap('1', 'returned', [['SHIRT-M', 3]], 3)]);
		expect(ret.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 10, reserved: 0 });
	});

	test('a return the channel already restocked, registered as damaged afterwards, moves to quarantine', async () => {
		await store.applyOrders([snap('1', 'delivered', [['SHIRT-M', 3, 1]], 1)]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 8, reserved: 0 });
		const r = await store.registerReturn({ order: `${KEY}1`, ref: 'claim-9', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'quarantine', reason: 'defeito' }] });
		expect(r.effects).toEqual([{ effect: 'quarantine', key: 'quarantine:claim-9', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 0 });
		expect(await level('SHIRT-M', 'quarantine')).toEqual({ onHand: 1, reserved: 0 });
		expect((await ledgerOf('1')).slice(-2)).toEqual([
			['quarantine', 'quarantine:claim-9', 'default', 'SHIRT-M', -1, 'defeito'],
			['quarantine', 'quarantine:claim-9', 'quarantine', 'SHIRT-M', 1, 'defeito'],
		]);
		// Registered as sellable instead (another unit the channel restocked): nothing moves, it is already on hand.
		await store.applyOrders([snap('1', 'delivered', [['SHIRT-M', 3, 2]], 2)]);
		const ok = await store.registerReturn({ order: `${KEY}1`, ref: 'claim-10', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'restock' }] });
		expect(ok.effects).toEqual([{ effect: 'return', key: 'return:claim-10', lines: [{ sku: 'SHIRT-M', quantity: 1 }] }]);
		expect(await level('SHIRT-M')).toEqual({ onHand: 8, reserved: 0 });
	});

	test('more units than the order can still return is refused, naming the order and the SKU; nothing moves', async () => {
		await expect(store.registerReturn({ order: `${KEY}1`, ref: 'x', lines: [{ sku: 'SHIRT-M', quantity: 4, condition: 'restock' }] })).rejects.toThrow(
			`Order ${KEY}1: SKU SHIRT-M has 3 unit(s) that can still be registered as returned, 4 asked (restock)`,
		);
		await expect(store.registerReturn({ order: `${KEY}1`, ref: 'x', lines: [{ sku: 'CAP', quantity: 1, condition: 'restock' }] })).rejects.toThrow('SKU CAP has 0 unit(s)');
		await expect(store.registerReturn({ order: `${KEY}404`, ref: 'x', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'restock' }] })).rejects.toThrow(`order ${KEY}404 is not in the store`);
		await expect(store.registerReturn({ order: `${KEY}1`, ref: 'x', quarantineWarehouse: 'default', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'quarantine' }] })).rejects.toThrow(
			'the quarantine warehouse must differ',
		);
		await expect(store.registerReturn({ order: `${KEY}1`, ref: 'x', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'lost' as never }] })).rejects.toThrow(
			'lines[0].condition must be "restock" or "quarantine", got "lost"',
		);
		expect(await level('SHIRT-M')).toEqual({ onHand: 7, reserved: 0 });
		// The refused attempts did not use the ref.
		expect((await store.registerReturn({ order: `${KEY}1`, ref: 'x', lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'restock' }] })).duplicate).toBe(false);
	});

	test('an exchange ("troca"): the returned unit comes back and the new size is reserved on an order of its own', async () => {
		const r = await store.registerReturn({
			order: { channel: 'shopify', account: 'loja-teste', channelOrderId: '1' },
			ref: 'troca-1',
			lines: [{ sku: 'SHIRT-M', quantity: 1, condition: 'restock', reason: 'tamanho errado' }],
			exchange: { lines: [{ sku: 'SHIRT-G', quantity: 1 }] },
		});
		const exKey = `oms:exchange:${KEY}1#troca-1`;
		expect(r.exchange).toMatchObject({ orderKey: exKey, effects: [{ effect: 'exchange', key: 'reserve', lines: [{ sku: 'SHIRT-G', quantity: 1 }] }] });
		expect(r.exchange!.order).toMatchObject({ channel: 'oms', account: 'exchange', status: 'paid', lines: [{ sku: 'SHIRT-G', quantity: 1 }] });
		expect(await level('SHIRT-M')).toEqual({ onHand: 8, reserved: 0 });
		expect(await level('SHIRT-G')).toEqual({ onHand: 4, reserved: 1 });
		expect((await store.listLedger({ orderKey: exKey })).map((e) => [e.reason, e.sku, e.deltaReserved, e.note])).toEqual([['exchange', 'SHIRT-G', 1, `exchange for ${KEY}1 (troca-1)`]]);
		// The channel's next snapshot of the original order cannot release the new line.
		await store.applyOrders([snap('1', 'delivered', [['SHIRT-M', 3]], 5)]);
		expect(await level('SHIRT-G')).toEqual({ onHand: 4, reserved: 1 });
		// The new line ships: its order is applied (as the ERP's event) and the unit is deducted.
		const [shipped] = await store.applyOrders([{ ...r.exchange!.order, status: 'shipped' }], { source: 'erp' });
		expect(shipped.effects).toEqual([{ effect: 'commit', key: 'commit', lines: [{ sku: 'SHIRT-G', quantity: 1 }] }]);
		expect(await level('SHIRT-G')).toEqual({ onHand: 3, reserved: 0 });
		expect(await store.reconcile(false)).toMatchObject({ drift: [] });
	});
});

describe.each(DRIVERS)('returns after a cancellation on %s', (driver) => {
	// Found by the property test: a returned-then-cancelled order (one batch) forgot the units already back, so
	// registering them was refused.
	test('units the channel brought back stay counted when the order is then cancelled', async () => {
		const { store } = await openFresh(driver);
		try {
			await store.applyOrders([snap('5', 'delivered', [['A', 1, 1], ['A', 1, 1]], 0), snap('5', 'cancelled', [['A', 1]], 0)], { lifecycle: { commitOn: 'paid' } });
			const r = await store.registerReturn({ order: `${KEY}5`, ref: 'rma-1', lines: [{ sku: 'A', quantity: 2, condition: 'restock' }] });
			expect(r).toMatchObject({ duplicate: false, effects: [{ effect: 'return', lines: [{ sku: 'A', quantity: 2 }] }] });
			expect(await store.reconcile(false)).toMatchObject({ drift: [] });
		} finally {
			await store.close();
		}
	});
});
