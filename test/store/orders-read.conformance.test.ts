import { createStore } from '../../core/store/open';
import type { OmsStore, StoredOrder } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, LATEST_SCHEMA, openFresh, rawSetOnHand, rawSql } from './stores';

/** Reading orders as the store keeps them (getOrder, listOrders), on both drivers, with a fixed clock. */

describe.each(DRIVERS)('order reads on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	const keys = (orders: StoredOrder[]) => orders.map((o) => o.channelOrderId);

	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store } = await openFresh(driver, { clock: () => now }));
		await store.setOnHand([{ sku: 'A', onHand: 10 }, { sku: 'B', onHand: 10 }]);
	});
	afterEach(() => store.close());

	test('getOrder answers what the order holds, its payment method, times and last apply, by key or identity', async () => {
		await store.applyOrders([order('1', 'pending_payment', [['A', 2], ['B', 1]], { paymentMethod: 'pix' })]);
		const byKey = await store.getOrder('shopify:loja-teste:1');
		expect(byKey).toMatchObject({
			orderKey: 'shopify:loja-teste:1', channel: 'shopify', account: 'loja-teste', channelOrderId: '1',
			status: 'pending_payment', stage: 'reserved', warehouse: 'default', reserved: { A: 2, B: 1 }, committed: {},
			paymentMethod: 'pix', channelUpdatedAt: '2026-11-20T12:00:00.000Z', reservedAt: '2026-11-20T12:00:00.000Z',
			firstSeenAt: '2026-11-20T12:00:00.000Z', flagged: false,
		});
		expect(byKey!.lastEvent).toMatchObject({ previousStatus: null, newStatus: 'pending_payment', outcome: 'applied', at: '2026-11-20T12:00:00.000Z' });
		expect(byKey!.lastEvent!.effects.map((e) => e.effect)).toEqual(['reserve']);
		expect(await store.getOrder({ channel: 'shopify', account: 'loja-teste', channelOrderId: '1' })).toEqual(byKey);

		now = new Date('2026-11-20T13:00:00Z');
		await store.applyOrders([order('1', 'shipped', [['A', 2], ['B', 1]], { paymentMethod: 'pix', minute: 30 })]);
		const shipped = await store.getOrder('shopify:loja-teste:1');
		expect(shipped).toMatchObject({ status: 'shipped', stage: 'committed', reserved: {}, committed: { A: 2, B: 1 }, firstSeenAt: '2026-11-20T12:00:00.000Z', updatedAt: '2026-11-20T13:00:00.000Z' });
		expect(shipped!.lastEvent).toMatchObject({ previousStatus: 'pending_payment', newStatus: 'shipped', outcome: 'applied' });

		expect(await store.getOrder('shopify:loja-teste:404')).toBeNull();
		await expect(store.getOrder('')).rejects.toThrow(/order key/);
	});

	test('an order whose last snapshot was refused (stale or going back) is flagged; a later good apply clears it', async () => {
		await store.applyOrders([order('1', 'paid', [['A', 1]], { minute: 10 }), order('2', 'paid', [['A', 1]], { minute: 10 }), order('3', 'paid', [['A', 1]])]);
		await store.applyOrders([order('1', 'pending_payment', [['A', 1]], { minute: 20 }), order('2', 'paid', [['A', 1]], { minute: 5 })]);
		const [one, two, three] = await Promise.all(['1', '2', '3'].map((id) => store.getOrder(`shopify:loja-teste:${id}`)));
		expect([one!.flagged, one!.lastEvent!.outcome, one!.status]).toEqual([true, 'regression', 'paid']);
		expect([two!.flagged, two!.lastEvent!.outcome]).toEqual([true, 'stale']);
		expect(three!.flagged).toBe(false);
		expect(keys((await store.listOrders({ flagged: true })).orders)).toEqual(['1', '2']);
		expect(keys((await store.listOrders({ flagged: false })).orders)).toEqual(['3']);

		await store.applyOrders([order('1', 'shipped', [['A', 1]], { minute: 30 })]);
		expect((await store.getOrder('shopify:loja-teste:1'))!.flagged).toBe(false);
		expect(keys((await store.listOrders({ flagged: true })).orders)).toEqual(['2']);
	});

	test("the flags of the snapshot applied last are kept (schema 6): an order with flags is flagged until a clean snapshot", async () => {
		await store.applyOrders([order('1', 'paid', [['A', 1]], { flags: ['currency_from_account'] }), order('2', 'paid', [['A', 1]])]);
		expect(await store.getOrder('shopify:loja-teste:1')).toMatchObject({ flags: ['currency_from_account'], flagged: true });
		expect(await store.getOrder('shopify:loja-teste:2')).toMatchObject({ flags: [], flagged: false });
		expect(keys((await store.listOrders({ flagged: true })).orders)).toEqual(['1']);

		// A line changed after the stock was deducted: the plan's flag is kept with the order.
		await store.applyOrders([order('2', 'shipped', [['A', 1]], { minute: 1 })]);
		await store.applyOrders([order('2', 'shipped', [['A', 2]], { minute: 2 })]);
		expect((await store.getOrder('shopify:loja-teste:2'))!.flags).toEqual(['lines_changed_after_commit']);

		await store.applyOrders([order('1', 'invoiced', [['A', 1]], { minute: 3 })]);
		expect(await store.getOrder('shopify:loja-teste:1')).toMatchObject({ flags: [], flagged: false });
		expect(keys((await store.listOrders({ flagged: true })).orders)).toEqual(['2']);
		expect(keys((await store.listOrders({ flagged: false })).orders)).toEqual(['1']);
	});

	test('a version-5 database gains the flags column; its orders read with no flags', async () => {
		const v5 = await openFresh(driver, { targetVersion: 5, clock: () => now });
		expect(await v5.store.schemaVersion()).toBe(5);
		await v5.store.close();
		await rawSetOnHand(v5.config, 'A', 5);
		// Written as the previous package wrote it (without flags_json), through the old columns only.
		await rawSql(
			v5.config,
			`INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, first_seen_at, updated_at, payment_method)
			 VALUES ('shopify:loja-teste:9', 'shopify', 'loja-teste', '9', 'paid', 'reserved', 'default', '{"A":1}', '{}', 1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00Z', '2026-11-20T12:00:00Z', 'pix');
			 INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key) VALUES ('2026-11-20T12:00:00Z', 'A', 'default', 0, 1, 'reserve', 'shopify:loja-teste:9', 'reserve');
			 UPDATE oms_stock SET reserved = 1 WHERE sku = 'A';`,
		);
		const upgraded = createStore(v5.config, { clock: () => now });
		try {
			expect(await upgraded.schemaVersion()).toBe(LATEST_SCHEMA);
			expect(await upgraded.getOrder('shopify:loja-teste:9')).toMatchObject({ status: 'paid', reserved: { A: 1 }, flags: [], flagged: false });
			await upgraded.applyOrders([order('9', 'paid', [['A', 1]], { flags: ['time_zone_assumed'], minute: 1 })]);
			expect(await upgraded.getOrder('shopify:loja-teste:9')).toMatchObject({ flags: ['time_zone_assumed'], flagged: true });
		} finally {
			await upgraded.close();
		}
	});

	test('listOrders filters by channel, account, one or several statuses and age, all together', async () => {
		await store.applyOrders([
			order('1', 'pending_payment', [['A', 1]]),
			order('2', 'paid', [['A', 1]]),
			order('3', 'paid', [['A', 1]], { channel: 'woocommerce', account: 'loja-b' }),
		]);
		now = new Date('2026-11-20T18:00:00Z');
		await store.applyOrders([order('4', 'invoiced', [['B', 1]]), order('5', 'paid', [['B', 1]], { account: 'loja-c' })]);
		now = new Date('2026-11-21T00:00:00Z');

		// By key: shopify:loja-c:… before shopify:loja-teste:… before woocommerce:…
		expect(keys((await store.listOrders()).orders)).toEqual(['5', '1', '2', '4', '3']);
		expect(keys((await store.listOrders({ channel: 'woocommerce' })).orders)).toEqual(['3']);
		expect(keys((await store.listOrders({ channel: 'shopify', account: 'loja-teste' })).orders)).toEqual(['1', '2', '4']);
		expect(keys((await store.listOrders({ status: 'paid' })).orders)).toEqual(['5', '2', '3']);
		expect(keys((await store.listOrders({ status: ['pending_payment', 'invoiced'] })).orders)).toEqual(['1', '4']);
		expect(keys((await store.listOrders({ olderThanHours: 10 })).orders)).toEqual(['1', '2', '3']); // first seen 12 h ago
		expect(keys((await store.listOrders({ olderThanHours: 1 })).orders)).toEqual(['5', '1', '2', '4', '3']);
		expect(keys((await store.listOrders({ since: new Date('2026-11-20T18:00:00Z') })).orders)).toEqual(['5', '4']);
		expect(keys((await store.listOrders({ status: 'paid', olderThanHours: 10, channel: 'shopify' })).orders)).toEqual(['2']);
		expect((await store.listOrders({ channel: 'magalu' })).orders).toEqual([]);
	});

	test('pages by order key: every order once, in order, and the last page says so', async () => {
		const ids = ['07', '01', '05', '03', '02', '06', '04'];
		await store.applyOrders(ids.map((id) => order(id, 'paid', [['A', 1]])));
		const seen: string[] = [];
		let afterKey: string | undefined;
		let pages = 0;
		for (;;) {
			const page = await store.listOrders({ limit: 3, afterKey });
			pages += 1;
			seen.push(...keys(page.orders));
			if (page.nextAfterKey === null) break;
			expect(page.nextAfterKey).toBe(page.orders[2].orderKey);
			afterKey = page.nextAfterKey;
		}
		expect(seen).toEqual(['01', '02', '03', '04', '05', '06', '07']);
		expect(pages).toBe(3);
		expect(await store.listOrders({ limit: 7 })).toMatchObject({ nextAfterKey: null });
	});

	test('refuses a bad query instead of guessing', async () => {
		await expect(store.listOrders({ status: 'sent' as never })).rejects.toThrow(/unknown status "sent"/);
		await expect(store.listOrders({ olderThanHours: -1 })).rejects.toThrow(/olderThanHours/);
		await expect(store.listOrders({ since: new Date('nope') })).rejects.toThrow(/since/);
		await expect(store.listOrders({ limit: 0 })).rejects.toThrow(/limit/);
	});
});
