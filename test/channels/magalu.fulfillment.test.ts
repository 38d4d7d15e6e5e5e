import { createMagaluAdapter, MAGALU_DEFAULT_CHANNEL_ID, MAGALU_FULFILLMENT_WAREHOUSE } from '../../core/channels/magalu';
import { normalizeMagaluOrder } from '../../core/channels/magalu/normalize';
import { createMagaluWriter } from '../../core/channels/magalu/writer';
import { createFetchTransport } from '../../core/http/transport';
import type { OmsStore } from '../../core/store/types';
import { pushStock } from '../../core/sync/push-stock';
import { MagaluSimulator } from '../simulators/magalu';
import { DRIVERS, openFresh } from '../store/stores';
import { tinyRetry } from './helpers/channel-test';
import { publishedMagaluOrder } from './helpers/magalu-published';

/**
 * Magalu Fulfillment: deliveries Magalu ships from its own warehouse take none of the seller's stock.
 *
 * The orders are Magalu's published get_order + get_delivery excerpts (helpers/magalu-published.ts). Those
 * copies stop before the delivery's `shipping` block, and no Magalu page found shows a fulfilment marker, so
 * the marker is ADDED here to copies of the published delivery: `shipping.provider.extras.is_fulfillment`,
 * the field third-party Magalu clients read (fulfillment.ts and SOURCES.md name them). It is the adapter's
 * default test, configurable per account (`fulfillmentWhen`) because Magalu has not confirmed it.
 */
const ACCOUNT = 'loja-do-edu';
const normalize = (raw: unknown, options: Record<string, string> = {}) => normalizeMagaluOrder(raw, ACCOUNT, options);

/** The published order; `marks` per delivery: the `shipping.provider.extras` added to it (undefined: none). */
function order(...marks: Array<Record<string, unknown> | undefined>): Record<string, any> {
	const o = publishedMagaluOrder();
	const [published] = o.deliveries;
	o.deliveries = marks.map((extras, n) => {
		const d = structuredClone(published);
		d.id = `${published.id}-${n + 1}`;
		d.items[0].info.sku = `livro_0${n + 1}`;
		if (extras) d.shipping = { provider: { name: 'Magalu', extras } };
		return d;
	});
	return o;
}
const FULL = { is_fulfillment: true };

describe('Magalu Fulfillment: reading', () => {
	it('an order whose every delivery ships from Magalu is held in magalu-fulfillment, its lines whole', () => {
		const full = normalize(order(FULL));
		expect(full).toMatchObject({ warehouse: MAGALU_FULFILLMENT_WAREHOUSE, lines: [{ sku: 'livro_01', quantity: 1 }] });
		expect(full.flags).toBeUndefined();
		expect(normalize(order(FULL), { fulfillmentWarehouse: ' full-cajamar ' }).warehouse).toBe('full-cajamar');
		// The seller's own delivery, or one marked false, stays where the account reserves.
		expect(normalize(order(undefined)).warehouse).toBeUndefined();
		expect(normalize(order({ is_fulfillment: false })).warehouse).toBeUndefined();
	});

	it('the marker sent as the string "true" counts as well', () => {
		expect(normalize(order({ is_fulfillment: 'true' })).warehouse).toBe(MAGALU_FULFILLMENT_WAREHOUSE);
		expect(normalize(order({ is_fulfillment: 'false' })).warehouse).toBeUndefined();
	});

	it('a mixed order stays with the seller, leaves the fulfilment lines out and says so', () => {
		const mixed = normalize(order(undefined, FULL));
		expect(mixed.warehouse).toBeUndefined();
		expect(mixed.lines.map((l) => l.sku)).toEqual(['livro_01']);
		expect(mixed.totals.itemsCents).toBe(10000);
		expect(mixed.flags).toEqual(['fulfillment_lines_apart']);
		// The seller's one delivery is the shipment group (its NF-e goes there), as for a one-delivery order.
		expect(mixed.groupId).toBe(`${publishedMagaluOrder().deliveries[0].id}-1`);
	});

	it("a mixed order whose seller delivery is cancelled keeps the seller's warehouse, with no line left", () => {
		// Were it moved to magalu-fulfillment, the store (which keeps an order's first warehouse) would reserve
		// Magalu's lines in the seller's stock.
		const raw = order(undefined, FULL);
		raw.deliveries[0].status = 'cancelled';
		expect(normalize(raw)).toMatchObject({ status: 'paid', lines: [], flags: ['all_lines_removed', 'fulfillment_lines_apart'] });
		expect(normalize(raw).warehouse).toBeUndefined();
		// Cancelled as a whole, it says what the seller's deliveries held.
		raw.status = 'cancelled';
		raw.deliveries[1].status = 'cancelled';
		expect(normalize(raw)).toMatchObject({ status: 'cancelled', lines: [{ sku: 'livro_01' }], flags: ['fulfillment_lines_apart'] });
	});

	it('the test is the account\'s: other path=value pairs (any one matching), or none', () => {
		const byType = { fulfillmentWhen: 'shipping.provider.extras.shipping_type=FULL,\n shipping.logistic_network.name = Magalu Fulfillment' };
		const typed = order({ shipping_type: 'full' }, undefined);
		expect(normalize(typed, byType)).toMatchObject({ lines: [{ sku: 'livro_02' }], flags: ['fulfillment_lines_apart'] });
		const networked = order(undefined);
		networked.deliveries[0].shipping = { logistic_network: { name: 'Magalu Fulfillment' } };
		expect(normalize(networked, byType).warehouse).toBe(MAGALU_FULFILLMENT_WAREHOUSE);
		// The default marker no longer counts under the custom test, nor anything under "none".
		expect(normalize(order(FULL), byType).warehouse).toBeUndefined();
		expect(normalize(order(FULL), { fulfillmentWhen: 'none' }).warehouse).toBeUndefined();
	});

	it('a malformed test is a clear error, naming the entry, before any order is read', () => {
		const bad = { fulfillmentWhen: 'shipping.provider.extras.is_fulfillment=true, is_full' };
		expect(() => normalize(order(FULL), bad)).toThrow('Magalu "Fulfillment When": "is_full" is not path=value');
		expect(() => createMagaluAdapter({ transport: createFetchTransport({}, 1000), baseUrl: 'http://127.0.0.1:1', account: ACCOUNT, options: bad })).toThrow(
			'"is_full" is not path=value',
		);
		expect(() => normalize(order(FULL), { fulfillmentWhen: 'shipping..x=true' })).toThrow('"shipping..x=true" is not path=value');
	});
});

describe.each(DRIVERS)('Magalu Fulfillment on %s', (driver) => {
	const auth = { accessToken: 'jwt-sim-access', channelId: MAGALU_DEFAULT_CHANNEL_ID };
	let store: OmsStore;
	let sim: MagaluSimulator;
	const level = async (warehouse: string, sku = 'livro_01') => (await store.getAvailability([sku], warehouse))[0];
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([
			{ sku: 'livro_01', onHand: 7 },
			{ sku: 'livro_01', warehouse: MAGALU_FULFILLMENT_WAREHOUSE, onHand: 5 },
			{ sku: 'livro_02', onHand: 3 },
		]);
		sim = new MagaluSimulator(auth);
		await sim.start();
		sim.portfolio.set('livro_01', undefined);
	});
	afterEach(async () => {
		await sim.stop();
		await store.close();
	});

	it('a fulfilment order reserves in magalu-fulfillment, never in default', async () => {
		await store.applyOrders([normalize(order(FULL))]);
		expect(await level(MAGALU_FULFILLMENT_WAREHOUSE)).toMatchObject({ onHand: 5, reserved: 1, available: 4 });
		expect(await level('default')).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
	});

	it("a mixed order reserves the seller's lines only; its seller delivery cancelled, it releases them and takes nothing", async () => {
		const raw = order(undefined, FULL);
		await store.applyOrders([normalize(raw)]);
		expect(await level('default')).toMatchObject({ reserved: 1, available: 6 });
		// livro_02 ships from Magalu's warehouse: the seller's 3 stay free.
		expect(await level('default', 'livro_02')).toMatchObject({ reserved: 0, available: 3 });
		raw.deliveries[0].status = 'cancelled';
		raw.updated_at = '2024-07-05T10:00:00.000Z';
		await store.applyOrders([normalize(raw)]);
		expect(await level('default')).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
		expect(await level('default', 'livro_02')).toMatchObject({ reserved: 0, available: 3 });
	});

	it("Push Stock keeps publishing the seller's own stock: a fulfilment order leaves it, a seller order lowers it", async () => {
		const writer = createMagaluWriter({ transport: createFetchTransport({ authorization: `Bearer ${auth.accessToken}` }, 5000), baseUrl: sim.baseUrl, account: ACCOUNT, retry: tinyRetry().retry });
		const push = () => pushStock({ store, channel: `magalu:${ACCOUNT}`, writer, levels: [{ sku: 'livro_01' }], safetyStock: 0, maxQuantity: 0 });
		await push();
		expect(sim.portfolio.get('livro_01')).toBe(7);
		await store.applyOrders([normalize(order(FULL))]);
		await push();
		expect(sim.portfolio.get('livro_01')).toBe(7);
		const seller = order(undefined);
		seller.id = 'c8be6d3d-77e6-4cd9-8d6e-000000000002';
		await store.applyOrders([normalize(seller)]);
		await push();
		expect(sim.portfolio.get('livro_01')).toBe(6);
	});
});

describe('Magalu Fulfillment: NF-e write-back', () => {
	const auth = { accessToken: 'jwt-sim-access', channelId: MAGALU_DEFAULT_CHANNEL_ID };
	let sim: MagaluSimulator;
	beforeEach(async () => {
		sim = new MagaluSimulator(auth);
		await sim.start();
	});
	afterEach(() => sim.stop());
	const writer = () => createMagaluWriter({ transport: createFetchTransport({ authorization: `Bearer ${auth.accessToken}` }, 5000), baseUrl: sim.baseUrl, account: ACCOUNT, retry: tinyRetry().retry });
	const invoice = (channelOrderId: string, groupId?: string) => ({
		channelOrderId,
		groupId,
		nfeKey: '35240712345678000190550010000000941364117781',
		number: '94',
		series: '1',
		issuedAt: '2024-07-22T13:06:28.000Z',
		xml: '<nfeProc versao="4.00"><NFe/></nfeProc>',
	});

	it("goes to the seller's delivery of a mixed order; a fulfilment delivery is Magalu's to invoice", async () => {
		const mixed = order(undefined, FULL);
		sim.put(mixed);
		await writer().pushInvoice!(invoice(mixed.id));
		expect(sim.requests(/invoices$/).map((r) => r.path)).toEqual([`/seller/v1/deliveries/${mixed.deliveries[0].id}/invoices`]);
		await expect(writer().pushInvoice!(invoice(mixed.id, mixed.deliveries[1].id))).rejects.toThrow('ships from Magalu Fulfillment');
		const full = { ...order(FULL), id: 'c8be6d3d-77e6-4cd9-8d6e-000000000003' };
		sim.put(full);
		await expect(writer().pushInvoice!(invoice(full.id))).rejects.toThrow('has 0 open deliveries the seller ships (and 1 from Magalu Fulfillment');
	});
});
