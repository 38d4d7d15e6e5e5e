import type { CanonicalOrder, IntakeFlag, Invoice, OrderLine, Shipment } from '../../model/order';
import { chargedTotals, compact, openRawOrder, readCents, readOptUtcDate, readUtcDate } from '../common/fields';
import { finishOrder, orderHead, readOrderLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { methodFromName, orderPaymentMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { AMERICANAS_STATUS_CODES, AMERICANAS_STATUS_TYPES } from './status';

/** A SkyHub order as the queue (GET /queues/orders) and GET /orders/{code} return it. Money as decimals in BRL. */
export type AmericanasOrder = JsonObject;

/**
 * items[]: `id` is the seller's SKU of the item sold (a variation's SKU; empty → unmapped), `product_id` the
 * parent product's SKU; the buyer paid special_price (the sale price) when it is set, else original_price.
 */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	const special = r.optDecimalCents(item, `${path}.special_price`);
	return compact({
		sku: r.optString(item, `${path}.id`)?.trim(),
		quantity: r.integer(item, `${path}.qty`, 1),
		unitPriceCents: special !== undefined && special > 0 ? special : readCents(r, item, `${path}.original_price`),
		channelListingId: r.optString(item, `${path}.product_id`),
		title: r.optString(item, `${path}.name`),
	});
}

/** status.type, else status.code; an unknown value imports as UNKNOWN_STATUS, flagged. */
function readStatus(r: RawReader, raw: JsonObject, flags: Set<IntakeFlag>): { mapping: StatusMapping; text: string } {
	const status = r.optObject(raw, 'status') ?? {};
	const type = r.optString(status, 'status.type');
	const code = r.optString(status, 'status.code');
	const mapping = type !== undefined ? AMERICANAS_STATUS_TYPES[type] : code !== undefined ? AMERICANAS_STATUS_CODES[code] : undefined;
	const text = [type, code].filter(Boolean).join(' / ') || '(none)';
	return {
		mapping: tolerantStatus(
			() => mapping ?? r.fail(type !== undefined ? 'status.type' : 'status.code', `has an unknown value "${text}"`),
			UNKNOWN_STATUS,
			flags,
		),
		text,
	};
}

/** shipments[].tracks[] (orders) or .track (the shipment call's own shape). */
function readShipments(r: RawReader, raw: JsonObject): Shipment[] {
	const out: Shipment[] = [];
	for (const { item } of r.objects(r.optArray(raw, 'shipments') ?? [], 'shipments')) {
		const tracks = Array.isArray(item.tracks) ? item.tracks : isJsonObject(item.track) ? [item.track] : [];
		for (const t of tracks.filter(isJsonObject)) {
			const s = compact({
				carrier: r.optString(t, 'shipments.tracks.carrier'),
				trackingCode: r.optString(t, 'shipments.tracks.code'),
				trackingUrl: r.optString(t, 'shipments.tracks.url'),
			});
			if (s.trackingCode || s.carrier) out.push(s);
		}
	}
	return out;
}

/** payments: an array in the queue's example, one object in the order resource's; `method` as CREDIT_CARD, BOLETO... */
function readPaymentMethod(raw: JsonObject): CanonicalOrder['paymentMethod'] {
	const payments = Array.isArray(raw.payments) ? raw.payments : isJsonObject(raw.payments) ? [raw.payments] : [];
	return orderPaymentMethod(
		payments.filter(isJsonObject).map((p) => (typeof p.method === 'string' && p.method.trim() ? methodFromName(p.method.trim().toLowerCase()) : undefined)),
	);
}

/**
 * SkyHub order → canonical order. total_ordered is what the buyer pays: items at their sale price + shipping_cost
 * + interest (instalment interest, the documented example: 89.99 + 15.00 + 2.69 = 107.68). Currency is BRL (the
 * API has no currency field).
 */
export function normalizeAmericanasOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('americanas', input, 'code');
	const lines = readOrderLines(r, raw, 'items', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const { mapping, text } = readStatus(r, raw, flags);
	const createdAt = readUtcDate(r, raw, 'placed_at');
	const customer = r.optObject(raw, 'customer') ?? {};
	const phones = Array.isArray(customer.phones) ? customer.phones.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
	const shippingCents = r.optDecimalCents(raw, 'shipping_cost') ?? 0;
	const linesCents = lines.reduce((t, l) => t + l.unitPriceCents * l.quantity, 0);
	const order: CanonicalOrder = {
		...orderHead('americanas', account, r.string(raw, 'code'), createdAt, readOptUtcDate(r, raw, 'updated_at')),
		...mapping,
		channelStatusRaw: text,
		currency: 'BRL',
		totals: chargedTotals(lines, shippingCents, r.optDecimalCents(raw, 'total_ordered') ?? linesCents + shippingCents),
		customer: readCustomer((k) => (k === 'phone' ? phones[0]?.trim() : r.optString(customer, `customer.${k}`)), {
			name: 'name',
			email: 'email',
			document: 'vat_number',
			phone: 'phone',
		}),
		lines,
		shipments: readShipments(r, raw),
	};
	const a = r.optObject(raw, 'shipping_address');
	const shippingAddress = a
		? readAddress(
				(k) => r.optString(a, `shipping_address.${k}`),
				{
					name: 'full_name',
					street: 'street',
					number: 'number',
					complement: ['complement', 'detail'],
					district: 'neighborhood',
					city: 'city',
					state: 'region',
					postalCode: 'postcode',
					country: 'country',
				},
				{ name: order.customer.name || undefined, country: 'BR' },
			)
		: undefined;
	const invoice = readInvoice(r, raw);
	const paymentMethod = readPaymentMethod(raw);
	const shipBy = readOptUtcDate(r, raw, 'expedition_limit_date');
	return finishOrder(order, { shippingAddress, invoice, paymentMethod, shipBy }, flags);
}

/** The first of the order's invoices (the NF-e SkyHub holds for it). */
function readInvoice(r: RawReader, raw: JsonObject): Invoice | undefined {
	const invoice = r.objects(r.optArray(raw, 'invoices') ?? [], 'invoices')[0]?.item;
	if (!invoice) return undefined;
	const issuedAt = readOptUtcDate(r, invoice, 'invoices[0].issue_date');
	return compact({
		nfeKey: r.optString(invoice, 'invoices[0].key'),
		number: r.optString(invoice, 'invoices[0].number'),
		series: r.optString(invoice, 'invoices[0].line'),
		issuedAt,
	});
}
