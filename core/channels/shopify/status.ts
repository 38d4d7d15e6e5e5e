import type { StatusMapping } from '../common/status';

/**
 * Shopify status mapping, exported as data (the README's tables group its rows by hand). Shopify keeps
 * payment (displayFinancialStatus) and fulfilment (displayFulfillmentStatus) apart, and so do we: the
 * fulfilment table always gives fulfillmentStatus; it moves the canonical status on only when the
 * financial table leaves it at "paid". A cancelled order (cancelledAt set) is "cancelled" whatever the rest.
 */
export const SHOPIFY_FINANCIAL_STATUS_MAP: Record<string, Partial<StatusMapping>> = {
	PENDING: { status: 'pending_payment', paymentStatus: 'pending' },
	// Manual capture: the payment is held for the shop, so the order holds stock like a paid one and follows
	// its fulfilment (an authorized order that ships must commit).
	AUTHORIZED: { status: 'paid', paymentStatus: 'authorized' },
	PARTIALLY_PAID: { status: 'pending_payment', paymentStatus: 'pending' },
	PAID: { status: 'paid', paymentStatus: 'paid' },
	PARTIALLY_REFUNDED: { status: 'paid', paymentStatus: 'partially_refunded' },
	// Fully refunded: "returned" once something was fulfilled, otherwise "cancelled" (see shopifyStatus).
	REFUNDED: { paymentStatus: 'refunded' },
	VOIDED: { status: 'cancelled', paymentStatus: 'failed' },
	EXPIRED: { status: 'pending_payment', paymentStatus: 'failed' },
};

export const SHOPIFY_FULFILLMENT_STATUS_MAP: Record<string, Partial<StatusMapping>> = {
	UNFULFILLED: { fulfillmentStatus: 'unfulfilled' },
	IN_PROGRESS: { fulfillmentStatus: 'unfulfilled' },
	ON_HOLD: { fulfillmentStatus: 'unfulfilled' },
	SCHEDULED: { fulfillmentStatus: 'unfulfilled' },
	REQUEST_DECLINED: { fulfillmentStatus: 'unfulfilled' },
	PARTIALLY_FULFILLED: { status: 'shipped', fulfillmentStatus: 'partial' },
	// Every fulfillment's displayStatus DELIVERED turns this into delivered / delivered.
	FULFILLED: { status: 'shipped', fulfillmentStatus: 'fulfilled' },
	// Digital goods, services: nothing is left to ship.
	FULFILLMENT_NOT_REQUIRED: { status: 'delivered', fulfillmentStatus: 'fulfilled' },
	// Deprecated values older API versions may still send.
	OPEN: { fulfillmentStatus: 'unfulfilled' },
	PENDING_FULFILLMENT: { fulfillmentStatus: 'unfulfilled' },
	RESTOCKED: { status: 'returned', fulfillmentStatus: 'returned' },
};

/** No financial status at all (e.g. some draft-order conversions). */
export const SHOPIFY_NO_FINANCIAL_STATUS: Partial<StatusMapping> = { status: 'paid', paymentStatus: 'unknown' };

/**
 * REST / webhook spelling → the GraphQL value above (REST Order resource: financial_status, and
 * fulfillment_status null / fulfilled / partial / restocked). The same order maps the same way in both APIs.
 */
export const SHOPIFY_REST_FINANCIAL_STATUS: Record<string, string> = {
	pending: 'PENDING',
	authorized: 'AUTHORIZED',
	partially_paid: 'PARTIALLY_PAID',
	paid: 'PAID',
	partially_refunded: 'PARTIALLY_REFUNDED',
	refunded: 'REFUNDED',
	voided: 'VOIDED',
};

/** `null` (the JSON value) means nothing was fulfilled yet; the key "null" stands for it here. */
export const SHOPIFY_REST_FULFILLMENT_STATUS: Record<string, string> = {
	null: 'UNFULFILLED',
	partial: 'PARTIALLY_FULFILLED',
	fulfilled: 'FULFILLED',
	restocked: 'RESTOCKED',
};

export interface ShopifyStatusInput {
	/** GraphQL spelling; null when the order has none. */
	financial: string | null;
	fulfillment: string;
	cancelled: boolean;
	/** Every (not cancelled / failed) fulfillment is delivered, and there is at least one. */
	allDelivered: boolean;
	/** Looks a value up, failing with the order and the payload's own field name. */
	lookup(table: Record<string, Partial<StatusMapping>>, value: string, which: 'financial' | 'fulfillment'): Partial<StatusMapping>;
}

export function shopifyStatus(input: ShopifyStatusInput): StatusMapping {
	const { financial: fin } = input;
	const financial = fin === null ? SHOPIFY_NO_FINANCIAL_STATUS : input.lookup(SHOPIFY_FINANCIAL_STATUS_MAP, fin, 'financial');
	const fulfilment = input.lookup(SHOPIFY_FULFILLMENT_STATUS_MAP, input.fulfillment, 'fulfillment');
	let status = financial.status;
	if (status === 'paid' && fulfilment.status) status = fulfilment.status;
	let fulfillmentStatus = fulfilment.fulfillmentStatus!;
	if (status === 'shipped' && fulfillmentStatus === 'fulfilled' && input.allDelivered) {
		status = 'delivered';
		fulfillmentStatus = 'delivered';
	}
	if (fin === 'REFUNDED') status = fulfillmentStatus === 'unfulfilled' ? 'cancelled' : 'returned';
	if (input.cancelled) status = 'cancelled';
	return { status: status!, paymentStatus: financial.paymentStatus!, fulfillmentStatus };
}
