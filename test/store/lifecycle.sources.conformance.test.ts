import type { CanonicalOrder, CanonicalStatus } from '../../core/model/order';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh } from './stores';

/**
 * Two sources, one order (template 2): the channel posts versions of the order, the ERP posts events
 * (invoiced, shipped). Their clocks are never compared: a channel cancellation stamped before the ERP's post
 * still restocks, an ERP post after a cancellation changes nothing, and a channel that lags behind the ERP's
 * invoice is not a regression.
 */

const KEY = 'shopify:loja-teste:';
// The ERP's clock runs ahead of the channel's (or its post is simply later): minute 50 against the channel's 0..10.
const channel = (id: string, status: CanonicalStatus, minute: number, qty = 2): CanonicalOrder => order(id, status, [['SHIRT-M', qty]], { minute });
const erpPost = (id: string, status: CanonicalStatus, qty = 2): CanonicalOrder => order(id, status, [['SHIRT-M', qty]], { minute: 50 });

describe.each(DRIVERS)('two sources for one order on %s', (driver) => {
	let store: OmsStore;
	const level = async () => {
		const [l] = await store.getAvailability(['SHIRT-M']);
		return { onHand: l.onHand, reserved: l.reserved };
	};
	const erp = (o: CanonicalOrder) => store.applyOrders([o], { source: 'erp' });
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
		await store.setOnHand([{ sku: 'SHIRT-M', onHand: 10 }]);
	});
	afterEach(() => store.close());

	test('channel cancel stamped before the ERP post, arriving after it: restocked', async () => {
		await store.applyOrders([channel('1', 'paid', 0)]);
		const [inv] = await erp(erpPost('1', 'invoiced'));
		expect(inv).toMatchObject({ outcome: 'applied', newStatus: 'invoiced', effects: [{ effect: 'commit', key: 'commit', lines: [{ sku: 'SHIRT-M', quantity: 2 }] }] });
		expect(await level()).toEqual({ onHand: 8, reserved: 0 });
		// The channel's version 5 is older than the ERP's post (minute 50) but newer than the channel's last (0).
		const [cancel] = await store.applyOrders([channel('1', 'cancelled', 5)]);
		expect(cancel).toMatchObject({ outcome: 'applied', stage: 'restocked', effects: [{ effect: 'restock', key: 'restock', lines: [{ sku: 'SHIRT-M', quantity: 2 }] }] });
		expect(await level()).toEqual({ onHand: 10, reserved: 0 });
		expect((await store.getOrder(`${KEY}1`))?.channelUpdatedAt).toBe('2026-11-20T12:05:00.000Z');
	});

	test('ERP post after the channel cancelled: nothing moves, the order stays cancelled and is flagged', async () => {
		await store.applyOrders([channel('2', 'paid', 0), channel('2', 'cancelled', 5)]);
		expect(await level()).toEqual({ onHand: 10, reserved: 0 });
		const [late] = await erp(erpPost('2', 'shipped'));
		expect(late).toMatchObject({ outcome: 'unchanged', effects: [], flags: ['erp_post_after_terminal'] });
		expect(await level()).toEqual({ onHand: 10, reserved: 0 });
		expect((await store.getOrder(`${KEY}2`))?.status).toBe('cancelled');
	});

	test('a channel lagging behind the ERP (still "paid" after the invoice) is read at the ERP status, not refused', async () => {
		await store.applyOrders([channel('3', 'paid', 0)]);
		await erp(erpPost('3', 'invoiced'));
		const [lag] = await store.applyOrders([channel('3', 'paid', 7)]);
		expect(lag).toMatchObject({ outcome: 'unchanged', flags: [] });
		expect(await level()).toEqual({ onHand: 8, reserved: 0 });
		const stored = await store.getOrder(`${KEY}3`);
		expect(stored).toMatchObject({ status: 'invoiced', erpStatus: 'invoiced', channelUpdatedAt: '2026-11-20T12:07:00.000Z', flagged: false });
		// The channel's own clock still decides between its versions.
		const [stale] = await store.applyOrders([channel('3', 'cancelled', 6)]);
		expect(stale.outcome).toBe('stale');
		const [cancel] = await store.applyOrders([channel('3', 'cancelled', 8)]);
		expect(cancel.outcome).toBe('applied');
		expect(await level()).toEqual({ onHand: 10, reserved: 0 });
	});

	test('an ERP post older than what the store holds adds nothing; posting the same event twice moves nothing', async () => {
		await store.applyOrders([channel('4', 'shipped', 0)]);
		expect(await level()).toEqual({ onHand: 8, reserved: 0 });
		const [older] = await erp(erpPost('4', 'invoiced'));
		expect(older).toMatchObject({ outcome: 'unchanged', newStatus: 'invoiced', stage: 'committed', flags: [] });
		expect((await store.getOrder(`${KEY}4`))?.status).toBe('shipped');
		const again = await erp(erpPost('4', 'shipped'));
		expect(again[0].outcome).toBe('unchanged');
		expect(await level()).toEqual({ onHand: 8, reserved: 0 });
	});

	test('interleavings: paid, ERP invoice, then channel cancel stamped earlier, in either arrival order', async () => {
		// ERP first, channel after (two batches as two webhooks would bring them).
		await store.applyOrders([channel('5', 'paid', 0)]);
		await erp(erpPost('5', 'invoiced'));
		await store.applyOrders([channel('5', 'cancelled', 1)]);
		// Channel cancel first, ERP after.
		await store.applyOrders([channel('6', 'paid', 0), channel('6', 'cancelled', 1)]);
		await erp(erpPost('6', 'invoiced'));
		expect(await level()).toEqual({ onHand: 10, reserved: 0 });
		const ledger = await store.listLedger({ sku: 'SHIRT-M' });
		const net = (key: string) => ledger.filter((e) => e.orderKey === key).reduce((s, e) => s + e.deltaOnHand, 0);
		expect([net(`${KEY}5`), net(`${KEY}6`)]).toEqual([0, 0]);
	});

	test('an unknown source is the caller\'s error', async () => {
		await expect(store.applyOrders([channel('7', 'paid', 0)], { source: 'pos' as never })).rejects.toThrow('source must be "channel" or "erp", got "pos"');
	});
});
