import type { IntakeFlag, OrderLine, Shipment } from '../../model/order';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { bagCurrency, customerOf, fulfilledUnits, gidTail, money, numericId, optMoney, present, readShopifyDate, type ShopifyFulfillmentFacts, type ShopifyLineFacts, type ShopifyOrderFacts } from './facts';
import { restockType, type RefundedUnits } from './progress';

/** Fulfillment.status values of fulfillments that moved (or will move) no goods. */
const DEAD_FULFILLMENT = new Set(['CANCELLED', 'ERROR', 'FAILURE']);

/** The id of a linked node (product, variant): legacyResourceId, else the tail of its gid. */
function nodeId(r: RawReader, obj: JsonObject, path: string): string | undefined {
	const node = r.optObject(obj, path);
	return node ? (numericId(node.legacyResourceId) ?? gidTail(node.id)) : undefined;
}

function readLine(r: RawReader, li: JsonObject, path: string): ShopifyLineFacts {
	const orderedQuantity = r.integer(li, `${path}.quantity`);
	// currentQuantity is what the query asks for; a hand-made payload without it counts what was ordered.
	const currentQuantity = r.optInteger(li, `${path}.currentQuantity`) ?? orderedQuantity;
	const line: Omit<OrderLine, 'quantity'> = present({
		sku: r.optString(li, `${path}.sku`),
		channelListingId: nodeId(r, li, `${path}.product`),
		channelVariantId: nodeId(r, li, `${path}.variant`),
		channelLineId: gidTail(li.id),
		title: r.optString(li, `${path}.title`),
	});
	line.unitPriceCents = money(r, li, [`${path}.originalUnitPriceSet`], 'shopMoney');
	return { line, currentQuantity, orderedQuantity };
}

function readFulfillment(r: RawReader, f: JsonObject, path: string, flags: IntakeFlag[]): ShopifyFulfillmentFacts {
	const shippedAt = f.createdAt === undefined || f.createdAt === null ? undefined : readShopifyDate(r, f, `${path}.createdAt`, flags);
	const tracking = r.objects(r.optArray(f, `${path}.trackingInfo`) ?? [], `${path}.trackingInfo`);
	const shipments = tracking.map(({ item, path: p }) =>
		present<Shipment>({
			carrier: r.optString(item, `${p}.company`),
			trackingCode: r.optString(item, `${p}.number`),
			trackingUrl: r.optString(item, `${p}.url`),
			shippedAt,
		}),
	);
	const status = r.optString(f, `${path}.status`);
	const listed = r.optObject(f, `${path}.fulfillmentLineItems`);
	const complete = listed && r.optObject(listed, `${path}.fulfillmentLineItems.pageInfo`)?.hasNextPage !== true;
	const lineUnits = complete && r.objects(r.optArray(listed, `${path}.fulfillmentLineItems.nodes`) ?? [], `${path}.fulfillmentLineItems.nodes`).flatMap(({ item, path: p }) => {
		const lineId = nodeId(r, item, `${p}.lineItem`);
		return lineId ? [{ lineId, quantity: r.integer(item, `${p}.quantity`) }] : [];
	});
	return { active: !DEAD_FULFILLMENT.has(status ?? ''), delivered: r.optString(f, `${path}.displayStatus`) === 'DELIVERED', shipments, ...(lineUnits ? { lineUnits } : {}) };
}

/** Refunded units per line with their restockType (ORDER_QUERY asks for them). */
function refundLines(r: RawReader, o: JsonObject): RefundedUnits[] {
	return r.objects(r.optArray(o, 'refunds') ?? [], 'refunds').flatMap(({ item: refund, path }) => {
		const lines = r.optObject(refund, `${path}.refundLineItems`);
		return r.objects((lines && r.optArray(lines, `${path}.refundLineItems.nodes`)) ?? [], `${path}.refundLineItems.nodes`).flatMap(({ item, path: p }) => {
			const lineId = nodeId(r, item, `${p}.lineItem`);
			return lineId ? [{ lineId, quantity: r.integer(item, `${p}.quantity`), restockType: restockType(item.restockType, false) }] : [];
		});
	});
}

function readAddress(r: RawReader, o: JsonObject) {
	const a = r.optObject(o, 'shippingAddress');
	if (!a) return undefined;
	const s = (k: string) => r.optString(a, `shippingAddress.${k}`);
	return present<NonNullable<ShopifyOrderFacts['shippingAddress']>>({
		name: s('name'),
		street: s('address1'),
		complement: s('address2'),
		city: s('city'),
		state: s('provinceCode'),
		postalCode: s('zip'),
		country: s('countryCodeV2'),
	});
}

/**
 * An Admin GraphQL Order node (queries.ts ORDER_QUERY, every line item page merged into lineItems.nodes).
 * Totals are the current ones (after order edits and refunds), as the lines are.
 */
export function readGraphqlOrder(r: RawReader, o: JsonObject): ShopifyOrderFacts {
	const flags: IntakeFlag[] = [];
	const nodes = r.objects(r.array(r.object(o, 'lineItems'), 'lineItems.nodes'), 'lineItems.nodes');
	const fulfillments = r.objects(r.optArray(o, 'fulfillments') ?? [], 'fulfillments');
	const live = fulfillments.map(({ item, path }) => readFulfillment(r, item, path, flags));
	const financial = r.optString(o, 'displayFinancialStatus') ?? null;
	const fulfillment = r.string(o, 'displayFulfillmentStatus');
	const cancelled = r.optString(o, 'cancelledAt') !== undefined;
	const customer = r.optObject(o, 'customer') ?? {};
	const address = r.optObject(o, 'shippingAddress') ?? {};
	const c = (k: string) => r.optString(customer, `customer.${k}`);
	const fullName = [c('firstName'), c('lastName')].filter(Boolean).join(' ');
	return {
		channelOrderId: numericId(o.legacyResourceId) ?? gidTail(o.id) ?? r.fail('id', 'is required'),
		createdAt: readShopifyDate(r, o, 'createdAt', flags),
		updatedAt: readShopifyDate(r, o, 'updatedAt', flags),
		financial,
		fulfillment,
		financialField: 'displayFinancialStatus',
		fulfillmentField: 'displayFulfillmentStatus',
		cancelled,
		channelStatusRaw: [financial ?? 'null', fulfillment, cancelled ? 'cancelled' : undefined].filter(Boolean).join(' / '),
		currency: r.optString(o, 'currencyCode') ?? bagCurrency(r, o, 'totalPriceSet.shopMoney.currencyCode') ?? r.optString(o, 'presentmentCurrencyCode'),
		// Shopify has no current shipping price before discounts; shipping refunds are rare.
		shippingCents: optMoney(r, o, ['totalShippingPriceSet'], 'shopMoney') ?? 0,
		discountCents: optMoney(r, o, ['currentTotalDiscountsSet', 'totalDiscountsSet'], 'shopMoney') ?? 0,
		totalCents: money(r, o, ['currentTotalPriceSet', 'totalPriceSet'], 'shopMoney'),
		customer: customerOf(
			c('displayName') || fullName || r.optString(address, 'shippingAddress.name'),
			c('email') ?? r.optString(o, 'email'),
			c('phone') ?? r.optString(address, 'shippingAddress.phone'),
		),
		shippingAddress: readAddress(r, o),
		lines: nodes.map(({ item, path }) => readLine(r, item, path)),
		fulfillments: live,
		progress: { fulfilled: fulfilledUnits(live), refunds: refundLines(r, o) },
		flags,
	};
}
