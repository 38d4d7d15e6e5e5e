import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeShopifyOrder } from '../../core/channels/shopify/normalize';

/**
 * Shopify's own published order payloads (test/fixtures/published/shopify), normalised as the poller
 * (GraphQL) and the webhook trigger (REST) will. Sources:
 *  - REST: Shopify/shopify-app-js@ef2043d4a8c4ca0adb9020d76090b2fb94979dab
 *    packages/apps/shopify-api/rest/admin/__tests__/2026-01/order.test.ts, the mocked responses of its
 *    tests, generated from the shopify.dev REST Admin API "Order" resource examples (API 2026-01).
 *  - REST, older shape (no current_quantity): Shopify/shopify_python_api@307fa92c92e08036f379bc039abc937fc20a1ebf
 *    test/fixtures/order.json.
 *  - GraphQL: https://shopify.dev/docs/api/admin-graphql/latest/queries/order.md (api_version 2026-01),
 *    example "Retrieve tax information for an order", its Response.
 */
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/shopify', name), 'utf8')) as Record<string, unknown>;
const SHOP = 'jsmith.myshopify.com';
const normalize = (raw: unknown) => normalizeShopifyOrder(raw, SHOP);

describe('Shopify published REST orders', () => {
	// shopify-app-js order.test.ts test_8: GET /admin/api/2026-01/orders/450789469.json.
	const refunded = fixture('rest-order-450789469-partially-refunded.json');

	it('GET orders/450789469: the removed and refunded lines are gone, totals are the current ones', () => {
		const order = normalize(refunded);
		expect(order).toMatchObject({
			channel: 'shopify',
			account: SHOP,
			channelOrderId: '450789469',
			createdAt: '2008-01-10T16:00:00.000Z',
			status: 'paid',
			paymentStatus: 'partially_refunded',
			fulfillmentStatus: 'unfulfilled',
			channelStatusRaw: 'partially_refunded / null',
			currency: 'USD',
			// 199.00 − 3.33 discount + 3.98 tax = current_total_price 199.65 (total_price 598.94 counts all three).
			totals: { itemsCents: 19900, shippingCents: 0, discountCents: 333, totalCents: 19965 },
			customer: { name: 'Bob Norman', email: 'bob.norman@mail.example.com', phone: '+16136120707' },
			shippingAddress: { name: 'Bob Norman', street: 'Chestnut Street 92', city: 'Louisville', state: 'KY', postalCode: '40202', country: 'US' },
		});
		// IPOD2008GREEN and IPOD2008BLACK have current_quantity 0 (refunded); only IPOD2008RED is left.
		expect(order.lines).toEqual([
			{ sku: 'IPOD2008RED', quantity: 1, unitPriceCents: 19900, channelListingId: '632910392', channelVariantId: '49148385', channelLineId: '518995019', title: 'IPod Nano - 8gb' },
		]);
		// Its only fulfillment has status "failure": no shipment.
		expect(order.shipments).toEqual([]);
		expect(order.flags).toBeUndefined();
	});

	it('derived: the same order without current_quantity (API before 2024-01) subtracts its refund line items', () => {
		const old = structuredClone(refunded) as { order: { line_items: Array<Record<string, unknown>> } };
		for (const li of old.order.line_items) delete li.current_quantity;
		expect(normalize(old).lines).toEqual(normalize(refunded).lines);
	});

	it('derived: the same order with its last unit removed too (IPOD2008RED current_quantity edited 1 → 0) imports without lines, all_lines_removed', () => {
		const emptied = structuredClone(refunded) as { order: { line_items: Array<Record<string, unknown>> } };
		for (const li of emptied.order.line_items) li.current_quantity = 0;
		expect(normalize(emptied)).toMatchObject({ channelOrderId: '450789469', status: 'paid', lines: [], flags: ['all_lines_removed'] });
	});

	it('test_5 (financial_status=authorized): manual capture holds stock like a paid order', () => {
		const authorized = (fixture('rest-orders-authorized.json').orders as unknown[])[0];
		const order = normalize(authorized);
		expect(order).toMatchObject({ channelOrderId: '450789469', status: 'paid', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled', currency: 'USD' });
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['IPOD2008RED', 1, 19900]]);
		expect(order.totals).toEqual({ itemsCents: 19900, shippingCents: 0, discountCents: 333, totalCents: 19965 });
		// Derived: the same authorized order once fulfilled ships (it never left pending_payment before).
		const shipped = normalize({ ...(authorized as object), fulfillment_status: 'fulfilled' });
		expect(shipped).toMatchObject({ status: 'shipped', paymentStatus: 'authorized', fulfillmentStatus: 'fulfilled' });
	});

	it('test_14 (cancel with a refund): a cancelled order with every line refunded imports with no line', () => {
		const order = normalize(fixture('rest-order-450789469-cancelled.json'));
		expect(order).toMatchObject({
			channelOrderId: '450789469',
			status: 'cancelled',
			paymentStatus: 'refunded',
			channelStatusRaw: 'refunded / null / cancelled',
			currency: 'USD',
			lines: [],
			totals: { itemsCents: 0, shippingCents: 0, discountCents: 1000, totalCents: 59894 },
		});
	});

	it('test_16 (POST orders.json, a custom item in EUR): no SKU, no product, no customer, no address', () => {
		const order = normalize(fixture('rest-order-1073459976-custom-item-eur.json'));
		expect(order).toMatchObject({
			channelOrderId: '1073459976',
			status: 'paid',
			paymentStatus: 'paid',
			currency: 'EUR',
			// 3 × 74.99 + 13.50 tax = 238.47.
			totals: { itemsCents: 22497, shippingCents: 0, discountCents: 0, totalCents: 23847 },
			customer: { name: '' },
			flags: ['unmapped_lines'],
		});
		expect(order.lines).toEqual([{ unmapped: true, quantity: 3, unitPriceCents: 7499, channelLineId: '1071823188', title: 'Big Brown Bear Boots' }]);
		expect(order.shippingAddress).toBeUndefined();
		expect(order.customer).toEqual({ name: '' });
	});

	it('test_19 (POST orders.json, fulfillment_status fulfilled): shipped, no tracking to report', () => {
		const order = normalize(fixture('rest-order-1073459972-fulfilled.json'));
		expect(order).toMatchObject({ channelOrderId: '1073459972', status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled', currency: 'USD', shipments: [] });
		expect(order.lines).toEqual([
			// Its fulfillment lists the line: shipped, counted per line.
			{ sku: 'IPOD2009BLACK', quantity: 1, shippedQuantity: 1, unitPriceCents: 19900, channelListingId: '921728736', channelVariantId: '447654529', channelLineId: '1071823184', title: 'IPod Touch 8GB' },
		]);
		expect(order.totals).toEqual({ itemsCents: 19900, shippingCents: 0, discountCents: 0, totalCents: 19900 });
	});

	it('shopify_python_api order.json: older payload, quantities and totals without the current_* fields', () => {
		const order = normalize(fixture('rest-order-450789469-authorized-python-api.json'));
		expect(order).toMatchObject({
			channelOrderId: '450789469',
			updatedAt: '2008-01-10T16:00:00.000Z',
			status: 'paid',
			paymentStatus: 'authorized',
			currency: 'USD',
			// Free shipping from shipping_lines; total_discounts "0.00" is what the order says.
			totals: { itemsCents: 59700, shippingCents: 0, discountCents: 0, totalCents: 40994 },
			shipments: [],
		});
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.channelVariantId])).toEqual([
			['IPOD2008GREEN', 1, 19900, '39072856'],
			['IPOD2008RED', 1, 19900, '49148385'],
			['IPOD2008BLACK', 1, 19900, '457924702'],
		]);
	});
});

describe('Shopify published GraphQL order', () => {
	// shopify.dev queries/order "Retrieve tax information for an order": a POS sale line with no SKU and
	// no variant. The example's query selects neither status nor currentQuantity; the test adds the two
	// statuses (derived), and the line counts its `quantity`.
	const { order: node } = fixture('graphql-order-53613399-tax-information.json') as { order: Record<string, unknown> };

	it('order 53613399: an unmapped POS line, current totals, the shipping address', () => {
		const order = normalize({ ...node, displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED' });
		expect(order).toMatchObject({
			channelOrderId: '53613399',
			createdAt: '2025-04-08T14:52:51.000Z',
			status: 'paid',
			currency: 'USD',
			// currentTotalPriceSet 11.0 (totalPriceSet 16.2 predates an edit); shipping 10.0.
			totals: { itemsCents: 100, shippingCents: 1000, discountCents: 0, totalCents: 1100 },
			customer: { name: '', phone: '+1(613)555-1212' },
			shippingAddress: { street: '511 Foothill Road', city: 'Bevery Hills', state: 'CA', postalCode: '90210', country: 'US' },
			flags: ['unmapped_lines'],
		});
		expect(order.lines).toEqual([{ unmapped: true, quantity: 1, unitPriceCents: 100, channelLineId: '1035841997', title: 'POS sale' }]);
	});

	it('without its statuses the order is an error naming the field', () => {
		expect(() => normalize(node)).toThrow(expect.objectContaining({ orderRef: 'shopify:53613399', field: 'displayFulfillmentStatus' }));
	});
});

describe('One order, two shapes', () => {
	it('derived: the GraphQL twin of GET orders/450789469 gives the same canonical order', () => {
		// derived-graphql-order-450789469.json is the published REST order above written field by field
		// in the GraphQL shape the poller reads (gids, shopMoney bags, UTC dates).
		const rest = normalize(fixture('rest-order-450789469-partially-refunded.json'));
		const graphql = normalize(fixture('derived-graphql-order-450789469.json'));
		expect(graphql.channelStatusRaw).toBe('PARTIALLY_REFUNDED / UNFULFILLED');
		expect({ ...graphql, channelStatusRaw: '' }).toEqual({ ...rest, channelStatusRaw: '' });
	});

	it('derived: a webhook order id beyond 2^53 is read from admin_graphql_api_id, never from the rounded number', () => {
		const text = readFileSync(join(__dirname, '../fixtures/published/shopify/rest-order-450789469-partially-refunded.json'), 'utf8')
			.replace('"id": 450789469,', '"id": 820982911946154508,')
			.replace('"gid://shopify/Order/450789469"', '"gid://shopify/Order/820982911946154508"')
			.replace('"id": 518995019,', '"id": 976318377106520349,')
			.replace('"gid://shopify/LineItem/518995019"', '"gid://shopify/LineItem/976318377106520349"');
		const body = JSON.parse(text) as { order: Record<string, unknown> };
		expect(String(body.order.id)).toBe('820982911946154500'); // what JSON.parse made of it
		const order = normalize(body);
		expect(order.channelOrderId).toBe('820982911946154508');
		expect(order.lines[0].channelLineId).toBe('976318377106520349');
		delete body.order.admin_graphql_api_id;
		expect(() => normalize(body)).toThrow(expect.objectContaining({ field: 'id' }));
	});
});
