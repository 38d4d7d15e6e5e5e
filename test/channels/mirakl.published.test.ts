import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrders } from '../../core/channels/mirakl/api';
import { normalizeMiraklOrder } from '../../core/channels/mirakl/normalize';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Mirakl's own example: OR11's 200 response "Example with business values" in the seller OpenAPI, copied
 * unchanged from api-evangelist/mirakl@17e47e7c74289c77811a1ff1a0069b14518c33d4:
 * openapi/_original/mirakl-mmp-seller-openapi.json (paths./api/orders.get.responses.200 examples
 * application/json-0), a third-party copy of developer.mirakl.com's file. The example order is American (USD).
 */
type Json = Record<string, any>;
const listed = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/mirakl/or11-orders.json'), 'utf8')) as Json;
const normalize = (raw: unknown) => normalizeMiraklOrder(raw, '2001');
const edit = (change: (o: Json) => void): Json => {
	const copy = structuredClone(listed.orders[0]);
	change(copy);
	return copy;
};

describe('Mirakl published payloads', () => {
	it('OR11: a RECEIVED order with its line, tracking, address and card payment', () => {
		const { orders, total } = readOrders({ status: 200, headers: {}, body: listed }, { method: 'GET', url: 'https://x.mirakl.net/api/orders' });
		expect(total).toBe(1);
		const order = normalize(orders[0]);
		expect(order).toMatchObject({
			channel: 'mirakl',
			channelOrderId: 'Order_00010-A',
			createdAt: '2019-04-02T14:18:43.000Z',
			updatedAt: '2019-04-02T14:59:58.000Z',
			status: 'delivered',
			fulfillmentStatus: 'delivered',
			channelStatusRaw: 'RECEIVED',
			currency: 'USD',
			paymentMethod: 'credit_card',
			customer: { name: 'Smith Taylor' },
			lines: [{ sku: 'S2000', quantity: 3, unitPriceCents: 5500, channelListingId: '2130', channelLineId: 'Order_00010-A-1' }],
			shipments: [{ carrier: 'UPS', trackingCode: '2344' }],
			shippingAddress: { street: '113 MacDougal Street', city: 'New York', state: 'Manhattan', postalCode: 'NY 10012' },
		});
		expect(order.totals.totalCents).toBe(17300);
	});

	it('tolerates an empty offer_sku (unmapped), numbers as strings, an unknown state; no id or no lines is an error', () => {
		const order = normalize(
			edit((o) => {
				o.order_lines[0].offer_sku = '';
				o.order_lines[0].quantity = '3';
				o.order_lines[0].price_unit = '55.00';
				o.order_state = 'SOMETHING_NEW';
			}),
		);
		expect(order.lines[0]).toMatchObject({ quantity: 3, unitPriceCents: 5500, unmapped: true });
		expect(order).toMatchObject({ status: 'paid', flags: expect.arrayContaining(['unmapped_lines', 'status_unknown']) });
		expect(() => normalize(edit((o) => delete o.order_id))).toThrow(OrderValidationError);
		expect(() => normalize(edit((o) => (o.order_lines = [])))).toThrow(/mirakl:Order_00010-A.*order_lines/);
	});
});
