import type { Address, CanonicalOrder, Customer, OrderLine } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { digitsOnly, openRawOrder, readMapped, readUtcDate } from '../common/fields';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { AMAZON_MARKETPLACE_CURRENCY } from './endpoints';
import { AMAZON_STATUS_MAP, AMAZON_STATUS_REFINEMENTS, AMAZON_UNPRICED_STATUSES } from './status';

/** An Orders API v0 `Order`, plus `OrderItems` once getDetails has fetched them. */
export type AmazonOrder = JsonObject;

export interface AmazonNormalizeOptions {
	/** Warehouse for Amazon-fulfilled (AFN/FBA) orders: Amazon ships them from its stock, not the seller's. */
	fbaWarehouse?: string;
}

/** Reads `Money` objects ({CurrencyCode, Amount: "25.99"}) and checks that one order uses one currency. */
class MoneyReader {
	currency?: string;
	constructor(private readonly r: RawReader) {}

	cents(obj: JsonObject, path: string): number | undefined {
		const money = this.r.optObject(obj, path);
		if (!money) return undefined;
		const code = this.r.string(money, `${path}.CurrencyCode`);
		if (this.currency !== undefined && code !== this.currency) this.r.fail(`${path}.CurrencyCode`, `is ${code}, the order is in ${this.currency}`);
		this.currency = code;
		return this.r.optDecimalCents(money, `${path}.Amount`) ?? this.r.fail(`${path}.Amount`, 'is required');
	}

	/** Discounts: Amazon sends them positive, some reports negative; the canonical value is the magnitude. */
	discount(obj: JsonObject, path: string): number {
		return Math.abs(this.cents(obj, path) ?? 0);
	}
}

interface ReadLines {
	lines: OrderLine[];
	itemsCents: number;
	shippingCents: number;
	discountCents: number;
	taxCents: number;
}

/**
 * ItemPrice is unit price × QuantityOrdered (ordersV0.json), so the unit price is an exact division; a
 * remainder means the payload is not what the spec says. Lines with QuantityOrdered 0 (cancelled items)
 * consume no stock and are left out.
 */
function readLines(r: RawReader, m: MoneyReader, o: JsonObject, priced: boolean): ReadLines {
	const out: ReadLines = { lines: [], itemsCents: 0, shippingCents: 0, discountCents: 0, taxCents: 0 };
	const list = r.optArray(o, 'OrderItems') ?? r.fail('OrderItems', 'is required (the adapter fetches them in getDetails)');
	for (const { item, path } of r.objects(list, 'OrderItems')) {
		const quantity = r.integer(item, `${path}.QuantityOrdered`, 0);
		const price = m.cents(item, `${path}.ItemPrice`);
		if (price === undefined && priced) r.fail(`${path}.ItemPrice`, 'is required once the order is paid');
		out.itemsCents += price ?? 0;
		out.shippingCents += m.cents(item, `${path}.ShippingPrice`) ?? 0;
		out.discountCents += m.discount(item, `${path}.PromotionDiscount`) + m.discount(item, `${path}.ShippingDiscount`);
		out.taxCents += (m.cents(item, `${path}.ItemTax`) ?? 0) + (m.cents(item, `${path}.ShippingTax`) ?? 0);
		if (quantity === 0) continue;
		if ((price ?? 0) % quantity !== 0) r.fail(`${path}.ItemPrice`, `(${(price ?? 0) / 100}) is not a whole number of cents per unit over ${quantity}`);
		const line: OrderLine = { sku: r.string(item, `${path}.SellerSKU`), quantity, unitPriceCents: (price ?? 0) / quantity };
		const asin = r.optString(item, `${path}.ASIN`);
		const title = r.optString(item, `${path}.Title`);
		if (asin) line.channelListingId = asin;
		if (title) line.title = title;
		out.lines.push(line);
	}
	if (out.lines.length === 0) r.fail('OrderItems', 'has no item with QuantityOrdered >= 1');
	return out;
}

/** BuyerInfo is restricted data (needs an RDT): often absent, so every field is optional. */
function readCustomer(r: RawReader, o: JsonObject): Customer {
	const buyer = r.optObject(o, 'BuyerInfo') ?? {};
	const customer: Customer = { name: r.optString(buyer, 'BuyerInfo.BuyerName') ?? '' };
	const email = r.optString(buyer, 'BuyerInfo.BuyerEmail');
	if (email) customer.email = email;
	// Brazil business orders: TaxClassifications [{Name: "CNPJ", Value}].
	const tax = r.optObject(buyer, 'BuyerInfo.BuyerTaxInfo');
	const classes = tax ? r.optArray(tax, 'BuyerInfo.BuyerTaxInfo.TaxClassifications') : undefined;
	const first = classes?.[0] as JsonObject | undefined;
	const document = digitsOnly(typeof first?.Value === 'string' ? first.Value : undefined);
	if (document) customer.document = document;
	return customer;
}

function readAddress(r: RawReader, o: JsonObject): Address | undefined {
	const a = r.optObject(o, 'ShippingAddress');
	if (!a) return undefined;
	const opt = (k: string) => r.optString(a, `ShippingAddress.${k}`);
	const address: Address = { street: opt('AddressLine1') ?? '', city: opt('City') ?? '', country: opt('CountryCode') ?? '' };
	const extra: Array<[keyof Address, string | undefined]> = [
		['name', opt('Name')],
		['complement', [opt('AddressLine2'), opt('AddressLine3')].filter(Boolean).join(', ') || undefined],
		['district', opt('District')],
		['state', opt('StateOrRegion')],
		['postalCode', opt('PostalCode')],
	];
	for (const [k, v] of extra) if (v !== undefined) address[k] = v;
	return address;
}

export function normalizeAmazonOrder(input: unknown, account: string, options: AmazonNormalizeOptions = {}): CanonicalOrder {
	const { r, o } = openRawOrder('amazon', input, 'AmazonOrderId');
	const orderStatus = r.string(o, 'OrderStatus');
	let mapping = readMapped(r, o, 'OrderStatus', AMAZON_STATUS_MAP);
	let statusRaw = orderStatus;
	for (const ref of AMAZON_STATUS_REFINEMENTS) {
		if (ref.orderStatus === orderStatus && o[ref.field] === ref.value) {
			mapping = ref.mapping;
			statusRaw = `${orderStatus} (${ref.field}=${ref.value})`;
		}
	}
	const m = new MoneyReader(r);
	const read = readLines(r, m, o, !AMAZON_UNPRICED_STATUSES.has(orderStatus));
	const orderTotal = m.cents(o, 'OrderTotal');
	const marketplace = r.optString(o, 'MarketplaceId');
	const currency = m.currency ?? (marketplace && AMAZON_MARKETPLACE_CURRENCY[marketplace]) ?? r.fail('OrderTotal.CurrencyCode', 'is absent and the marketplace currency is unknown');
	const order: CanonicalOrder = {
		channel: 'amazon',
		account,
		channelOrderId: r.string(o, 'AmazonOrderId'),
		createdAt: readUtcDate(r, o, 'PurchaseDate'),
		updatedAt: readUtcDate(r, o, 'LastUpdateDate'),
		...mapping,
		channelStatusRaw: statusRaw,
		currency,
		totals: {
			itemsCents: read.itemsCents,
			shippingCents: read.shippingCents,
			discountCents: read.discountCents,
			// OrderTotal includes tax (sandbox: ItemPrice 10.00 + ItemTax 1.01 = OrderTotal 11.01).
			totalCents: orderTotal ?? Math.max(0, read.itemsCents + read.shippingCents + read.taxCents - read.discountCents),
		},
		customer: readCustomer(r, o),
		lines: read.lines,
		shipments: [],
	};
	const address = readAddress(r, o);
	if (address) order.shippingAddress = address;
	if (r.optString(o, 'FulfillmentChannel') === 'AFN') order.warehouse = options.fbaWarehouse ?? 'amazon-fba';
	return validateCanonicalOrder(order);
}
