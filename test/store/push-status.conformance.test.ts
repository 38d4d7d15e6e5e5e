import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from './stores';

/** pushStatus on both drivers: what each channel account was last told per SKU, against the level now. */

const SHOP = 'shopify:loja.myshopify.com';
const WOO = 'woocommerce:loja-b';

describe.each(DRIVERS)('push status on %s', (driver) => {
	let store: OmsStore;
	let now: Date;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store } = await openFresh(driver, { clock: () => now }));
		await store.setOnHand([{ sku: 'A', onHand: 5 }, { sku: 'B', onHand: 3 }, { sku: 'A', warehouse: 'north', onHand: 2 }]);
		const [a, b] = await store.getVersionedLevels(['A', 'B']);
		await store.recordPushed(SHOP, [{ sku: 'A', value: 5, changeSeq: a.changeSeq }, { sku: 'B', value: 3, changeSeq: b.changeSeq }]);
		await store.recordPushed(WOO, [{ sku: 'A', value: 5, changeSeq: a.changeSeq }]);
	});
	afterEach(() => store.close());

	test('a SKU whose level moved after its push is behind, with the movements since and its retry entry', async () => {
		now = new Date('2026-11-20T12:05:00Z');
		await store.adjustStock([{ sku: 'A', delta: -1, reason: 'damaged' }]);
		await store.adjustStock([{ sku: 'A', delta: -1, reason: 'damaged' }]);
		await store.recordPushRetries(SHOP, [{ sku: 'A', reason: 'refused', message: 'quantity invalid', httpCode: 422 }, { sku: 'C', reason: 'unknown', message: 'timeout' }]);

		const rows = await store.pushStatus();
		expect(rows.map((r) => [r.channel, r.sku])).toEqual([[SHOP, 'A'], [SHOP, 'B'], [SHOP, 'C'], [WOO, 'A']]);
		const [shopA, shopB, shopC, wooA] = rows;
		expect(shopA).toMatchObject({ warehouse: 'default', pushedValue: 5, pushedAt: '2026-11-20T12:00:00.000Z', onHand: 3, reserved: 0, available: 3, behind: true, movementsSincePush: 2 });
		expect(shopA.changeSeq!).toBeGreaterThan(shopA.pushedChangeSeq!);
		expect(shopA.retry).toMatchObject({ attempts: 1, uncertain: false, lastError: 'quantity invalid', lastHttpCode: 422, nextAt: '2026-11-20T12:06:00.000Z' });
		expect(shopB).toMatchObject({ pushedValue: 3, available: 3, behind: false, movementsSincePush: 0, retry: null });
		expect(shopB.changeSeq).toBe(shopB.pushedChangeSeq);
		// Never accepted and unknown to the store: listed for its retry entry, nothing to be behind of.
		expect(shopC).toMatchObject({ pushedValue: null, pushedAt: null, available: null, behind: false, movementsSincePush: null, retry: { attempts: 1, uncertain: true, lastError: 'timeout' } });
		expect(wooA).toMatchObject({ pushedValue: 5, available: 3, behind: true, retry: null });
	});

	test('filters by channel (all accounts or one), SKU identity and warehouse, and limits', async () => {
		const pairs = async (q: Parameters<OmsStore['pushStatus']>[0]) => (await store.pushStatus(q)).map((r) => `${r.channel}/${r.sku}`);
		expect(await pairs({ channel: 'shopify' })).toEqual([`${SHOP}/A`, `${SHOP}/B`]);
		expect(await pairs({ channel: WOO })).toEqual([`${WOO}/A`]);
		expect(await pairs({ channel: 'shop' })).toEqual([]); // a prefix of a channel name is not the channel
		expect(await pairs({ sku: ' A ' })).toEqual([`${SHOP}/A`, `${WOO}/A`]);
		expect(await pairs({ warehouse: 'north' })).toEqual([]); // never pushed from there
		expect(await pairs({ limit: 1 })).toEqual([`${SHOP}/A`]);
		await expect(store.pushStatus({ limit: 0 })).rejects.toThrow(/limit/);
	});

	test('a newer push catches up', async () => {
		await store.adjustStock([{ sku: 'B', delta: 2 }]);
		expect((await store.pushStatus({ channel: SHOP, sku: 'B' }))[0]).toMatchObject({ behind: true, available: 5, pushedValue: 3 });
		const [b] = await store.getVersionedLevels(['B']);
		await store.recordPushed(SHOP, [{ sku: 'B', value: 5, changeSeq: b.changeSeq }]);
		expect((await store.pushStatus({ channel: SHOP, sku: 'B' }))[0]).toMatchObject({ behind: false, available: 5, pushedValue: 5 });
	});

	test('a joint push key (default+north, several warehouses sold) is compared with the sum of their levels', async () => {
		const ML = 'mercadolivre:123';
		const [d, n] = [(await store.getVersionedLevels(['A']))[0], (await store.getVersionedLevels(['A'], 'north'))[0]];
		await store.recordPushed(ML, [{ sku: 'A', warehouse: 'default+north', value: 7, changeSeq: Math.max(d.changeSeq, n.changeSeq) }]);
		expect((await store.pushStatus({ channel: ML }))[0]).toMatchObject({ warehouse: 'default+north', pushedValue: 7, onHand: 7, reserved: 0, available: 7, behind: false, movementsSincePush: 0 });
		// An order reserving in north moves the sum: behind, with the movement counted.
		now = new Date('2026-11-20T12:05:00Z');
		await store.applyOrders([{ ...order('9', 'paid', [['A', 2]]), warehouse: 'north' }]);
		expect((await store.pushStatus({ channel: ML }))[0]).toMatchObject({ onHand: 7, reserved: 2, available: 5, behind: true, movementsSincePush: 1 });
	});
});
