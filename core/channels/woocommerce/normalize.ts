import type { Address, CanonicalOrder, Customer, IntakeFlag, OrderLine } from '../../model/order';
import { readAddress } from '../common/parties';
import { compact, digitsOnly, openRawOrder, readCents, readMapped } from '../common/fields';
import { finishOrder, orderHead, readOrderLines } from '../common/order';
import { wooMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import type { AdapterContext } from '../types';
import { refundedUnits, withRefunds } from './refunds';
import { WOOCOMMERCE_STATUS_MAP } from './status';
import { tolerantStatus, UNKNOWN_STATUS } from '../common/status';

/** A wc/v3 order as listed by GET /orders (the fields read here are validated, the rest stays untyped). */
export type WooOrder = JsonObject;

/**
 * Adapter options read here: `currency`, the account's currency for an order that names none (default BRL),
 * and `timeZone`, the site's IANA zone for a payload with local dates only (default America/Sao_Paulo).
 */
export type WooNormalizeOptions = AdapterContext['options'];

/** Woo sends 0 for "none" in product_id / variation_id (simple products, deleted products). */
function optId(r: RawReader, obj: JsonObject, path: string): string | undefined {
	const id = r.optString(obj, path);
	return id === undefined || /^0+$/.test(id) ? undefined : id;
}

/**
 * unitPriceCents = `subtotal` (the line before coupons, a decimal string) over the quantity, rounded half-up
 * when it does not split into whole cents (10.00 / 3), as Woo itself displays it. Woo's own `price` is a
 * float after discounts that need not be a whole number of cents (3.3333…): it is not read. A line without a
 * SKU (`""`, or null once the product was deleted) is kept unmapped with its product/variation/line ids.
 */
function readLine(r: RawReader, item: JsonObject, path: string): { line: OrderLine; subtotalCents: number } {
	const quantity = r.integer(item, `${path}.quantity`, 1);
	const subtotalCents = readCents(r, item, `${path}.subtotal`);
	const line: OrderLine = compact({
		sku: r.optString(item, `${path}.sku`),
		quantity,
		unitPriceCents: Math.round(subtotalCents / quantity),
		channelListingId: optId(r, item, `${path}.product_id`),
		channelVariantId: optId(r, item, `${path}.variation_id`),
		channelLineId: r.optString(item, `${path}.id`),
		title: r.optString(item, `${path}.name`),
	});
	return { line, subtotalCents };
}

/** CPF/CNPJ are not core Woo fields: the common Brazilian checkout plugins keep them in meta_data. */
function readDocument(r: RawReader, raw: WooOrder): string | undefined {
	const meta = r.objects(r.optArray(raw, 'meta_data') ?? [], 'meta_data');
	const entry = meta.find(({ item }) => item.key === '_billing_cpf' || item.key === '_billing_cnpj');
	return entry ? digitsOnly(r.optString(entry.item, `${entry.path}.value`)) : undefined;
}

const fullName = (opt: (k: string) => string | undefined) => [opt('first_name'), opt('last_name')].filter(Boolean).join(' ');

/** Guest and POS orders may carry an empty billing block ("" everywhere): the name is then empty, not an error. */
function readCustomer(r: RawReader, raw: WooOrder): Customer {
	const block = (key: string) => {
		const obj = r.optObject(raw, key) ?? {};
		return (k: string) => r.optString(obj, `${key}.${k}`);
	};
	const [billing, shipping] = [block('billing'), block('shipping')];
	const name = fullName(billing) || billing('company') || fullName(shipping) || '';
	return compact({ name, email: billing('email'), phone: billing('phone'), document: readDocument(r, raw) });
}

/** Digital-only orders have an empty shipping block: no address then. */
function readDelivery(r: RawReader, raw: WooOrder): Address | undefined {
	const s = r.optObject(raw, 'shipping');
	if (!s) return undefined;
	const opt = (k: string) => r.optString(s, `shipping.${k}`);
	// number and neighborhood are added by the Brazilian checkout plugins; absent in core Woo.
	const keys = { street: 'address_1', complement: 'address_2', number: 'number', district: 'neighborhood', city: 'city', state: 'state', postalCode: 'postcode', country: 'country' };
	return readAddress(opt, keys, { name: fullName(opt) || undefined });
}

/** Milliseconds to add to a wall-clock time read as UTC to get the instant, in `timeZone` at about `ms`. */
function zoneOffsetMs(timeZone: string, ms: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
	}).formatToParts(new Date(ms));
	const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(ms / 1000) * 1000;
}

const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Woo dates carry no offset. `<name>_gmt` is documented as GMT; `<name>` (all that wc/v1 payloads have) is
 * in the site's timezone, which the order does not state: it is read in the `timeZone` option and flagged.
 */
function readWooDate(r: RawReader, raw: WooOrder, name: string, timeZone: string, flags: Set<IntakeFlag>): string | undefined {
	const gmt = r.optString(raw, `${name}_gmt`);
	const local = gmt === undefined ? r.optString(raw, name) : undefined;
	const text = gmt ?? local;
	if (text === undefined) return undefined;
	const path = gmt !== undefined ? `${name}_gmt` : name;
	if (!NO_ZONE.test(text.trim())) {
		// An explicit offset (a proxy or plugin may add one) is taken as given.
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? r.fail(path, `is not a valid date: "${text}"`) : new Date(ms).toISOString();
	}
	let ms = Date.parse(`${text.trim().replace(' ', 'T')}Z`);
	if (Number.isNaN(ms)) r.fail(path, `is not a valid date: "${text}"`);
	if (local !== undefined) {
		// Two passes: the offset at the guessed instant, then at the corrected one (daylight-saving edges).
		const wall = ms;
		ms = wall - zoneOffsetMs(timeZone, wall);
		ms = wall - zoneOffsetMs(timeZone, ms);
		flags.add('time_zone_assumed');
	}
	return new Date(ms).toISOString();
}

/** A non-blank string option, or the default. */
function option(options: WooNormalizeOptions, key: string, fallback: string): string {
	const v = options?.[key];
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
}

function readTimeZone(options: WooNormalizeOptions): string {
	const zone = option(options, 'timeZone', 'America/Sao_Paulo');
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		throw new Error(`WooCommerce option timeZone: "${zone}" is not an IANA time zone`);
	}
	return zone;
}

/** Fee lines: a negative fee is a reduction (payment-method discounts are often added so); a positive one a surcharge. */
function readFees(r: RawReader, raw: WooOrder): { surchargeCents: number; reductionCents: number } {
	const fees = r.objects(r.optArray(raw, 'fee_lines') ?? [], 'fee_lines');
	let [surchargeCents, reductionCents] = [0, 0];
	for (const { item, path } of fees) {
		const cents = r.optDecimalCents(item, `${path}.total`) ?? 0;
		if (cents < 0) reductionCents -= cents;
		else surchargeCents += cents;
	}
	return { surchargeCents, reductionCents };
}

/**
 * Totals. Woo computes total = Σ line subtotal − discount_total + shipping_total + Σ fee_lines.total + total_tax
 * (discount_total is the coupons' reduction, the sum of coupon_lines[].discount, so coupon_lines are not
 * added again). Canonically: itemsCents = Σ line subtotal, shippingCents = shipping_total, discountCents =
 * discount_total + the negative fees, totalCents = total as Woo reports it. So
 * totalCents = itemsCents + shippingCents − discountCents + total_tax + positive fees; the last two have
 * no canonical field and are 0 in the usual Brazilian store. itemsCents is exact, so it can exceed
 * Σ unitPriceCents × quantity by less than a cent per unit when a subtotal does not split into cents.
 */
function readTotals(r: RawReader, raw: WooOrder, itemsCents: number): CanonicalOrder['totals'] {
	const opt = (path: string) => (r.optDecimalCents(raw, path) === undefined ? 0 : readCents(r, raw, path));
	const fees = readFees(r, raw);
	const [shippingCents, couponCents, taxCents] = [opt('shipping_total'), opt('discount_total'), opt('total_tax')];
	const discountCents = couponCents + fees.reductionCents;
	const computed = itemsCents + shippingCents - discountCents + taxCents + fees.surchargeCents;
	const totalCents = r.optDecimalCents(raw, 'total') === undefined ? Math.max(0, computed) : readCents(r, raw, 'total');
	return { itemsCents, shippingCents, discountCents, totalCents };
}

export function normalizeWooOrder(input: unknown, account: string, options?: WooNormalizeOptions): CanonicalOrder {
	const { r, o: raw } = openRawOrder('woocommerce', input, 'id');
	const channelOrderId = r.string(raw, 'id');
	const read = readOrderLines(r, raw, 'line_items', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const timeZone = readTimeZone(options);
	const createdAt = readWooDate(r, raw, 'date_created', timeZone, flags) ?? r.fail('date_created_gmt', 'is required');
	let currency = r.optString(raw, 'currency');
	if (currency === undefined) {
		currency = option(options, 'currency', 'BRL');
		flags.add('currency_from_account');
	}
	const order: CanonicalOrder = {
		// Never modified since creation: Woo may leave date_modified empty.
		...orderHead('woocommerce', account, channelOrderId, createdAt, readWooDate(r, raw, 'date_modified', timeZone, flags)),
		// Store plugins add their own statuses: an unknown one keeps the units reserved, flagged.
		...tolerantStatus(() => readMapped(r, raw, 'status', WOOCOMMERCE_STATUS_MAP), UNKNOWN_STATUS, flags),
		channelStatusRaw: r.string(raw, 'status'),
		currency,
		totals: readTotals(r, raw, read.reduce((sum, l) => sum + l.subtotalCents, 0)),
		customer: readCustomer(r, raw),
		lines: read.map((l) => l.line),
		shipments: [],
	};
	order.lines = withRefunds(order.lines, refundedUnits(r, raw), order.status);
	return finishOrder(order, { shippingAddress: readDelivery(r, raw), paymentMethod: wooMethod(raw.payment_method) }, flags);
}
