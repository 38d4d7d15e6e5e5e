import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { link, listingOrder } from '../fixtures/unlinked';
import { DRIVERS, openFresh } from './stores';

/** Publish rules and warehouses per channel account (both drivers), and where orders reserve. */

const ACCOUNT = 'shopify:loja-teste'; // the channel account of the fixture orders

describe.each(DRIVERS)('channel account settings on %s', (driver) => {
	let store: OmsStore;
	beforeEach(async () => {
		({ store } = await openFresh(driver, { clock: () => new Date('2026-11-20T12:00:00Z') }));
	});
	afterEach(() => store.close());

	test('publish rules: an account rule and per-SKU overrides, replaced as a whole, listed, removed; bad values named', async () => {
		expect(await store.setPublishRule(ACCOUNT, { sharePercent: 50, safetyStock: 2 })).toEqual({
			channel: ACCOUNT,
			sku: null,
			sharePercent: 50,
			safetyStock: 2,
			updatedAt: '2026-11-20T12:00:00.000Z',
		});
		await store.setPublishRule(ACCOUNT, { maxQuantity: 5 }, ' SKU-1 ');
		await store.setPublishRule(ACCOUNT, { zeroBelow: 3 }); // replaces the account's rule: share and safety unset again
		await store.setPublishRule('mercadolivre:99', { sharePercent: 10 });
		const mine = await store.listPublishRules(ACCOUNT);
		expect(mine.map(({ updatedAt, ...r }) => (void updatedAt, r))).toEqual([
			{ channel: ACCOUNT, sku: null, zeroBelow: 3 },
			{ channel: ACCOUNT, sku: 'SKU-1', maxQuantity: 5 },
		]);
		expect(await store.listPublishRules()).toHaveLength(3);
		const forPush = await store.publishRulesFor(ACCOUNT, ['SKU-1', 'SKU-2']);
		expect(forPush.account).toMatchObject({ zeroBelow: 3 });
		expect([...forPush.bySku.keys()]).toEqual(['SKU-1']);
		expect(await store.removePublishRule(ACCOUNT, 'SKU-1')).toEqual({ channel: ACCOUNT, sku: 'SKU-1', removed: true });
		expect(await store.removePublishRule(ACCOUNT, 'SKU-1')).toEqual({ channel: ACCOUNT, sku: 'SKU-1', removed: false });

		await expect(store.setPublishRule(ACCOUNT, { sharePercent: 0 })).rejects.toThrow(`Publish rule of ${ACCOUNT}: sharePercent must be a whole number from 1 to 100, got 0`);
		await expect(store.setPublishRule(ACCOUNT, { safetyStock: 1.5 }, 'A')).rejects.toThrow(`Publish rule of ${ACCOUNT} for SKU A: safetyStock must be a whole number`);
		await expect(store.setPublishRule('shopify', { sharePercent: 10 })).rejects.toThrow('Channel account must be "<channel>:<account>"');
	});

	test('warehouses: what an account sells and where it reserves, listed and removed; an empty setting is refused', async () => {
		expect(await store.setChannelWarehouses(ACCOUNT, { sells: ['sp', ' rj ', 'sp'], reservesIn: ['rj', 'sp'] })).toMatchObject({ channel: ACCOUNT, sells: ['sp', 'rj'], reservesIn: ['rj', 'sp'] });
		await store.setChannelWarehouses(ACCOUNT, { sells: ['sp'] });
		expect(await store.listChannelWarehouses(ACCOUNT)).toEqual([expect.objectContaining({ sells: ['sp'], reservesIn: [] })]);
		await expect(store.setChannelWarehouses(ACCOUNT, {})).rejects.toThrow(`Warehouses of ${ACCOUNT}: name the warehouses it sells`);
		await expect(store.setChannelWarehouses(ACCOUNT, { sells: [''] })).rejects.toThrow('a warehouse name is empty');
		expect(await store.removeChannelWarehouses(ACCOUNT)).toEqual({ channel: ACCOUNT, removed: true });
		expect(await store.listChannelWarehouses()).toEqual([]);
	});

	test('an order naming no warehouse reserves in the first of its account\'s list with enough for every line, else the first', async () => {
		await store.setOnHand([
			{ sku: 'A', onHand: 1, warehouse: 'sp' },
			{ sku: 'A', onHand: 5, warehouse: 'rj' },
			{ sku: 'B', onHand: 9, warehouse: 'sp' },
			{ sku: 'A', onHand: 50 },
		]);
		await store.setChannelWarehouses(ACCOUNT, { reservesIn: ['sp', 'rj'] });
		const warehouseOf = async (key: string) => (await store.getOrder(key))!.warehouse;

		await store.applyOrders([order('1', 'paid', [['A', 2]])]); // sp has 1: rj
		await store.applyOrders([order('2', 'paid', [['A', 1], ['B', 1]])]); // sp has both
		await store.applyOrders([order('3', 'paid', [['A', 9]])]); // none has 9: the first
		// One batch: the second order sees what the first took (rj 3 left after order 1 → 0 after order 4).
		await store.applyOrders([order('4', 'paid', [['A', 3]]), order('5', 'paid', [['A', 1]])]);
		expect(await Promise.all(['1', '2', '3', '4', '5'].map((id) => warehouseOf(`shopify:loja-teste:${id}`)))).toEqual(['rj', 'sp', 'sp', 'rj', 'sp']);

		// An order naming its warehouse (a fulfilment order, a depot sale) keeps it; a known order keeps its own.
		await store.applyOrders([order('6', 'paid', [['A', 1]], { warehouse: 'default' })]);
		await store.applyOrders([order('1', 'invoiced', [['A', 2]], { minute: 1 })]);
		expect([await warehouseOf('shopify:loja-teste:6'), await warehouseOf('shopify:loja-teste:1')]).toEqual(['default', 'rj']);
		// Another account has no list: the default warehouse.
		await store.applyOrders([order('7', 'paid', [['A', 1]], { account: 'outra' })]);
		expect(await warehouseOf('shopify:outra:7')).toBe('default');
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('an order that held nothing while its lines waited for a link chooses its warehouse when they resolve', async () => {
		await store.setOnHand([
			{ sku: 'A', onHand: 0, warehouse: 'sp' },
			{ sku: 'A', onHand: 5, warehouse: 'rj' },
		]);
		await store.setChannelWarehouses(ACCOUNT, { reservesIn: ['sp', 'rj'] });
		const warehouseOf = async (key: string) => (await store.getOrder(key))!.warehouse;
		// Nothing to reserve at import (no SKU): nothing decides where the order reserves yet.
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', quantity: 2 }]), listingOrder('2', 'paid', [{ listing: 'P1', quantity: 1 }], { warehouse: 'sp' })]);
		await store.linkListings([link('P1', 'A')]);
		// The linked SKU is in rj only: order 1 reserves there; order 2 named sp and keeps it.
		expect([await warehouseOf('shopify:loja-teste:1'), await warehouseOf('shopify:loja-teste:2')]).toEqual(['rj', 'sp']);
		expect((await store.getAvailability(['A'])).map((l) => [l.warehouse, l.reserved])).toEqual([['rj', 2], ['sp', 1]]);
		// The same through a later snapshot that carries the SKU (the seller fixed the listing on the channel).
		await store.applyOrders([listingOrder('3', 'paid', [{ listing: 'P9', quantity: 1 }])]);
		await store.applyOrders([listingOrder('3', 'paid', [{ listing: 'P9', quantity: 1, sku: 'A' }], { minute: 1 })]);
		expect(await warehouseOf('shopify:loja-teste:3')).toBe('rj');
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('with a priority list set, an order whose lines waited for a link keeps the warehouse it named first', async () => {
		await store.setChannelWarehouses(ACCOUNT, { reservesIn: ['rj'] });
		await store.setOnHand([{ sku: 'A', onHand: 5, warehouse: 'sp' }, { sku: 'A', onHand: 5, warehouse: 'rj' }, { sku: 'A', onHand: 5 }]);
		await store.applyOrders([listingOrder('2', 'paid', [{ listing: 'P1', quantity: 1 }], { warehouse: 'default' })]);
		await store.applyOrders([listingOrder('2', 'paid', [{ listing: 'P1', quantity: 1, sku: 'A' }], { minute: 1, warehouse: 'sp' })]);
		expect((await store.getOrder('shopify:loja-teste:2'))!.warehouse).toBe('default');
		expect((await store.getAvailability(['A'])).map((l) => [l.warehouse, l.reserved])).toEqual([
			['default', 1],
			['rj', 0],
			['sp', 0],
		]);
	});

	test('kit lines count through their components when choosing the warehouse', async () => {
		await store.setOnHand([
			{ sku: 'A', onHand: 1, warehouse: 'sp' },
			{ sku: 'A', onHand: 4, warehouse: 'rj' },
		]);
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }]);
		await store.setChannelWarehouses(ACCOUNT, { reservesIn: ['sp', 'rj'] });
		await store.applyOrders([order('1', 'paid', [['KIT', 1]])]);
		expect((await store.getOrder('shopify:loja-teste:1'))!.warehouse).toBe('rj');
		expect((await store.getAvailability(['A'], 'rj'))[0]).toMatchObject({ reserved: 2 });
	});
});
