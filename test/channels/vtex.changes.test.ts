import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeVtexOrder } from '../../core/channels/vtex/normalize';
import type { OmsStore } from '../../core/store/types';
import { DRIVERS, openFresh } from '../store/stores';

/**
 * VTEX change orders (changesAttachment) read on top of the items (core/channels/vtex/changes.ts), then applied
 * on both stores. Published payload: user-order-changed.json is vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c,
 * "VTEX - Orders API.json", components.schemas.Userorderdetails.example — Bay Max L (sku id 1234568358) listed at
 * 1 unit, a change removing 1 unit of it, totals Items 3290 and Change −3290. The GET /api/oms/pvt/orders example
 * (get-order.json, no Change total, the removed item no longer listed) is covered in vtex.normalize/intake tests:
 * read as its items say.
 */
type Json = Record<string, any>;
const published = (): Json => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/vtex/user-order-changed.json'), 'utf8')) as Json;
const normalize = (raw: Json) => normalizeVtexOrder(raw, 'luxstore', 'refId');
/** The published order as ordered: `units` of Bay Max L, no change recorded yet. */
const ordered = (units: number): Json => {
	const raw = published();
	raw.items[0].quantity = units;
	raw.changesAttachment = null;
	raw.totals = raw.totals.filter((t: Json) => t.id !== 'Change');
	raw.lastChange = '2019-02-06T20:40:00.0000000+00:00';
	return raw;
};
/** The published change (1 unit removed) on an order of `units` units; `added` more units of it added back. */
const changed = (units: number, added = 0, minute = 46): Json => {
	const raw = published();
	raw.items[0].quantity = units;
	raw.lastChange = `2019-02-06T20:${minute}:11.7010747+00:00`;
	if (added > 0) raw.changesAttachment.changesData.push({ ...raw.changesAttachment.changesData[0], reason: 'added back', itemsRemoved: [], itemsAdded: [{ id: '1234568358', name: 'Bay Max L', quantity: added, price: 3290, unitMultiplier: null }] });
	return raw;
};

describe('VTEX change orders: reading', () => {
	it('the published change removes the one unit listed: imported with no line, flagged all_lines_removed (not an error item)', () => {
		const order = normalize(published());
		expect(order).toMatchObject({ channelOrderId: 'v502556llux-01', status: 'paid', lines: [] });
		expect(order.flags).toEqual(['all_lines_removed']);
	});

	it('derived from the GET example (items already without the removed one, no Change total): no item left is all_lines_removed too', () => {
		const raw = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/vtex/get-order.json'), 'utf8')) as Json;
		raw.items = [];
		const order = normalize(raw);
		expect(order).toMatchObject({ status: 'paid', lines: [], flags: ['all_lines_removed'] });
	});

	it('an order with no item and no change explaining it is still the one error, naming items', () => {
		const raw = published();
		raw.changesAttachment = null;
		raw.items[0].quantity = 0;
		expect(() => normalize(raw)).toThrow(/items/);
	});

	it('on 2 units ordered, the change leaves 1; without the Change total the items are taken as they are', () => {
		expect(normalize(changed(2)).lines.map((l) => [l.sku, l.quantity])).toEqual([['BIGHEROBML', 1]]);
		const noTotal = changed(2);
		noTotal.totals = noTotal.totals.filter((t: Json) => t.id !== 'Change');
		expect(normalize(noTotal).lines.map((l) => l.quantity)).toEqual([2]);
	});

	it('a removal of more units than listed stops at 0 and is flagged; an item added by a change that the order does not list is unmapped', () => {
		const raw = changed(2);
		raw.changesAttachment.changesData[0].itemsRemoved[0].quantity = 5;
		raw.items.push({ ...raw.items[0], id: '777', refId: 'OTHER', uniqueId: 'U2', quantity: 1 });
		raw.changesAttachment.changesData[0].itemsAdded = [{ id: '999', name: 'Brinde', quantity: 1, price: 0, unitMultiplier: null }];
		const order = normalize(raw);
		expect(order.lines.map((l) => [l.sku, l.channelVariantId, l.quantity])).toEqual([['OTHER', '777', 1], [undefined, '999', 1]]);
		expect(order.flags).toEqual(expect.arrayContaining(['line_quantities_clamped', 'unmapped_lines']));
	});
});

describe.each(DRIVERS)('VTEX change orders on %s', (driver) => {
	let store: OmsStore;
	const onHand = async () => (await store.getAvailability(['BIGHEROBML']))[0].onHand;
	const lifecycle = { commitOn: 'paid' as const };
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'BIGHEROBML', onHand: 10 }]);
	});
	afterEach(() => store.close());

	it('after the deduct point, exactly the removed unit is restocked with its own key; an added unit is deducted; replays move nothing', async () => {
		await store.applyOrders([normalize(ordered(3))], { lifecycle });
		expect(await onHand()).toBe(7);
		const [removed] = await store.applyOrders([normalize(changed(3))], { lifecycle });
		expect(removed.effects).toEqual([{ effect: 'restock', key: 'restock@2', lines: [{ sku: 'BIGHEROBML', quantity: 1 }] }]);
		expect(removed.flags).toContain('lines_changed_after_commit');
		expect(await onHand()).toBe(8);
		const [again] = await store.applyOrders([normalize(changed(3))], { lifecycle });
		expect(again.outcome).toBe('unchanged');
		const [addedBack] = await store.applyOrders([normalize(changed(3, 1, 50))], { lifecycle });
		expect(addedBack.effects).toEqual([{ effect: 'commit', key: 'commit@3', lines: [{ sku: 'BIGHEROBML', quantity: 1 }] }]);
		expect(await onHand()).toBe(7);
	});

	it('the published change emptying the order after the deduct point restocks every unit with its own key; replays move nothing', async () => {
		await store.applyOrders([normalize(ordered(1))], { lifecycle });
		expect(await onHand()).toBe(9);
		const [emptied] = await store.applyOrders([normalize(published())], { lifecycle });
		expect(emptied).toMatchObject({ outcome: 'applied', stage: 'restocked' });
		expect(emptied.effects).toEqual([{ effect: 'restock', key: 'restock@2', lines: [{ sku: 'BIGHEROBML', quantity: 1 }] }]);
		expect(emptied.flags).toContain('lines_changed_after_commit');
		expect((await store.getOrder(emptied.orderKey))?.flags).toEqual(expect.arrayContaining(['all_lines_removed', 'lines_changed_after_commit']));
		expect((await store.getAvailability(['BIGHEROBML']))[0]).toMatchObject({ onHand: 10, reserved: 0 });
		const [again] = await store.applyOrders([normalize(published())], { lifecycle });
		expect([again.outcome, again.effects]).toEqual(['unchanged', []]);
		expect(await onHand()).toBe(10);
	});

	it('the published change emptying the order before the deduct point releases its reservation with its own key', async () => {
		await store.applyOrders([normalize(ordered(1))]);
		expect((await store.getAvailability(['BIGHEROBML']))[0]).toMatchObject({ onHand: 10, reserved: 1 });
		const [emptied] = await store.applyOrders([normalize(published())]);
		expect(emptied).toMatchObject({ outcome: 'applied', stage: 'released' });
		expect(emptied.effects).toEqual([{ effect: 'release', key: 'release@2', lines: [{ sku: 'BIGHEROBML', quantity: 1 }] }]);
		expect((await store.getAvailability(['BIGHEROBML']))[0]).toMatchObject({ onHand: 10, reserved: 0 });
		// Items added back by a later change reserve again.
		const [addedBack] = await store.applyOrders([normalize(changed(1, 2, 50))]);
		expect(addedBack.effects).toEqual([{ effect: 'reserve', key: 'reserve@3', lines: [{ sku: 'BIGHEROBML', quantity: 2 }] }]);
		expect((await store.getAvailability(['BIGHEROBML']))[0]).toMatchObject({ onHand: 10, reserved: 2 });
	});

	it('first seen already emptied by a change: nothing to give back, nothing moves, not an error', async () => {
		const [first] = await store.applyOrders([normalize(published())], { lifecycle });
		expect(first.effects.flatMap((e) => e.lines)).toEqual([]);
		expect((await store.getAvailability(['BIGHEROBML']))[0]).toMatchObject({ onHand: 10, reserved: 0 });
	});

	it('before the deduct point, the change lowers the reservation only', async () => {
		await store.applyOrders([normalize(ordered(3))]);
		await store.applyOrders([normalize(changed(3))]);
		expect((await store.getAvailability(['BIGHEROBML']))[0]).toMatchObject({ onHand: 10, reserved: 2 });
	});
});
