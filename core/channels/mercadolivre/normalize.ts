import type { Address, CanonicalOrder, OrderLine, Shipment } from '../../model/order';
import { OrderValidationError, validateCanonicalOrder } from '../../model/validate';
import { toCents } from '../money';
import { ML_ORDER_STATUS_MAP, ML_TAG_STATUS_MAP, shipmentRow, type MlShipmentStatusRow } from './status';
import { ML_ORDER_STATUSES, type MlAddress, type MlOrder, type MlOrderStatus, type MlShipment } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mlOrderRef(raw: unknown): string {
	const id = isObject(raw) ? raw.id : undefined;
	return `mercadolivre:${typeof id === 'number' || typeof id === 'string' ? String(id) : '(no id)'}`;
}

/** Mercado Livre order (+ optional shipment attached by getDetails) → canonical order. */
export function normalizeMlOrder(raw: MlOrder, account: string): CanonicalOrder {
	const ref = mlOrderRef(raw);
	const fail = (field: string, reason: string): never => {
		throw new OrderValidationError(ref, field, reason);
	};
	if (!isObject(raw)) fail('(order)', 'must be an object');
	if (!(ML_ORDER_STATUSES as readonly string[]).includes(raw.status)) fail('status', `is not a known Mercado Livre order status: ${JSON.stringify(raw.status)}`);
	if (!Array.isArray(raw.order_items)) fail('order_items', 'must be an array');

	const lines = raw.order_items.map((entry, i) => toLine(entry, i, ref));
	const itemsCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
	// The buyer's shipping charge is on the approved payments; a pack's freight is charged on one of them.
	const shippingCents = (raw.payments ?? [])
		.filter((p) => p.status === 'approved')
		.reduce((sum, p, i) => sum + toCents(p.shipping_cost ?? 0, ref, `payments[${i}].shipping_cost`), 0);
	const discountCents = toCents(raw.coupon?.amount ?? 0, ref, 'coupon.amount');

	const row = ML_ORDER_STATUS_MAP[raw.status as MlOrderStatus];
	const progress = row.followsShipment ? fulfilmentProgress(raw) : undefined;
	const shipment = raw.shipment;
	const order = {
		channel: 'mercadolivre',
		account: account || (raw.seller?.id !== undefined ? String(raw.seller.id) : ''),
		channelOrderId: String(raw.id),
		createdAt: raw.date_created,
		updatedAt: raw.last_updated ?? raw.date_last_updated,
		status: progress?.status ?? row.status,
		paymentStatus: row.payment,
		fulfillmentStatus: progress?.fulfillment ?? (row.status === 'cancelled' ? 'unknown' : 'unfulfilled'),
		channelStatusRaw: [raw.status, shipment && [shipment.status, shipment.substatus].filter(Boolean).join('/')].filter(Boolean).join(' | '),
		currency: raw.currency_id,
		totals: { itemsCents, shippingCents, discountCents, totalCents: Math.max(0, itemsCents + shippingCents - discountCents) },
		customer: toCustomer(raw),
		shippingAddress: shipment ? toAddress(shipment) : undefined,
		lines,
		shipments: shipment ? toShipments(shipment) : [],
	};
	if (order.shippingAddress === undefined) delete order.shippingAddress;
	return validateCanonicalOrder(order);
}

function toLine(entry: MlOrder['order_items'][number], i: number, ref: string): OrderLine {
	const path = `order_items[${i}]`;
	const item = isObject(entry) && isObject(entry.item) ? entry.item : undefined;
	if (!item) throw new OrderValidationError(ref, `${path}.item`, 'is required');
	// SELLER_SKU is the stock key; seller_custom_field is the older place sellers kept it.
	const sku = item.seller_sku || item.seller_custom_field;
	if (!sku) throw new OrderValidationError(ref, `${path}.item.seller_sku`, 'is required (set SELLER_SKU on the listing)');
	const line: OrderLine = {
		sku,
		channelListingId: String(item.id),
		title: item.title,
		quantity: entry.quantity,
		unitPriceCents: toCents(entry.unit_price, ref, `${path}.unit_price`),
	};
	if (item.variation_id !== undefined && item.variation_id !== null) line.channelVariantId = String(item.variation_id);
	return line;
}

function fulfilmentProgress(raw: MlOrder): MlShipmentStatusRow | undefined {
	if (raw.shipment) return shipmentRow(raw.shipment);
	const tag = (raw.tags ?? []).find((t) => ML_TAG_STATUS_MAP[t]);
	return tag ? ML_TAG_STATUS_MAP[tag] : undefined;
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
	const address: Address = {
		name: shipment.destination?.receiver_name ?? shipment.receiver_address?.receiver_name,
		street: a.street_name ?? a.address_line ?? '',
		number: a.street_number,
		complement: a.comment ?? undefined,
		district: a.neighborhood?.name ?? undefined,
		city: a.city?.name ?? '',
		state: a.state?.id?.replace(/^BR-/, '') ?? a.state?.name,
		postalCode: a.zip_code,
		country: a.country?.id ?? 'BR',
	};
	return JSON.parse(JSON.stringify(address)) as Address;
}

function toShipments(shipment: MlShipment): Shipment[] {
	if (!shipment.tracking_number) return [];
	const s: Shipment = { trackingCode: shipment.tracking_number };
	if (shipment.tracking_method) s.carrier = shipment.tracking_method;
	if (shipment.status_history?.date_shipped) s.shippedAt = shipment.status_history.date_shipped;
	return [s];
}
