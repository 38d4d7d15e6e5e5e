import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MlOrder } from '../../core/channels/mercadolivre';
import { readOrderReturns } from '../../core/channels/mercadolivre/claims';
import { ML_FULL_WAREHOUSE, normalizeMlOrder } from '../../core/channels/mercadolivre/normalize';
import type { OmsStore } from '../../core/store/types';
import { mlShipment } from '../simulators/mercadolivre';
import { DRIVERS, openFresh } from '../store/stores';

/**
 * Mercado Livre Full (fulfilment): ML ships from its own warehouse and stock, and a buyer's return goes back to
 * ML's warehouse, not the seller's. Published payloads (test/fixtures/published/mercadolivre/SOURCES.md):
 * - claim-returns-v2.json: "Devoluciones", https://developers.mercadolibre.com.ve/es_ar/gestionar-devoluciones
 *   (22/12/2025) — a return whose `return` leg was delivered to the `warehouse` (Cajamar, ML's) and whose
 *   `return_from_triage` leg (from the warehouse, after its review) heads to the seller's address, pending.
 * - claim-get.json (the claim), order-get.json (the order, its item edited to the returned one).
 * The Full shipment is the simulator's x-format-new shipment with `logistic.type` "fulfillment" ("Mercado Envíos
 * 2", logistic types: "Mercado Envíos Full (fulfillment)").
 */
const published = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../fixtures/published/mercadolivre', name), 'utf8')) as Record<string, any>;
const ORDER = '2000009229357366';
const CLAIM = { ...published('claim-get.json'), id: 5298178312, resource_id: Number(ORDER), related_entities: ['return'] };

/** The published return; `triage: false` without its triage leg (the unit stayed in ML's warehouse). */
function publishedReturn(triage = true): Record<string, any> {
	const ret = published('claim-returns-v2.json');
	if (!triage) ret.shipments = ret.shipments.filter((s: { type: string }) => s.type !== 'return_from_triage');
	return ret;
}
const returnsOf = (ret: Record<string, unknown>) => readOrderReturns(async (path) => (path.endsWith('/search') ? { data: [CLAIM] } : ret), ORDER);

/** The published order, one unit of the returned item, shipped by `logistic` and `shipmentStatus`. */
function order(logistic: string, shipmentStatus: string, returns?: unknown, minute = 0): MlOrder {
	const o = published('order-get.json');
	o.id = Number(ORDER);
	o.order_items[0].item.id = 'MLB3840513395';
	o.order_items[0].item.variation_id = null;
	o.order_items[0].item.seller_sku = 'TENIS-42';
	o.order_items[0].quantity = 1;
	o.last_updated = `2026-11-20T18:${String(minute).padStart(2, '0')}:00.000-03:00`;
	const shipment = { ...mlShipment(1, shipmentStatus), logistic: { direction: 'forward', mode: 'me2', type: logistic } };
	return { ...o, shipment, ...(returns ? { returns } : {}) } as unknown as MlOrder;
}

describe('Mercado Livre Full: reading', () => {
	it('a Full order is held in its own warehouse (mercadolivre-full, or the adapter option); others keep theirs', () => {
		expect(normalizeMlOrder(order('fulfillment', 'shipped'), '').warehouse).toBe(ML_FULL_WAREHOUSE);
		expect(normalizeMlOrder(order('fulfillment', 'shipped'), '', { fullWarehouse: 'full-sp' }).warehouse).toBe('full-sp');
		expect(normalizeMlOrder(order('drop_off', 'shipped'), '').warehouse).toBeUndefined();
	});

	it('the published return: delivered to ML\'s warehouse, then sent on to the seller by the triage — not back in Full stock', async () => {
		const [ret] = await returnsOf(publishedReturn());
		expect(ret).toMatchObject({ delivered: true, inMeliWarehouse: false });
		const full = normalizeMlOrder(order('fulfillment', 'delivered', [ret]), '');
		expect(full).toMatchObject({ status: 'delivered', warehouse: ML_FULL_WAREHOUSE });
		expect(full.lines[0].returnedQuantity).toBeUndefined();
		// The same return on an order the seller shipped counts by ML's return status, as before.
		expect(normalizeMlOrder(order('drop_off', 'delivered', [ret]), '')).toMatchObject({ status: 'returned' });
	});

	it('without the triage leg the unit stays in ML\'s warehouse: back in Full, the order is returned', async () => {
		const [ret] = await returnsOf(publishedReturn(false));
		expect(ret).toMatchObject({ inMeliWarehouse: true });
		const full = normalizeMlOrder(order('fulfillment', 'delivered', [ret]), '');
		expect(full).toMatchObject({ status: 'returned', warehouse: ML_FULL_WAREHOUSE });
		expect(full.lines[0]).toMatchObject({ sku: 'TENIS-42', returnedQuantity: 1 });
		// Still travelling to the warehouse: nothing back.
		const travelling = publishedReturn(false);
		travelling.shipments[0].status = 'shipped';
		const [onTheWay] = await returnsOf(travelling);
		expect(normalizeMlOrder(order('fulfillment', 'delivered', [onTheWay]), '').lines[0].returnedQuantity).toBeUndefined();
	});
});

describe.each(DRIVERS)('Mercado Livre Full on %s', (driver) => {
	let store: OmsStore;
	const level = async (warehouse: string) => (await store.getAvailability(['TENIS-42'], warehouse))[0];
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'TENIS-42', onHand: 10 }, { sku: 'TENIS-42', warehouse: ML_FULL_WAREHOUSE, onHand: 5 }]);
	});
	afterEach(() => store.close());

	it('the sale takes Full stock, never the seller\'s; the return back in ML\'s warehouse restocks Full', async () => {
		await store.applyOrders([normalizeMlOrder(order('fulfillment', 'delivered'), '')]);
		expect(await level(ML_FULL_WAREHOUSE)).toMatchObject({ onHand: 4, reserved: 0 });
		expect(await level('default')).toMatchObject({ onHand: 10, reserved: 0 });
		const [ret] = await returnsOf(publishedReturn(false));
		const [back] = await store.applyOrders([normalizeMlOrder(order('fulfillment', 'delivered', [ret], 30), '')]);
		expect(back.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'TENIS-42', quantity: 1 }] }]);
		expect(await level(ML_FULL_WAREHOUSE)).toMatchObject({ onHand: 5 });
		expect(await level('default')).toMatchObject({ onHand: 10 });
	});

	it('a unit the triage sends to the seller moves nothing in Full; registered on arrival into the warehouse the seller names', async () => {
		const [sold] = await store.applyOrders([normalizeMlOrder(order('fulfillment', 'delivered'), '')]);
		const [ret] = await returnsOf(publishedReturn());
		const [seen] = await store.applyOrders([normalizeMlOrder(order('fulfillment', 'delivered', [ret], 30), '')]);
		expect(seen.effects).toEqual([]);
		expect(await level(ML_FULL_WAREHOUSE)).toMatchObject({ onHand: 4 });
		// The seller receives it (not fit for sale, per ML's triage) and registers it: out of Full's count for good,
		// on hand where the seller keeps such units.
		const registered = await store.registerReturn({ order: sold.orderKey, ref: 'claim-5298178312', lines: [{ sku: 'TENIS-42', quantity: 1, condition: 'quarantine', reason: 'ML triage: unsaleable' }] });
		expect(registered.effects).toEqual([expect.objectContaining({ effect: 'return_quarantine' })]);
		expect(await level('quarantine')).toMatchObject({ onHand: 1 });
		expect(await level(ML_FULL_WAREHOUSE)).toMatchObject({ onHand: 4 });
	});
});
