import type { CanonicalOrder, IntakeFlag, OrderLine } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { openRawOrder, readMapped, readUtcDate } from '../common/fields';
import { fulfilmentWarehouse } from '../common/fulfilment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { amazonMethod, orderPaymentMethod } from '../common/payment';
import { AMAZON_MARKETPLACE_CURRENCY } from './endpoints';
import { MoneyReader } from './money';
import { readAddress, readCustomer, readShipments } from './parties';
import { tolerantStatus, UNKNOWN_STATUS } from '../common/status';
import { AMAZON_STATUS_MAP, AMAZON_STATUS_REFINEMENTS, AMAZON_UNPRICED_STATUSES } from './status';

/**
 * An Orders API v2026-01-01 `Order` (orders_2026-01-01.json) as searchOrders / getOrder return it with the
 * adapter's `includedData`: items inline, no separate getOrderItems.
 */
export type AmazonOrder = JsonObject;

export interface AmazonNormalizeOptions {
	/** Warehouse for Amazon-fulfilled (FBA) orders: Amazon ships them from its stock, not the seller's. */
	fbaWarehouse?: string;
	/** The account's currency, for an order that carries no amount and whose marketplace is not known. */
	currency?: string;
}

interface ReadLines {
	lines: OrderLine[];
	itemsCents: number;
	/** Proceeds categories summed over the items (used when the order has no order-level breakdowns). */
	proceeds: Map<string, number>;
}

/**
 * `product.price.unitPrice` is the price of ONE unit before promotions (v0's ItemPrice was the line's
 * total); promotions are the DISCOUNT proceeds category. Lines with quantityOrdered 0 (cancelled items)
 * consume no stock and are left out. A line without `sellerSku` is imported unmapped, with its ASIN and
 * orderItemId. `fulfillment.quantityFulfilled` (FULFILLMENT dataset) is the line's shipped count; Amazon's
 * published Orders API reports no returned units per item (returns are in the Reports API), so none are read.
 */
function readLines(r: RawReader, m: MoneyReader, o: JsonObject, priced: boolean): ReadLines {
	const out: ReadLines = { lines: [], itemsCents: 0, proceeds: new Map() };
	for (const { item, path } of r.objects(r.array(o, 'orderItems'), 'orderItems')) {
		const quantity = r.integer(item, `${path}.quantityOrdered`, 0);
		const product = r.object(item, `${path}.product`);
		const price = r.optObject(product, `${path}.product.price`);
		const unit = price && m.cents(price, `${path}.product.price.unitPrice`);
		if (unit === undefined && priced && quantity > 0) r.fail(`${path}.product.price.unitPrice`, 'is required once the order is paid');
		if ((unit ?? 0) < 0) r.fail(`${path}.product.price.unitPrice`, 'must not be negative');
		const proceeds = r.optObject(item, `${path}.proceeds`);
		if (proceeds) for (const [type, cents] of m.breakdowns(proceeds, `${path}.proceeds`)) out.proceeds.set(type, (out.proceeds.get(type) ?? 0) + cents);
		if (quantity === 0) continue;
		out.itemsCents += (unit ?? 0) * quantity;
		const line: OrderLine = { quantity, unitPriceCents: unit ?? 0 };
		const sku = r.optString(product, `${path}.product.sellerSku`);
		if (sku !== undefined) line.sku = sku;
		const fields: Array<['channelLineId' | 'channelListingId' | 'title', string | undefined]> = [
			['channelLineId', r.optString(item, `${path}.orderItemId`)],
			['channelListingId', r.optString(product, `${path}.product.asin`)],
			['title', r.optString(product, `${path}.product.title`)],
		];
		for (const [k, v] of fields) if (v !== undefined) line[k] = v;
		// Units shipped so far (PARTIALLY_SHIPPED orders ship item by item). Returns are not in the Orders API.
		const fulfillment = r.optObject(item, `${path}.fulfillment`);
		const shipped = fulfillment && r.optInteger(fulfillment, `${path}.fulfillment.quantityFulfilled`, 0);
		if (shipped !== undefined) line.shippedQuantity = shipped;
		out.lines.push(line);
	}
	return out;
}

/** The status text as sent, for channelStatusRaw when it is unknown. */
function statusText(r: RawReader, o: JsonObject): string {
	const fulfillment = r.optObject(o, 'fulfillment');
	return (fulfillment && r.optString(fulfillment, 'fulfillment.fulfillmentStatus')) ?? '(none)';
}

function readStatus(r: RawReader, o: JsonObject) {
	const fulfillment = r.object(o, 'fulfillment');
	const raw = r.string(fulfillment, 'fulfillment.fulfillmentStatus');
	const ref = AMAZON_STATUS_REFINEMENTS.find((x) => x.fulfillmentStatus === raw && x.applies(o));
	if (ref) return { raw, mapping: ref.mapping, channelStatusRaw: `${raw} (${ref.label})` };
	return { raw, mapping: readMapped(r, fulfillment, 'fulfillment.fulfillmentStatus', AMAZON_STATUS_MAP), channelStatusRaw: raw };
}

export function normalizeAmazonOrder(input: unknown, account: string, options: AmazonNormalizeOptions = {}): CanonicalOrder {
	const { r, o } = openRawOrder('amazon', input, 'orderId');
	const unknown = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readStatus(r, o), { raw: '', mapping: UNKNOWN_STATUS, channelStatusRaw: statusText(r, o) }, unknown);
	const m = new MoneyReader(r);
	const read = readLines(r, m, o, !AMAZON_UNPRICED_STATUSES.has(status.raw));
	// A cancelled order may keep no line with a quantity (validateCanonicalOrder accepts that); others need one.
	if (read.lines.length === 0 && status.mapping.status !== 'cancelled') r.fail('orderItems', 'has no item with quantityOrdered >= 1');
	const proceeds = r.optObject(o, 'proceeds');
	// Order-level categories are the items' aggregated (plus order-only ones such as DELIVERY_TIP).
	const categories = proceeds?.breakdowns !== undefined ? m.breakdowns(proceeds, 'proceeds') : read.proceeds;
	const category = (type: string) => Math.abs(categories.get(type) ?? 0);
	const grandTotal = proceeds && m.cents(proceeds, 'proceeds.grandTotal');

	const flags: IntakeFlag[] = [...unknown];
	const sales = r.optObject(o, 'salesChannel');
	const marketplace = sales && r.optString(sales, 'salesChannel.marketplaceId');
	let currency = m.currency;
	if (currency === undefined) {
		currency = (marketplace && AMAZON_MARKETPLACE_CURRENCY[marketplace]) ?? options.currency ?? 'BRL';
		flags.push('currency_from_account');
	}
	const shippingCents = category('SHIPPING');
	const discountCents = category('DISCOUNT');
	const order: CanonicalOrder = {
		channel: 'amazon',
		account,
		channelOrderId: r.string(o, 'orderId'),
		createdAt: readUtcDate(r, o, 'createdTime'),
		updatedAt: readUtcDate(r, o, 'lastUpdatedTime'),
		...status.mapping,
		channelStatusRaw: status.channelStatusRaw,
		currency,
		totals: {
			itemsCents: read.itemsCents,
			shippingCents,
			discountCents,
			// grandTotal is what the buyer pays, tax and delivery tip included (the model's examples add up so).
			totalCents: grandTotal ?? Math.max(0, read.itemsCents + shippingCents + category('TAX') - discountCents),
		},
		customer: readCustomer(r, o),
		lines: read.lines,
		shipments: readShipments(r, o),
	};
	if (flags.length) order.flags = flags;
	const address = readAddress(r, o);
	if (address) order.shippingAddress = address;
	const fulfillment = r.object(o, 'fulfillment');
	if (r.optString(fulfillment, 'fulfillment.fulfilledBy') === 'AMAZON') order.warehouse = fulfilmentWarehouse(options, 'fbaWarehouse', 'amazon-fba');
	const payment = isJsonObject(o.payment) ? o.payment.paymentExecutions : undefined;
	const paymentMethod = orderPaymentMethod((Array.isArray(payment) ? payment : []).map(amazonMethod));
	if (paymentMethod) order.paymentMethod = paymentMethod;
	return validateCanonicalOrder(order);
}
