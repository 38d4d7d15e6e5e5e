import type { StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { link, listingOrder } from '../fixtures/unlinked';
import { DRIVERS, LATEST_SCHEMA, openFresh, rawQuery } from './stores';

/** Listing links on both drivers: lines resolve at apply, a new link reserves what waited exactly once. */

const KEY = (id: string) => `shopify:loja-teste:${id}`;

describe.each(DRIVERS)('listing links on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	let now: Date;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store, config } = await openFresh(driver, { clock: () => now }));
		await store.setOnHand([{ sku: 'CAMISA-P', onHand: 10 }, { sku: 'CANECA', onHand: 10 }]);
	});
	afterEach(() => store.close());

	const level = async (sku: string) => (await store.getAvailability([sku]))[0];

	test('a line without a SKU waits, flagged, reserving nothing; List Unlinked shows the orders and units', async () => {
		const [r] = await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', variant: 'V1', quantity: 2 }, { listing: 'P9', quantity: 1, sku: 'CANECA' }])]);
		expect(r.unmappedLines).toEqual([{ index: 0, quantity: 2, channelListingId: 'P1', channelVariantId: 'V1', title: 'Listing P1' }]);
		expect(r.affected.map((l) => l.sku)).toEqual(['CANECA']);
		await store.applyOrders([listingOrder('2', 'pending_payment', [{ listing: 'P1', variant: 'V1', quantity: 3 }])]);
		await store.applyOrders([listingOrder('3', 'cancelled', [{ listing: 'P1', variant: 'V1', quantity: 5 }])]);
		expect(await store.listUnlinked()).toEqual([
			{
				channel: 'shopify', account: 'loja-teste', listingId: 'P1', variantId: 'V1', title: 'Listing P1', quantity: 5,
				orders: [
					{ orderKey: KEY('1'), channelOrderId: '1', status: 'paid', lineIndex: 0, quantity: 2 },
					{ orderKey: KEY('2'), channelOrderId: '2', status: 'pending_payment', lineIndex: 0, quantity: 3 },
				],
			},
		]);
		expect((await store.getOrder(KEY('1')))?.flags).toEqual(['unmapped_lines']);
		expect(await level('CAMISA-P')).toMatchObject({ reserved: 0 });
	});

	test('linking reserves every waiting line once, keyed like any effect; linking again changes nothing', async () => {
		await store.applyOrders([
			listingOrder('1', 'paid', [{ listing: 'P1', variant: 'V1', quantity: 2 }, { listing: 'P9', quantity: 1, sku: 'CANECA' }]),
			listingOrder('2', 'pending_payment', [{ listing: 'P1', variant: 'V1', quantity: 3 }]),
		]);
		now = new Date('2026-11-20T12:05:00Z');
		const [res] = await store.linkListings([link('P1', 'CAMISA-P', 'V1')]);
		expect(res).toMatchObject({ listingId: 'P1', variantId: 'V1', sku: 'CAMISA-P', outcome: 'linked' });
		expect(res.orders.map((o) => [o.orderKey, o.effects.map((e) => [e.effect, e.key, e.lines])])).toEqual([
			[KEY('1'), [['adjust_reservation', 'adjust@2', [{ sku: 'CAMISA-P', quantity: 2 }]]]],
			[KEY('2'), [['reserve', 'reserve@2', [{ sku: 'CAMISA-P', quantity: 3 }]]]],
		]);
		expect(await level('CAMISA-P')).toMatchObject({ onHand: 10, reserved: 5, available: 5 });
		expect(await store.listUnlinked()).toEqual([]);
		const order1 = await store.getOrder(KEY('1'));
		expect(order1).toMatchObject({ flags: [], reserved: { 'CAMISA-P': 2, CANECA: 1 }, lastEvent: { outcome: 'linked' } });
		// The reservation's age still counts from the order's first reservation (payment-aware expiry).
		expect((await store.getOrder(KEY('2')))?.reservedAt).toBe('2026-11-20T12:00:00.000Z');

		expect((await store.linkListings([link('P1', 'CAMISA-P', 'V1')]))[0]).toMatchObject({ outcome: 'unchanged', orders: [] });
		// A later snapshot of the same order resolves through the link: nothing moves twice.
		now = new Date('2026-11-20T12:10:00Z');
		const [again] = await store.applyOrders([listingOrder('2', 'pending_payment', [{ listing: 'P1', variant: 'V1', quantity: 3 }], { minute: 7 })]);
		expect(again).toMatchObject({ outcome: 'unchanged', unmappedLines: [] });
		const [paid] = await store.applyOrders([listingOrder('2', 'paid', [{ listing: 'P1', variant: 'V1', quantity: 4 }], { minute: 8 })]);
		expect(paid.effects.map((e) => [e.effect, e.lines])).toEqual([['adjust_reservation', [{ sku: 'CAMISA-P', quantity: 1 }]]]);
		const ledger = await store.listLedger({ sku: 'CAMISA-P' });
		expect(ledger.filter((e) => e.orderKey).map((e) => [e.orderKey, e.reason, e.effectKey, e.deltaReserved])).toEqual([
			[KEY('1'), 'adjust_reservation', 'adjust@2', 2],
			[KEY('2'), 'reserve', 'reserve@2', 3],
			[KEY('2'), 'adjust_reservation', 'adjust@3', 1],
		]);
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('a link commits the lines of orders past the commit point, and leaves expired and closed ones alone', async () => {
		await store.applyOrders([
			listingOrder('1', 'invoiced', [{ listing: 'P1', quantity: 2 }]),
			listingOrder('2', 'pending_payment', [{ listing: 'P1', quantity: 1 }]),
			listingOrder('3', 'returned', [{ listing: 'P1', quantity: 4 }]),
		]);
		await store.expireReservations(new Date('2026-11-20T12:30:00Z'));
		expect((await store.getOrder(KEY('2')))?.stage).toBe('expired');
		const [res] = await store.linkListings([link('P1', 'CAMISA-P')]);
		expect(res.orders.map((o) => [o.orderKey, o.effects.map((e) => e.effect)])).toEqual([
			[KEY('1'), ['commit']],
			[KEY('2'), []],
		]);
		expect(await level('CAMISA-P')).toMatchObject({ onHand: 8, reserved: 0 });
		expect((await store.getOrder(KEY('1')))?.committed).toEqual({ 'CAMISA-P': 2 });
		// Once paid, the expired order reserves through the link like any order.
		const [paid] = await store.applyOrders([listingOrder('2', 'paid', [{ listing: 'P1', quantity: 1 }], { minute: 5 })]);
		expect(paid.effects.map((e) => [e.effect, e.lines])).toEqual([['reserve', [{ sku: 'CAMISA-P', quantity: 1 }]]]);
	});

	test('a variant link wins over the listing link; a link wins over the SKU the channel sent', async () => {
		await store.linkListings([link('P1', 'CAMISA-P'), link('P1', 'CANECA', 'V2')]);
		const [r] = await store.applyOrders([
			listingOrder('1', 'paid', [{ listing: 'P1', variant: 'V1', quantity: 1 }, { listing: 'P1', variant: 'V2', quantity: 2 }, { listing: 'P7', quantity: 1, sku: 'OUTRO' }]),
		]);
		expect(r.unmappedLines).toEqual([]);
		expect(r.affected.map((l) => [l.sku, l.reserved])).toEqual([['CAMISA-P', 1], ['CANECA', 2], ['OUTRO', 1]]);
		await store.linkListings([link('P7', 'CANECA')]);
		const [next] = await store.applyOrders([
			listingOrder('1', 'paid', [{ listing: 'P1', variant: 'V1', quantity: 1 }, { listing: 'P1', variant: 'V2', quantity: 2 }, { listing: 'P7', quantity: 1, sku: 'OUTRO' }], { minute: 1 }),
		]);
		expect(next.affected.map((l) => [l.sku, l.reserved])).toEqual([['CANECA', 3], ['OUTRO', 0]]);
	});

	test('a listing linked to a kit reserves or commits the kit\'s components, ledger rows naming the kit line', async () => {
		await store.setOnHand([{ sku: 'A', onHand: 20 }, { sku: 'B', onHand: 20 }]);
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P5', quantity: 2 }]), listingOrder('2', 'invoiced', [{ listing: 'P5', quantity: 1 }])]);
		await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
		const [res] = await store.linkListings([link('P5', 'KIT')]);
		expect(res.orders.map((o) => [o.orderKey, o.effects.map((e) => [e.effect, e.lines])])).toEqual([
			[KEY('1'), [['reserve', [{ sku: 'KIT', quantity: 2, components: [{ sku: 'A', quantity: 4 }, { sku: 'B', quantity: 2 }] }]]]],
			[KEY('2'), [['commit', [{ sku: 'KIT', quantity: 1, components: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] }]]]],
		]);
		expect((await store.getAvailability(['A', 'B'])).map((l) => [l.sku, l.onHand, l.reserved])).toEqual([
			['A', 18, 4],
			['B', 19, 2],
		]);
		expect((await store.listLedger({ orderKey: KEY('1') })).map((e) => [e.sku, e.deltaReserved, e.kit])).toEqual([
			['A', 4, 'KIT'],
			['B', 2, 'KIT'],
		]);
		// Cancelled later: the components the link reserved come back.
		await store.applyOrders([listingOrder('1', 'cancelled', [{ listing: 'P5', quantity: 2 }], { minute: 1 })]);
		expect((await store.getAvailability(['A', 'B'])).map((l) => [l.sku, l.reserved])).toEqual([
			['A', 0],
			['B', 0],
		]);
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('a listing linked to another SKU is a conflict; unlink frees it; lists page and filter', async () => {
		await store.linkListings([link('P1', 'CAMISA-P'), link('P2', 'CANECA'), { ...link('P3', 'CANECA'), account: 'outra' }]);
		const [conflict] = await store.linkListings([link('P1', 'CANECA')]);
		expect(conflict).toMatchObject({ outcome: 'conflict', linkedSku: 'CAMISA-P' });
		expect((await store.listLinks({ sku: 'CANECA' })).map((l) => [l.account, l.listingId])).toEqual([['loja-teste', 'P2'], ['outra', 'P3']]);
		const page1 = await store.listLinks({ limit: 2 });
		const page2 = await store.listLinks({ limit: 2, after: page1[1] });
		expect([...page1, ...page2].map((l) => l.listingId)).toEqual(['P1', 'P2', 'P3']);
		expect(page1[0]).toMatchObject({ source: 'manual', variantId: '', inventoryItemId: null });
		expect(await store.unlinkListings([{ channel: 'shopify', account: 'loja-teste', listingId: 'P1' }, { channel: 'shopify', account: 'loja-teste', listingId: 'P8' }])).toEqual([
			{ channel: 'shopify', account: 'loja-teste', listingId: 'P1', variantId: '', sku: 'CAMISA-P', removed: true },
			{ channel: 'shopify', account: 'loja-teste', listingId: 'P8', variantId: '', sku: null, removed: false },
		]);
		expect((await store.linkListings([link('P1', 'CANECA')]))[0].outcome).toBe('linked');
		const links = await store.linksOfSkus('shopify', 'loja-teste', [' CANECA']);
		expect(links.get(' CANECA')?.map((l) => l.listingId)).toEqual(['P1', 'P2']);
		await expect(store.linkListings([{ ...link('P1', 'X'), listingId: '  ' }])).rejects.toThrow('Link shopify listing   : listingId must be a non-empty text');
		await expect(store.linkListings([link('P1', '')])).rejects.toThrow('sku must not be empty');
	});

	test('unlink keeps what was reserved until the order\'s next update, which releases it and waits again; linking again reserves once', async () => {
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', quantity: 2 }])]);
		await store.linkListings([link('P1', 'CAMISA-P')]);
		await store.unlinkListings([{ channel: 'shopify', account: 'loja-teste', listingId: 'P1' }]);
		expect(await level('CAMISA-P')).toMatchObject({ reserved: 2 });
		const [next] = await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', quantity: 2 }], { minute: 1 })]);
		expect(next.effects.map((e) => [e.effect, e.lines])).toEqual([['release', [{ sku: 'CAMISA-P', quantity: 2 }]]]);
		expect(await level('CAMISA-P')).toMatchObject({ reserved: 0 });
		expect((await store.listUnlinked()).map((l) => [l.listingId, l.quantity])).toEqual([['P1', 2]]);
		expect((await store.linkListings([link('P1', 'CAMISA-P')]))[0].orders.map((o) => o.orderKey)).toEqual([KEY('1')]);
		expect(await level('CAMISA-P')).toMatchObject({ reserved: 2 });
		expect((await store.reconcile(false)).drift).toEqual([]);
	});

	test('an order keeps no customer data while it waits', async () => {
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', quantity: 1 }], { shippingAddress: { street: 'Rua A', city: 'São Paulo', country: 'BR' } })]);
		const rows = await rawQuery(config, 'SELECT snapshot_json FROM oms_link_wait');
		const text = JSON.stringify(rows);
		expect(text).toContain('P1');
		expect(text).not.toContain('Maria Silva');
		expect(text).not.toContain('Rua A');
	});

	test('a later snapshot that drops the waiting line, or cancels the order, stops the wait', async () => {
		await store.applyOrders([listingOrder('1', 'paid', [{ listing: 'P1', quantity: 1 }]), listingOrder('2', 'paid', [{ listing: 'P1', quantity: 1 }])]);
		await store.applyOrders([
			listingOrder('1', 'paid', [{ listing: 'P2', quantity: 1, sku: 'CANECA' }], { minute: 1 }),
			listingOrder('2', 'cancelled', [{ listing: 'P1', quantity: 1 }], { minute: 1 }),
		]);
		expect(await store.listUnlinked()).toEqual([]);
		expect((await store.linkListings([link('P1', 'CAMISA-P')]))[0].orders).toEqual([]);
		expect(await level('CAMISA-P')).toMatchObject({ reserved: 0 });
	});
});

describe.each(DRIVERS)('links migration on %s', (driver) => {
	test('listings Push Stock found before links existed become links', async () => {
		const { store: old, config } = await openFresh(driver, { targetVersion: 6 });
		await old.setListings('mercadolivre:123456', [{ sku: 'A', listingId: 'MLB1', variantId: '77' }]);
		await old.setListings('legacy', [{ sku: 'B', listingId: 'L2' }]);
		await old.close();
		const { createStore } = await import('../../core/store/open');
		const store = createStore(config);
		try {
			expect(await store.schemaVersion()).toBe(LATEST_SCHEMA);
			expect((await store.listLinks()).map((l) => [l.channel, l.account, l.listingId, l.variantId, l.sku, l.source])).toEqual([
				['legacy', '', 'L2', '', 'B', 'catalog'],
				['mercadolivre', '123456', 'MLB1', '77', 'A', 'catalog'],
			]);
		} finally {
			await store.close();
		}
	});
});
