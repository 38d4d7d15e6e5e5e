import { AWAITING_PAYMENT, CANCELLED, HELD, PAID_NOT_SHIPPED, REFUNDED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Magento order `state` (the fixed lifecycle of Magento\Sales\Model\Order; `status` is the store's own label
 * within a state, kept raw). complete = every item invoiced and shipped; closed = refunded (a credit memo);
 * holded and payment_review keep the sale and its reservation until the store decides.
 */
export const MAGENTO_STATE: Readonly<Record<string, StatusMapping>> = {
	new: AWAITING_PAYMENT,
	pending_payment: AWAITING_PAYMENT,
	payment_review: AWAITING_PAYMENT,
	processing: PAID_NOT_SHIPPED,
	holded: HELD,
	complete: SHIPPED,
	closed: REFUNDED,
	canceled: CANCELLED,
};
