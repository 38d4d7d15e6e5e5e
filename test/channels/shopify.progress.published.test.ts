import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeShopifyOrder } from '../../core/channels/shopify/normalize';
import { DEFAULT_LIFECYCLE } from '../../core/lifecycle/config';
import { emptyState, planOrderChange } from '../../core/lifecycle/plan';

/**
 * Per-line progress from Shopify's published payloads: units shipped (fulfillments' line items) and units
 * refunded by restock type. Sources:
 *  - Order 450789469 (REST, no current_quantity): Shopify/shopify_python_api@307fa92c92e08036f379bc039abc937fc20a1ebf
 *    test/fixtures/order.json (rest-order-450789469-authorized-python-api.json).
 *  - Its fulfillment 255858046 (status pending, one unit of line 466157049):
 *    Shopify/shopify_python_api@58462b43b3ae5c8e8ba76c6f91a82d8ce802baf9 test/fixtures/fulfillment.json.
 *  - Its refund 509562969 ("restock": true, no restock_type: a legacy restock of lines 703073504 and 466157049):
 *    Shopify/shopify_python_api@2f53a7c81a642d6d5cf9852bc8d77a6c758c25da test/fixtures/refund.json.
 *  - Restock types: https://shopify.dev/docs/api/admin-graphql/latest/enums/RefundLineItemRestockType (CANCEL for
 *    unfulfilled units, RETURN for fulfilled ones, NO_RESTOCK, LEGACY_RESTOCK).
 * The derived orders below put the published fulfillment and refund into the published order (as Shopify does
 * once they exist), with the statuses Shopify then shows (fulfillment_status partial).
 */
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/shopify', name), 'utf8')) as Record<string, any>;
const SHOP = 'jsmith.myshopify.com';

function partlyFulfilled(extra: Record<string, unknown> = {}): Record<string, unknown> {
	const order = fixture('rest-order-450789469-authorized-python-api.json').order as Record<string, unknown>;
	return { ...order, financial_status: 'paid', fulfillment_status: 'partial', fulfillments: [fixture('python-api-fulfillment-255858046.json').fulfillment], ...extra };
}

const progressOf = (o: ReturnType<typeof normalizeShopifyOrder>) => o.lines.map((l) => [l.channelLineId, l.quantity, l.shippedQuantity, l.returnedQuantity]);

describe('Shopify per-line progress (published payloads)', () => {
	it('derived: a partly fulfilled order counts the fulfilled unit as shipped, not every unit', () => {
		const order = normalizeShopifyOrder(partlyFulfilled(), SHOP);
		expect(order).toMatchObject({ status: 'shipped', fulfillmentStatus: 'partial' });
		expect(progressOf(order)).toEqual([
			['466157049', 1, 1, undefined],
			['518995019', 1, 0, undefined],
			['703073504', 1, 0, undefined],
		]);
	});

	it('derived: with the commit point at shipped, the store deducts the shipped unit and keeps the two others reserved', () => {
		const order = normalizeShopifyOrder(partlyFulfilled(), SHOP);
		const plan = planOrderChange(emptyState('k', 'default'), order, { ...DEFAULT_LIFECYCLE, commitOn: 'shipped' }, order.updatedAt);
		expect(plan.movements.map((m) => [m.reason, m.sku, m.deltaOnHand, m.deltaReserved])).toEqual([
			['commit', 'IPOD2008GREEN', -1, 0],
			['reserve', 'IPOD2008BLACK', 0, 1],
			['reserve', 'IPOD2008RED', 0, 1],
		]);
	});

	it('derived: the published legacy refund cancels the unfulfilled unit and returns the fulfilled one', () => {
		const order = normalizeShopifyOrder(partlyFulfilled({ refunds: [fixture('python-api-refund-509562969.json').refund] }), SHOP);
		// 703073504 was never fulfilled: its refunded unit is cancelled (the line is gone). 466157049 shipped: it
		// stays on the order, shipped and returned, so the store restocks it as a return.
		expect(progressOf(order)).toEqual([
			['466157049', 1, 1, 1],
			['518995019', 1, 0, undefined],
		]);
	});

	it('derived: restock_type "no_restock" after shipping keeps the unit out; "cancel" removes an unshipped one', () => {
		const refund = fixture('python-api-refund-509562969.json').refund as Record<string, any>;
		const typed = {
			...refund,
			restock: false,
			refund_line_items: [
				{ ...refund.refund_line_items[0], restock_type: 'cancel' },
				{ ...refund.refund_line_items[1], restock_type: 'no_restock' },
			],
		};
		const order = normalizeShopifyOrder(partlyFulfilled({ refunds: [typed] }), SHOP);
		expect(progressOf(order)).toEqual([
			['466157049', 1, 1, undefined],
			['518995019', 1, 0, undefined],
		]);
	});

	it('derived: the GraphQL node with the same fulfillment and refund gives the same lines', () => {
		const node = fixture('derived-graphql-order-450789469.json').order as Record<string, any>;
		const gid = (id: string) => ({ id: `gid://shopify/LineItem/${id}` });
		const graphql = {
			...node,
			displayFinancialStatus: 'PARTIALLY_REFUNDED',
			displayFulfillmentStatus: 'PARTIALLY_FULFILLED',
			lineItems: { ...node.lineItems, nodes: node.lineItems.nodes.map((l: Record<string, unknown>) => ({ ...l, currentQuantity: l.id === 'gid://shopify/LineItem/518995019' ? 1 : 0 })) },
			fulfillments: [{ status: 'SUCCESS', displayStatus: 'FULFILLED', createdAt: '2013-11-01T20:06:08Z', trackingInfo: [], fulfillmentLineItems: { nodes: [{ quantity: 1, lineItem: gid('466157049') }], pageInfo: { hasNextPage: false } } }],
			refunds: [{ refundLineItems: { nodes: [{ quantity: 1, restockType: 'LEGACY_RESTOCK', lineItem: gid('703073504') }, { quantity: 1, restockType: 'RETURN', lineItem: gid('466157049') }] } }],
		};
		expect(progressOf(normalizeShopifyOrder(graphql, SHOP))).toEqual([
			['466157049', 1, 1, 1],
			['518995019', 1, 0, undefined],
		]);
		// A fulfillment whose line items did not fit in one page: the counts are unknown and the status decides.
		const cut = { ...graphql, fulfillments: [{ ...graphql.fulfillments[0], fulfillmentLineItems: { ...graphql.fulfillments[0].fulfillmentLineItems, pageInfo: { hasNextPage: true } } }] };
		expect(progressOf(normalizeShopifyOrder(cut, SHOP)).map((l) => l[2])).toEqual([undefined, undefined]);
	});
});
