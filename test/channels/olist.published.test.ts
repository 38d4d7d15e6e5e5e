import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { normalizeOlistOrder } from '../../core/channels/olist/normalize';
import { OLIST_STATUS } from '../../core/channels/olist/status';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Olist payloads.
 * - seller-order-retrieve-prefix.json: the response example of "Retrieving an Order"
 *   (https://dev.olist.com/en/guides-and-tutorials/orders/retrieving-an-order, GET /v1/seller-orders/{code}/), as
 *   far as the indexed page shows it: it is cut inside customer.phones, so `phones` and everything after it
 *   (items, totals, updated_at) are not in the file. Nothing else was changed.
 * - The items and totals added below are the shape third-party clients read ([3P]: seller_order_items with price,
 *   seller_product_code, product_sku; total_amount, total_freight), not a published payload: they are named so.
 */
type Json = Record<string, any>;
const published = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/olist/seller-order-retrieve-prefix.json'), 'utf8')) as Json;
const normalize = (raw: unknown) => normalizeOlistOrder(raw, 'seller-1');
/** [3P] the rest of an order: two units of one SKU (one element per unit), freight and the charged total. */
const completed = (change: (o: Json) => void = () => undefined): Json => {
	const o: Json = {
		...structuredClone(published),
		status: 'approved',
		seller_order_items: [
			{ id: 'a1', price: '49.90', seller_product_code: 'CAM-AZ-M', product_sku: 'OL123', full_name: 'Camiseta Azul M' },
			{ id: 'a2', price: '49.90', seller_product_code: 'CAM-AZ-M', product_sku: 'OL123', full_name: 'Camiseta Azul M' },
		],
		total_freight: '15.00',
		total_amount: '114.80',
	};
	change(o);
	return o;
};

describe('Olist published payloads', () => {
	it('the documented order as published (cut before its items) is an order without lines: an error naming the field', () => {
		expect(() => normalize(published)).toThrow(OrderValidationError);
		expect(() => normalize(published)).toThrow(/olist:ORDPFXB3B9QN8IQ7.*seller_order_items/);
	});

	it('the documented fields map: code, microsecond UTC dates, BRL, the buyer and the address (Brasil → BR)', () => {
		const order = normalize(completed());
		expect(order).toMatchObject({
			channel: 'olist',
			account: 'seller-1',
			channelOrderId: 'ORDPFXB3B9QN8IQ7',
			createdAt: '2025-01-01T22:15:05.870Z',
			// No updated_at in what was shown: the creation time stands in.
			updatedAt: '2025-01-01T22:15:05.870Z',
			status: 'paid',
			paymentStatus: 'paid',
			channelStatusRaw: 'approved',
			currency: 'BRL',
			customer: { name: 'Fake name', document: '78104125743' },
			shippingAddress: {
				street: 'Rua Tao tao distante, 123',
				number: '9999',
				complement: 'Apto 999',
				district: 'Longe',
				city: 'Colombo',
				state: 'PR',
				postalCode: '00000000',
				country: 'BR',
			},
			totals: { itemsCents: 9980, shippingCents: 1500, discountCents: 0, totalCents: 11480 },
			shipments: [],
		});
		// One line per unit (count_items 2), each of quantity 1.
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([
			['CAM-AZ-M', 1, 4990],
			['CAM-AZ-M', 1, 4990],
		]);
	});

	it('cancelation_status "canceled" cancels whatever status says; a unit without seller SKU is unmapped; an unknown status is flagged', () => {
		expect(normalize(completed((o) => Object.assign(o, { cancelation_status: 'canceled', cancelation_reason: 'shipment_delayed' })))).toMatchObject({
			status: 'cancelled',
			channelStatusRaw: 'approved / canceled',
		});
		const odd = normalize(
			completed((o) => {
				o.status = 'waiting_pickup';
				delete o.seller_order_items[1].seller_product_code;
			}),
		);
		expect(odd.flags).toEqual(expect.arrayContaining(['status_unknown', 'unmapped_lines']));
		expect(odd.lines[1]).toMatchObject({ unmapped: true, channelListingId: 'OL123' });
	});

	it('README shows the status table the normaliser uses', () => {
		expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(statusTableMarkdown('status', OLIST_STATUS));
	});
});
