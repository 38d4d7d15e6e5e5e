import type { CanonicalOrder, IntakeFlag, Invoice, OrderLine, Shipment } from '../../model/order';
import { compact, openRawOrder, readCents, readChargedTotals, readMapped, readOptUtcDate, readUtcDate } from '../common/fields';
import { finishOrder, orderHead, readOrderLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { anyMarketMethod, orderPaymentMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS } from '../common/status';
import { ANYMARKET_STATUS } from './status';

/** An order as GET /orders/{id} (and the list's `content`) answers it. Money as decimal numbers, in reais. */
export type AnyMarketOrder = JsonObject;

/** Dates whose latest one moves with each status step, when the order carries no lastUpdate. */
const STEP_DATES = ['createdAt', 'paymentDate', 'invoice.date', 'tracking.shippedDate', 'tracking.deliveredDate', 'cancelDate'];

/**
 * The order's version. `lastUpdate` (the SDK's Order field) when present; [?] the public pages do not show it,
 * so without it the latest of the dates each status step sets (payment, NF-e, dispatch, delivery, cancel).
 */
export function anyMarketUpdatedAt(r: RawReader, o: JsonObject): string {
	const last = readOptUtcDate(r, o, 'lastUpdate');
	if (last) return last;
	const times = STEP_DATES.map((path) => readOptUtcDate(r, o, path)).filter((t): t is string => t !== undefined);
	return times.length ? times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : readUtcDate(r, o, 'createdAt');
}

/** items[]: sku.partnerId is the seller's SKU (empty → unmapped); amount the units; unit the unit price. */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	const sku = r.optObject(item, `${path}.sku`);
	const product = r.optObject(item, `${path}.product`);
	return compact({
		sku: sku ? r.optString(sku, `${path}.sku.partnerId`)?.trim() : undefined,
		quantity: r.integer(item, `${path}.amount`, 1),
		unitPriceCents: readCents(r, item, `${path}.unit`),
		channelListingId: product ? r.optString(product, `${path}.product.id`) : undefined,
		channelVariantId: sku ? r.optString(sku, `${path}.sku.id`) : undefined,
		channelLineId: r.optString(item, `${path}.orderItemId`),
		title: (sku ? r.optString(sku, `${path}.sku.title`) : undefined) ?? (product ? r.optString(product, `${path}.product.title`) : undefined),
	});
}

function readTracking(r: RawReader, raw: JsonObject): Shipment[] {
	const t = r.optObject(raw, 'tracking');
	const code = t ? r.optString(t, 'tracking.number') : undefined;
	if (!t || !code) return [];
	return [
		compact({
			carrier: r.optString(t, 'tracking.carrier'),
			trackingCode: code,
			trackingUrl: r.optString(t, 'tracking.url'),
			shippedAt: readOptUtcDate(r, t, 'tracking.shippedDate'),
		}),
	];
}

/**
 * AnyMarket order → canonical order. `total` is what the buyer pays (items + freight + interest − discount);
 * `marketPlace` is the origin marketplace (the channel stays anymarket). AnyMarket sends no currency: its
 * amounts are reais (a Brazilian hub), so BRL is written without a flag.
 */
export function normalizeAnyMarketOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('anymarket', input, 'id');
	const lines = readOrderLines(r, raw, 'items', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readMapped(r, raw, 'status', ANYMARKET_STATUS), UNKNOWN_STATUS, flags);
	const buyer = r.optObject(raw, 'buyer');
	const shipping = r.optObject(raw, 'shipping');
	const hubStatus = r.optString(raw, 'status') ?? '(none)';
	const originStatus = r.optString(raw, 'marketPlaceStatus');
	const order: CanonicalOrder = {
		...orderHead('anymarket', account, r.string(raw, 'id'), readUtcDate(r, raw, 'createdAt'), anyMarketUpdatedAt(r, raw)),
		...status,
		channelStatusRaw: originStatus && originStatus !== hubStatus ? `${hubStatus} (${originStatus})` : hubStatus,
		currency: 'BRL',
		totals: readChargedTotals(r, raw, lines, 'freight', 'total'),
		customer: readCustomer((k) => (buyer ? r.optString(buyer, `buyer.${k}`) : undefined), {
			name: 'name',
			email: 'email',
			phone: ['phone', 'cellPhone'],
			document: 'document',
		}),
		lines,
		shipments: readTracking(r, raw),
	};
	const originMarketplace = r.optString(raw, 'marketPlace');
	const shippingAddress =
		shipping &&
		readAddress(
			(k) => r.optString(shipping, `shipping.${k}`),
			{
				name: 'receiverName',
				street: ['street', 'address'],
				number: 'number',
				complement: 'comment',
				district: 'neighborhood',
				city: 'city',
				state: 'state',
				postalCode: 'zipCode',
				country: ['countryAcronymNormalized', 'country'],
			},
			{ name: order.customer.name || undefined, country: 'BR' },
		);
	const invoice = readInvoice(r, raw);
	const paymentMethod = orderPaymentMethod((r.optArray(raw, 'payments') ?? []).map(anyMarketMethod));
	return finishOrder(order, { originMarketplace, shippingAddress, invoice, paymentMethod }, flags);
}

/** The NF-e the hub holds for the order, when it has its access key. */
function readInvoice(r: RawReader, raw: JsonObject): Invoice | undefined {
	const invoice = r.optObject(raw, 'invoice');
	const key = invoice ? r.optString(invoice, 'invoice.accessKey') : undefined;
	if (!invoice || !key) return undefined;
	return compact({
		nfeKey: key,
		number: r.optString(invoice, 'invoice.number'),
		series: r.optString(invoice, 'invoice.series'),
		issuedAt: readOptUtcDate(r, invoice, 'invoice.date'),
		url: r.optString(invoice, 'invoice.linkNfe'),
	});
}
