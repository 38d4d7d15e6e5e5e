import type { Address, CanonicalOrder, Customer, Invoice, OrderLine, Shipment } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { compact, digitsOnly, openRawOrder, readMapped, readOptUtcDate, readUtcDate } from '../common/fields';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { VTEX_STATUS_MAP, vtexStatus, type VtexPackagesSummary } from './status';

/** A Feed v3 item ({eventId, handle, orderId, state, currentChange, …}) or a full OMS order. */
export type VtexRaw = JsonObject;

/** Which VTEX item field holds the seller's SKU (the stock ledger key): the catalog RefId by default. */
export type VtexSkuField = 'refId' | 'sellerSku' | 'id' | 'ean';

export const isFeedItem = (raw: unknown): boolean => isJsonObject(raw) && typeof raw.handle === 'string' && raw.items === undefined;

/** VTEX money is already integer cents. Discounts arrive negative in `totals`. */
function readTotal(r: RawReader, totals: Array<{ item: JsonObject; path: string }>, id: string): number {
	const entry = totals.find(({ item }) => item.id === id);
	if (!entry) return 0;
	const v = entry.item.value;
	if (typeof v !== 'number' || !Number.isSafeInteger(v)) r.fail(`${entry.path}.value`, `must be integer cents, got ${JSON.stringify(v)}`);
	return Math.abs(v);
}

function readLine(r: RawReader, item: JsonObject, path: string, skuField: VtexSkuField): OrderLine {
	const line: OrderLine = {
		sku: r.string(item, `${path}.${skuField}`),
		quantity: r.integer(item, `${path}.quantity`, 1),
		unitPriceCents: r.integer(item, `${path}.price`, 0),
		channelListingId: r.string(item, `${path}.productId`),
		channelVariantId: r.string(item, `${path}.id`),
	};
	const title = r.optString(item, `${path}.name`);
	if (title !== undefined) line.title = title;
	return line;
}

function readCustomer(r: RawReader, raw: VtexRaw): Customer {
	const c = r.optObject(raw, 'clientProfileData') ?? {};
	const opt = (k: string) => r.optString(c, `clientProfileData.${k}`);
	const customer: Customer = { name: c.isCorporate === true ? opt('corporateName') ?? '' : [opt('firstName'), opt('lastName')].filter(Boolean).join(' ') };
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

export function normalizeVtexOrder(input: unknown, account: string, skuField: VtexSkuField): CanonicalOrder {
	const { r, o: raw } = openRawOrder('vtex', input, 'orderId');
	if (isFeedItem(raw)) r.fail('items', 'is missing: this is a Feed v3 item, fetch the order with getDetails first');
	const totals = r.objects(r.array(raw, 'totals'), 'totals');
	const lines = r.objects(r.array(raw, 'items'), 'items').map(({ item, path }) => readLine(r, item, path, skuField));
	if (lines.length === 0) r.fail('items', 'must have at least one item');
	const store = r.object(raw, 'storePreferencesData');
	const packages = readPackages(r, raw);
	const order: CanonicalOrder = {
		channel: 'vtex',
		account,
		channelOrderId: r.string(raw, 'orderId'),
		createdAt: readUtcDate(r, raw, 'creationDate'),
		updatedAt: readUtcDate(r, raw, 'lastChange'),
		...vtexStatus(readMapped(r, raw, 'status', VTEX_STATUS_MAP), packages.summary),
		channelStatusRaw: r.string(raw, 'status'),
		currency: r.string(store, 'storePreferencesData.currencyCode'),
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
	const address = readAddress(r, raw);
	if (address) order.shippingAddress = address;
	if (packages.invoice) order.invoice = packages.invoice;
	return validateCanonicalOrder(order);
}
