import type { Address, CanonicalOrder, Customer, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { digitsOnly, openRawOrder, readCents, readZonedDate } from '../common/fields';
import { fulfilmentWarehouse } from '../common/fulfilment';
import { mercadoPagoMethod, orderPaymentMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import type { AdapterContext } from '../types';
import { parseDepotMap, type DepotMap } from './depots';
import { ML_ORDER_STATUS_MAP, ML_TAG_STATUS_MAP, shipmentMapping } from './status';
import { returnedPerLine } from './claims';
import { ML_ORDER_STATUSES, type MlAddress, type MlOrder, type MlOrderStatus, type MlReturn, type MlShipment } from './types';

export function mlOrderRef(raw: unknown): string {
	const id = isJsonObject(raw) ? raw.id : undefined;
	return `mercadolivre:${typeof id === 'number' || typeof id === 'string' ? String(id) : '(no id)'}`;
}

/**
 * The adapter options (ctx.options) read here: `currency`, the account's currency, for an order naming none
 * (default BRL); `depots`, the ML store → OMS warehouse map (depots.ts); `fullWarehouse` (Full orders).
 */
export type MlNormalizeOptions = AdapterContext['options'];

/**
 * Mercado Livre Full: the shipment's `logistic.type` `fulfillment` ("Mercado Envíos 2", logistic types). ML
 * ships it from its own warehouse and stock, so the order is held in a warehouse of its own (the adapter option
 * `fullWarehouse`, `mercadolivre-full` by default), as Amazon FBA orders are: it never takes the seller's
 * stock. [?] An order whose shipment cannot be read is not recognised as Full.
 */
const FULL_LOGISTIC_TYPE = 'fulfillment';
export const ML_FULL_WAREHOUSE = 'mercadolivre-full';

/**
 * The zone of a date that carries no offset. ML's API answers in its own zone: the order examples of
 * "Gerenciar orders" carry -04:00 (one 2026 example shows -03:00, so the offset is always read when present).
 */
export const ML_ASSUMED_OFFSET = '-04:00';

/**
 * Mercado Livre order (+ the shipment getDetails attaches, when present) → canonical order. Only an order
 * without an id or without lines is refused; a line without a seller SKU is kept unmapped (with its listing
 * and variation ids), a missing currency or zone is taken from the account / ML's zone and flagged.
 *
 * Prices: unitPriceCents is the unit price before promotions — full_unit_price when ML reports it (and it is
 * not below unit_price), else gross_price / quantity (newer orders: "(unit_price + discounts.full) ×
 * quantity"), else unit_price. The promotion, (list − paid) × quantity, goes to totals.discountCents with
 * the coupon, so itemsCents − discountCents is still Σ unit_price × quantity − coupon (= total_amount −
 * coupon) and totalCents = that + the buyer's freight.
 */
export function normalizeMlOrder(raw: MlOrder, account: string, options?: MlNormalizeOptions): CanonicalOrder {
	const { r, o } = openRawOrder('mercadolivre', raw, 'id');
	const flags = new Set<IntakeFlag>();
	const channelOrderId = r.string(o, 'id');
	const status = r.string(o, 'status');
	// An unknown status imports the order with its units reserved, flagged (see UNKNOWN_STATUS).
	const known = (ML_ORDER_STATUSES as readonly string[]).includes(status);
	if (!known) flags.add('status_unknown');
	const entries = r.objects(r.array(o, 'order_items'), 'order_items');
	const depots = parseDepotMap(options?.depots);
	const priced = entries.map(({ item, path }) => readLine(r, item, path, depots));
	const lines = priced.map((p) => p.line);
	const itemsCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
	const coupon = r.optObject(o, 'coupon');
	const discountCents = priced.reduce((sum, p) => sum + p.promotionCents, coupon ? (r.optDecimalCents(coupon, 'coupon.amount') ?? 0) : 0);
	const shippingCents = freightCents(r, o);

	const date = (keys: string[]) => keys.reduce<string | undefined>((found, k) => found ?? readDate(r, o, k, flags), undefined);
	// An order that never changed may carry only its creation/closing dates (the gross_price example does).
	const updatedAt = date(['last_updated', 'date_last_updated', 'date_closed', 'date_created']) ?? r.fail('last_updated', 'is required (the order has no date)');
	const createdAt = date(['date_created', 'date_closed']) ?? updatedAt;

	const shipment = isJsonObject(o.shipment) ? (o.shipment as unknown as MlShipment) : undefined;
	const tags = (r.optArray(o, 'tags') ?? []).filter((t): t is string => typeof t === 'string');
	const full = shipment?.logistic?.type === FULL_LOGISTIC_TYPE;
	const mapping = withReturns(known ? statusOf(status as MlOrderStatus, tags, shipment) : UNKNOWN_STATUS, lines, o.returns, full);
	const seller = r.optObject(o, 'seller');
	const order: Record<string, unknown> = {
		channel: 'mercadolivre',
		account: account || (seller && r.optString(seller, 'seller.id')) || '',
		channelOrderId,
		createdAt,
		updatedAt,
		...mapping,
		channelStatusRaw: [status, shipment && [text(shipment.status), text(shipment.substatus)].filter(Boolean).join('/')].filter(Boolean).join(' | '),
		currency: currencyOf(r, o, entries, options?.currency, flags),
		totals: { itemsCents, shippingCents, discountCents, totalCents: Math.max(0, itemsCents + shippingCents - discountCents) },
		customer: toCustomer(r, o, shipment),
		lines,
		shipments: shipment ? toShipments(shipment) : [],
		flags: [...flags],
	};
	const address = shipment && toAddress(shipment);
	if (address) order.shippingAddress = address;
	// The store reserves a whole order in one warehouse; an ML order is one item (one line), so its depot.
	const warehouse = full ? fulfilmentWarehouse(options, 'fullWarehouse', ML_FULL_WAREHOUSE) : lines.find((l) => l.warehouse !== undefined)?.warehouse;
	if (warehouse !== undefined) order.warehouse = warehouse;
	// Every ML order belongs to a pack (one shipment for its orders): write-back sends the pack's NF-e once.
	const pack = o.pack_id;
	if ((typeof pack === 'number' && Number.isSafeInteger(pack)) || (typeof pack === 'string' && /^\d+$/.test(pack))) order.groupId = String(pack);
	const paymentMethod = orderPaymentMethod((Array.isArray(o.payments) ? o.payments : []).map(mercadoPagoMethod));
	if (paymentMethod) order.paymentMethod = paymentMethod;
	return validateCanonicalOrder(order);
}

function readLine(r: RawReader, entry: JsonObject, path: string, depots: DepotMap): { line: OrderLine; promotionCents: number } {
	const item = r.optObject(entry, `${path}.item`) ?? {};
	// SELLER_SKU is the stock key. ML also copies the SKU it chose (variation SELLER_SKU, variation
	// seller_custom_field, item SELLER_SKU, item seller_custom_field) into seller_custom_field.
	const sku = r.optString(item, `${path}.item.seller_sku`) ?? r.optString(item, `${path}.item.seller_custom_field`);
	const quantity = r.integer(entry, `${path}.quantity`, 1);
	const paid = readCents(r, entry, `${path}.unit_price`);
	const unit = listPrice(r, entry, path, paid, quantity);
	const line: OrderLine = { quantity, unitPriceCents: unit };
	const listing = r.optString(item, `${path}.item.id`);
	const variant = r.optString(item, `${path}.item.variation_id`);
	const title = r.optString(item, `${path}.item.title`);
	if (sku !== undefined) line.sku = sku;
	if (listing !== undefined) line.channelListingId = listing;
	if (variant !== undefined) line.channelVariantId = variant;
	if (title !== undefined) line.title = title;
	const store = depotOf(r, entry, path);
	if (store !== undefined) line.warehouse = depots.warehouseOf(store);
	return { line, promotionCents: (unit - paid) * quantity };
}

/**
 * The store (depot) a multi-origin sale took its stock from: `order_items[].stock[].store_id` ("Gestión de
 * packs", 29/12/2025). The page shows one entry per line; should a line name several, the first decides
 * (the OMS cannot split a line across warehouses). Absent for sellers without multi-origin.
 */
function depotOf(r: RawReader, entry: JsonObject, path: string): string | undefined {
	const stock = r.objects(r.optArray(entry, `${path}.stock`) ?? [], `${path}.stock`);
	return stock.map(({ item, path: p }) => r.optString(item, `${p}.store_id`)).find((s) => s !== undefined && s.trim() !== '')?.trim();
}

/** The unit price before promotions (see normalizeMlOrder); never below what was paid. */
function listPrice(r: RawReader, entry: JsonObject, path: string, paid: number, quantity: number): number {
	const full = r.optDecimalCents(entry, `${path}.full_unit_price`);
	if (full !== undefined) return full >= paid ? full : paid;
	const gross = r.optDecimalCents(entry, `${path}.gross_price`);
	if (gross === undefined || gross % quantity !== 0) return paid;
	return Math.max(paid, gross / quantity);
}

/** The buyer's freight is charged on the approved payments (a pack's freight on one of its orders only). */
function freightCents(r: RawReader, o: JsonObject): number {
	const payments = r.objects(r.optArray(o, 'payments') ?? [], 'payments');
	return payments.reduce(
		(sum, { item, path }) => (r.optString(item, `${path}.status`) === 'approved' ? sum + (r.optDecimalCents(item, `${path}.shipping_cost`) ?? 0) : sum),
		0,
	);
}

function currencyOf(r: RawReader, o: JsonObject, entries: Array<{ item: JsonObject; path: string }>, fallback: unknown, flags: Set<IntakeFlag>): string {
	const named = r.optString(o, 'currency_id') ?? entries.map(({ item, path }) => r.optString(item, `${path}.currency_id`)).find((c) => c !== undefined);
	if (named !== undefined) return named;
	flags.add('currency_from_account');
	return typeof fallback === 'string' && fallback.trim() !== '' ? fallback.trim() : 'BRL';
}

/** An ML date → ISO UTC; a date without an offset is read at ML_ASSUMED_OFFSET and flagged. */
const readDate = (r: RawReader, o: JsonObject, key: string, flags: Set<IntakeFlag>) => readZonedDate(r, o, key, ML_ASSUMED_OFFSET, flags);

/** The order row decides; for paid orders the shipment (or, lacking it, a tag) says how far it got. */
function statusOf(status: MlOrderStatus, tags: string[], shipment: MlShipment | undefined): StatusMapping {
	const row = ML_ORDER_STATUS_MAP[status];
	const base: StatusMapping = { status: row.status!, paymentStatus: row.paymentStatus!, fulfillmentStatus: row.fulfillmentStatus ?? 'unfulfilled' };
	if (row.fulfillmentStatus !== undefined) return base;
	const tag = tags.find((t) => ML_TAG_STATUS_MAP[t] !== undefined);
	const progress = shipment ? shipmentMapping({ status: text(shipment.status) ?? '', substatus: text(shipment.substatus) ?? null }) : tag ? ML_TAG_STATUS_MAP[tag] : {};
	return { ...base, ...progress };
}

/**
 * The returns getDetails read from the order's claims (claims.ts): each line's units back; an order whose
 * every unit came back after it shipped (or was refunded for it) is `returned`.
 */
function withReturns(mapping: StatusMapping, lines: OrderLine[], returns: unknown, full: boolean): StatusMapping {
	const back = Array.isArray(returns) ? returnedPerLine(lines, returns as MlReturn[], full) : undefined;
	if (!back) return mapping;
	lines.forEach((line, i) => {
		if (back[i] > 0) line.returnedQuantity = back[i];
	});
	const all = lines.every((l, i) => back[i] >= l.quantity);
	const afterShipping = mapping.status === 'shipped' || mapping.status === 'delivered' || mapping.status === 'cancelled';
	return all && afterShipping ? { ...mapping, status: 'returned', fulfillmentStatus: 'returned' } : mapping;
}

/** A non-blank string, trimmed; anything else (null, "", numbers in the wrong place) is absent. */
function text(v: unknown): string | undefined {
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function toCustomer(r: RawReader, o: JsonObject, shipment: MlShipment | undefined): Customer {
	const buyer = r.optObject(o, 'buyer') ?? {};
	const fullName = ['first_name', 'last_name'].map((k) => r.optString(buyer, `buyer.${k}`)?.trim()).filter(Boolean).join(' ');
	const receiver = text(shipment?.destination?.receiver_name) ?? text(shipment?.receiver_address?.receiver_name);
	const customer: Customer = { name: receiver || fullName || r.optString(buyer, 'buyer.nickname') || '' };
	const email = r.optString(buyer, 'buyer.email');
	const billing = r.optObject(buyer, 'buyer.billing_info');
	const document = digitsOnly(billing && r.optString(billing, 'buyer.billing_info.doc_number'));
	if (email) customer.email = email;
	if (document) customer.document = document;
	return customer;
}

function toAddress(shipment: MlShipment): Address | undefined {
	const a: MlAddress | null | undefined = shipment.destination?.shipping_address ?? shipment.receiver_address;
	if (!a || typeof a !== 'object') return undefined;
	const fields: Record<string, string | undefined> = {
		name: text(shipment.destination?.receiver_name) ?? text(shipment.receiver_address?.receiver_name),
		street: text(a.street_name) ?? text(a.address_line) ?? '',
		number: text(a.street_number),
		complement: text(a.comment),
		district: text(a.neighborhood?.name),
		city: text(a.city?.name) ?? '',
		state: text(a.state?.id)?.replace(/^BR-/, '') ?? text(a.state?.name),
		postalCode: text(a.zip_code),
		country: text(a.country?.id) ?? 'BR',
	};
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as unknown as Address;
}

function toShipments(shipment: MlShipment): Shipment[] {
	const tracking = text(shipment.tracking_number);
	if (!tracking) return [];
	const s: Shipment = { trackingCode: tracking };
	const carrier = text(shipment.tracking_method);
	const shipped = text(shipment.status_history?.date_shipped);
	if (carrier) s.carrier = carrier;
	if (shipped && !Number.isNaN(Date.parse(shipped))) s.shippedAt = new Date(Date.parse(shipped)).toISOString();
	return [s];
}
