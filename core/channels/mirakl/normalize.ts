import type { Address, CanonicalOrder, IntakeFlag, OrderLine } from '../../model/order';
import { chargedTotals, compact, openRawOrder, readOptUtcDate, readUtcDate } from '../common/fields';
import { readKeyedLine } from '../common/lines';
import { finishOrder, orderHead, readOrderLines, readTableStatus } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { miraklMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { MIRAKL_STATUS } from './status';

/** An order as OR11 lists it (OR12 returns the same object). Money as numbers in the order's currency. */
export type MiraklOrder = JsonObject;

/** order_lines[]: offer_sku is the seller's SKU (empty → unmapped); price_unit the unit price, price the line. */
const readLine = (r: RawReader, line: JsonObject, path: string): OrderLine =>
	readKeyedLine(r, line, path, {
		sku: 'offer_sku',
		quantity: 'quantity',
		price: 'price_unit',
		listingId: 'offer_id',
		lineId: 'order_line_id',
		title: 'product_title',
	});

function readDelivery(r: RawReader, customer: JsonObject | undefined): Address | undefined {
	const a = customer ? r.optObject(customer, 'customer.shipping_address') : undefined;
	if (!a) return undefined;
	const name = [r.optString(a, 'customer.shipping_address.firstname'), r.optString(a, 'customer.shipping_address.lastname')].filter(Boolean).join(' ');
	return readAddress(
		(k) => r.optString(a, `customer.shipping_address.${k}`),
		{ street: 'street_1', complement: 'street_2', city: 'city', state: 'state', postalCode: 'zip_code', country: ['country_iso_code', 'country'] },
		{ name: name || undefined, country: 'BR' },
	);
}

/** OR11 order → canonical order; `total_price` is what the buyer pays (lines + shipping). */
export function normalizeMiraklOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('mirakl', input, 'order_id');
	const lines = readOrderLines(r, raw, 'order_lines', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const status = readTableStatus(r, raw, 'order_state', MIRAKL_STATUS, flags);
	const createdAt = readUtcDate(r, raw, 'created_date');
	const customer = r.optObject(raw, 'customer');
	const name = customer ? [r.optString(customer, 'customer.firstname'), r.optString(customer, 'customer.lastname')].filter(Boolean).join(' ') : '';
	const currency = r.optString(raw, 'currency_iso_code');
	if (!currency) flags.add('currency_from_account');
	const shippingCents = r.optDecimalCents(raw, 'shipping_price') ?? 0;
	const order: CanonicalOrder = {
		...orderHead('mirakl', account, r.string(raw, 'order_id'), createdAt, readOptUtcDate(r, raw, 'last_updated_date')),
		...status,
		currency: currency ?? 'BRL',
		totals: chargedTotals(
			lines,
			shippingCents,
			r.optDecimalCents(raw, 'total_price') ?? lines.reduce((t, l) => t + l.unitPriceCents * l.quantity, shippingCents),
		),
		customer: readCustomer((k) => (k === 'name' ? name || undefined : customer ? r.optString(customer, `customer.${k}`) : undefined), { name: 'name' }),
		lines,
		shipments: [],
	};
	const tracking = r.optString(raw, 'shipping_tracking');
	if (tracking)
		order.shipments = [compact({ carrier: r.optString(raw, 'shipping_company') ?? r.optString(raw, 'shipping_carrier_code'), trackingCode: tracking })];
	return finishOrder(order, { shippingAddress: readDelivery(r, customer), paymentMethod: miraklMethod(raw.payment_type) }, flags);
}
