import { CHANGED_SINCE_LAST_PUSH, pushStock, type PushStockRequest } from '../../core/sync/push-stock';
import { publishedValue, resolveRule } from '../../core/catalog/publish-rules';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { FakeWriter } from './fake-writer';
import { DRIVERS } from '../store/stores';
import { storePerTest } from './stores';

/** Push Stock with the store's publish rules and warehouses per channel account, and kits. */

const CHANNEL = 'shopify:loja.myshopify.com';

describe('published value', () => {
	test.each([
		// available, rule, expected
		[10, {}, 10],
		[10, { sharePercent: 50 }, 5],
		[9, { sharePercent: 50 }, 4], // floor
		[10, { safetyStock: 2, sharePercent: 50 }, 4], // (10 − 2) × 50 %
		[10, { maxQuantity: 3 }, 3],
		[4, { zeroBelow: 5 }, 0],
		[5, { zeroBelow: 5 }, 5],
		[-2, { sharePercent: 50 }, 0],
	])('available %i with %j → %i', (available, rule, expected) => {
		expect(publishedValue(available, resolveRule(rule))).toBe(expected);
	});

	test('field by field: the SKU override, the account rule, the node parameters, the default', () => {
		expect(resolveRule({ sharePercent: 30 }, { sharePercent: 80, safetyStock: 1 }, { safetyStock: 5, maxQuantity: 9 })).toEqual({ sharePercent: 30, safetyStock: 1, maxQuantity: 9, zeroBelow: 0 });
	});
});

describe.each(DRIVERS)('Push Stock with the store\'s settings on %s', (driver) => {
	const current = storePerTest(driver);
	let store: OmsStore;
	beforeEach(() => {
		store = current();
	});

	const push = (writer: FakeWriter, skus: string[] | typeof CHANGED_SINCE_LAST_PUSH, extra: Partial<PushStockRequest> = {}) =>
		pushStock({ store, channel: CHANNEL, writer, levels: Array.isArray(skus) ? skus.map((sku) => ({ sku })) : skus, safetyStock: 0, maxQuantity: 0, ...extra });
	const values = (results: Array<{ sku: string; value: number | null }>) => Object.fromEntries(results.map((r) => [r.sku, r.value]));

	describe('pushStock with store rules', () => {
		test("the store's rule wins over the node's parameters; what it leaves unset falls back to them; a SKU overrides its account", async () => {
			await store.setOnHand([{ sku: 'A', onHand: 20 }, { sku: 'B', onHand: 20 }, { sku: 'C', onHand: 3 }]);
			const writer = new FakeWriter(FakeWriter.listing('A', 'B', 'C'));
			// No store rule yet: the node's parameters (saved workflows keep working).
			expect(values((await push(writer, ['A', 'B', 'C'], { safetyStock: 2, maxQuantity: 15 })).results)).toEqual({ A: 15, B: 15, C: 1 });

			await store.setPublishRule(CHANNEL, { sharePercent: 50, zeroBelow: 4 });
			await store.setPublishRule(CHANNEL, { sharePercent: 100, maxQuantity: 7 }, 'B');
			// A: (20 − 2 node safety) × 50 % = 9, under the node's cap 15; B: its own share and cap; C: 3 < 4 → 0.
			expect(values((await push(writer, ['A', 'B', 'C'], { safetyStock: 2, maxQuantity: 15 })).results)).toEqual({ A: 9, B: 7, C: 0 });
			// Another workflow with other node parameters publishes the same store-ruled fields.
			expect(values((await push(writer, ['A', 'B', 'C'], { safetyStock: 0, maxQuantity: 0 })).results)).toEqual({ A: 10, B: 7, C: 0 });
			expect([...writer.quantities]).toEqual([['A', 10], ['B', 7], ['C', 0]]);
			await store.removePublishRule(CHANNEL);
			expect(values((await push(writer, ['A', 'C'])).results)).toEqual({ A: 20, C: 3 });
		});

		test('another channel account is not touched by this one\'s rule', async () => {
			await store.setOnHand([{ sku: 'A', onHand: 10 }]);
			await store.setPublishRule('mercadolivre:123', { sharePercent: 10 });
			const writer = new FakeWriter(FakeWriter.listing('A'));
			expect(values((await push(writer, ['A'])).results)).toEqual({ A: 10 });
		});
	});

	describe('pushStock with the warehouses a channel account sells', () => {
		test('the sum of the warehouses sold is published under their joint key; the changed feed follows every one of them', async () => {
			await store.setOnHand([
				{ sku: 'A', onHand: 4 },
				{ sku: 'A', onHand: 6, warehouse: 'sp' },
				{ sku: 'A', onHand: 100, warehouse: 'rj' },
			]);
			await store.setChannelWarehouses(CHANNEL, { sells: ['default', 'sp'] });
			const writer = new FakeWriter(FakeWriter.listing('A'));
			const first = await push(writer, CHANGED_SINCE_LAST_PUSH);
			expect(first.results).toEqual([expect.objectContaining({ sku: 'A', warehouse: 'default+sp', available: 10, value: 10, status: 'pushed' })]);
			expect(await store.getPushed(CHANNEL, ['A'], 'default+sp')).toEqual(new Map([['A', 10]]));

			// An order reserving in sp lowers the sum; a count in rj (not sold) changes nothing for this channel.
			await store.applyOrders([order('1', 'paid', [['A', 2]], { warehouse: 'sp' })]);
			await store.adjustStock([{ sku: 'A', delta: 5, warehouse: 'rj' }]);
			const next = await push(writer, CHANGED_SINCE_LAST_PUSH, { cursor: first.cursor });
			expect(next.results).toEqual([expect.objectContaining({ sku: 'A', available: 8, value: 8, previous: 10, status: 'pushed' })]);
			const idle = await push(writer, CHANGED_SINCE_LAST_PUSH, { cursor: next.cursor });
			expect(idle.results).toEqual([]);
		});

		test('without a setting, the node\'s Warehouse is sold, as before', async () => {
			await store.setOnHand([{ sku: 'A', onHand: 4 }, { sku: 'A', onHand: 6, warehouse: 'sp' }]);
			const writer = new FakeWriter(FakeWriter.listing('A'));
			expect((await push(writer, ['A'], { warehouse: 'sp' })).results).toEqual([expect.objectContaining({ warehouse: 'sp', value: 6 })]);
		});
	});

	describe('pushStock with kits', () => {
		test('a component named (e.g. by an Apply result) publishes every kit containing it; the kit shows whole kits, per warehouse then summed', async () => {
			await store.setOnHand([
				{ sku: 'A', onHand: 5 },
				{ sku: 'B', onHand: 9 },
				{ sku: 'A', onHand: 3, warehouse: 'sp' },
				{ sku: 'B', onHand: 0, warehouse: 'sp' },
			]);
			await store.defineKit('KIT', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
			const writer = new FakeWriter(FakeWriter.listing('A', 'B', 'KIT'));
			const [applied] = await store.applyOrders([order('1', 'paid', [['KIT', 1]])]);
			const { results } = await pushStock({ store, channel: CHANNEL, writer, levels: applied.affected, safetyStock: 0, maxQuantity: 0 });
			// A 5 − 2 = 3 → 1 kit; B 9 − 1 = 8
			expect(values(results)).toEqual({ A: 3, B: 8, KIT: 1 });

			// Selling default + sp: sp's A alone makes no kit (no B there), so the kit stays 1 while A shows 6.
			await store.setChannelWarehouses(CHANNEL, { sells: ['default', 'sp'] });
			const joint = await push(writer, CHANGED_SINCE_LAST_PUSH);
			expect(values(joint.results)).toEqual({ A: 6, B: 8, KIT: 1 });

			// The kit definition removed: the next push publishes KIT as a plain SKU (its own count, 0), not the kit's 1.
			await store.removeKit('KIT');
			expect(values((await push(writer, CHANGED_SINCE_LAST_PUSH, { cursor: joint.cursor })).results)).toEqual({ KIT: 0 });
		});
	});
});
