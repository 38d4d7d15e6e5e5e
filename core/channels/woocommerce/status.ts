import { AWAITING_PAYMENT, CANCELLED, PAID_NOT_SHIPPED, REFUNDED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * WooCommerce order status → canonical. Woo has one workflow status and no delivery tracking in core:
 * `completed` means the merchant fulfilled the order, so it maps to shipped (claiming delivery would be a
 * guess). Custom statuses from plugins are rejected by name rather than guessed.
 */
export const WOOCOMMERCE_STATUS_MAP: Readonly<Record<string, StatusMapping>> = {
	pending: AWAITING_PAYMENT,
	// Awaiting manual payment confirmation (bank transfer, boleto): not paid yet.
	'on-hold': AWAITING_PAYMENT,
	// Block checkout's in-progress cart: stock is already held by Woo, payment not started.
	'checkout-draft': AWAITING_PAYMENT,
	processing: PAID_NOT_SHIPPED,
	completed: SHIPPED,
	cancelled: CANCELLED,
	failed: { status: 'cancelled', paymentStatus: 'failed', fulfillmentStatus: 'unfulfilled' },
	refunded: REFUNDED,
	trash: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' },
};
