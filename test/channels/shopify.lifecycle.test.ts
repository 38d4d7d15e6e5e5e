import { normalizeShopifyOrder } from '../../core/channels/shopify/normalize';
import { DEFAULT_LIFECYCLE } from '../../core/lifecycle/config';
import { emptyState, planOrderChange, type OrderStockState } from '../../core/lifecycle/plan';
import { shopifyOrder, shopifyRestOrder, type ShopifyOrderSpec } from '../simulators/shopify';

/**
 * Issue 7 through the stock rules (core/lifecycle/plan.ts): what the normaliser now reports for an
 * authorized order and for removed units moves the order's stock footprint.
 */
const snapshot = (minute: number, spec: Partial<ShopifyOrderSpec>, shape: 'graphql' | 'rest' = 'graphql') => {
	const full = { id: 1001, updatedAt: `2026-03-10T14:${String(minute).padStart(2, '0')}:00Z`, ...spec };
	return normalizeShopifyOrder(shape === 'rest' ? shopifyRestOrder(full) : shopifyOrder(full), 'bob-norman.myshopify.com');
};

function apply(state: OrderStockState, order: ReturnType<typeof snapshot>) {
	const plan = planOrderChange(state, order, DEFAULT_LIFECYCLE, order.updatedAt);
	const moves = plan.movements.map((m) => [m.reason, m.sku, m.deltaReserved, m.deltaOnHand]);
	return { state: plan.next, moves };
}

describe('Shopify orders through the stock rules', () => {
	it('an authorized order reserves; removing a unit before the commit point lowers the reservation; shipping commits', () => {
		let s = emptyState('shopify:bob-norman.myshopify.com:1001', 'default');
		let step = apply(s, snapshot(0, { financial: 'AUTHORIZED', lines: [{ sku: 'A', quantity: 3, price: '10.00' }, { sku: 'B', quantity: 1, price: '5.00' }] }));
		expect(step.moves).toEqual([
			['reserve', 'A', 3, 0],
			['reserve', 'B', 1, 0],
		]);
		s = step.state;
		// The merchant removes one A and the whole B line (order edit): currentQuantity 2 and 0.
		step = apply(s, snapshot(5, { financial: 'AUTHORIZED', lines: [{ sku: 'A', quantity: 3, current: 2, price: '10.00' }, { sku: 'B', quantity: 1, current: 0, price: '5.00' }] }));
		expect(step.moves).toEqual([
			['adjust_reservation', 'A', -1, 0],
			['adjust_reservation', 'B', -1, 0],
		]);
		s = step.state;
		// Fulfilled while still only authorized: committed (before issue 7 it stayed pending_payment for ever).
		step = apply(s, snapshot(9, { financial: 'AUTHORIZED', fulfillment: 'FULFILLED', lines: [{ sku: 'A', quantity: 3, current: 2, price: '10.00' }, { sku: 'B', quantity: 1, current: 0, price: '5.00' }] }));
		expect(step.moves).toEqual([['commit', 'A', -2, -2]]);
		expect(step.state).toMatchObject({ stage: 'committed', status: 'shipped' });
	});

	it('a webhook (REST) snapshot moves the footprint the same way as the polled one', () => {
		const s = apply(emptyState('k', 'default'), snapshot(0, { financial: 'PAID', lines: [{ sku: 'A', quantity: 2, price: '10.00' }] }, 'rest')).state;
		const step = apply(s, snapshot(1, { financial: 'PAID', lines: [{ sku: 'A', quantity: 2, current: 1, price: '10.00' }] }, 'rest'));
		expect(step.moves).toEqual([['adjust_reservation', 'A', -1, 0]]);
	});

	it('every unit removed while the order stays open (edits to 0): imported without lines, all_lines_removed, the reservation released', () => {
		const s = apply(emptyState('k', 'default'), snapshot(0, { financial: 'PAID', lines: [{ sku: 'A', quantity: 2, price: '10.00' }, { sku: 'B', quantity: 1, price: '5.00' }] })).state;
		for (const shape of ['graphql', 'rest'] as const) {
			const emptied = snapshot(3, { financial: 'PAID', lines: [{ sku: 'A', quantity: 2, current: 0, price: '10.00' }, { sku: 'B', quantity: 1, current: 0, price: '5.00' }] }, shape);
			expect(emptied).toMatchObject({ status: 'paid', lines: [], flags: ['all_lines_removed'] });
			const step = apply(s, emptied);
			expect(step.moves).toEqual([
				['release', 'A', -2, 0],
				['release', 'B', -1, 0],
			]);
			expect(step.state.stage).toBe('released');
		}
	});

	it('a line without SKU reserves nothing until it is linked', () => {
		const step = apply(emptyState('k', 'default'), snapshot(0, { lines: [{ sku: null, quantity: 2, price: '10.00' }, { sku: 'A', quantity: 1, price: '1.00' }] }));
		expect(step.moves).toEqual([['reserve', 'A', 1, 0]]);
	});
});
