import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMercadoLivreAdapter, type MlOrder } from '../../core/channels/mercadolivre';
import { readOrderReturns } from '../../core/channels/mercadolivre/claims';
import { normalizeMlOrder } from '../../core/channels/mercadolivre/normalize';
import { createFetchTransport } from '../../core/http/transport';
import type { OmsStore } from '../../core/store/types';
import { openFresh } from '../store/stores';
import { MercadoLivreSimulator, mlOrder, mlShipment } from '../simulators/mercadolivre';
import { tinyRetry } from './helpers/channel-test';

/**
 * Mercado Livre returns after delivery, read from the order's claims (core/channels/mercadolivre/claims.ts).
 * Published payloads (test/fixtures/published/mercadolivre/SOURCES.md):
 * - claim-get.json: "Gestionar reclamos", https://developers.mercadolibre.com.ve/es_ar/que-es-un-reclamo
 *   (06/05/2026), response of GET /post-purchase/v1/claims/5281510459, via mirror file 57156363724.
 * - claim-returns-v2.json: "Devoluciones", https://developers.mercadolibre.com.ve/es_ar/gestionar-devoluciones
 *   (22/12/2025), response of GET /post-purchase/v2/claims/$CLAIM_ID/returns — `orders[]` with the per-order
 *   `return_quantity` "1.0" — via mirror file 57084126466.
 * - order-get.json: the published order (gerenciamento-de-vendas), its item edited to the returned one.
 */
const published = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../fixtures/published/mercadolivre', name), 'utf8')) as Record<string, any>;
const RETURNED_ORDER = '2000009229357366';

/** A `get` answering the claims search and the returns resource from given bodies, recording the paths. */
function answering(search: Record<string, unknown>, returns: Record<string, unknown> | undefined, calls: string[] = []) {
	return async (path: string) => {
		calls.push(path);
		if (path === '/post-purchase/v1/claims/search') return search;
		if (returns) return returns;
		throw new Error(`unexpected ${path}`);
	};
}

describe('Mercado Livre claims: published payloads', () => {
	it('the published claim (related_entities []) has no return: its returns resource is not asked', async () => {
		const calls: string[] = [];
		expect(await readOrderReturns(answering({ data: [published('claim-get.json')] }, undefined, calls), '2000007819609432')).toEqual([]);
		expect(calls).toEqual(['/post-purchase/v1/claims/search']);
	});

	it('the published return: delivered, one unit of MLB3840513395 by its orders[] entry ("1.0")', async () => {
		const claim = { ...published('claim-get.json'), id: 5298178312, resource_id: Number(RETURNED_ORDER), related_entities: ['return'] };
		const calls: string[] = [];
		const returns = await readOrderReturns(answering({ data: [claim] }, published('claim-returns-v2.json'), calls), RETURNED_ORDER);
		expect(returns).toEqual([{ claimId: '5298178312', delivered: true, inMeliWarehouse: false, quantityType: 'total', claimedQuantity: 1, items: [{ itemId: 'MLB3840513395', quantity: 1 }] }]);
		expect(calls).toEqual(['/post-purchase/v1/claims/search', '/post-purchase/v2/claims/5298178312/returns']);

		// The published order, its one line being the returned item, delivered: the return makes it `returned`.
		const order = published('order-get.json');
		order.id = Number(RETURNED_ORDER);
		order.order_items[0].item.id = 'MLB3840513395';
		order.order_items[0].item.variation_id = null;
		const normalized = normalizeMlOrder({ ...order, shipment: mlShipment(1, 'delivered'), returns } as unknown as MlOrder, '');
		expect(normalized).toMatchObject({ status: 'returned', fulfillmentStatus: 'returned' });
		expect(normalized.lines[0]).toMatchObject({ channelListingId: 'MLB3840513395', quantity: 1, returnedQuantity: 1 });
	});
});

describe('Mercado Livre claims: adapter over the simulator, then the store', () => {
	const TOKEN = 'APP_USR-claims';
	const { retry } = tinyRetry();
	let sim: MercadoLivreSimulator;
	let store: OmsStore;
	const adapter = () => createMercadoLivreAdapter({ transport: createFetchTransport({ authorization: `Bearer ${TOKEN}` }, 5000), baseUrl: sim.baseUrl, account: String(sim.sellerId), retry });
	const read = async (id: number) => {
		const a = adapter();
		return a.normalize(await a.getDetails!((await a.getOrder!(String(id))) as MlOrder));
	};
	const order = (id: number, minute: number) =>
		mlOrder({ id, lastUpdated: `2026-03-10T14:${String(minute).padStart(2, '0')}:00.000Z`, lines: [{ sku: 'CAM-AZ-M', quantity: 3, unitPrice: 50, itemId: 'MLB1234567890' }] });

	beforeEach(async () => {
		sim = new MercadoLivreSimulator(TOKEN);
		await sim.start();
		store = (await openFresh('sqlite')).store;
		await store.setOnHand([{ sku: 'CAM-AZ-M', onHand: 10 }]);
	});
	afterEach(async () => {
		await sim.stop();
		await store.close();
	});

	it('a buyer return in the seller\'s hands restocks its units per line; the whole order back is `returned`', async () => {
		sim.put(order(7001, 0));
		const shipmentId = (sim.orders.get(7001)!.shipping as { id: number }).id;
		sim.shipments.set(shipmentId, mlShipment(shipmentId, 'delivered'));
		await store.applyOrders([await read(7001)]);
		expect((await store.getAvailability(['CAM-AZ-M']))[0].onHand).toBe(7);

		// A partial return on its way: nothing yet; once delivered to the seller, 1 unit back.
		sim.putReturnClaim(7001, 91, { status: 'shipped', units: 1, quantityType: 'partial' });
		sim.put(order(7001, 5));
		const inTransit = await read(7001);
		expect(inTransit.lines[0].returnedQuantity).toBeUndefined();
		sim.putReturnClaim(7001, 91, { status: 'delivered', units: 1, quantityType: 'partial' });
		sim.put(order(7001, 6));
		const partial = await read(7001);
		expect(partial).toMatchObject({ status: 'delivered' });
		expect(partial.lines[0].returnedQuantity).toBe(1);
		const [one] = await store.applyOrders([partial]);
		expect(one.effects).toEqual([{ effect: 'restock', key: expect.stringMatching(/^restock@/), lines: [{ sku: 'CAM-AZ-M', quantity: 1 }] }]);

		// A second claim brings the other two back: the order is returned, and only those two move.
		sim.putReturnClaim(7001, 92, { status: 'delivered', units: 2, quantityType: 'partial' });
		sim.put(order(7001, 9));
		const all = await read(7001);
		expect(all).toMatchObject({ status: 'returned' });
		const [rest] = await store.applyOrders([all]);
		expect(rest.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'CAM-AZ-M', quantity: 2 }] }]);
		expect((await store.getAvailability(['CAM-AZ-M']))[0].onHand).toBe(10);
		expect(sim.requests(/claims\/search/).every((r) => r.query.get('resource') === 'order' && r.query.get('resource_id') === '7001')).toBe(true);
	});

	it('a return without orders[] counts by its claim; orders not delivered are not asked for claims', async () => {
		sim.put(order(7002, 0));
		const shipmentId = (sim.orders.get(7002)!.shipping as { id: number }).id;
		sim.shipments.set(shipmentId, mlShipment(shipmentId, 'shipped'));
		await read(7002);
		expect(sim.requests(/claims/)).toHaveLength(0);
		sim.shipments.set(shipmentId, mlShipment(shipmentId, 'delivered'));
		sim.putReturnClaim(7002, 93, { status: 'delivered', units: 3, claimOnly: true });
		const back = await read(7002);
		expect(back).toMatchObject({ status: 'returned' });
		expect(back.lines[0].returnedQuantity).toBe(3);
	});
});
