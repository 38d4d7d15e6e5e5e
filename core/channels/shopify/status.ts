import type { StatusMapping } from '../common/status';

/**
 * Shopify status mapping, exported as data (the README renders it with statusTableMarkdown). Shopify keeps
 * payment (displayFinancialStatus) and fulfilment (displayFulfillmentStatus) apart, and so do we: the
 * fulfilment table always gives fulfillmentStatus; it moves the canonical status on only when the
 * financial table leaves it at "paid". A cancelled order (cancelledAt set) is "cancelled" whatever the rest.
 */
export const SHOPIFY_FINANCIAL_STATUS_MAP: Record<string, Partial<StatusMapping>> = {
	PENDING: { status: 'pending_payment', paymentStatus: 'pending' },
	AUTHORIZED: { status: 'pending_payment', paymentStatus: 'authorized' },
	PARTIALLY_PAID: { status: 'pending_payment', paymentStatus: 'pending' },
	PAID: { status: 'paid', paymentStatus: 'paid' },
	PARTIALLY_REFUNDED: { status: 'paid', paymentStatus: 'partially_refunded' },
	// Fully refunded: "returned" once something was fulfilled, otherwise "cancelled" (see refundedStatus).
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
