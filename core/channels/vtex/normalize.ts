import type { Address, CanonicalOrder, Customer, IntakeFlag, Invoice, OrderLine, Shipment } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { compact, digitsOnly, openRawOrder, readMapped, readOptUtcDate, readUtcDate } from '../common/fields';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { orderPaymentMethod, vtexMethod } from '../common/payment';
import { deriveVtexStatus, VTEX_STATUS_MAP, vtexStatus, type VtexPackagesSummary } from './status';
import { applyChanges, removalsEmptied } from './changes';

/** A Feed v3 item ({eventId, handle, orderId, state, currentChange, …}) or a full OMS order. */
export type VtexRaw = JsonObject;

/** Which VTEX item field holds the seller's SKU (the stock ledger key): the catalog RefId by default. */
export type VtexSkuField = 'refId' | 'sellerSku' | 'id' | 'ean';

export const isFeedItem = (raw: unknown): boolean => isJsonObject(raw) && typeof raw.handle === 'string' && raw.items === undefined;

/** An entry of GET /api/oms/pvt/orders (List orders): a summary with `totalValue` and `items: null`. */
const isListSummary = (raw: JsonObject): boolean => raw.items == null && raw.totalValue !== undefined;

/**
 * VTEX money is already integer cents (numeric strings are tolerated). Discounts arrive negative in `totals`.
 * The `Tax` total has no canonical field: it is part of `value`, the order's total.
 */
function readTotal(r: RawReader, totals: Array<{ item: JsonObject; path: string }>, id: string): number {
	const entry = totals.find(({ item }) => item.id === id);
	return entry ? Math.abs(r.optInteger(entry.item, `${entry.path}.value`, Number.MIN_SAFE_INTEGER) ?? 0) : 0;
}

/**
 * One item, or undefined for an item of quantity 0 (a change order keeps a removed item at 0: it is no longer
 * part of the order). unitPriceCents is `price`: the unit price before promotions, which VTEX lists in
 * `priceTags` and sums into the `Discounts` total, while the `Items` total is the sum of price × quantity.
 * Not `sellingPrice` (price after promotions, rounded per unit: VTEX's known issue "sum of sellingPrice
 * values may differ from total product value minus the total discounts" says to keep the totals and use
 * `price`), nor `listPrice` (the catalog's reference "from" price, never charged). A weighable item
 * (unitMultiplier ≠ 1) keeps `price` as sent: [?] whether VTEX's price is then per unit or per measure unit.
 * The seller's SKU is `skuField` (RefId by default); an item without it is an unmapped line that keeps the
 * VTEX sku id (`id`, else `sellerSku`) as channelVariantId and `productId` as channelListingId.
 */
function readLine(r: RawReader, item: JsonObject, path: string, skuField: VtexSkuField, quantity: number): OrderLine | undefined {
	if (quantity === 0) return undefined;
	return compact<OrderLine>({
		sku: r.optString(item, `${path}.${skuField}`),
		quantity,
		unitPriceCents: r.integer(item, `${path}.price`, 0),
		channelLineId: r.optString(item, `${path}.uniqueId`),
		channelListingId: r.optString(item, `${path}.productId`),
		channelVariantId: r.optString(item, `${path}.id`) ?? r.optString(item, `${path}.sellerSku`),
		title: r.optString(item, `${path}.name`),
	});
}

function readCustomer(r: RawReader, raw: VtexRaw): Customer {
	const c = r.optObject(raw, 'clientProfileData') ?? {};
	const opt = (k: string) => r.optString(c, `clientProfileData.${k}`);
	const person = [opt('firstName'), opt('lastName')].filter(Boolean).join(' ');
	const customer: Customer = { name: c.isCorporate === true ? opt('corporateName') ?? opt('tradeName') ?? person : person };
	const document = digitsOnly(c.isCorporate === true ? opt('corporateDocument') : opt('document'));
	const [email, phone] = [opt('email'), opt('phone')];
	if (email) customer.email = email;
	if (phone) customer.phone = phone;
	if (document) customer.document = document;
	return customer;
}

function readAddress(r: RawReader, raw: VtexRaw): Address | undefined {
	const shipping = r.optObject(raw, 'shippingData');
	const a = shipping && r.optObject(shipping, 'shippingData.address');
	const opt = (k: string) => (a ? r.optString(a, `shippingData.address.${k}`) : undefined);
	const street = opt('street');
	if (!street) return undefined;
	const address: Address = { street, city: opt('city') ?? '', country: opt('country') ?? '' };
	const fields: Array<[keyof Address, string]> = [
		['name', 'receiverName'], ['number', 'number'], ['complement', 'complement'], ['district', 'neighborhood'], ['state', 'state'], ['postalCode', 'postalCode'],
	];
	for (const [k, src] of fields) {
		const v = opt(src);
		if (v !== undefined) address[k] = v;
	}
	return address;
}

interface Packages {
	summary: VtexPackagesSummary;
	invoice?: Invoice;
	shipments: Shipment[];
}

/** Output packages are the NF-e and shipments; an Input package is a return invoice. */
function readPackages(r: RawReader, raw: VtexRaw): Packages {
	const attachment = r.optObject(raw, 'packageAttachment');
	const list = attachment ? r.objects(r.optArray(attachment, 'packageAttachment.packages') ?? [], 'packageAttachment.packages') : [];
	const out: Packages = { summary: { returned: false, tracked: 0, outputs: 0, delivered: 0 }, shipments: [] };
	for (const { item, path } of list) {
		if (r.optString(item, `${path}.type`) === 'Input') {
			out.summary.returned = true;
			continue;
		}
		out.summary.outputs++;
		// VTEX keys may carry a model prefix ("NFe3520…", "CFe3520…"); the canonical key is the 44 digits.
		const key = r.optString(item, `${path}.invoiceKey`)?.replace(/^[A-Za-z]+/, '');
		out.invoice = compact<Invoice>({
			nfeKey: key && /^\d{44}$/.test(key) ? key : undefined,
			number: r.optString(item, `${path}.invoiceNumber`),
			issuedAt: readOptUtcDate(r, item, `${path}.issuanceDate`),
			url: r.optString(item, `${path}.invoiceUrl`),
		});
		const trackingCode = r.optString(item, `${path}.trackingNumber`);
		if (trackingCode) {
			out.summary.tracked++;
			out.shipments.push(compact<Shipment>({ carrier: r.optString(item, `${path}.courier`), trackingCode, trackingUrl: r.optString(item, `${path}.trackingUrl`) }));
		}
		const courier = r.optObject(item, `${path}.courierStatus`);
		if (courier?.finished === true) out.summary.delivered++;
	}
	return out;
}

/** The status as VTEX sent it, or derived from the order when VTEX sent none (see deriveVtexStatus). */
function readStatus(r: RawReader, raw: VtexRaw, packages: Packages): { mapping: StatusMapping; assumed: boolean } {
	if (r.optString(raw, 'status') !== undefined) return { mapping: readMapped(r, raw, 'status', VTEX_STATUS_MAP), assumed: false };
	const cancellation = r.optObject(raw, 'cancellationData');
	return deriveVtexStatus({
		cancelled: cancellation !== undefined && readOptUtcDate(r, cancellation, 'cancellationData.CancellationDate') !== undefined,
		invoiced: packages.summary.outputs > 0 || readOptUtcDate(r, raw, 'invoicedDate') !== undefined,
		authorized: readOptUtcDate(r, raw, 'authorizedDate') !== undefined,
	});
}

/**
 * A full OMS order (GET /api/oms/pvt/orders/{orderId}, or one order of an order-group response) → canonical.
 * `accountCurrency` is used, and the order flagged, when storePreferencesData names no currency.
 */
export function normalizeVtexOrder(input: unknown, account: string, skuField: VtexSkuField, accountCurrency = 'BRL'): CanonicalOrder {
	const { r, o: raw } = openRawOrder('vtex', input, 'orderId');
	if (isFeedItem(raw)) r.fail('items', 'is missing: this is a Feed v3 item, fetch the order with getDetails first');
	if (isListSummary(raw)) r.fail('items', 'is missing: this is a List orders summary, fetch the order with GET /api/oms/pvt/orders/{orderId}');
	const totals = r.objects(r.array(raw, 'totals'), 'totals');
	const items = r.objects(r.array(raw, 'items'), 'items');
	// Change orders: items removed or added after the order was placed (changes.ts).
	const changed = applyChanges(raw, items.map(({ item }) => item), (i) => r.integer(items[i].item, `${items[i].path}.quantity`, 0));
	const lines = [
		...items.flatMap(({ item, path }, i) => readLine(r, item, path, skuField, changed.quantities[i]) ?? []),
		...changed.added.map((a) => compact<OrderLine>({ quantity: a.quantity, unitPriceCents: a.price, channelVariantId: a.id, title: a.name })),
	];
	const store = r.optObject(raw, 'storePreferencesData');
	const currency = store && r.optString(store, 'storePreferencesData.currencyCode');
	const packages = readPackages(r, raw);
	const unknown = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readStatus(r, raw, packages), { mapping: UNKNOWN_STATUS, assumed: false }, unknown);
	const mapping = vtexStatus(status.mapping, packages.summary);
	// An order left with no line is an error unless it is cancelled or a change order removed its last units:
	// then it is imported as `all_lines_removed`, so the store gives back what it holds for it.
	const allRemoved = lines.length === 0 && removalsEmptied(raw, items.map(({ item }) => item));
	if (lines.length === 0 && !allRemoved && mapping.status !== 'cancelled') r.fail('items', 'has no item with a quantity above 0');
	const flags: IntakeFlag[] = [];
	if (allRemoved && mapping.status !== 'cancelled') flags.push('all_lines_removed');
	if (!currency) flags.push('currency_from_account');
	if (status.assumed) flags.push('status_assumed');
	if (changed.clamped) flags.push('line_quantities_clamped');
	flags.push(...unknown);
	const order: CanonicalOrder = {
		channel: 'vtex',
		account,
		channelOrderId: r.string(raw, 'orderId'),
		createdAt: readUtcDate(r, raw, 'creationDate'),
		updatedAt: readUtcDate(r, raw, 'lastChange'),
		...mapping,
		channelStatusRaw: r.optString(raw, 'status') ?? '',
		currency: currency ?? accountCurrency,
		totals: {
			itemsCents: readTotal(r, totals, 'Items'),
			shippingCents: readTotal(r, totals, 'Shipping'),
			discountCents: readTotal(r, totals, 'Discounts'),
			totalCents: r.integer(raw, 'value', 0),
		},
		customer: readCustomer(r, raw),
		lines,
		shipments: packages.shipments,
	};
	if (flags.length > 0) order.flags = flags;
	const address = readAddress(r, raw);
	if (address) order.shippingAddress = address;
	if (packages.invoice) order.invoice = packages.invoice;
	const paymentMethod = orderPaymentMethod(vtexPayments(raw).map(vtexMethod));
	if (paymentMethod) order.paymentMethod = paymentMethod;
	return validateCanonicalOrder(order);
}

/** paymentData.transactions[].payments[], read leniently (a payment method never refuses an order). */
function vtexPayments(raw: VtexRaw): unknown[] {
	const data = raw.paymentData;
	const transactions = isJsonObject(data) && Array.isArray(data.transactions) ? data.transactions : [];
	return transactions.flatMap((t) => (isJsonObject(t) && Array.isArray(t.payments) ? t.payments : []));
}
