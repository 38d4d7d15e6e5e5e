import { createStore } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, LATEST_SCHEMA, openFresh, rawSql } from './stores';

/** orderActivity (what reports read, schema 11) on both drivers, with a fixed clock. */

describe.each(DRIVERS)('order activity on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	const at = (iso: string) => { now = new Date(iso); };

	beforeEach(async () => {
		at('2026-11-10T12:00:00Z');
		({ store } = await openFresh(driver, { clock: () => now }));
		await store.setOnHand([{ sku: 'A', onHand: 50 }]);
	});
	afterEach(() => store.close());

	test('keeps each order\'s total, currency, ship-by and unmapped lines, and when it first reached each status', async () => {
		const totals = { itemsCents: 9980, shippingCents: 1500, discountCents: 0, totalCents: 11480 };
		await store.applyOrders([order('1', 'paid', [['A', 2]], { totals, shipBy: '2026-11-12T21:00:00-03:00' })]);
		at('2026-11-11T09:00:00Z');
		await store.applyOrders([order('1', 'invoiced', [['A', 2]], { totals, shipBy: '2026-11-12T21:00:00-03:00', minute: 1 })]);
		at('2026-11-11T15:30:00Z');
		await store.applyOrders([order('1', 'shipped', [['A', 2]], { totals, shipBy: '2026-11-12T21:00:00-03:00', minute: 2 })]);
		// A refused snapshot (going back) does not count as reaching a status.
		at('2026-11-11T16:00:00Z');
		await store.applyOrders([order('1', 'paid', [['A', 2]], { totals, minute: 3 })]);
		const unmapped = order('2', 'pending_payment', [['A', 1]], { currency: 'USD' });
		unmapped.lines.push({ quantity: 3, unitPriceCents: 100, unmapped: true, channelListingId: 'L-9', channelVariantId: 'V-1', title: 'Camiseta azul' });
		await store.applyOrders([unmapped]);

		const rows = await store.orderActivity({ since: new Date('2026-11-01T00:00:00Z') });
		expect(rows.map((r) => r.channelOrderId)).toEqual(['2', '1']); // newest first
		const [two, one] = rows;
		expect(one).toMatchObject({
			orderKey: 'shopify:loja-teste:1', channel: 'shopify', account: 'loja-teste', status: 'shipped', firstSeenAt: '2026-11-10T12:00:00.000Z',
			summary: { totalCents: 11480, currency: 'BRL', shipBy: '2026-11-13T00:00:00.000Z', unmappedLines: [] },
			reachedAt: { paid: '2026-11-10T12:00:00.000Z', invoiced: '2026-11-11T09:00:00.000Z', shipped: '2026-11-11T15:30:00.000Z' },
		});
		expect(two.summary).toEqual({
			totalCents: 0, currency: 'USD', shipBy: null,
			unmappedLines: [{ index: 1, quantity: 3, channelListingId: 'L-9', channelVariantId: 'V-1', title: 'Camiseta azul' }],
		});
		expect(two.reachedAt).toEqual({ pending_payment: '2026-11-11T16:00:00.000Z' });
	});

	test('keeps a hub order\'s origin marketplace in its summary (no column: the summary is JSON); direct orders have none', async () => {
		await store.applyOrders([{ ...order('h1', 'paid', [['A', 1]]), channel: 'anymarket', account: 'loja', originMarketplace: 'MERCADO_LIVRE' }, order('d1', 'paid', [['A', 1]])]);
		const rows = await store.orderActivity({ since: new Date('2026-11-01T00:00:00Z') });
		expect(rows.find((r) => r.channelOrderId === 'h1')?.summary?.originMarketplace).toBe('MERCADO_LIVRE');
		expect(rows.find((r) => r.channelOrderId === 'd1')?.summary).not.toHaveProperty('originMarketplace');
	});

	test('answers orders first seen since the date plus every open order, whatever its age', async () => {
		await store.applyOrders([order('old-open', 'paid', [['A', 1]]), order('old-done', 'shipped', [['A', 1]])]);
		at('2026-11-20T12:00:00Z');
		await store.applyOrders([order('new-done', 'cancelled', [['A', 1]])]);
		const ids = (await store.orderActivity({ since: new Date('2026-11-15T00:00:00Z') })).map((r) => r.channelOrderId);
		expect(ids).toEqual(['new-done', 'old-open']);
		expect((await store.orderActivity({ since: new Date('2026-11-01T00:00:00Z'), limit: 1 })).map((r) => r.channelOrderId)).toEqual(['new-done']);
		await expect(store.orderActivity({ since: new Date('nope') })).rejects.toThrow(/since/);
		await expect(store.orderActivity({ since: now, limit: 0 })).rejects.toThrow(/limit/);
	});

	test('a version-10 database gains the summary column; its orders read with no summary until applied again', async () => {
		const v10 = await openFresh(driver, { targetVersion: 10, clock: () => now });
		await v10.store.setOnHand([{ sku: 'A', onHand: 5 }]);
		await v10.store.close();
		// Written as the previous package wrote it (no summary_json), through the old columns only.
		await rawSql(
			v10.config,
			`INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, first_seen_at, updated_at, payment_method)
			 VALUES ('shopify:loja-teste:9', 'shopify', 'loja-teste', '9', 'paid', 'reserved', 'default', '{"A":1}', '{}', 1, '2026-11-10T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-10T12:00:00.000Z', '2026-11-10T12:00:00.000Z', 'pix');
			 INSERT INTO oms_order_events (order_key, at, previous_status, new_status, outcome, effects_json) VALUES ('shopify:loja-teste:9', '2026-11-10T12:00:00.000Z', NULL, 'paid', 'applied', '[]');
			 INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key) VALUES ('2026-11-10T12:00:00Z', 'A', 'default', 0, 1, 'reserve', 'shopify:loja-teste:9', 'reserve');
			 UPDATE oms_stock SET reserved = 1 WHERE sku = 'A';`,
		);
		const upgraded = createStore(v10.config, { clock: () => now });
		try {
			expect(await upgraded.schemaVersion()).toBe(LATEST_SCHEMA);
			const [before] = await upgraded.orderActivity({ since: new Date('2026-11-01T00:00:00Z') });
			expect(before).toMatchObject({ channelOrderId: '9', summary: null, reachedAt: { paid: '2026-11-10T12:00:00.000Z' } });
			await upgraded.applyOrders([order('9', 'invoiced', [['A', 1]], { minute: 1 })]);
			const [after] = await upgraded.orderActivity({ since: new Date('2026-11-01T00:00:00Z') });
			expect(after.summary).toMatchObject({ totalCents: 0, currency: 'BRL' });
		} finally {
			await upgraded.close();
		}
	});
});
