import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from './stores';

/** Kits on both drivers: component stock moves, ledger attribution, definitions kept per order, published level. */

describe.each(DRIVERS)('kits on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store } = await openFresh(driver, { clock: () => now }));
		await store.setOnHand([
			{ sku: 'A', onHand: 10 },
			{ sku: 'B', onHand: 7 },
			{ sku: 'C', onHand: 5 },
		]);
	});
	afterEach(() => store.close());

	const level = async (sku: string) => (await store.getAvailability([sku])).find((l) => l.sku === sku);

	test('a kit line reserves, commits and restocks its components; ledger rows name the kit line', async () => {
		const defined = await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
		expect(defined).toMatchObject({ sku: 'KIT', previous: null, changed: true, openOrdersKeepingTheirDefinition: 0 });
		// 10/2 = 5, 7/1 = 7 → 5
		expect(await level('KIT')).toMatchObject({ kit: true, available: 5, onHand: 5, reserved: 0, stocked: true });

		const [r] = await store.applyOrders([order('1', 'paid', [['KIT', 2], ['A', 1]])]);
		expect(r.outcome).toBe('applied');
		expect(r.affected.map((l) => [l.sku, l.reserved])).toEqual([['A', 5], ['B', 2]]);
		expect(r.effects[0].lines).toEqual([
			{ sku: 'A', quantity: 1 },
			{ sku: 'KIT', quantity: 2, components: [{ sku: 'A', quantity: 4 }, { sku: 'B', quantity: 2 }] },
		]);
		expect(r.kitLines).toEqual([{ kit: 'KIT', componentsPerKit: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], followsEarlierDefinition: false }]);
		// A: 10 − 5 = 5 → 2 kits; B: 7 − 2 = 5 → 5 kits
		expect(await level('KIT')).toMatchObject({ available: 2 });
		const reserve = (await store.listLedger({ orderKey: r.orderKey })).map((e) => [e.reason, e.sku, e.deltaReserved, e.kit]);
		expect(reserve).toEqual([
			['reserve', 'A', 1, null],
			['reserve', 'A', 4, 'KIT'],
			['reserve', 'B', 2, 'KIT'],
		]);
		expect((await store.listReservations({ sku: 'A' })).map((e) => [e.sku, e.quantity, e.kit ?? null])).toEqual([
			['A', 1, null],
			['A', 4, 'KIT'],
		]);

		await store.applyOrders([order('1', 'invoiced', [['KIT', 2], ['A', 1]], { minute: 1 })]);
		expect((await store.getAvailability(['A', 'B'])).map((l) => [l.sku, l.onHand, l.reserved])).toEqual([
			['A', 5, 0],
			['B', 5, 0],
		]);
		await store.applyOrders([order('1', 'cancelled', [['KIT', 2], ['A', 1]], { minute: 2 })]);
		expect((await store.getAvailability(['A', 'B'])).map((l) => [l.sku, l.onHand, l.reserved])).toEqual([
			['A', 10, 0],
			['B', 7, 0],
		]);
		const restock = (await store.listLedger({ orderKey: r.orderKey })).filter((e) => e.reason === 'restock').map((e) => [e.sku, e.deltaOnHand, e.kit]);
		expect(restock).toEqual([
			['A', 1, null],
			['A', 4, 'KIT'],
			['B', 2, 'KIT'],
		]);
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('a changed definition never moves what an order holds, and says so', async () => {
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }]);
		await store.applyOrders([order('1', 'paid', [['KIT', 1]])]);
		const changed = await store.defineKit('KIT', [{ sku: 'B', quantity: 3 }]);
		expect(changed).toMatchObject({ changed: true, previous: [{ sku: 'A', quantity: 2 }], components: [{ sku: 'B', quantity: 3 }], openOrdersKeepingTheirDefinition: 1 });
		expect(changed.note).toMatch(/keep what they reserved/);
		expect(await store.defineKit('KIT', [{ sku: 'B', quantity: 3 }])).toMatchObject({ changed: false });

		// The old order: quantity edited, then cancelled, always on A × 2.
		const [edited] = await store.applyOrders([order('1', 'paid', [['KIT', 2]], { minute: 1 })]);
		expect(edited.kitLines).toEqual([{ kit: 'KIT', componentsPerKit: [{ sku: 'A', quantity: 2 }], followsEarlierDefinition: true }]);
		expect((await store.getAvailability(['A', 'B'])).map((l) => [l.sku, l.reserved])).toEqual([
			['A', 4],
			['B', 0],
		]);
		// A new order follows today's definition.
		await store.applyOrders([order('2', 'paid', [['KIT', 1]])]);
		await store.applyOrders([order('1', 'cancelled', [['KIT', 2]], { minute: 2 })]);
		expect((await store.getAvailability(['A', 'B'])).map((l) => [l.sku, l.reserved])).toEqual([
			['A', 0],
			['B', 3],
		]);
		const removed = await store.removeKit('KIT');
		expect(removed).toMatchObject({ components: [], previous: [{ sku: 'B', quantity: 3 }], openOrdersKeepingTheirDefinition: 1 });
		await store.applyOrders([order('2', 'cancelled', [['KIT', 1]], { minute: 1 })]);
		expect((await store.getAvailability(['B']))[0]).toMatchObject({ reserved: 0 });
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('kits of kits flatten to stock SKUs; cycles are refused with the path', async () => {
		await store.defineKit('PAIR', [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }]);
		await store.defineKit('BOX', [{ sku: 'PAIR', quantity: 2 }, { sku: 'A', quantity: 1 }]);
		const [box] = await store.listKits({ skus: ['BOX'] });
		expect(box.stockComponents).toEqual([{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 2 }]);
		// A 10/3 = 3, B 7/2 = 3
		expect(await level('BOX')).toMatchObject({ available: 3 });
		await expect(store.defineKit('PAIR', [{ sku: 'BOX', quantity: 1 }])).rejects.toThrow('Kit PAIR: component BOX would make a cycle (PAIR → BOX → PAIR)');
		await expect(store.defineKit('A', [{ sku: 'A', quantity: 1 }])).rejects.toThrow('Kit A: a kit cannot contain itself');
		await expect(store.defineKit('X', [{ sku: 'A', quantity: 0 }])).rejects.toThrow('Kit X: component A quantity must be a whole number');
		await expect(store.defineKit('X', [])).rejects.toThrow('Kit X: needs at least one component');
		const [r] = await store.applyOrders([order('1', 'paid', [['BOX', 1]])]);
		expect(r.affected.map((l) => [l.sku, l.reserved])).toEqual([['A', 3], ['B', 2]]);
	});

	test('a kit has no stock of its own: counting it, or making a counted SKU a kit, is refused', async () => {
		await store.defineKit('KIT', [{ sku: 'A', quantity: 1 }]);
		await expect(store.setOnHand([{ sku: 'KIT', onHand: 3 }])).rejects.toThrow('SKU KIT: sku is a kit');
		await expect(store.adjustStock([{ sku: 'B', delta: 1 }, { sku: 'KIT', delta: 1 }])).rejects.toThrow('SKU KIT: sku is a kit');
		await expect(store.defineKit('C', [{ sku: 'A', quantity: 1 }])).rejects.toThrow('Kit C: holds stock of its own (on hand 5 in default)');
	});

	test('an order that held the SKU before it became a kit keeps holding the SKU itself', async () => {
		await store.setOnHand([{ sku: 'C', onHand: 0 }]);
		await store.applyOrders([order('1', 'paid', [['C', 1]])]);
		const made = await store.defineKit('C', [{ sku: 'A', quantity: 1 }]);
		expect(made).toMatchObject({ openOrdersHoldingItAsPlainSku: 1, openOrdersKeepingTheirDefinition: 0 });
		await store.applyOrders([order('1', 'cancelled', [['C', 1]], { minute: 1 })]);
		const counters = await store.getAvailability(['A']);
		expect(counters[0]).toMatchObject({ reserved: 0 });
		expect((await store.listLedger({ orderKey: 'shopify:loja-teste:1' })).map((e) => [e.reason, e.sku, e.deltaReserved])).toEqual([
			['reserve', 'C', 1],
			['release', 'C', -1],
		]);
	});

	test('the changed feed carries kits of changed components and redefined kits; expiry releases components', async () => {
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
		const start = await store.listChanged();
		expect(start.levels.filter((l) => l.kit).map((l) => [l.sku, l.available])).toEqual([['KIT', 5]]);
		await store.applyOrders([order('1', 'pending_payment', [['B', 4]])]);
		const next = await store.listChanged(start.cursor);
		expect(next.levels.map((l) => [l.sku, l.available, l.kit ?? false])).toEqual([
			['B', 3, false],
			['KIT', 3, true],
		]);
		await store.defineKit('KIT', [{ sku: 'A', quantity: 1 }]);
		const redefined = await store.listChanged(next.cursor);
		expect(redefined.levels.map((l) => [l.sku, l.available])).toEqual([['KIT', 10]]);
		expect(Number(redefined.cursor)).toBeGreaterThan(Number(next.cursor));
		expect((await store.listChanged(redefined.cursor)).levels).toEqual([]);
		const versioned = await store.getVersionedLevels(['KIT']);
		expect(versioned).toEqual([expect.objectContaining({ sku: 'KIT', available: 10, changeSeq: Number(redefined.cursor) })]);

		await store.applyOrders([order('2', 'pending_payment', [['KIT', 3]])]);
		now = new Date('2026-11-20T14:00:00Z');
		const expired = await store.expireReservations(new Date('2026-11-20T13:00:00Z'));
		expect(expired.find((e) => e.orderKey.endsWith(':2'))?.released).toEqual([{ sku: 'KIT', quantity: 3, components: [{ sku: 'A', quantity: 3 }] }]);
		expect((await store.getAvailability(['A']))[0]).toMatchObject({ reserved: 0 });
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('a removed kit joins the changed feed as a plain SKU, counted at 0 where its components are; a count then sells it', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 4, warehouse: 'sp' }]);
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
		const before = await store.listChanged();
		const removed = await store.removeKit('KIT');
		expect(removed).toMatchObject({ components: [], changed: true, note: expect.stringMatching(/plain SKU/) });
		const after = await store.listChanged(before.cursor);
		expect(after.levels.map((l) => [l.sku, l.warehouse, l.available, l.stocked, l.kit ?? false])).toEqual([
			['KIT', 'default', 0, true, false],
			['KIT', 'sp', 0, true, false],
		]);
		await store.setOnHand([{ sku: 'KIT', onHand: 3 }]);
		expect(await level('KIT')).toMatchObject({ onHand: 3, available: 3 });
		expect((await store.reconcile(false)).drift).toEqual([]);
		// Removing what is not a kit moves nothing.
		const cursor = (await store.listChanged(after.cursor)).cursor;
		expect(await store.removeKit('A')).toMatchObject({ changed: false });
		expect((await store.listChanged(cursor)).levels).toEqual([]);
	});

	test('a kit line registered as returned comes back as its recorded components (restock and quarantine)', async () => {
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
		await store.applyOrders([order('1', 'delivered', [['KIT', 2]])]);
		await store.defineKit('KIT', [{ sku: 'C', quantity: 1 }]); // later definition: the return still follows A × 2 + B
		const r = await store.registerReturn({
			order: 'shopify:loja-teste:1',
			ref: 'rma-1',
			lines: [
				{ sku: 'KIT', quantity: 1, condition: 'restock' },
				{ sku: 'KIT', quantity: 1, condition: 'quarantine', reason: 'caixa aberta' },
			],
		});
		expect(r.effects[0].lines).toEqual([{ sku: 'KIT', quantity: 1, components: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] }]);
		expect((await store.getAvailability(['A', 'B', 'C'])).filter((l) => !l.kit).map((l) => [l.warehouse, l.sku, l.onHand])).toEqual([
			['default', 'A', 8],
			['default', 'B', 6],
			['default', 'C', 5],
			['quarantine', 'A', 2],
			['quarantine', 'B', 1],
		]);
		expect((await store.reconcile(false)).drift).toEqual([]);
	});
});
