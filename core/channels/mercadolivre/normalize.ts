import type { Address, CanonicalOrder, OrderLine, Shipment } from '../../model/order';
import { OrderValidationError, validateCanonicalOrder } from '../../model/validate';
import { decimalToCents } from '../common/money';
import { isJsonObject } from '../common/raw-reader';
import type { StatusMapping } from '../common/status';
import { ML_ORDER_STATUS_MAP, ML_TAG_STATUS_MAP, shipmentMapping } from './status';
import { ML_ORDER_STATUSES, type MlAddress, type MlOrder, type MlOrderStatus, type MlShipment } from './types';

export function mlOrderRef(raw: unknown): string {
	const id = isJsonObject(raw) ? raw.id : undefined;
	return `mercadolivre:${typeof id === 'number' || typeof id === 'string' ? String(id) : '(no id)'}`;
}

/** Mercado Livre order (+ the shipment getDetails attaches, when present) → canonical order. */
export function normalizeMlOrder(raw: MlOrder, account: string): CanonicalOrder {
	const ref = mlOrderRef(raw);
	const fail = (field: string, reason: string): never => {
		throw new OrderValidationError(ref, field, reason);
	};
	const cents = (value: unknown, field: string): number =>
		decimalToCents(value) ?? fail(field, `is not an exact decimal amount: ${JSON.stringify(value)}`);

	if (!isJsonObject(raw)) fail('(order)', 'must be an object');
	if (!(ML_ORDER_STATUSES as readonly string[]).includes(raw.status)) {
		fail('status', `has an unknown value ${JSON.stringify(raw.status)} (known: ${ML_ORDER_STATUSES.join(', ')})`);
	}
	if (!Array.isArray(raw.order_items)) fail('order_items', 'must be an array');

	const lines = raw.order_items.map((entry, i) => toLine(entry, `order_items[${i}]`, fail, cents));
	const itemsCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
	// The buyer's freight is charged on the approved payments (a pack's freight on one of its orders only).
	const shippingCents = (raw.payments ?? []).reduce(
		(sum, p, i) => (p.status === 'approved' ? sum + cents(p.shipping_cost ?? 0, `payments[${i}].shipping_cost`) : sum),
		0,
	);
	const discountCents = cents(raw.coupon?.amount ?? 0, 'coupon.amount');

	const mapping = statusOf(raw);
	const shipment = raw.shipment;
	const order: Record<string, unknown> = {
		channel: 'mercadolivre',
		account: account || (raw.seller?.id !== undefined ? String(raw.seller.id) : ''),
		channelOrderId: String(raw.id),
		createdAt: utc(raw.date_created),
		updatedAt: utc(raw.last_updated ?? raw.date_last_updated),
		...mapping,
		channelStatusRaw: [raw.status, shipment && [shipment.status, shipment.substatus].filter(Boolean).join('/')].filter(Boolean).join(' | '),
		currency: raw.currency_id,
		totals: { itemsCents, shippingCents, discountCents, totalCents: Math.max(0, itemsCents + shippingCents - discountCents) },
		customer: toCustomer(raw),
		lines,
		shipments: shipment ? toShipments(shipment) : [],
	};
	const address = shipment && toAddress(shipment);
	if (address) order.shippingAddress = address;
	return validateCanonicalOrder(order);
}

/** The order row decides; for paid orders the shipment (or, lacking it, a tag) says how far it got. */
function statusOf(raw: MlOrder): StatusMapping {
	const row = ML_ORDER_STATUS_MAP[raw.status as MlOrderStatus];
	const base: StatusMapping = { status: row.status!, paymentStatus: row.paymentStatus!, fulfillmentStatus: row.fulfillmentStatus ?? 'unfulfilled' };
	if (row.fulfillmentStatus !== undefined) return base;
	const tag = (raw.tags ?? []).find((t) => ML_TAG_STATUS_MAP[t] !== undefined);
	const progress = raw.shipment ? shipmentMapping(raw.shipment) : tag ? ML_TAG_STATUS_MAP[tag] : {};
	return { ...base, ...progress };
}

/** ML dates carry the seller's offset (-04:00); canonical dates are UTC so they compare as text too. */
function utc(value: string | undefined): string | undefined {
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

type Fail = (field: string, reason: string) => never;

function toLine(entry: MlOrder['order_items'][number], path: string, fail: Fail, cents: (v: unknown, f: string) => number): OrderLine {
	const item = isJsonObject(entry) && isJsonObject(entry.item) ? entry.item : fail(`${path}.item`, 'is required');
	// SELLER_SKU is the stock key; seller_custom_field is where older listings kept it.
	const sku = item.seller_sku || item.seller_custom_field || fail(`${path}.item.seller_sku`, 'is required (set SELLER_SKU on the listing)');
	const line: OrderLine = {
		sku,
		channelListingId: String(item.id),
		quantity: entry.quantity,
		unitPriceCents: cents(entry.unit_price, `${path}.unit_price`),
	};
	if (item.title) line.title = item.title;
	if (item.variation_id !== undefined && item.variation_id !== null) line.channelVariantId = String(item.variation_id);
	return line;
}

function toCustomer(raw: MlOrder): CanonicalOrder['customer'] {
	const buyer = raw.buyer;
	const fullName = [buyer?.first_name, buyer?.last_name].filter(Boolean).join(' ');
	const name = raw.shipment?.destination?.receiver_name || fullName || buyer?.nickname || '';
	return buyer?.email ? { name, email: buyer.email } : { name };
}

function toAddress(shipment: MlShipment): Address | undefined {
	const a: MlAddress | undefined = shipment.destination?.shipping_address ?? shipment.receiver_address;
	if (!a) return undefined;
	const fields: Record<string, string | null | undefined> = {
		name: shipment.destination?.receiver_name ?? shipment.receiver_address?.receiver_name,
		street: a.street_name ?? a.address_line ?? '',
		number: a.street_number,
		complement: a.comment,
		district: a.neighborhood?.name,
		city: a.city?.name ?? '',
		state: a.state?.id?.replace(/^BR-/, '') ?? a.state?.name,
		postalCode: a.zip_code,
		country: a.country?.id ?? 'BR',
	};
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as unknown as Address;
}

function toShipments(shipment: MlShipment): Shipment[] {
	if (!shipment.tracking_number) return [];
	const s: Shipment = { trackingCode: shipment.tracking_number };
	if (shipment.tracking_method) s.carrier = shipment.tracking_method;
	if (shipment.status_history?.date_shipped) s.shippedAt = utc(shipment.status_history.date_shipped);
	return [s];
}
