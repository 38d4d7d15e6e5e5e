import type { Address, CanonicalOrder, OrderLine, Shipment } from '../../model/order';
import { OrderValidationError, validateCanonicalOrder } from '../../model/validate';
import { decimalToCents } from '../common/money';
import { isJsonObject } from '../common/raw-reader';
import type { StatusMapping } from '../common/status';
import { SHOPIFY_FINANCIAL_STATUS_MAP, SHOPIFY_FULFILLMENT_STATUS_MAP, SHOPIFY_NO_FINANCIAL_STATUS } from './status';
import type { ShopifyFulfillment, ShopifyLineItem, ShopifyMailingAddress, ShopifyMoneyBag, ShopifyOrder } from './types';

/** "gid://shopify/Order/450789469" → "450789469" (what merchants see and REST uses). */
export function legacyId(node: { id?: unknown; legacyResourceId?: unknown } | null | undefined): string | undefined {
	if (!node) return undefined;
	if (typeof node.legacyResourceId === 'string' && node.legacyResourceId !== '') return node.legacyResourceId;
	return typeof node.id === 'string' ? /\/(\d+)$/.exec(node.id)?.[1] : undefined;
}

export function shopifyOrderRef(raw: unknown): string {
	return `shopify:${(isJsonObject(raw) && legacyId(raw)) || '(no id)'}`;
}

type Fail = (field: string, reason: string) => never;

/** Admin GraphQL Order node → canonical order. Amounts are the shop-currency ones (shopMoney). */
export function normalizeShopifyOrder(raw: ShopifyOrder, account: string): CanonicalOrder {
	const ref = shopifyOrderRef(raw);
	const fail: Fail = (field, reason) => {
		throw new OrderValidationError(ref, field, reason);
	};
	const money = (bag: ShopifyMoneyBag | undefined, field: string): number => {
		const amount = bag?.shopMoney?.amount;
		return decimalToCents(amount) ?? fail(`${field}.shopMoney.amount`, `is not an exact decimal amount: ${JSON.stringify(amount)}`);
	};
	if (!isJsonObject(raw)) fail('(order)', 'must be an object');
	if (!Array.isArray(raw.lineItems?.nodes)) fail('lineItems.nodes', 'must be an array');

	const lines = raw.lineItems.nodes.map((li, i) => toLine(li, `lineItems.nodes[${i}]`, fail, money));
	const fulfillments = raw.fulfillments ?? [];
	const order: Record<string, unknown> = {
		channel: 'shopify',
		account,
		channelOrderId: legacyId(raw) ?? fail('id', 'is required'),
		createdAt: raw.createdAt,
		updatedAt: raw.updatedAt,
		...statusOf(raw, fulfillments, fail),
		channelStatusRaw: [raw.displayFinancialStatus ?? 'null', raw.displayFulfillmentStatus, raw.cancelledAt ? 'cancelled' : undefined].filter(Boolean).join(' / '),
		currency: raw.currencyCode,
		totals: {
			itemsCents: lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
			shippingCents: money(raw.totalShippingPriceSet, 'totalShippingPriceSet'),
			discountCents: money(raw.totalDiscountsSet, 'totalDiscountsSet'),
			totalCents: money(raw.totalPriceSet, 'totalPriceSet'),
		},
		customer: toCustomer(raw),
		lines,
		shipments: fulfillments.flatMap(toShipments),
	};
	if (raw.shippingAddress) order.shippingAddress = toAddress(raw.shippingAddress);
	return validateCanonicalOrder(order);
}

function statusOf(raw: ShopifyOrder, fulfillments: ShopifyFulfillment[], fail: Fail): StatusMapping {
	const fin = raw.displayFinancialStatus;
	const financial = fin === null || fin === undefined ? SHOPIFY_NO_FINANCIAL_STATUS : lookup(SHOPIFY_FINANCIAL_STATUS_MAP, fin, 'displayFinancialStatus', fail);
	const fulfilment = lookup(SHOPIFY_FULFILLMENT_STATUS_MAP, raw.displayFulfillmentStatus, 'displayFulfillmentStatus', fail);
	let status = financial.status;
	if (status === 'paid' && fulfilment.status) status = fulfilment.status;
	let fulfillmentStatus = fulfilment.fulfillmentStatus!;
	if (status === 'shipped' && fulfillmentStatus === 'fulfilled' && fulfillments.length > 0 && fulfillments.every((f) => f.displayStatus === 'DELIVERED')) {
		status = 'delivered';
		fulfillmentStatus = 'delivered';
	}
	if (fin === 'REFUNDED') status = fulfillmentStatus === 'unfulfilled' ? 'cancelled' : 'returned';
	if (raw.cancelledAt) status = 'cancelled';
	return { status: status!, paymentStatus: financial.paymentStatus!, fulfillmentStatus };
}

function lookup(table: Record<string, Partial<StatusMapping>>, value: unknown, field: string, fail: Fail): Partial<StatusMapping> {
	if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value)) return table[value];
	return fail(field, `has an unknown value ${JSON.stringify(value)} (known: ${Object.keys(table).join(', ')})`);
}

function toLine(li: ShopifyLineItem, path: string, fail: Fail, money: (b: ShopifyMoneyBag | undefined, f: string) => number): OrderLine {
	if (!isJsonObject(li)) fail(path, 'must be an object');
	const line: OrderLine = {
		sku: li.sku || fail(`${path}.sku`, 'is required (give the variant a SKU)'),
		quantity: li.quantity,
		unitPriceCents: money(li.originalUnitPriceSet, `${path}.originalUnitPriceSet`),
	};
	const product = legacyId(li.product);
	const variant = legacyId(li.variant);
	if (product) line.channelListingId = product;
	if (variant) line.channelVariantId = variant;
	if (li.title) line.title = li.title;
	return line;
}

function toCustomer(raw: ShopifyOrder): CanonicalOrder['customer'] {
	const c = raw.customer;
	const customer: CanonicalOrder['customer'] = { name: c?.displayName || raw.shippingAddress?.name || '' };
	const email = c?.email || raw.email;
	if (email) customer.email = email;
	const phone = c?.phone || raw.shippingAddress?.phone;
	if (phone) customer.phone = phone;
	return customer;
}

function toAddress(a: ShopifyMailingAddress): Address {
	const fields: Record<string, string | null | undefined> = {
		name: a.name,
		street: a.address1 ?? '',
		complement: a.address2,
		city: a.city ?? '',
		state: a.provinceCode,
		postalCode: a.zip,
		country: a.countryCodeV2 ?? '',
	};
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== '')) as unknown as Address;
}

function toShipments(f: ShopifyFulfillment): Shipment[] {
	return (f.trackingInfo ?? []).map((t) => {
		const s: Shipment = {};
		if (t.company) s.carrier = t.company;
		if (t.number) s.trackingCode = t.number;
		if (t.url) s.trackingUrl = t.url;
		if (f.createdAt) s.shippedAt = f.createdAt;
		return s;
	});
}
