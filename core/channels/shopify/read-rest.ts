import type { IntakeFlag, OrderLine, Shipment } from '../../model/order';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { bagCurrency, customerOf, fulfilledUnits, gidTail, money, numericId, optMoney, present, readShopifyDate, type ShopifyFulfillmentFacts, type ShopifyLineFacts, type ShopifyOrderFacts } from './facts';
import { restockType, type RefundedUnits } from './progress';
import { SHOPIFY_REST_FINANCIAL_STATUS, SHOPIFY_REST_FULFILLMENT_STATUS } from './status';

/** REST fulfillment `status` values of fulfillments that moved (or will move) no goods. */
const DEAD_FULFILLMENT = new Set(['cancelled', 'error', 'failure']);

/**
 * An id the REST payload gives both as admin_graphql_api_id (a string, always exact) and as `id` (a JSON
 * number, rounded by JSON.parse beyond 2^53): the gid first.
 */
function restId(obj: JsonObject): string | undefined {
	return gidTail(obj.admin_graphql_api_id) ?? numericId(obj.id);
}

function orderId(r: RawReader, o: JsonObject): string {
	const id = restId(o);
	if (id) return id;
	if (typeof o.id === 'number') r.fail('id', `is beyond 2^53 (${String(o.id)}), so its exact value is lost; admin_graphql_api_id is needed`);
	return r.fail('id', 'is required');
}

/** Units refunded per line item id, for payloads older than current_quantity (API versions before 2024-01). */
function refundedUnits(r: RawReader, o: JsonObject): Map<string, number> {
	const units = new Map<string, number>();
	for (const { item: refund, path } of r.objects(r.optArray(o, 'refunds') ?? [], 'refunds')) {
		for (const { item, path: p } of r.objects(r.optArray(refund, `${path}.refund_line_items`) ?? [], `${path}.refund_line_items`)) {
			const id = numericId(item.line_item_id) ?? (r.optObject(item, `${p}.line_item`) && restId(item.line_item as JsonObject));
			if (id) units.set(id, (units.get(id) ?? 0) + r.integer(item, `${p}.quantity`));
		}
	}
	return units;
}

function readLine(r: RawReader, li: JsonObject, path: string, refunded: () => Map<string, number>): ShopifyLineFacts {
	const orderedQuantity = r.integer(li, `${path}.quantity`);
	const lineId = restId(li);
	const current = r.optInteger(li, `${path}.current_quantity`);
	const line: Omit<OrderLine, 'quantity'> = present({
		sku: r.optString(li, `${path}.sku`),
		channelListingId: numericId(li.product_id),
		channelVariantId: numericId(li.variant_id),
		channelLineId: lineId,
		title: r.optString(li, `${path}.title`),
	});
	// price_set.shop_money is the shop's currency, as `price` is; both are the unit price before discounts.
	line.unitPriceCents = money(r, li, [`${path}.price_set`, `${path}.price`], 'shop_money');
	const currentQuantity = current ?? Math.max(0, orderedQuantity - ((lineId && refunded().get(lineId)) || 0));
	return { line, currentQuantity, orderedQuantity };
}

/** An array of optional strings (tracking_numbers, tracking_urls). */
function stringList(r: RawReader, obj: JsonObject, path: string): Array<string | undefined> {
	return (r.optArray(obj, path) ?? []).map((v, i) => {
		if (v === null || v === undefined) return undefined;
		if (typeof v !== 'string') r.fail(`${path}[${i}]`, `must be a string, got ${typeof v}`);
		return v.trim() === '' ? undefined : v;
	});
}

function readFulfillment(r: RawReader, f: JsonObject, path: string, flags: IntakeFlag[]): ShopifyFulfillmentFacts {
	const shippedAt = f.created_at === undefined || f.created_at === null ? undefined : readShopifyDate(r, f, `${path}.created_at`, flags);
	let numbers = stringList(r, f, `${path}.tracking_numbers`);
	let urls = stringList(r, f, `${path}.tracking_urls`);
	if (numbers.length === 0) {
		numbers = [r.optString(f, `${path}.tracking_number`)];
		urls = [r.optString(f, `${path}.tracking_url`)];
	}
	const carrier = r.optString(f, `${path}.tracking_company`);
	const shipments = numbers.flatMap((trackingCode, i) => (trackingCode ? [present<Shipment>({ carrier, trackingCode, trackingUrl: urls[i], shippedAt })] : []));
	const status = r.optString(f, `${path}.status`);
	const items = r.optArray(f, `${path}.line_items`);
	const lineUnits = items && r.objects(items, `${path}.line_items`).flatMap(({ item, path: p }) => {
		const lineId = restId(item);
		return lineId ? [{ lineId, quantity: r.integer(item, `${p}.quantity`) }] : [];
	});
	return { active: !DEAD_FULFILLMENT.has(status ?? ''), delivered: r.optString(f, `${path}.shipment_status`) === 'delivered', shipments, ...(lineUnits ? { lineUnits } : {}) };
}

/** Refunded units per line with their restock type (restock_type; older refunds: the refund's `restock`). */
function refundLines(r: RawReader, o: JsonObject): RefundedUnits[] {
	return r.objects(r.optArray(o, 'refunds') ?? [], 'refunds').flatMap(({ item: refund, path }) =>
		r.objects(r.optArray(refund, `${path}.refund_line_items`) ?? [], `${path}.refund_line_items`).flatMap(({ item, path: p }) => {
			const lineId = numericId(item.line_item_id) ?? (r.optObject(item, `${p}.line_item`) && restId(item.line_item as JsonObject));
			return lineId ? [{ lineId, quantity: r.integer(item, `${p}.quantity`), restockType: restockType(item.restock_type, refund.restock === true) }] : [];
		}),
	);
}

function readAddress(r: RawReader, o: JsonObject) {
	const a = r.optObject(o, 'shipping_address');
	if (!a) return undefined;
	const s = (k: string) => r.optString(a, `shipping_address.${k}`);
	return present<NonNullable<ShopifyOrderFacts['shippingAddress']>>({
		name: s('name') ?? ([s('first_name'), s('last_name')].filter(Boolean).join(' ') || undefined),
		street: s('address1'),
		complement: s('address2'),
		city: s('city'),
		state: s('province_code'),
		postalCode: s('zip'),
		country: s('country_code'),
	});
}

/**
 * A REST status value → its GraphQL spelling. An unknown value is passed on as sent: the status table
 * does not know it either, so the order is flagged there (status_unknown) with this field named.
 */
function restStatus(r: RawReader, o: JsonObject, field: string, table: Record<string, string>, absent: string | null): string | null {
	const v = r.optString(o, field);
	if (v === undefined) return absent;
	if (!Object.prototype.hasOwnProperty.call(table, v) || v === 'null') return `rest:${v}`;
	return table[v];
}

/**
 * A REST Admin API Order, which is also the body of the orders/* webhooks (serialised at the subscription's
 * API version). Amounts are the shop-currency ones; totals are the current ones, as the lines are.
 */
export function readRestOrder(r: RawReader, o: JsonObject): ShopifyOrderFacts {
	const flags: IntakeFlag[] = [];
	const items = r.objects(r.array(o, 'line_items'), 'line_items');
	let refunds: Map<string, number> | undefined;
	const refunded = () => (refunds ??= refundedUnits(r, o));
	const financial = restStatus(r, o, 'financial_status', SHOPIFY_REST_FINANCIAL_STATUS, null);
	const fulfillment = restStatus(r, o, 'fulfillment_status', SHOPIFY_REST_FULFILLMENT_STATUS, SHOPIFY_REST_FULFILLMENT_STATUS.null)!;
	const cancelled = r.optString(o, 'cancelled_at') !== undefined;
	const customer = r.optObject(o, 'customer') ?? {};
	const address = r.optObject(o, 'shipping_address') ?? {};
	const c = (k: string) => r.optString(customer, `customer.${k}`);
	const rawText = (field: string) => r.optString(o, field) ?? 'null';
	const fulfillments = r.objects(r.optArray(o, 'fulfillments') ?? [], 'fulfillments').map(({ item, path }) => readFulfillment(r, item, path, flags));
	return {
		channelOrderId: orderId(r, o),
		createdAt: readShopifyDate(r, o, 'created_at', flags),
		updatedAt: readShopifyDate(r, o, 'updated_at', flags),
		financial,
		fulfillment,
		financialField: 'financial_status',
		fulfillmentField: 'fulfillment_status',
		cancelled,
		channelStatusRaw: [rawText('financial_status'), rawText('fulfillment_status'), cancelled ? 'cancelled' : undefined].filter(Boolean).join(' / '),
		currency: r.optString(o, 'currency') ?? bagCurrency(r, o, 'total_price_set.shop_money.currency_code') ?? r.optString(o, 'presentment_currency'),
		// Shopify has no current shipping price before discounts; shipping refunds are rare.
		shippingCents: optMoney(r, o, ['total_shipping_price_set'], 'shop_money') ?? sumShippingLines(r, o),
		discountCents: optMoney(r, o, ['current_total_discounts', 'total_discounts'], 'shop_money') ?? sumDiscountCodes(r, o),
		totalCents: money(r, o, ['current_total_price', 'total_price'], 'shop_money'),
		customer: customerOf(
			[c('first_name'), c('last_name')].filter(Boolean).join(' ') || r.optString(address, 'shipping_address.name'),
			c('email') ?? r.optString(o, 'email') ?? r.optString(o, 'contact_email'),
			c('phone') ?? r.optString(address, 'shipping_address.phone'),
		),
		shippingAddress: readAddress(r, o),
		lines: items.map(({ item, path }) => readLine(r, item, path, refunded)),
		fulfillments,
		progress: { fulfilled: fulfilledUnits(fulfillments), refunds: refundLines(r, o) },
		flags,
	};
}

/** Older payloads without total_shipping_price_set: the shipping lines that were not removed. */
function sumShippingLines(r: RawReader, o: JsonObject): number {
	const lines = r.objects(r.optArray(o, 'shipping_lines') ?? [], 'shipping_lines');
	return lines.filter(({ item }) => item.is_removed !== true).reduce((sum, { item, path }) => sum + (optMoney(r, item, [`${path}.price`], 'shop_money') ?? 0), 0);
}

/** Older payloads without total_discounts: the discount codes' amounts. */
function sumDiscountCodes(r: RawReader, o: JsonObject): number {
	const codes = r.objects(r.optArray(o, 'discount_codes') ?? [], 'discount_codes');
	return codes.reduce((sum, { item, path }) => sum + (optMoney(r, item, [`${path}.amount`], 'shop_money') ?? 0), 0);
}
