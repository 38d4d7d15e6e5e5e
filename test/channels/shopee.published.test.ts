import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readResponse } from '../../core/channels/shopee/api';
import { normalizeShopeeOrder } from '../../core/channels/shopee/normalize';
import { ChannelHttpError } from '../../core/http/retry';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Shopee payloads as open.shopee.com publishes them: the API documents' response and error samples, as the
 * community SDK keeps them, congminh1254/shopee-sdk@cb231e9bdf6d6996b0c9d81825fc10e1acb39246:
 * - get_order_detail.json, get_order_detail.error.json: schemas/v2.order.get_order_detail.json (response_sample,
 *   error_example). Two syntax slips of the sample were mended and nothing else: its first line repeats "{",
 *   and a comma is missing after "logistics_channel_id": 18080;
 * - get_order_list.json: schemas/v2.order.get_order_list.json (response_sample);
 * - refresh_access_token.json: schemas/v2.public.refresh_access_token.json; cancel_order.json:
 *   schemas/v2.order.cancel_order.json.
 * The published order is a Vietnamese one (VND); Brazilian orders have the same shape.
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/shopee', name), 'utf8'));
const detail = load('get_order_detail.json') as Json;
const published = detail.response.order_list[0] as Json;
const normalize = (raw: unknown) => normalizeShopeeOrder(raw, '322300222');
const edit = (change: (o: Json) => void): Json => {
	const copy = structuredClone(published);
	change(copy);
	return copy;
};
const req = { method: 'GET' as const, url: 'https://partner.shopeemobile.com/api/v2/order/get_order_detail' };

describe('Shopee published payloads', () => {
	it('get_order_detail: a COMPLETED order, Unix-second dates, the model SKU when the item SKU is empty', () => {
		const order = normalize((readResponse({ status: 200, headers: {}, body: detail }, req).order_list as Json[])[0]);
		expect(order).toMatchObject({
			channel: 'shopee',
			account: '322300222',
			channelOrderId: '2404098R48U37H',
			createdAt: new Date(1712601591 * 1000).toISOString(),
			updatedAt: new Date(1713139948 * 1000).toISOString(),
			status: 'delivered',
			paymentStatus: 'paid',
			fulfillmentStatus: 'delivered',
			channelStatusRaw: 'COMPLETED',
			currency: 'VND',
			paymentMethod: 'other',
			customer: { name: 'xt4fdsf96j' },
			lines: [
				{
					sku: 'QAZ-SADOER-05',
					quantity: 1,
					unitPriceCents: 4_800_000,
					channelListingId: '23620853561',
					channelVariantId: '221404189791',
					channelLineId: '23620853561',
				},
			],
			shippingAddress: { name: 'P******n', city: 'Huyện Phước Long', state: 'Bạc Liêu', country: 'VN', district: 'Xã Phong Thạnh Tây B' },
			shipments: [],
		});
		expect(order.totals.totalCents).toBe(3_211_900);
		expect(order.flags ?? []).not.toContain('unmapped_lines');
	});

	it('tolerates what the documents allow: empty SKUs (unmapped), numbers as strings, no total before payment, an unknown status', () => {
		const order = normalize(
			edit((o) => {
				o.item_list[0].model_sku = '';
				o.item_list[0].model_quantity_purchased = '2';
				o.item_list[0].model_discounted_price = '48000.00';
				o.order_status = 'UNPAID';
				delete o.total_amount;
				o.payment_info = [{ payment_method: 'Pix', payment_amount: 96000 }];
			}),
		);
		expect(order.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 4_800_000, unmapped: true });
		expect(order.lines[0].sku).toBeUndefined();
		expect(order.flags).toContain('unmapped_lines');
		expect(order).toMatchObject({ status: 'pending_payment', paymentMethod: 'pix' });
		expect(order.totals.totalCents).toBe(2 * 4_800_000 + 500_000);
		const unknown = normalize(edit((o) => (o.order_status = 'SOMETHING_NEW')));
		expect(unknown).toMatchObject({ status: 'paid', paymentStatus: 'unknown', flags: expect.arrayContaining(['status_unknown']) });
	});

	it('an order without order_sn or without items is an error naming the order and the field', () => {
		expect(() => normalize(edit((o) => delete o.order_sn))).toThrow(OrderValidationError);
		expect(() => normalize(edit((o) => (o.item_list = [])))).toThrow(/shopee:2404098R48U37H.*item_list/);
	});

	it('get_order_list, token refresh and cancel answers read through the envelope; an error sample is a 404', () => {
		const list = readResponse({ status: 200, headers: {}, body: load('get_order_list.json') }, req);
		expect(list).toMatchObject({ more: true, next_cursor: '20' });
		expect((list.order_list as Json[]).map((o) => o.order_sn)).toHaveLength(10);
		expect(load('refresh_access_token.json')).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expire_in: 14400 });
		expect(readResponse({ status: 200, headers: {}, body: load('cancel_order.json') }, req)).toEqual({ update_time: 1603184533 });
		const error = (() => {
			try {
				readResponse({ status: 200, headers: {}, body: load('get_order_detail.error.json') }, req);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 404, message: expect.stringContaining('error_not_found') });
	});
});
