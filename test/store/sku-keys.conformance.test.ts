import type { CanonicalOrder, OrderLine } from '../../core/model/order';
import type { StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh, rawQuery } from './stores';

/** Per-SKU footprints with awkward keys, and lines without a SKU, on both drivers. */

// Names of Object.prototype members: `footprint[sku] ?? 0` on a plain object returns a function for them,
// and assigning "__proto__" on a plain object sets its prototype instead of a key.
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

/** [sku, onHand, reserved, available] by SKU order (tuples: an object literal cannot hold a "__proto__" key). */
const levels = async (store: OmsStore) => (await store.getAvailability()).map((l) => [l.sku, l.onHand, l.reserved, l.available]);

describe.each(DRIVERS)('SKUs named like Object.prototype members on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	beforeEach(async () => {
		({ store, config } = await openFresh(driver, { clock: () => new Date('2026-11-20T12:00:00Z') }));
		await store.setOnHand(NAMES.map((sku) => ({ sku, onHand: 10 })));
	});
	afterEach(() => store.close());

	const expectConsistent = async () => {
		expect(await store.reconcile(false)).toEqual({ checkedSkus: NAMES.length, drift: [], repaired: false });
		const nulls = await rawQuery(config, 'SELECT sku FROM oms_stock WHERE on_hand IS NULL OR reserved IS NULL');
		expect(nulls).toEqual([]);
	};

	test('reserve, edit, commit, cancel and restock move each of them exactly', async () => {
		const lines = (q: number): Array<[string, number]> => NAMES.map((sku, i) => [sku, q + i]);
		await store.applyOrders([order('1', 'pending_payment', lines(1))]);
		expect(await levels(store)).toEqual([
			['__proto__', 10, 3, 7],
			['constructor', 10, 1, 9],
			['hasOwnProperty', 10, 4, 6],
			['toString', 10, 2, 8],
			['valueOf', 10, 5, 5],
		]);
		expect((await store.listReservations({ sku: '__proto__' })).map((r) => r.quantity)).toEqual([3]);

		// Paid with other quantities: the reservation moves by the difference, per SKU.
		const [edited] = await store.applyOrders([order('1', 'paid', [['__proto__', 1], ['constructor', 4]], { minute: 1 })]);
		expect(edited.effects[0].lines).toEqual([
			{ sku: '__proto__', quantity: -2 },
			{ sku: 'constructor', quantity: 3 },
			{ sku: 'hasOwnProperty', quantity: -4 },
			{ sku: 'toString', quantity: -2 },
			{ sku: 'valueOf', quantity: -5 },
		]);
		await expectConsistent();

		await store.applyOrders([order('1', 'invoiced', [['__proto__', 1], ['constructor', 4]], { minute: 2 })]);
		// First seen committed: nothing was held, nothing is released.
		await store.applyOrders([order('2', 'shipped', [['toString', 2], ['valueOf', 1]])]);
		expect(await levels(store)).toEqual([
			['__proto__', 9, 0, 9],
			['constructor', 6, 0, 6],
			['hasOwnProperty', 10, 0, 10],
			['toString', 8, 0, 8],
			['valueOf', 9, 0, 9],
		]);

		await store.applyOrders([order('1', 'cancelled', [['__proto__', 1], ['constructor', 4]], { minute: 3 })]);
		// Order 1 restocked; order 2 keeps its units out.
		expect(await levels(store)).toEqual([
			['__proto__', 10, 0, 10],
			['constructor', 10, 0, 10],
			['hasOwnProperty', 10, 0, 10],
			['toString', 8, 0, 8],
			['valueOf', 9, 0, 9],
		]);
		await expectConsistent();
	});

	test('an unpaid reservation of them expires and comes back when paid', async () => {
		await store.applyOrders([order('3', 'pending_payment', [['__proto__', 2], ['valueOf', 1]])]);
		const [expired] = await store.expireReservations(new Date('2026-11-21T00:00:00Z'));
		expect(expired.released).toEqual([{ sku: '__proto__', quantity: 2 }, { sku: 'valueOf', quantity: 1 }]);
		await store.applyOrders([order('3', 'paid', [['__proto__', 2], ['valueOf', 1]], { minute: 5 })]);
		expect(await levels(store)).toEqual([
			['__proto__', 10, 2, 8],
			['constructor', 10, 0, 10],
			['hasOwnProperty', 10, 0, 10],
			['toString', 10, 0, 10],
			['valueOf', 10, 1, 9],
		]);
		await expectConsistent();
	});
});

/** A line the channel could not tie to a seller SKU, as validateCanonicalOrder produces it. */
const unmappedLine = (quantity: number, listing: string, variant?: string): OrderLine => ({
	unmapped: true,
	quantity,
	unitPriceCents: 1990,
	channelListingId: listing,
	...(variant ? { channelVariantId: variant } : {}),
});

const withLines = (o: CanonicalOrder, lines: OrderLine[]): CanonicalOrder => ({ ...o, lines, flags: ['unmapped_lines'] });

describe.each(DRIVERS)('orders with unmapped lines on %s', (driver) => {
	let store: OmsStore;
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'A', onHand: 10 }, { sku: 'B', onHand: 10 }]);
	});
	afterEach(() => store.close());

	test('import, reserve the mapped lines only, and say which lines wait', async () => {
		const first = order('1', 'paid', [['A', 2]]);
		const [r] = await store.applyOrders([withLines(first, [first.lines[0], unmappedLine(3, 'MLB123', '777')])]);
		expect(r).toMatchObject({ outcome: 'applied', stage: 'reserved', unknownSkus: [] });
		expect(r.unmappedLines).toEqual([{ index: 1, quantity: 3, channelListingId: 'MLB123', channelVariantId: '777' }]);
		expect(r.effects).toEqual([{ effect: 'reserve', key: 'reserve', lines: [{ sku: 'A', quantity: 2 }] }]);
		expect(await levels(store)).toEqual([['A', 10, 2, 8], ['B', 10, 0, 10]]);

		// The listing got linked to SKU B: the next snapshot reserves it, and nothing waits any more.
		const [linked] = await store.applyOrders([order('1', 'paid', [['A', 2], ['B', 3]], { minute: 1 })]);
		expect(linked.unmappedLines).toEqual([]);
		expect(linked.effects).toEqual([{ effect: 'adjust_reservation', key: 'adjust@2', lines: [{ sku: 'B', quantity: 3 }] }]);
		expect(await levels(store)).toEqual([['A', 10, 2, 8], ['B', 10, 3, 7]]);
		expect(await store.reconcile(false)).toMatchObject({ drift: [] });
	});

	test('an order whose every line is unmapped is imported and holds nothing', async () => {
		const [r] = await store.applyOrders([withLines(order('2', 'invoiced', []), [unmappedLine(1, 'L-1'), unmappedLine(2, 'L-2')])]);
		expect(r).toMatchObject({ outcome: 'applied', stage: 'committed', affected: [] });
		expect(r.unmappedLines.map((l) => [l.index, l.channelListingId, l.quantity])).toEqual([[0, 'L-1', 1], [1, 'L-2', 2]]);
		expect(await store.listLedger({ orderKey: r.orderKey })).toEqual([]);
		expect(await levels(store)).toEqual([['A', 10, 0, 10], ['B', 10, 0, 10]]);
	});

	test('a line with a blank SKU is unmapped, not a SKU named ""', async () => {
		const o = order('3', 'paid', [['A', 1], ['  ', 4]]);
		const [r] = await store.applyOrders([o]);
		expect(r.unmappedLines).toEqual([{ index: 1, quantity: 4 }]);
		expect((await store.getAvailability()).map((l) => l.sku)).toEqual(['A', 'B']);
	});
});
