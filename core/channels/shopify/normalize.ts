import type { CanonicalOrder, IntakeFlag, OrderLine } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { isJsonObject, RawReader, type JsonObject } from '../common/raw-reader';
import { shopifyMethod } from '../common/payment';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { gidTail, numericId, type ShopifyOrderFacts } from './facts';
import { readGraphqlOrder } from './read-graphql';
import { readRestOrder } from './read-rest';
import { lineWithProgress } from './progress';
import { shopifyStatus } from './status';

/** The shop's currency for a payload that names none (adapter option `currency`). */
export const SHOPIFY_DEFAULT_CURRENCY = 'BRL';

export interface ShopifyNormalizeOptions {
	/** Used (and the order flagged `currency_from_account`) when the payload has no currency. */
	currency?: string;
}

/**
 * The order id merchants see and REST uses ("450789469"), from any Shopify shape: a GraphQL node
 * (legacyResourceId or the gid), a REST / webhook order (admin_graphql_api_id, exact, or a safe `id`).
 */
export function legacyId(node: { id?: unknown; legacyResourceId?: unknown; admin_graphql_api_id?: unknown } | null | undefined): string | undefined {
	if (!node) return undefined;
	return numericId(node.legacyResourceId) ?? gidTail(node.admin_graphql_api_id) ?? numericId(node.id);
}

export function shopifyOrderRef(raw: unknown): string {
	return `shopify:${(isJsonObject(raw) && legacyId(unwrap(raw) as JsonObject)) || '(no id)'}`;
}

/**
 * REST answers wrap the order ({"order": {...}}, plus "notice" after a cancel); webhooks and GraphQL nodes
 * are the order itself.
 */
function unwrap(raw: unknown): unknown {
	if (isJsonObject(raw) && isJsonObject(raw.order) && !('id' in raw) && !('line_items' in raw) && !('lineItems' in raw)) return raw.order;
	return raw;
}

function orderObject(r: RawReader, raw: unknown): JsonObject {
	const o = unwrap(raw);
	return isJsonObject(o) ? o : r.fail('(order)', 'must be an object');
}

/** REST / webhook orders list `line_items`; GraphQL nodes `lineItems { nodes }`. */
export function isRestShopifyOrder(raw: unknown): boolean {
	const o = unwrap(raw);
	return isJsonObject(o) && !('lineItems' in o) && ('line_items' in o || 'admin_graphql_api_id' in o);
}

/** The poller's version of an order in either shape: its id and its last update. */
export function shopifyOrderIdentity(raw: unknown): { channelOrderId: string; updatedAt: string } {
	const r = new RawReader(shopifyOrderRef(raw));
	const o = orderObject(r, raw);
	const rest = isRestShopifyOrder(o);
	return {
		channelOrderId: legacyId(o) ?? r.fail('id', 'is required'),
		updatedAt: rest ? r.string(o, 'updated_at') : r.string(o, 'updatedAt'),
	};
}

/**
 * One entry point for every Shopify order shape: the Admin GraphQL node the poller reads, and the REST
 * Order resource that webhooks deliver. The same order gives the same canonical order either way.
 *
 * Quantities are the current ones (Shopify's currentQuantity / current_quantity: ordered minus removed
 * and refunded units); a line with none left is dropped. A cancelled order may be left with no line (and an
 * open one whose every unit was removed: all_lines_removed); a
 * fully refunded, shipped ("returned") order keeps the units it sold, so the store can put them back.
 */
export function normalizeShopifyOrder(raw: unknown, account: string, options: ShopifyNormalizeOptions = {}): CanonicalOrder {
	const r = new RawReader(shopifyOrderRef(raw));
	const o = orderObject(r, raw);
	const rest = isRestShopifyOrder(o);
	const facts = rest ? readRestOrder(r, o) : readGraphqlOrder(r, o);
	const unknown = new Set<IntakeFlag>();
	const status = tolerantStatus(() => statusOf(r, facts), UNKNOWN_STATUS, unknown);
	const lines = linesOf(facts, status);
	// Every unit removed (order edits, refunds before shipping) of an order left open: imported without lines,
	// flagged all_lines_removed, so the store gives back what it holds; an order that never had units is the error.
	const emptied = lines.length === 0 && status.status !== 'cancelled' && facts.lines.some((l) => l.orderedQuantity > 0);
	if (lines.length === 0 && !emptied && status.status !== 'cancelled') {
		r.fail(rest ? 'line_items' : 'lineItems.nodes', 'has no line with a current quantity above 0');
	}
	const flags: IntakeFlag[] = [...facts.flags, ...unknown, ...(emptied ? ['all_lines_removed' as const] : [])];
	let currency = facts.currency;
	if (!currency) {
		currency = options.currency || SHOPIFY_DEFAULT_CURRENCY;
		flags.push('currency_from_account');
	}
	const order: Record<string, unknown> = {
		channel: 'shopify',
		account,
		channelOrderId: facts.channelOrderId,
		createdAt: facts.createdAt,
		updatedAt: facts.updatedAt,
		...status,
		channelStatusRaw: facts.channelStatusRaw,
		currency,
		totals: {
			itemsCents: lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
			shippingCents: facts.shippingCents,
			discountCents: facts.discountCents,
			totalCents: facts.totalCents,
		},
		customer: facts.customer,
		lines,
		shipments: facts.fulfillments.filter((f) => f.active).flatMap((f) => f.shipments),
		flags,
	};
	if (facts.shippingAddress && Object.keys(facts.shippingAddress).length > 0) order.shippingAddress = facts.shippingAddress;
	const paymentMethod = shopifyMethod(rest ? o.payment_gateway_names : o.paymentGatewayNames);
	if (paymentMethod) order.paymentMethod = paymentMethod;
	return validateCanonicalOrder(order);
}

function statusOf(r: RawReader, facts: ShopifyOrderFacts): StatusMapping {
	const active = facts.fulfillments.filter((f) => f.active);
	return shopifyStatus({
		financial: facts.financial,
		fulfillment: facts.fulfillment,
		cancelled: facts.cancelled,
		allDelivered: active.length > 0 && active.every((f) => f.delivered),
		lookup: (table, value, which) => {
			if (Object.prototype.hasOwnProperty.call(table, value)) return table[value];
			const field = which === 'financial' ? facts.financialField : facts.fulfillmentField;
			return r.fail(field, `has an unknown value ${JSON.stringify(value)} (known: ${Object.keys(table).join(', ')})`);
		},
	});
}

function linesOf(facts: ShopifyOrderFacts, status: StatusMapping): OrderLine[] {
	// Units refunded after they shipped stay on the line (returned or kept by the buyer); see progress.ts.
	const current = facts.lines.map((l) => lineWithProgress(l, facts.progress)).filter((l) => l.quantity > 0);
	// Refunds zero currentQuantity; a returned order's units did leave, and a store that did not commit
	// them yet (first seen returned, restock off) must commit what was sold.
	if (current.length === 0 && status.status === 'returned') {
		return facts.lines.filter((l) => l.orderedQuantity > 0).map((l) => ({ ...l.line, quantity: l.orderedQuantity }) as OrderLine);
	}
	return current;
}
