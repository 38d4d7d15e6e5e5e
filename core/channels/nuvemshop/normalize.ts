import type { Address, CanonicalOrder, Customer, OrderLine, Shipment } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { digitsOnly, openRawOrder, readCents, readMapped, readOptUtcDate, readUtcDate } from '../common/fields';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { NUVEMSHOP_ORDER_STATUS, NUVEMSHOP_PAYMENT_STATUS, NUVEMSHOP_SHIPPING_STATUS, nuvemshopStatus } from './status';

/** An order as GET /orders returns it (resources/order.md). Ids are 64-bit: read as strings. */
export type NuvemshopOrder = JsonObject;

function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	const line: OrderLine = {
		sku: r.string(item, `${path}.sku`),
		quantity: r.integer(item, `${path}.quantity`, 1),
		unitPriceCents: readCents(r, item, `${path}.price`),
		channelListingId: r.string(item, `${path}.product_id`),
		channelVariantId: r.string(item, `${path}.variant_id`),
	};
	const title = r.optString(item, `${path}.name`);
	if (title !== undefined) line.title = title;
	return line;
}

function readCustomer(r: RawReader, raw: NuvemshopOrder): Customer {
	const c = r.optObject(raw, 'customer') ?? {};
	const customer: Customer = { name: r.optString(c, 'customer.name') ?? '' };
	const email = r.optString(c, 'customer.email');
	const phone = r.optString(c, 'customer.phone');
	const document = digitsOnly(r.optString(c, 'customer.identification'));
	if (email) customer.email = email;
	if (phone) customer.phone = phone;
	if (document) customer.document = document;
	return customer;
}

function readAddress(r: RawReader, raw: NuvemshopOrder): Address | undefined {
	const a = r.optObject(raw, 'shipping_address');
	const opt = (k: string) => (a ? r.optString(a, `shipping_address.${k}`) : undefined);
	const street = opt('address');
	if (!street) return undefined;
	const address: Address = { street, city: opt('city') ?? '', country: opt('country') ?? '' };
	const fields: Array<[keyof Address, string]> = [
		['name', 'name'], ['number', 'number'], ['complement', 'floor'], ['district', 'locality'], ['state', 'province'], ['postalCode', 'zipcode'],
	];
	for (const [k, src] of fields) {
		const v = opt(src);
		if (v !== undefined) address[k] = v;
	}
	return address;
}

/** The legacy order carries one shipment in flat fields. */
function readShipments(r: RawReader, raw: NuvemshopOrder): Shipment[] {
	const shipment: Shipment = {};
	const entries: Array<[keyof Shipment, string | undefined]> = [
		['carrier', r.optString(raw, 'shipping_option') ?? r.optString(raw, 'shipping')],
		['trackingCode', r.optString(raw, 'shipping_tracking_number')],
		['trackingUrl', r.optString(raw, 'shipping_tracking_url')],
		['shippedAt', readOptUtcDate(r, raw, 'shipped_at')],
	];
	for (const [k, v] of entries) if (v !== undefined) shipment[k] = v;
	return shipment.trackingCode || shipment.shippedAt ? [shipment] : [];
}

export function normalizeNuvemshopOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('nuvemshop', input, 'id');
	// Each status is checked against its own table first, so an unknown value is named with its field.
	readMapped(r, raw, 'status', NUVEMSHOP_ORDER_STATUS);
	readMapped(r, raw, 'payment_status', NUVEMSHOP_PAYMENT_STATUS);
	readMapped(r, raw, 'shipping_status', NUVEMSHOP_SHIPPING_STATUS);
	const [status, payment, shipping] = [r.string(raw, 'status'), r.string(raw, 'payment_status'), r.string(raw, 'shipping_status')];
	const lines = r.objects(r.array(raw, 'products'), 'products').map(({ item, path }) => readLine(r, item, path));
	if (lines.length === 0) r.fail('products', 'must have at least one product');
	const order: CanonicalOrder = {
		channel: 'nuvemshop',
		account,
		channelOrderId: r.string(raw, 'id'),
		createdAt: readUtcDate(r, raw, 'created_at'),
		updatedAt: readUtcDate(r, raw, 'updated_at'),
		...nuvemshopStatus(status, payment, shipping),
		channelStatusRaw: `${status}/${payment}/${shipping}`,
		currency: r.string(raw, 'currency'),
		totals: {
			itemsCents: readCents(r, raw, 'subtotal'),
			shippingCents: readCents(r, raw, 'shipping_cost_customer'),
			discountCents: readCents(r, raw, 'discount'),
			totalCents: readCents(r, raw, 'total'),
		},
		customer: readCustomer(r, raw),
		lines,
		shipments: readShipments(r, raw),
	};
	const address = readAddress(r, raw);
	if (address) order.shippingAddress = address;
	return validateCanonicalOrder(order);
}
