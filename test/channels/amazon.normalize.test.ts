import { AMAZON_STATUS_MAP, createAmazonAdapter } from '../../core/channels/amazon';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';
import { amazonDetailed, type AmazonOrderSpec } from '../simulators/amazon';
import { expectInvalidOrder } from './helpers/channel-test';

const adapter = createAmazonAdapter({
	transport: createFetchTransport(),
	baseUrl: 'https://sellingpartnerapi-na.amazon.com',
	account: 'A3SELLER',
	options: { marketplaceIds: 'A2Q3Y263D00KWC' },
});
const base: AmazonOrderSpec = { id: '902-1845936-5435065', lastUpdate: '2024-05-01T12:00:00Z', purchaseDate: '2024-05-01T11:58:30Z' };

const expectInvalid = (raw: unknown, orderRef: string, field: string) => expectInvalidOrder(adapter, raw, orderRef, field);

describe('Amazon normalize: statuses', () => {
	it.each([
		['PendingAvailability', 'pending_payment', 'pending', 'unfulfilled'],
		['Pending', 'pending_payment', 'pending', 'unfulfilled'],
		['Unshipped', 'paid', 'authorized', 'unfulfilled'],
		['PartiallyShipped', 'shipped', 'paid', 'partial'],
		['Shipped', 'shipped', 'paid', 'fulfilled'],
		['InvoiceUnconfirmed', 'shipped', 'paid', 'fulfilled'],
		['Canceled', 'cancelled', 'unknown', 'unfulfilled'],
		['Unfulfillable', 'cancelled', 'unknown', 'unfulfilled'],
	])('%s → %s / %s / %s', (raw, status, paymentStatus, fulfillmentStatus) => {
		const order = adapter.normalize(amazonDetailed({ ...base, status: raw }));
		expect(order).toMatchObject({ status, paymentStatus, fulfillmentStatus, channelStatusRaw: raw });
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it('covers every OrderStatus of the Swagger enum', () => {
		expect(Object.keys(AMAZON_STATUS_MAP).sort()).toEqual(
			['Canceled', 'InvoiceUnconfirmed', 'PartiallyShipped', 'Pending', 'PendingAvailability', 'Shipped', 'Unfulfillable', 'Unshipped'].sort(),
		);
	});

	it.each([
		['Unshipped', { ElectronicInvoiceStatus: 'Accepted' }, 'invoiced', 'unfulfilled'],
		['Shipped', { EasyShipShipmentStatus: 'Delivered' }, 'delivered', 'delivered'],
		['Shipped', { EasyShipShipmentStatus: 'ReturnedToSeller' }, 'returned', 'returned'],
		// The sandbox example: an Easy Ship status on an unshipped order refines nothing.
		['Unshipped', { EasyShipShipmentStatus: 'PendingPickUp' }, 'paid', 'unfulfilled'],
	])('%s with %j → %s', (raw, extra, status, fulfillmentStatus) => {
		const order = adapter.normalize(amazonDetailed({ ...base, status: raw, extra }));
		expect(order).toMatchObject({ status, fulfillmentStatus });
	});
});

describe('Amazon normalize: money and lines', () => {
	it('maps the sandbox example order exactly', () => {
		const order = adapter.normalize(amazonDetailed(base));
		expect(order).toMatchObject({
			channel: 'amazon',
			account: 'A3SELLER',
			channelOrderId: '902-1845936-5435065',
			createdAt: '2024-05-01T11:58:30.000Z',
			updatedAt: '2024-05-01T12:00:00.000Z',
			currency: 'BRL',
			totals: { itemsCents: 1000, shippingCents: 0, discountCents: 0, totalCents: 1101 },
			lines: [{ sku: 'SKU-1', quantity: 1, unitPriceCents: 1000, channelListingId: 'B00551Q3C0' }],
			customer: { name: '', email: 'comprador@marketplace.amazon.com.br' },
			shippingAddress: { city: 'SAO PAULO', state: 'SP', postalCode: '01310-100', country: 'BR' },
		});
		expect(order.warehouse).toBeUndefined();
	});

	it('divides ItemPrice (unit × quantity) by QuantityOrdered, in exact cents', () => {
		const order = adapter.normalize(
			amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 3, itemPrice: '77.97' }, { sku: 'B', quantity: 7, itemPrice: '0.70' }] }),
		);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['A', 3, 2599], ['B', 7, 10]]);
		expect(order.totals.itemsCents).toBe(7797 + 70);
	});

	it('carries promotion and shipping discounts, shipping and the order total', () => {
		const order = adapter.normalize(
			amazonDetailed({
				...base,
				items: [{ sku: 'A', quantity: 2, itemPrice: '51.98', shippingPrice: '12.90', promotionDiscount: '5.20' }],
				extra: { OrderTotal: { CurrencyCode: 'BRL', Amount: '59.68' } },
			}),
		);
		expect(order.totals).toEqual({ itemsCents: 5198, shippingCents: 1290, discountCents: 520, totalCents: 5968 });
		expect(order.lines[0].unitPriceCents).toBe(2599);
	});

	it('computes the total when OrderTotal is absent and leaves out cancelled (zero-quantity) items', () => {
		const raw = amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 1, itemPrice: '10.10', itemTax: '0.90' }, { sku: 'B', quantity: 0, itemPrice: '0.00' }] });
		delete raw.OrderTotal;
		const order = adapter.normalize(raw);
		expect(order.totals.totalCents).toBe(1100);
		expect(order.lines.map((l) => l.sku)).toEqual(['A']);
	});

	it('accepts a Pending order without prices, in the marketplace currency', () => {
		const raw = amazonDetailed({ ...base, status: 'Pending' });
		delete raw.OrderTotal;
		const order = adapter.normalize(raw);
		expect(order).toMatchObject({ currency: 'BRL', totals: { itemsCents: 0, totalCents: 0 }, lines: [{ sku: 'SKU-1', unitPriceCents: 0 }] });
	});

	it('puts Amazon-fulfilled (AFN) orders in the FBA warehouse', () => {
		expect(adapter.normalize(amazonDetailed({ ...base, fulfillmentChannel: 'AFN' })).warehouse).toBe('amazon-fba');
	});
});

describe('Amazon normalize: malformed orders name the order and the field', () => {
	const ref = 'amazon:902-1845936-5435065';

	it('ItemPrice that is not a decimal amount', () => {
		const raw = amazonDetailed(base);
		(raw.OrderItems as Array<Record<string, unknown>>)[0].ItemPrice = { CurrencyCode: 'BRL', Amount: '10,00' };
		expectInvalid(raw, ref, 'OrderItems[0].ItemPrice.Amount');
	});

	it('ItemPrice that does not split into whole cents per unit', () => {
		expectInvalid(amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 3, itemPrice: '10.00' }] }), ref, 'OrderItems[0].ItemPrice');
	});

	it('missing ItemPrice on a paid order', () => {
		const raw = amazonDetailed(base);
		delete (raw.OrderItems as Array<Record<string, unknown>>)[0].ItemPrice;
		expectInvalid(raw, ref, 'OrderItems[0].ItemPrice');
	});

	it('mixed currencies, missing SKU, unknown status, no items fetched', () => {
		const mixed = amazonDetailed(base);
		mixed.OrderTotal = { CurrencyCode: 'USD', Amount: '11.01' };
		expectInvalid(mixed, ref, 'OrderTotal.CurrencyCode');
		const noSku = amazonDetailed(base);
		delete (noSku.OrderItems as Array<Record<string, unknown>>)[0].SellerSKU;
		expectInvalid(noSku, ref, 'OrderItems[0].SellerSKU');
		expectInvalid(amazonDetailed({ ...base, status: 'Lost' }), ref, 'OrderStatus');
		const summary = amazonDetailed(base);
		delete summary.OrderItems;
		expectInvalid(summary, ref, 'OrderItems');
	});

	it('an order without AmazonOrderId', () => {
		const raw = amazonDetailed(base);
		delete raw.AmazonOrderId;
		expectInvalid(raw, 'amazon:(no id)', 'AmazonOrderId');
	});
});
