import type { Address, CanonicalOrder, Customer, IntakeFlag, Invoice, OrderLine, Shipment } from '../../model/order';
import { readAddress, readCustomer } from '../common/parties';
import { compact, openRawOrder, readChargedTotals, readLocalDate, readLocalInvoice } from '../common/fields';
import { readKeyedLine } from '../common/lines';
import { finishOrder, orderHead, requireLines } from '../common/order';
import { trayMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { CANCELLED_BY_TYPE, TRAY_STATUS, trayStatusEntry } from './status';

/** An order as GET /orders/:id/complete returns it under "Order" (ids, numbers and dates as strings). */
export type TrayOrder = JsonObject;

/** Tray nests list elements under their singular key ({ProductsSold: {…}}); older payloads do not. */
function unwrap(r: RawReader, raw: JsonObject, path: string, key: string): Array<{ item: JsonObject; path: string }> {
	return r
		.objects(r.optArray(raw, path) ?? [], path)
		.map(({ item, path: p }) => (isJsonObject(item[key]) ? { item: item[key] as JsonObject, path: `${p}.${key}` } : { item, path: p }));
}

/**
 * `price` is the unit price paid (original_price the list price). The seller's SKU is `reference`; a
 * product without one is kept unmapped with its product, variant and line ids. [?] Whether kit components
 * (product_kit_id ≠ 0) come as their own lines beside the kit is not documented: each line is read as sold.
 */
const readLine = (r: RawReader, item: JsonObject, path: string): OrderLine =>
	readKeyedLine(r, item, path, { sku: 'reference', quantity: 'quantity', price: 'price', listingId: 'product_id', variantId: 'variant_id', lineId: 'id', title: 'name' });

function readBuyer(r: RawReader, raw: TrayOrder): Customer {
	const c = r.optObject(raw, 'Customer') ?? {};
	return readCustomer((k) => r.optString(c, `Customer.${k}`), {
		name: ['name', 'company_name'],
		email: 'email',
		phone: ['cellphone', 'phone'],
		document: ['cpf', 'cnpj'],
	});
}

/**
 * The delivery address: the customer address the order names (Order.CustomerAddress.id), else the first of
 * type 1 ("Endereço de entrega", Tabela D), else the customer's own address fields.
 */
function readDelivery(r: RawReader, raw: TrayOrder): Address | undefined {
	const customer = r.optObject(raw, 'Customer');
	if (!customer) return undefined;
	const all = unwrap(r, customer, 'Customer.CustomerAddresses', 'CustomerAddress');
	const named = r.optObject(raw, 'CustomerAddress');
	const wanted = named && r.optString(named, 'CustomerAddress.id');
	const chosen = all.find(({ item }) => wanted !== undefined && String(item.id) === wanted) ?? all.find(({ item }) => String(item.type) === '1');
	const [a, p] = chosen ? [chosen.item, chosen.path] : [customer, 'Customer'];
	return readAddress(
		(k) => r.optString(a, `${p}.${k}`),
		{
			name: 'recipient',
			street: 'address',
			number: 'number',
			complement: 'complement',
			district: 'neighborhood',
			city: 'city',
			state: 'state',
			postalCode: 'zip_code',
			country: 'country',
		},
		{ name: r.optString(customer, 'Customer.name'), country: 'BR' },
	);
}

function readShipments(r: RawReader, raw: TrayOrder, offset: string): Shipment[] {
	const shipment: Shipment = compact({
		carrier: r.optString(raw, 'shipment'),
		trackingCode: r.optString(raw, 'sending_code'),
		trackingUrl: r.optString(raw, 'tracking_url'),
		shippedAt: readLocalDate(r, raw, 'sending_date', offset) ?? readLocalDate(r, raw, 'shipment_date', offset),
	});
	return shipment.trackingCode || shipment.shippedAt ? [shipment] : [];
}

/** The complete order's OrderInvoice[] ({OrderInvoice:{key, number, serie, issue_date, link}}); the listing has ids only. */
function readInvoice(r: RawReader, raw: TrayOrder, offset: string): Invoice | undefined {
	const first = unwrap(r, raw, 'OrderInvoice', 'OrderInvoice')[0];
	if (!first) return undefined;
	return readLocalInvoice(r, first.item, first.path, offset, { nfeKey: 'key', number: 'number', series: 'serie', issuedAt: 'issue_date', url: 'link' });
}

/**
 * `status` through the table; OrderStatus.type "canceled" cancels a custom text; `delivered` = "1" ("Pedido
 * enviado", Tabela A) makes a paid order shipped. An unknown text throws the "unknown value" tolerantStatus takes.
 */
function readStatus(r: RawReader, raw: TrayOrder): StatusMapping {
	const text = r.string(raw, 'status');
	const entry = trayStatusEntry(text);
	const type = r.optString(r.optObject(raw, 'OrderStatus') ?? {}, 'OrderStatus.type')?.toLowerCase();
	const mapped = entry !== undefined ? TRAY_STATUS[entry] : type === 'canceled' || type === 'cancelled' ? CANCELLED_BY_TYPE : undefined;
	if (!mapped) r.fail('status', `has an unknown value "${text}" (known: ${Object.keys(TRAY_STATUS).join(', ')})`);
	if (mapped.status === 'paid' && r.optString(raw, 'delivered') === '1') return { ...mapped, status: 'shipped', fulfillmentStatus: 'fulfilled' };
	return mapped;
}

/** The documented examples: `total` = partial_total − coupon + shipment_value + payment_method_rate (a fee). */
function readTotals(r: RawReader, raw: TrayOrder, lines: OrderLine[]): CanonicalOrder['totals'] {
	return readChargedTotals(r, raw, lines, 'shipment_value', 'total');
}

/**
 * GET /orders/:id/complete → canonical order. Tray sells in reais only: the order names no currency, BRL.
 * `offset`: the store's UTC offset, for Tray's zone-less dates (see api.ts).
 */
export function normalizeTrayOrder(input: unknown, account: string, offset: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('tray', input, 'id');
	const channelOrderId = r.string(raw, 'id');
	const lines = requireLines(r, 'ProductsSold', unwrap(r, raw, 'ProductsSold', 'ProductsSold').map(({ item, path }) => readLine(r, item, path)));
	const flags = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readStatus(r, raw), UNKNOWN_STATUS, flags);
	const time = r.optString(raw, 'hour');
	const createdAt = readLocalDate(r, raw, 'date', offset, time && /^\d{2}:\d{2}(:\d{2})?$/.test(time) ? time : undefined) ?? r.fail('date', 'is required');
	const order: CanonicalOrder = {
		...orderHead('tray', account, channelOrderId, createdAt, readLocalDate(r, raw, 'modified', offset)),
		...status,
		channelStatusRaw: r.string(raw, 'status'),
		currency: 'BRL',
		totals: readTotals(r, raw, lines),
		customer: readBuyer(r, raw),
		lines,
		shipments: readShipments(r, raw, offset),
	};
	const found = { shippingAddress: readDelivery(r, raw), invoice: readInvoice(r, raw, offset) };
	const paymentMethod = trayMethod(raw.payment_method_type, r.optString(raw, 'payment_method') ?? r.optString(raw, 'payment_form'));
	return finishOrder(order, { ...found, paymentMethod }, flags);
}
