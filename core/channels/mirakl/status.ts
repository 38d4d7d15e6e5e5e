import type { StatusMapping } from '../common/status';

/**
 * Mirakl order_state (OR11/OR12). STAGING: the operator's fraud check, not yet shown to the seller;
 * WAITING_ACCEPTANCE: the seller must accept (OR21) or the marketplace cancels it; WAITING_DEBIT(_PAYMENT): the
 * buyer's payment is being taken; SHIPPING: paid, to be shipped; TO_COLLECT: waiting at a pickup point;
 * RECEIVED: the buyer confirmed delivery; CLOSED: after the return period; REFUSED: the seller refused it.
 */
export const MIRAKL_STATUS: Readonly<Record<string, StatusMapping>> = {
	STAGING: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	// Reserved while it waits: if nobody accepts it the marketplace cancels it, and the units come back then.
	WAITING_ACCEPTANCE: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	WAITING_DEBIT: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	WAITING_DEBIT_PAYMENT: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	SHIPPING: { status: 'paid', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
	SHIPPED: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled' },
	TO_COLLECT: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled' },
	RECEIVED: { status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'delivered' },
	CLOSED: { status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'delivered' },
	REFUSED: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' },
	CANCELED: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' },
};
