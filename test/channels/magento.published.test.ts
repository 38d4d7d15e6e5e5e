import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { MAGENTO_STATE } from '../../core/channels/magento';
import { normalizeMagentoOrder } from '../../core/channels/magento/normalize';

/**
 * order-create-order.json: the GET /V1/orders/3 response of Adobe's order processing tutorial, "Step 7. Create
 * an order", AdobeDocs/commerce-webapi@1ffbaa1b27867cd56d1d90ead45c4b424ab94f65:
 * src/pages/rest/tutorials/orders/order-create-order.md (the current revision abbreviates the items with
 * "..."). Copied unchanged: a simple, a downloadable, a bundle with four children and a configurable with its
 * child; state new / status pending; payment banktransfer.
 */
type Json = Record<string, any>;
const order3 = JSON.parse(readFileSync(join(__dirname, '../fixtures/published/magento/order-create-order.json'), 'utf8')) as Json;
const normalize = (raw: unknown) => normalizeMagentoOrder(raw, 'shop');
const edit = (change: (o: Json) => void): Json => {
	const copy = structuredClone(order3);
	change(copy);
	return copy;
};

describe('Magento published payloads', () => {
	it('GET /V1/orders/3: children of a bundle or configurable are not lines of their own; UTC dates', () => {
		const order = normalize(order3);
		expect(order).toMatchObject({
			channel: 'magento',
			account: 'shop',
			channelOrderId: '3',
			createdAt: '2017-08-21T22:22:19.000Z',
			updatedAt: '2017-08-21T22:22:20.000Z',
			status: 'pending_payment',
			paymentStatus: 'pending',
			channelStatusRaw: 'new/pending',
			currency: 'USD',
			customer: { name: 'Jane Doe', email: 'jdoe@example.com', phone: '512-555-1111' },
			shippingAddress: { name: 'Jane Doe', street: '123 Oak Ave', city: 'Purchase', state: 'NY', postalCode: '10577', country: 'US' },
			paymentMethod: 'other',
		});
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([
			['WS12-M-Orange', 1, 2200],
			['240-LV08', 1, 1800],
			['24-WG080-24-WG084-24-WG088-24-WG082-blue-24-WG086', 1, 6800],
			['MH01-S-Gray', 1, 5200],
		]);
		expect(order.totals).toMatchObject({ shippingCents: 500, totalCents: 16500 });
		expect(order.flags ?? []).toEqual([]);
	});

	it('numbers as strings, a line without sku (unmapped) and empty optional fields are accepted', () => {
		const order = normalize(edit((o) => {
			o.grand_total = '165.0000';
			o.shipping_amount = '5.0000';
			o.items[0].price = '22.0000';
			o.items[0].qty_ordered = '1.0000';
			delete o.items[1].sku;
			delete o.extension_attributes;
			delete o.payment;
			o.customer_firstname = null;
		}));
		expect(order.lines[0]).toMatchObject({ sku: 'WS12-M-Orange', quantity: 1, unitPriceCents: 2200 });
		expect(order.lines[1].sku).toBeUndefined();
		expect(order.shippingAddress).toBeUndefined();
		expect(order.paymentMethod).toBeUndefined();
		expect(order.totals.totalCents).toBe(16500);
	});

	it('each state maps through the table; an unknown state imports flagged status_unknown', () => {
		expect(normalize(edit((o) => (o.state = 'complete')))).toMatchObject({ status: 'shipped', fulfillmentStatus: 'fulfilled' });
		expect(normalize(edit((o) => (o.state = 'canceled')))).toMatchObject({ status: 'cancelled' });
		const odd = normalize(edit((o) => (o.state = 'store_own_state')));
		expect(odd.flags).toContain('status_unknown');
		expect(odd.channelStatusRaw).toBe('store_own_state/pending');
	});

	it('an order without items or without entity_id is refused naming the field', () => {
		expect(() => normalize(edit((o) => (o.items = [])))).toThrow(/items/);
		expect(() => normalize(edit((o) => delete o.entity_id))).toThrow(/entity_id/);
		expect(() => normalize(edit((o) => (o.created_at = '21/08/2017')))).toThrow(/created_at/);
	});

	it('the README\'s status table is the adapter\'s', () => {
		expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(statusTableMarkdown('state', MAGENTO_STATE));
	});
});
