import type { StatusMapping } from '../common/status';

/**
 * Magento order `state` (the fixed lifecycle of Magento\Sales\Model\Order; `status` is the store's own label
 * within a state, kept raw). complete = every item invoiced and shipped; closed = refunded (a credit memo);
 * holded and payment_review keep the sale and its reservation until the store decides.
 */
export const MAGENTO_STATE: Readonly<Record<string, StatusMapping>> = {
	new: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	pending_payment: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	payment_review: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	processing: { status: 'paid', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
	holded: { status: 'paid', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' },
	complete: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled' },
	closed: { status: 'returned', paymentStatus: 'refunded', fulfillmentStatus: 'unknown' },
	canceled: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' },
};
