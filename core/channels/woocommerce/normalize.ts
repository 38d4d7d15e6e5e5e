import type { Address, CanonicalOrder, Customer, OrderLine } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { digitsOnly, openRawOrder, readCents, readMapped, readUtcDate } from '../common/fields';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { WOOCOMMERCE_STATUS_MAP } from './status';

/** A wc/v3 order as listed by GET /orders (the fields read here are validated, the rest stays untyped). */
export type WooOrder = JsonObject;

/**
 * Line price: `subtotal` (the line before coupons, a decimal string) over the quantity. Woo's own `price`
 * is a float after discounts; the discount is carried in totals.discountCents instead. A subtotal that does
 * not split into whole cents (10.00 / 3) is rounded half-up, as Woo itself displays it.
 */
function readLine(r: RawReader, item: JsonObject, path: string): { line: OrderLine; subtotalCents: number } {
	const quantity = r.integer(item, `${path}.quantity`, 1);
	const subtotalCents = readCents(r, item, `${path}.subtotal`);
	const line: OrderLine = {
		sku: r.string(item, `${path}.sku`),
		quantity,
		unitPriceCents: Math.round(subtotalCents / quantity),
		channelListingId: r.string(item, `${path}.product_id`),
	};
	// variation_id is 0 for simple products.
	const variation = r.optString(item, `${path}.variation_id`);
	const title = r.optString(item, `${path}.name`);
	if (variation !== undefined && variation !== '0') line.channelVariantId = variation;
	if (title !== undefined) line.title = title;
	return { line, subtotalCents };
}

/** CPF/CNPJ are not core Woo fields: the common Brazilian checkout plugins keep them in meta_data. */
function readDocument(r: RawReader, raw: WooOrder): string | undefined {
	const meta = r.objects(r.optArray(raw, 'meta_data') ?? [], 'meta_data');
	const entry = meta.find(({ item }) => item.key === '_billing_cpf' || item.key === '_billing_cnpj');
	return entry ? digitsOnly(r.optString(entry.item, `${entry.path}.value`)) : undefined;
}

function readCustomer(r: RawReader, raw: WooOrder): Customer {
	const billing = r.optObject(raw, 'billing') ?? {};
	const opt = (k: string) => r.optString(billing, `billing.${k}`);
	const name = [opt('first_name'), opt('last_name')].filter(Boolean).join(' ');
	const customer: Customer = { name: name || opt('company') || '' };
	const [email, phone, document] = [opt('email'), opt('phone'), readDocument(r, raw)];
	if (email) customer.email = email;
	if (phone) customer.phone = phone;
	if (document) customer.document = document;
	return customer;
}

/** Digital-only orders have an empty shipping block: no address then. */
function readAddress(r: RawReader, raw: WooOrder): Address | undefined {
	const s = r.optObject(raw, 'shipping');
	const opt = (k: string) => (s ? r.optString(s, `shipping.${k}`) : undefined);
	const street = opt('address_1');
	if (!street) return undefined;
	const address: Address = { street, city: opt('city') ?? '', country: opt('country') ?? '' };
	const name = [opt('first_name'), opt('last_name')].filter(Boolean).join(' ');
	const extra: Array<[keyof Address, string | undefined]> = [
		['name', name || undefined],
		['complement', opt('address_2')],
		['state', opt('state')],
		['postalCode', opt('postcode')],
		// Added by the Brazilian checkout plugins; absent in core Woo.
		['number', opt('number')],
		['district', opt('neighborhood')],
	];
	for (const [k, v] of extra) if (v !== undefined) address[k] = v;
	return address;
}

export function normalizeWooOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('woocommerce', input, 'id');
	const read = r.objects(r.array(raw, 'line_items'), 'line_items').map(({ item, path }) => readLine(r, item, path));
	if (read.length === 0) r.fail('line_items', 'must have at least one line');
	const order: CanonicalOrder = {
		channel: 'woocommerce',
		account,
		channelOrderId: r.string(raw, 'id'),
		createdAt: readUtcDate(r, raw, 'date_created_gmt'),
		updatedAt: readUtcDate(r, raw, 'date_modified_gmt'),
		...readMapped(r, raw, 'status', WOOCOMMERCE_STATUS_MAP),
		channelStatusRaw: r.string(raw, 'status'),
		currency: r.string(raw, 'currency'),
		totals: {
			itemsCents: read.reduce((sum, l) => sum + l.subtotalCents, 0),
			shippingCents: readCents(r, raw, 'shipping_total'),
			discountCents: readCents(r, raw, 'discount_total'),
			totalCents: readCents(r, raw, 'total'),
		},
		customer: readCustomer(r, raw),
		lines: read.map((l) => l.line),
		shipments: [],
	};
	const address = readAddress(r, raw);
	if (address) order.shippingAddress = address;
	return validateCanonicalOrder(order);
}
