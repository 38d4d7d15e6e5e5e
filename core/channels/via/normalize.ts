import type { CanonicalOrder, IntakeFlag, Invoice, OrderLine, PaymentMethod, Shipment } from '../../model/order';
import { chargedTotals, compact, openRawOrder, readCents, readOptUtcDate, readUtcDate } from '../common/fields';
import { finishOrder, orderHead, readOrderLines, readTableStatus } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { VIA_STATUS } from './status';

/** A Via order as GET /orders/status/{status} lists it and GET /orders/{orderId} returns it. Money as decimals in BRL. */
export type ViaOrder = JsonObject;

/** paymentType codes (GET /orders/{orderId}): 1 credit card, 2 boleto, 4 coupon, 5 transfer. */
const PAYMENT_TYPES: Readonly<Record<string, PaymentMethod>> = { '1': 'credit_card', '2': 'boleto', '4': 'other', '5': 'other' };

/**
 * items[]: one element per unit sold ("23236199-1", "23236199-2" for two of one SKU), so a line is one unit unless
 * the item carries a quantity; skuSellerId is the seller's SKU (empty → unmapped), salePrice the unit price.
 */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	return compact({
		sku: r.optString(item, `${path}.skuSellerId`)?.trim(),
		quantity: r.optInteger(item, `${path}.quantity`, 1) ?? 1,
		unitPriceCents: readCents(r, item, `${path}.salePrice`),
		channelLineId: r.optString(item, `${path}.id`),
		title: r.optString(item, `${path}.name`),
	});
}

const trackingsOf = (raw: JsonObject): JsonObject[] => (Array.isArray(raw.trackings) ? raw.trackings.filter(isJsonObject) : []);

/**
 * The order's last change: the latest of updatedAt, approvedAt, purchasedAt and its trackings' occurredAt (the
 * documented example has updatedAt null, and a tracking that moves the status must make a new version).
 */
export function viaChangedAt(r: RawReader, raw: JsonObject): string {
	const times = [readOptUtcDate(r, raw, 'updatedAt'), readOptUtcDate(r, raw, 'approvedAt'), readUtcDate(r, raw, 'purchasedAt')];
	trackingsOf(raw).forEach((t, i) => times.push(readOptUtcDate(r, t, `trackings[${i}].occurredAt`)));
	return new Date(Math.max(...times.filter((t): t is string => t !== undefined).map((t) => Date.parse(t)))).toISOString();
}

/** Trackings with a carrier number are shipments; the first NF-e a tracking carries is the order's invoice. */
function readTrackings(r: RawReader, raw: JsonObject): { shipments: Shipment[]; invoice?: Invoice } {
	const shipments: Shipment[] = [];
	let invoice: Invoice | undefined;
	trackingsOf(raw).forEach((t, i) => {
		const p = `trackings[${i}]`;
		const carrier = isJsonObject(t.carrier) ? r.optString(t.carrier, `${p}.carrier.name`) : undefined;
		const number = r.optString(t, `${p}.number`);
		if (number)
			shipments.push(compact({ carrier, trackingCode: number, trackingUrl: r.optString(t, `${p}.url`), shippedAt: readOptUtcDate(r, t, `${p}.occurredAt`) }));
		const nf = isJsonObject(t.invoice) ? t.invoice : undefined;
		if (nf && !invoice) {
			invoice = compact({
				nfeKey: r.optString(nf, `${p}.invoice.accessKey`),
				number: r.optString(nf, `${p}.invoice.number`),
				series: r.optString(nf, `${p}.invoice.serie`),
				issuedAt: readOptUtcDate(r, nf, `${p}.invoice.issuedAt`),
				url: r.optString(nf, `${p}.invoice.linkDanfe`) ?? r.optString(nf, `${p}.invoice.linkXml`),
			});
		}
	});
	return { shipments, invoice };
}

/**
 * Via order → canonical order. totalAmount is what the buyer pays: items at salePrice + freight.chargedAmount −
 * totalDiscountAmount (the documented example: 139 + 139 + 10 = 288). Shipping data is withheld while an order
 * waits for payment (status NEW/PEN), so such orders have no address. Currency is BRL (no currency field).
 */
export function normalizeViaOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('via', input, 'id');
	const lines = readOrderLines(r, raw, 'items', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const status = readTableStatus(r, raw, 'status', VIA_STATUS, flags);
	const freight = r.optObject(raw, 'freight');
	const shippingCents = (freight && r.optDecimalCents(freight, 'freight.chargedAmount')) ?? 0;
	const linesCents = lines.reduce((t, l) => t + l.unitPriceCents * l.quantity, 0);
	const customer = r.optObject(raw, 'customer') ?? {};
	const phones = Array.isArray(customer.phones) ? customer.phones.filter(isJsonObject) : [];
	const { shipments, invoice } = readTrackings(r, raw);
	const order: CanonicalOrder = {
		...orderHead('via', account, r.string(raw, 'id'), readUtcDate(r, raw, 'purchasedAt'), viaChangedAt(r, raw)),
		...status,
		currency: 'BRL',
		totals: chargedTotals(
			lines,
			shippingCents,
			r.optDecimalCents(raw, 'totalAmount') ?? linesCents + shippingCents - (r.optDecimalCents(raw, 'totalDiscountAmount') ?? 0),
		),
		customer: readCustomer(
			(k) => (k === 'phone' ? phones.map((p) => r.optString(p, 'customer.phones.number')).find(Boolean) : r.optString(customer, `customer.${k}`)?.trim()),
			{
				name: 'name',
				email: 'email',
				document: 'documentNumber',
				phone: 'phone',
			},
		),
		lines,
		shipments,
	};
	const s = r.optObject(raw, 'shipping');
	const address = s
		? readAddress(
				(k) => r.optString(s, `shipping.${k}`)?.trim(),
				{
					name: 'recipientName',
					street: 'address',
					number: 'number',
					complement: 'complement',
					district: 'quarter',
					city: 'city',
					state: 'state',
					postalCode: 'zipCode',
					country: 'countryId',
				},
				{ name: order.customer.name || undefined, country: 'BR' },
			)
		: undefined;
	const found = { shippingAddress: address, invoice: invoice && Object.keys(invoice).length > 0 ? invoice : undefined };
	return finishOrder(order, { ...found, paymentMethod: PAYMENT_TYPES[r.optString(raw, 'paymentType') ?? ''] }, flags);
}
