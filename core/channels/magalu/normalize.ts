import type { Address, CanonicalOrder, Customer, IntakeFlag, Invoice, OrderLine, Shipment } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { digitsOnly, openRawOrder, readMapped, readZonedDate } from '../common/fields';
import { magaluMethod, orderPaymentMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import type { AdapterContext } from '../types';
import { magaluFulfillment } from './fulfillment';
import { MAGALU_DELIVERY_STATUS_MAP, MAGALU_ORDER_STATUS_MAP, magaluStatusFromDeliveries } from './status';

/** A Magalu `/seller/v1/orders` order (list result or get-by-id; both carry deliveries with items). */
export type MagaluOrder = JsonObject;

/**
 * The adapter options (ctx.options) read here: `currency`, the account's currency, for an order naming none
 * (default BRL); `fulfillmentWhen` and `fulfillmentWarehouse`, Magalu Fulfillment (fulfillment.ts).
 */
export type MagaluNormalizeOptions = AdapterContext['options'];

/**
 * Magalu money is an integer with a `normalizer` (100 = the integer is in cents). Every published example
 * (get_order, get_delivery) has normalizer 100; another one is converted exactly, and an amount that does
 * not land on a whole cent is malformed, not rounded. A missing normalizer is the documented 100. The
 * integer may come as a numeric string.
 */
function scaledCents(r: RawReader, obj: JsonObject, path: string, valueKey: string): number {
	const value = r.integer(obj, `${path}.${valueKey}`, 0);
	const normalizer = r.optInteger(obj, `${path}.normalizer`, 1) ?? 100;
	if ((value * 100) % normalizer !== 0) r.fail(`${path}.${valueKey}`, `${value}/${normalizer} is not a whole number of cents`);
	return (value * 100) / normalizer;
}

/** Dates without a zone are read in the documented one: every Magalu example is UTC ("…28.993Z"). */
const readDate = (r: RawReader, o: JsonObject, key: string, flags: Set<IntakeFlag>) => readZonedDate(r, o, key, 'Z', flags);

/**
 * The order's currency: `amounts.currency`, else the first amount block that names one (payments, delivery
 * and item amounts). Blocks without a currency exist in the published examples (item `comission`). None at
 * all: the account's currency, flagged.
 */
function currencyOf(r: RawReader, o: JsonObject, deliveries: Delivery[], fallback: unknown, flags: Set<IntakeFlag>): string {
	const blocks: Array<[JsonObject | undefined, string]> = [[r.optObject(o, 'amounts'), 'amounts']];
	for (const { item, path } of r.objects(r.optArray(o, 'payments') ?? [], 'payments')) blocks.push([item, path]);
	for (const { d, path } of deliveries) {
		blocks.push([r.optObject(d, `${path}.amounts`), `${path}.amounts`]);
		for (const { item, path: p } of r.objects(r.optArray(d, `${path}.items`) ?? [], `${path}.items`)) blocks.push([r.optObject(item, `${p}.unit_price`), `${p}.unit_price`]);
	}
	for (const [block, path] of blocks) {
		const currency = block && r.optString(block, `${path}.currency`);
		if (currency) return currency;
	}
	flags.add('currency_from_account');
	return typeof fallback === 'string' && fallback.trim() !== '' ? fallback.trim() : 'BRL';
}

/** An `{total, normalizer, currency}` block that may be absent (no discount, free shipping). */
function optTotal(r: RawReader, obj: JsonObject, path: string): number {
	const block = r.optObject(obj, path);
	return block ? scaledCents(r, block, path, 'total') : 0;
}

interface Delivery {
	d: JsonObject;
	path: string;
	status: string;
	/** Ships from Magalu's warehouse (Magalu Fulfillment), not the seller's. */
	fulfillment: boolean;
}

/**
 * [?] The unit price: `unit_price` ({value, normalizer, currency}; `total` accepted for `value`), read as
 * the price before the order's discount, which amounts.discount reports apart. Lacking it, the item's
 * `amounts.total` divided by the quantity, when exact.
 */
function unitPriceCents(r: RawReader, item: JsonObject, p: string, quantity: number): number {
	const unit = r.optObject(item, `${p}.unit_price`);
	if (unit) return scaledCents(r, unit, `${p}.unit_price`, unit.value === undefined || unit.value === null ? 'total' : 'value');
	const amounts = r.optObject(item, `${p}.amounts`) ?? r.fail(`${p}.unit_price`, 'is required (and the item has no amounts)');
	const lineCents = scaledCents(r, amounts, `${p}.amounts`, 'total');
	if (lineCents % quantity !== 0) r.fail(`${p}.unit_price`, `is required (amounts.total ${lineCents} is not ${quantity} equal unit prices)`);
	return lineCents / quantity;
}

/** Lines per delivery; a delivery that shipped (or was delivered) ships its lines whole. */
function readLines(r: RawReader, deliveries: Delivery[]): OrderLine[] {
	const lines: OrderLine[] = [];
	for (const { d, path, status } of deliveries) {
		const shipped = status === 'shipped' || status === 'delivered';
		for (const { item, path: p } of r.objects(r.array(d, `${path}.items`), `${path}.items`)) {
			const info = r.optObject(item, `${p}.info`) ?? {};
			// Items sold by weight (measure_unit KG) would be fractional: the integer check names them.
			const quantity = r.integer(item, `${p}.quantity`, 1);
			const line: OrderLine = { quantity, unitPriceCents: unitPriceCents(r, item, p, quantity), shippedQuantity: shipped ? quantity : 0 };
			// info.sku is the seller's SKU; without it the line is kept unmapped with Magalu's product id.
			const sku = r.optString(info, `${p}.info.sku`);
			const id = r.optString(info, `${p}.info.id`);
			const name = r.optString(info, `${p}.info.name`);
			if (sku) line.sku = sku;
			if (id) line.channelListingId = id;
			if (name) line.title = name;
			lines.push(line);
		}
	}
	return lines;
}

function readCustomer(r: RawReader, o: JsonObject): Customer {
	const c = r.optObject(o, 'customer') ?? {};
	const customer: Customer = { name: r.optString(c, 'customer.name') ?? '' };
	const email = r.optString(c, 'customer.email');
	const document = digitsOnly(r.optString(c, 'customer.document_number'));
	const phones = r.optArray(c, 'customer.phones');
	const phone = phones?.[0] as JsonObject | undefined;
	const digits = phone && digitsOnly(['country_code', 'area_code', 'number'].map((k) => String(phone[k] ?? '')).join(''));
	if (email) customer.email = email;
	if (document) customer.document = document;
	if (digits) customer.phone = digits;
	return customer;
}

/** Every delivery of an order goes to the same buyer: the first live one's recipient address. */
function readAddress(r: RawReader, first: Delivery | undefined): Address | undefined {
	const shipping = first && r.optObject(first.d, `${first.path}.shipping`);
	const recipient = shipping && r.optObject(shipping, `${first.path}.shipping.recipient`);
	const a = recipient && r.optObject(recipient, `${first.path}.shipping.recipient.address`);
	if (!first || !a) return undefined;
	const opt = (k: string) => r.optString(a, `${first.path}.shipping.recipient.address.${k}`);
	const address: Address = { street: opt('street') ?? '', city: opt('city') ?? '', country: opt('country') ?? 'BR' };
	const name = r.optString(recipient, `${first.path}.shipping.recipient.name`);
	const extra: Array<[keyof Address, string | undefined]> = [
		['name', name],
		['number', opt('number')],
		['complement', opt('complement')],
		['district', opt('district')],
		['state', opt('state')],
		['postalCode', opt('zipcode')],
	];
	for (const [k, v] of extra) if (v !== undefined) address[k] = v;
	return address;
}

/** Shipped deliveries with their carrier and tracking (shipping.provider / tracking / shipped_at). */
function readShipments(r: RawReader, deliveries: Delivery[]): Shipment[] {
	const shipments: Shipment[] = [];
	for (const { d, path, status } of deliveries) {
		if (status !== 'shipped' && status !== 'delivered') continue;
		const s = r.optObject(d, `${path}.shipping`) ?? {};
		const provider = r.optObject(s, `${path}.shipping.provider`);
		const tracking = r.optObject(s, `${path}.shipping.tracking`);
		const shipment: Shipment = {};
		const fields: Array<[keyof Shipment, string | undefined]> = [
			['carrier', provider && r.optString(provider, `${path}.shipping.provider.name`)],
			['trackingCode', tracking && r.optString(tracking, `${path}.shipping.tracking.code`)],
			['trackingUrl', (tracking && r.optString(tracking, `${path}.shipping.tracking.url`)) ?? r.optString(s, `${path}.shipping.tracking_url`)],
			['shippedAt', r.optString(s, `${path}.shipping.shipped_at`)],
		];
		for (const [k, v] of fields) if (v !== undefined) shipment[k] = v;
		shipments.push(shipment);
	}
	return shipments;
}

/**
 * [?] Detailed deliveries carry `invoices[{key, issued_at}]`; the first valid NF-e key is kept. A key that is
 * not 44 digits is left out rather than failing the order: the invoice is informative here.
 */
function readInvoice(r: RawReader, deliveries: Delivery[]): Invoice | undefined {
	for (const { d, path } of deliveries) {
		const invoices = r.optArray(d, `${path}.invoices`) ?? [];
		for (const { item, path: p } of r.objects(invoices, `${path}.invoices`)) {
			const key = r.optString(item, `${p}.key`);
			if (!key || !/^\d{44}$/.test(key)) continue;
			const issuedAt = r.optString(item, `${p}.issued_at`);
			return issuedAt && !Number.isNaN(Date.parse(issuedAt)) ? { nfeKey: key, issuedAt } : { nfeKey: key };
		}
	}
	return undefined;
}

export function normalizeMagaluOrder(input: unknown, account: string, options?: MagaluNormalizeOptions): CanonicalOrder {
	const { r, o } = openRawOrder('magalu', input, 'id');
	const flags = new Set<IntakeFlag>();
	const fulfillment = magaluFulfillment(options);
	const orderStatus = r.string(o, 'status');
	// An unknown order or delivery status imports the order with its units reserved, flagged.
	const orderMapping = tolerantStatus(() => readMapped(r, o, 'status', MAGALU_ORDER_STATUS_MAP), UNKNOWN_STATUS, flags);
	const all = r.objects(r.array(o, 'deliveries'), 'deliveries').map(({ item, path }): Delivery => {
		tolerantStatus(() => readMapped(r, item, `${path}.status`, MAGALU_DELIVERY_STATUS_MAP), undefined, flags);
		return { d: item, path, status: r.string(item, `${path}.status`), fulfillment: fulfillment.isFulfillment(item) };
	});
	const live = all.filter((x) => x.status !== 'cancelled');
	// Lines of cancelled deliveries consume no stock, unless the whole order is cancelled (then they say what was).
	const counted = live.length > 0 ? live : all;
	// Magalu Fulfillment deliveries take Magalu's stock. An order without a delivery of the seller's is held in
	// its own warehouse; in any other their lines are left out, flagged, whatever became of the seller's
	// deliveries (all cancelled: no line left), so the order keeps one warehouse through every snapshot.
	const sellers = all.some((x) => !x.fulfillment);
	const stocked = sellers ? counted.filter((x) => !x.fulfillment) : counted;
	if (stocked.length < counted.length) flags.add('fulfillment_lines_apart');
	if (counted.length > 0 && stocked.length === 0) flags.add('all_lines_removed');
	const mapping = flags.has('status_unknown') ? UNKNOWN_STATUS : orderMapping.status ? (orderMapping as StatusMapping) : magaluStatusFromDeliveries(all.map((x) => x.status));
	const lines = readLines(r, stocked);
	const amounts = r.object(o, 'amounts');
	const date = (keys: string[]) => keys.reduce<string | undefined>((found, k) => found ?? readDate(r, o, k, flags), undefined);
	const updatedAt = date(['updated_at', 'approved_at', 'purchased_at', 'created_at']) ?? r.fail('updated_at', 'is required (the order has no date)');
	const order: CanonicalOrder = {
		channel: 'magalu',
		account,
		channelOrderId: r.string(o, 'id'),
		createdAt: date(['created_at', 'purchased_at']) ?? updatedAt,
		updatedAt,
		status: mapping.status,
		paymentStatus: mapping.paymentStatus,
		fulfillmentStatus: mapping.fulfillmentStatus,
		channelStatusRaw: `${orderStatus}; deliveries: ${all.map((x) => x.status).join(', ') || '(none)'}`,
		currency: currencyOf(r, o, all, options?.currency, flags),
		totals: {
			itemsCents: lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
			shippingCents: optTotal(r, amounts, 'amounts.freight'),
			discountCents: optTotal(r, amounts, 'amounts.discount'),
			totalCents: scaledCents(r, amounts, 'amounts', 'total'),
		},
		customer: readCustomer(r, o),
		lines,
		shipments: readShipments(r, live),
	};
	const address = readAddress(r, counted[0]);
	if (address) order.shippingAddress = address;
	const invoice = readInvoice(r, live);
	if (invoice) order.invoice = invoice;
	if (!sellers && all.length > 0) order.warehouse = fulfillment.warehouse;
	// The one open delivery the seller ships is the order's shipment group (its NF-e goes to it); several: the ERP names one.
	const sellerShips = sellers ? live.filter((x) => !x.fulfillment) : live;
	if (sellerShips.length === 1) {
		const id = r.optString(sellerShips[0].d, `${sellerShips[0].path}.id`);
		if (id) order.groupId = id;
	}
	const payments = o.payments;
	const paymentMethod = Array.isArray(payments) ? orderPaymentMethod(payments.map(magaluMethod)) : undefined;
	if (paymentMethod) order.paymentMethod = paymentMethod;
	if (flags.size > 0) order.flags = [...flags];
	return validateCanonicalOrder(order);
}
