import { AMAZON_STATUS_MAP, createAmazonAdapter } from '../../core/channels/amazon';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';
import { amazonDetailed, type AmazonOrderSpec, type AmazonRaw } from '../simulators/amazon';
import { expectInvalidOrder } from './helpers/channel-test';

/** Simulator-shaped orders (v2026-01-01 model); amazon.published.test.ts runs Amazon's own examples. */
const adapterWith = (options: Record<string, string> = {}) =>
	createAmazonAdapter({ transport: createFetchTransport(), baseUrl: 'https://sellingpartnerapi-na.amazon.com', account: 'A3SELLER', options: { marketplaceIds: 'A2Q3Y263D00KWC', ...options } });
const adapter = adapterWith();
const base: AmazonOrderSpec = { id: '171-1845936-5435065', lastUpdate: '2026-05-01T12:00:00Z', purchaseDate: '2026-05-01T11:58:30Z' };
const items = (raw: AmazonRaw) => raw.orderItems as Array<Record<string, any>>;
const pkg = (status: string, detailedStatus?: string) => ({ packageReferenceId: '1', packageStatus: { status, ...(detailedStatus ? { detailedStatus } : {}) }, carrier: 'Correios', trackingNumber: 'BR1' });

const expectInvalid = (raw: unknown, orderRef: string, field: string) => expectInvalidOrder(adapter, raw, orderRef, field);

describe('Amazon normalize: fulfillmentStatus', () => {
	it.each([
		['PENDING_AVAILABILITY', 'pending_payment', 'pending', 'unfulfilled'],
		['PENDING', 'pending_payment', 'pending', 'unfulfilled'],
		['UNSHIPPED', 'paid', 'authorized', 'unfulfilled'],
		['PARTIALLY_SHIPPED', 'shipped', 'paid', 'partial'],
		['SHIPPED', 'shipped', 'paid', 'fulfilled'],
		['CANCELLED', 'cancelled', 'unknown', 'unfulfilled'],
		['UNFULFILLABLE', 'cancelled', 'unknown', 'unfulfilled'],
	])('%s → %s / %s / %s', (raw, status, paymentStatus, fulfillmentStatus) => {
		const order = adapter.normalize(amazonDetailed({ ...base, status: raw }));
		expect(order).toMatchObject({ status, paymentStatus, fulfillmentStatus, channelStatusRaw: raw });
		expect(validateCanonicalOrder(order)).toEqual(order);
	});

	it('covers every value of the model’s FulfillmentStatus enum', () => {
		expect(Object.keys(AMAZON_STATUS_MAP).sort()).toEqual(['CANCELLED', 'PARTIALLY_SHIPPED', 'PENDING', 'PENDING_AVAILABILITY', 'SHIPPED', 'UNFULFILLABLE', 'UNSHIPPED']);
	});

	it.each([
		['UNSHIPPED', 'NF-e accepted', { tax: { taxInvoicing: { invoiceStatus: 'ACCEPTED' } } }, 'invoiced', 'unfulfilled', 'UNSHIPPED (tax.taxInvoicing.invoiceStatus=ACCEPTED)'],
		['UNSHIPPED', 'NF-e processing', { tax: { taxInvoicing: { invoiceStatus: 'PROCESSING' } } }, 'paid', 'unfulfilled', 'UNSHIPPED'],
		['SHIPPED', 'every package delivered', { packages: [pkg('DELIVERED'), pkg('DELIVERED')] }, 'delivered', 'delivered', 'SHIPPED (packages DELIVERED)'],
		['SHIPPED', 'one package still in transit', { packages: [pkg('DELIVERED'), pkg('IN_TRANSIT')] }, 'shipped', 'fulfilled', 'SHIPPED'],
		['SHIPPED', 'the package returned to the seller', { packages: [pkg('UNDELIVERABLE', 'RETURNED_TO_SELLER')] }, 'returned', 'returned', 'SHIPPED (packages RETURNED_TO_SELLER)'],
		// A refinement applies only to the status it refines.
		['PARTIALLY_SHIPPED', 'NF-e accepted', { tax: { taxInvoicing: { invoiceStatus: 'ACCEPTED' } } }, 'shipped', 'partial', 'PARTIALLY_SHIPPED'],
	])('%s, %s → %s', (raw, _label, extra, status, fulfillmentStatus, channelStatusRaw) => {
		expect(adapter.normalize(amazonDetailed({ ...base, status: raw, extra }))).toMatchObject({ status, fulfillmentStatus, channelStatusRaw });
	});
});

describe('Amazon normalize: money and lines', () => {
	it('maps the simulator’s default order exactly', () => {
		const order = adapter.normalize(amazonDetailed(base));
		expect(order).toMatchObject({
			channel: 'amazon',
			account: 'A3SELLER',
			channelOrderId: '171-1845936-5435065',
			createdAt: '2026-05-01T11:58:30.000Z',
			updatedAt: '2026-05-01T12:00:00.000Z',
			currency: 'BRL',
			totals: { itemsCents: 1000, shippingCents: 0, discountCents: 0, totalCents: 1101 },
			lines: [{ sku: 'SKU-1', quantity: 1, unitPriceCents: 1000, channelListingId: 'B08N5WRWN0', channelLineId: '17198765432100' }],
			customer: { name: 'Maria Silva Santos', email: 'buyer-email@marketplace.amazon.com.br' },
			shippingAddress: { street: 'Rua das Flores', number: '123', district: 'Vila Madalena', city: 'São Paulo', state: 'SP', country: 'BR' },
		});
		expect(order.warehouse).toBeUndefined();
		expect(order.flags).toBeUndefined();
	});

	it('unitPrice is the price of one unit (v0’s ItemPrice was the line’s): it is not divided', () => {
		const order = adapter.normalize(amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 3, unitPrice: '25.99' }, { sku: 'B', quantity: 7, unitPrice: '0.10' }] }));
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['A', 3, 2599], ['B', 7, 10]]);
		expect(order.totals.itemsCents).toBe(3 * 2599 + 7 * 10);
	});

	it('sums the items’ SHIPPING and DISCOUNT proceeds (the discount as a magnitude); the total is grandTotal', () => {
		const order = adapter.normalize(amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 2, unitPrice: '25.99', shipping: '12.90', discount: '5.20' }], grandTotal: '59.68' }));
		expect(order.totals).toEqual({ itemsCents: 5198, shippingCents: 1290, discountCents: 520, totalCents: 5968 });
		expect(order.lines[0].unitPriceCents).toBe(2599);
	});

	it('prefers the order-level breakdowns when Amazon sends them', () => {
		const raw = amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 1, unitPrice: '10.00', shipping: '1.00' }] });
		(raw.proceeds as AmazonRaw).breakdowns = [{ type: 'SHIPPING', subtotal: { amount: '3.00', currencyCode: 'BRL' } }, { type: 'DISCOUNT', subtotal: { amount: '2.00', currencyCode: 'BRL' } }];
		expect(adapter.normalize(raw).totals).toMatchObject({ shippingCents: 300, discountCents: 200 });
	});

	it('computes the total when no proceeds came (items + shipping + tax − discount)', () => {
		const raw = amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 1, unitPrice: '10.10', tax: '0.90', discount: '1.00' }] });
		delete raw.proceeds;
		expect(adapter.normalize(raw).totals).toEqual({ itemsCents: 1010, shippingCents: 0, discountCents: 100, totalCents: 1000 });
		for (const i of items(raw)) delete i.proceeds;
		expect(adapter.normalize(raw).totals).toEqual({ itemsCents: 1010, shippingCents: 0, discountCents: 0, totalCents: 1010 });
	});

	it('accepts numbers sent as strings', () => {
		const raw = amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 2, unitPrice: '25.990' }] });
		items(raw)[0].quantityOrdered = '2';
		expect(adapter.normalize(raw).lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 2599 });
	});

	it('yen have no decimals: JPY 1500 is 150000 canonical cents, and a fraction of a yen is refused', () => {
		const jp = { ...base, currency: 'JPY', marketplaceId: 'A1VC38T7YXB528', items: [{ sku: 'A', quantity: 2, unitPrice: '1500' }] };
		const order = adapter.normalize(amazonDetailed(jp));
		expect(order).toMatchObject({ currency: 'JPY', lines: [{ unitPriceCents: 150000 }], totals: { itemsCents: 300000, totalCents: 300000 } });
		expectInvalid(amazonDetailed({ ...jp, items: [{ sku: 'A', quantity: 1, unitPrice: '1500.5' }] }), 'amazon:171-1845936-5435065', 'orderItems[0].product.price.unitPrice.amount');
	});

	it('a line without sellerSku is imported unmapped, with its ASIN and orderItemId', () => {
		const raw = amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 1, unitPrice: '5.00' }, { quantity: 2, unitPrice: '7.00', asin: 'B0UNMAPPED' }, { sku: '  ', quantity: 1, unitPrice: '1.00' }] });
		const order = adapter.normalize(raw);
		expect(order.lines[0]).toMatchObject({ sku: 'A' });
		expect(order.lines[1]).toEqual({ unmapped: true, quantity: 2, shippedQuantity: 0, unitPriceCents: 700, channelListingId: 'B0UNMAPPED', channelLineId: '17198765432101', title: 'Item | Echo Dot (4ª Geração)' });
		expect(order.lines[2]).toMatchObject({ unmapped: true, channelLineId: '17198765432102' });
		expect(order.lines[2].sku).toBeUndefined();
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('a pending order without prices: zero prices, the marketplace’s currency, flagged', () => {
		const raw = amazonDetailed({ ...base, status: 'PENDING' });
		delete raw.proceeds;
		for (const i of items(raw)) {
			delete i.product.price;
			delete i.proceeds;
		}
		expect(adapter.normalize(raw)).toMatchObject({ currency: 'BRL', flags: ['currency_from_account'], totals: { itemsCents: 0, totalCents: 0 }, lines: [{ sku: 'SKU-1', unitPriceCents: 0 }] });
		(raw.salesChannel as AmazonRaw).marketplaceId = 'A2UNKNOWN';
		expect(adapterWith({ currency: 'EUR' }).normalize(raw).currency).toBe('EUR');
		expect(adapter.normalize(raw).currency).toBe('BRL');
	});

	it('leaves out zero-quantity (cancelled) items; a cancelled order may keep none', () => {
		const order = adapter.normalize(amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }, { sku: 'B', quantity: 0, unitPrice: '3.00' }] }));
		expect(order.lines.map((l) => l.sku)).toEqual(['A']);
		const cancelled = adapter.normalize(amazonDetailed({ ...base, status: 'CANCELLED', items: [{ sku: 'A', quantity: 0, unitPrice: '10.00' }] }));
		expect(cancelled).toMatchObject({ status: 'cancelled', lines: [] });
	});

	it('puts Amazon-fulfilled orders in the FBA warehouse (or the configured one)', () => {
		expect(adapter.normalize(amazonDetailed({ ...base, fulfilledBy: 'AMAZON' })).warehouse).toBe('amazon-fba');
		expect(adapterWith({ fbaWarehouse: 'fba-br' }).normalize(amazonDetailed({ ...base, fulfilledBy: 'AMAZON' })).warehouse).toBe('fba-br');
		// A blank option (a cleared field) is the default, as for Mercado Livre Full and Magalu Fulfillment.
		expect(adapterWith({ fbaWarehouse: ' ' }).normalize(amazonDetailed({ ...base, fulfilledBy: 'AMAZON' })).warehouse).toBe('amazon-fba');
	});
});

describe('Amazon normalize: malformed orders name the order and the field', () => {
	const ref = 'amazon:171-1845936-5435065';

	it('a unit price that is not a decimal amount, or missing on a paid order', () => {
		const comma = amazonDetailed(base);
		items(comma)[0].product.price.unitPrice = { amount: '10,00', currencyCode: 'BRL' };
		expectInvalid(comma, ref, 'orderItems[0].product.price.unitPrice.amount');
		const missing = amazonDetailed(base);
		delete items(missing)[0].product.price;
		expectInvalid(missing, ref, 'orderItems[0].product.price.unitPrice');
	});

	it('mixed currencies, no fulfillment dataset, no items, no item with a quantity', () => {
		const mixed = amazonDetailed(base);
		mixed.proceeds = { grandTotal: { amount: '11.01', currencyCode: 'USD' } };
		expectInvalid(mixed, ref, 'proceeds.grandTotal.currencyCode');
		expect(adapter.normalize(amazonDetailed({ ...base, status: 'LOST' }))).toMatchObject({ ...{ status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown', flags: ['status_unknown'] }, channelStatusRaw: 'LOST' });
		const noFulfillment = amazonDetailed(base);
		delete noFulfillment.fulfillment;
		expectInvalid(noFulfillment, ref, 'fulfillment');
		const noItems = amazonDetailed(base);
		delete noItems.orderItems;
		expectInvalid(noItems, ref, 'orderItems');
		expectInvalid(amazonDetailed({ ...base, items: [{ sku: 'A', quantity: 0, unitPrice: '1.00' }] }), ref, 'orderItems');
	});

	it('an order without orderId', () => {
		const raw = amazonDetailed(base);
		delete raw.orderId;
		expectInvalid(raw, 'amazon:(no id)', 'orderId');
	});
});
