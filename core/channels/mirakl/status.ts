import { AWAITING_PAYMENT, CANCELLED, DELIVERED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Mirakl order_state (OR11/OR12). STAGING: the operator's fraud check, not yet shown to the seller;
 * WAITING_ACCEPTANCE: the seller must accept (OR21) or the marketplace cancels it; WAITING_DEBIT(_PAYMENT): the
 * buyer's payment is being taken; SHIPPING: paid, to be shipped; TO_COLLECT: waiting at a pickup point;
 * RECEIVED: the buyer confirmed delivery; CLOSED: after the return period; REFUSED: the seller refused it.
 */
export const MIRAKL_STATUS: Readonly<Record<string, StatusMapping>> = {
	STAGING: AWAITING_PAYMENT,
	// Reserved while it waits: if nobody accepts it the marketplace cancels it, and the units come back then.
	WAITING_ACCEPTANCE: AWAITING_PAYMENT,
	WAITING_DEBIT: AWAITING_PAYMENT,
	WAITING_DEBIT_PAYMENT: AWAITING_PAYMENT,
	SHIPPING: PAID_NOT_SHIPPED,
	SHIPPED: SHIPPED,
	TO_COLLECT: SHIPPED,
	RECEIVED: DELIVERED,
	CLOSED: DELIVERED,
	REFUSED: CANCELLED,
	CANCELED: CANCELLED,
};
