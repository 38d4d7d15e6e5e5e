import type { Address, CanonicalOrder, Customer, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { readAddress, readCustomer } from '../common/parties';
import { compact, openRawOrder, readCents, readMapped, readZonedDate } from '../common/fields';
import { readKeyedLine } from '../common/lines';
import { finishOrder, orderHead, readOrderLines } from '../common/order';
import { nuvemshopMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import type { AdapterContext } from '../types';
import { tolerantStatus, UNKNOWN_STATUS } from '../common/status';
import { NUVEMSHOP_ORDER_STATUS, NUVEMSHOP_PAYMENT_STATUS, NUVEMSHOP_SHIPPING_STATUS, nuvemshopStatus } from './status';

/** An order as GET /orders returns it (resources/order.md). Ids are 64-bit: read as strings. */
export type NuvemshopOrder = JsonObject;

/** Adapter options read here: `currency`, the account's currency for an order that names none (default BRL). */
export type NuvemshopNormalizeOptions = AdapterContext['options'];

/** Dates: the API writes offsets without a colon ("+0000"); one without any offset is UTC, the API's zone. */
const readDate = (r: RawReader, obj: JsonObject, path: string, flags: Set<IntakeFlag>) => readZonedDate(r, obj, path, 'Z', flags);

/**
 * unitPriceCents = `price`, "the product's price at the time of purchase" and the only unit price an order
 * reports: it already reflects a variant's own promotional price (the order has no compare-at price).
 * Reductions on the cart (coupon, payment-method discount, promotions) are order fields: see readTotals.
 * Quantities and prices may come as strings ("1", "129.95", "4.00000"). A product without SKU (sku null,
 * or no sku field in older payloads) is kept unmapped with its product, variant and line ids.
 */
const readLine = (r: RawReader, item: JsonObject, path: string): OrderLine =>
	readKeyedLine(r, item, path, { sku: 'sku', quantity: 'quantity', price: 'price', listingId: 'product_id', variantId: 'variant_id', lineId: 'id', title: 'name' });

/** `customer` is null without the read_customers scope and on some orders: the order's contact_* fields then. */
function readBuyer(r: RawReader, raw: NuvemshopOrder): Customer {
	const c = r.optObject(raw, 'customer') ?? {};
	// contact_* and billing_* are the order's own fields; the rest are the customer's.
	const read = (k: string) => (/^(contact|billing)_/.test(k) ? r.optString(raw, k) : r.optString(c, `customer.${k}`));
	return readCustomer(read, {
		name: ['name', 'contact_name', 'billing_name'],
		email: ['email', 'contact_email'],
		phone: ['phone', 'contact_phone', 'billing_phone'],
		document: ['identification', 'contact_identification'],
	});
}

/**
 * `shipping_address` is an object on orders, null on some (pickup, digital), and on the order a confirmed
 * draft returns it is the street as a string with the rest in flat shipping_* fields ("" when unknown).
 */
function readDelivery(r: RawReader, raw: NuvemshopOrder): Address | undefined {
	const value = raw.shipping_address;
	let opt: (k: string) => string | undefined;
	if (typeof value === 'string') opt = (k) => r.optString(raw, k === 'address' ? 'shipping_address' : `shipping_${k}`);
	else {
		const a = r.optObject(raw, 'shipping_address');
		opt = (k) => (a ? r.optString(a, `shipping_address.${k}`) : undefined);
	}
	const keys = { street: 'address', name: 'name', number: 'number', complement: 'floor', district: 'locality', city: 'city', state: 'province', postalCode: 'zipcode', country: 'country' };
	return readAddress(opt, keys);
}

/**
 * The legacy order carries one shipment in flat fields. A shipped_at on an order not (yet) shipped (the
 * documented GET /orders example has one) is not a shipment; a tracking number is.
 */
function readShipments(r: RawReader, raw: NuvemshopOrder, shipped: boolean, flags: Set<IntakeFlag>): Shipment[] {
	const shipment: Shipment = compact({
		carrier: r.optString(raw, 'shipping_option') ?? r.optString(raw, 'shipping'),
		trackingCode: r.optString(raw, 'shipping_tracking_number'),
		trackingUrl: r.optString(raw, 'shipping_tracking_url'),
		shippedAt: shipped ? readDate(r, raw, 'shipped_at', flags) : undefined,
	});
	return shipment.trackingCode || shipment.shippedAt ? [shipment] : [];
}

/**
 * Totals. itemsCents = Σ price × quantity (what `subtotal` holds, "price of the order before shipping");
 * shippingCents = shipping_cost_customer (what the buyer pays; shipping_cost_owner is the store's cost);
 * totalCents = `total` (older payloads: `price`). The reductions are spread over `discount`,
 * `discount_coupon`, `discount_gateway` and `promotional_discount.total_discount_amount`, and the docs do not
 * say which of them `discount` already includes, so adding them could count one twice. discountCents is
 * therefore every reduction the buyer got, whatever field names it:
 *   discountCents = itemsCents + shippingCents − totalCents   (never below 0)
 * so itemsCents + shippingCents − discountCents = totalCents. Without any total, the total is computed
 * from the largest reading of the named reductions.
 */
function readTotals(r: RawReader, raw: NuvemshopOrder, lines: OrderLine[]): CanonicalOrder['totals'] {
	const itemsCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
	const opt = (obj: JsonObject, path: string) => (r.optDecimalCents(obj, path) === undefined ? undefined : readCents(r, obj, path));
	const shippingCents = opt(raw, 'shipping_cost_customer') ?? 0;
	let totalCents = opt(raw, 'total') ?? opt(raw, 'price');
	if (totalCents === undefined) {
		const promo = r.optObject(raw, 'promotional_discount');
		const parts = (opt(raw, 'discount_coupon') ?? 0) + (opt(raw, 'discount_gateway') ?? 0) + ((promo && opt(promo, 'promotional_discount.total_discount_amount')) ?? 0);
		totalCents = Math.max(0, itemsCents + shippingCents - Math.max(opt(raw, 'discount') ?? 0, parts));
	}
	return { itemsCents, shippingCents, discountCents: Math.max(0, itemsCents + shippingCents - totalCents), totalCents };
}

/** The three status texts as sent, for channelStatusRaw when one of them is unknown. */
function rawStatuses(r: RawReader, raw: NuvemshopOrder): string {
	return ['status', 'payment_status', 'shipping_status'].map((k) => r.optString(raw, k) ?? '(none)').join('/');
}

/** Each status is checked against its own table first, so an unknown value is named with its field. */
function readStatuses(r: RawReader, raw: NuvemshopOrder) {
	const read = <V>(path: string, table: Readonly<Record<string, V>>): string | undefined => {
		if (r.optString(raw, path) === undefined) return undefined;
		readMapped(r, raw, path, table);
		return r.string(raw, path);
	};
	const status = read('status', NUVEMSHOP_ORDER_STATUS);
	const payment = read('payment_status', NUVEMSHOP_PAYMENT_STATUS);
	const shipping = read('shipping_status', NUVEMSHOP_SHIPPING_STATUS);
	return {
		...nuvemshopStatus(status, payment, shipping),
		channelStatusRaw: [status, payment, shipping].map((s) => s ?? '(none)').join('/'),
		shipped: shipping !== undefined && NUVEMSHOP_SHIPPING_STATUS[shipping].shipped,
	};
}

export function normalizeNuvemshopOrder(input: unknown, account: string, options?: NuvemshopNormalizeOptions): CanonicalOrder {
	const { r, o: raw } = openRawOrder('nuvemshop', input, 'id');
	const channelOrderId = r.string(raw, 'id');
	const lines = readOrderLines(r, raw, 'products', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const { shipped, ...status } = tolerantStatus(() => readStatuses(r, raw), { ...UNKNOWN_STATUS, channelStatusRaw: rawStatuses(r, raw), shipped: false }, flags);
	const createdAt = readDate(r, raw, 'created_at', flags) ?? r.fail('created_at', 'is required');
	let currency = r.optString(raw, 'currency');
	if (currency === undefined) {
		const fromAccount = options?.currency;
		currency = typeof fromAccount === 'string' && fromAccount.trim() !== '' ? fromAccount.trim() : 'BRL';
		flags.add('currency_from_account');
	}
	const order: CanonicalOrder = {
		...orderHead('nuvemshop', account, channelOrderId, createdAt, readDate(r, raw, 'updated_at', flags)),
		...status,
		currency,
		totals: readTotals(r, raw, lines),
		customer: readBuyer(r, raw),
		lines,
		shipments: readShipments(r, raw, shipped, flags),
	};
	return finishOrder(order, { shippingAddress: readDelivery(r, raw), paymentMethod: nuvemshopMethod(raw.payment_details) }, flags);
}
