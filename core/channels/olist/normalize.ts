import type { CanonicalOrder, IntakeFlag, OrderLine } from '../../model/order';
import { compact, openRawOrder, readCents, readChargedTotals, readLocalInvoice, readMapped, readOptUtcDate, readUtcDate } from '../common/fields';
import { finishOrder, orderHead, requireLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { methodFromName, orderPaymentMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { OLIST_CANCELED, OLIST_STATUS } from './status';

/** A seller order as GET /v1/seller-orders/{code}/ (and, [3P], the list) returns it. */
export type OlistOrder = JsonObject;

/**
 * [3P] seller_order_items[]: one element per unit sold (count_items counts them; no quantity field), `price` the
 * unit price, `seller_product_code` the seller's SKU (absent: unmapped), `product_sku` Olist's own code.
 */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	return compact({
		sku: r.optString(item, `${path}.seller_product_code`),
		quantity: 1,
		unitPriceCents: readCents(r, item, `${path}.price`),
		channelListingId: r.optString(item, `${path}.product_sku`),
		channelLineId: r.optString(item, `${path}.id`) ?? r.optString(item, `${path}.code`),
		title: r.optString(item, `${path}.full_name`),
	});
}

function readStatus(r: RawReader, raw: OlistOrder): StatusMapping {
	if (r.optString(raw, 'cancelation_status')?.toLowerCase() === 'canceled') return OLIST_CANCELED;
	return readMapped(r, raw, 'status', OLIST_STATUS);
}

/** [3P] payment_methods[].payment_type ("credit_card", "boleto"...), read by name. */
function readPayment(raw: OlistOrder) {
	const methods = Array.isArray(raw.payment_methods) ? raw.payment_methods : [];
	return orderPaymentMethod(
		methods.map((p) =>
			isJsonObject(p) && typeof p.payment_type === 'string' && p.payment_type.trim() ? methodFromName(p.payment_type.trim().toLowerCase()) : undefined,
		),
	);
}

/**
 * A seller order → canonical order. channelOrderId is Olist's `code` ("ORDPFXB3B9QN8IQ7"); `channel_slug` (the
 * marketplace the Olist store sold on, [3P]) is kept as originMarketplace. Dates carry their zone ("Z"). Olist
 * ships through its own logistics (packages, labels): tracking lives on /packages and /shipments, not on the order,
 * so no shipment is read here.
 */
export function normalizeOlistOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('olist', input, 'code');
	const channelOrderId = r.string(raw, 'code');
	const items = r.objects(r.optArray(raw, 'seller_order_items') ?? [], 'seller_order_items');
	const lines = requireLines(r, 'seller_order_items', items.map(({ item, path }) => readLine(r, item, path)));
	const flags = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readStatus(r, raw), UNKNOWN_STATUS, flags);
	const createdAt = readUtcDate(r, raw, 'created_at');
	const customer = r.optObject(raw, 'customer') ?? {};
	const phones = r.objects(r.optArray(customer, 'customer.phones') ?? [], 'customer.phones');
	const order: CanonicalOrder = {
		...orderHead('olist', account, channelOrderId, createdAt, readOptUtcDate(r, raw, 'updated_at')),
		...status,
		channelStatusRaw: [r.string(raw, 'status'), r.optString(raw, 'cancelation_status')].filter(Boolean).join(' / '),
		currency: r.optString(raw, 'currency') ?? 'BRL',
		totals: readChargedTotals(r, raw, lines, 'total_freight', 'total_amount'),
		customer: readCustomer(
			(k) => (k === 'phone' ? phones.map(({ item, path }) => r.optString(item, `${path}.phone`)).find(Boolean) : r.optString(customer, `customer.${k}`)),
			{ name: 'name', email: 'email', phone: 'phone', document: 'document_number' },
		),
		lines,
		shipments: [],
	};
	const address = r.optObject(customer, 'customer.address');
	const shippingAddress =
		address &&
		readAddress(
			(k) => r.optString(address, `customer.address.${k}`),
			{
				street: 'address',
				number: 'number',
				complement: 'complement',
				district: 'district',
				city: 'city',
				state: 'state',
				postalCode: 'zip_code',
				country: 'country',
			},
			{ name: r.optString(customer, 'customer.name'), country: 'BR' },
		);
	const invoice = readLocalInvoice(r, raw, '', 'Z', {
		nfeKey: 'invoice_key',
		number: 'invoice_number',
		series: 'invoice_serial_number',
		issuedAt: 'invoice_issue_date',
		url: 'invoice_danfe_url',
	});
	const shipBy = readOptUtcDate(r, raw, 'shipping_limit_date');
	const paymentMethod = readPayment(raw);
	return finishOrder(order, { shippingAddress, invoice, shipBy, paymentMethod, originMarketplace: r.optString(raw, 'channel_slug') }, flags);
}
