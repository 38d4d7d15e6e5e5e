import { AWAITING_PAYMENT, CANCELLED, DELIVERED, HELD, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Shopee order_status (get_order_detail; the documented list). PROCESSED: shipment arranged, label printed;
 * RETRY_SHIP: the 3PL pickup failed and is retried; INVOICE_PENDING: Brazilian orders waiting for the
 * seller's NF-e before they can ship. [?] PENDING is only returned with request_order_status_pending, which
 * the adapter does not send.
 */
export const SHOPEE_STATUS: Readonly<Record<string, StatusMapping>> = {
	UNPAID: AWAITING_PAYMENT,
	INVOICE_PENDING: PAID_NOT_SHIPPED,
	READY_TO_SHIP: PAID_NOT_SHIPPED,
	PROCESSED: PAID_NOT_SHIPPED,
	RETRY_SHIP: PAID_NOT_SHIPPED,
	SHIPPED: SHIPPED,
	// "The order has been received by buyer": delivered, waiting for the buyer's confirmation.
	TO_CONFIRM_RECEIVE: DELIVERED,
	COMPLETED: DELIVERED,
	// A cancellation request: the units stay reserved until the seller or Shopee decides.
	IN_CANCEL: HELD,
	CANCELLED: CANCELLED,
	// A return being processed: the goods are not back yet, so nothing returns to stock.
	TO_RETURN: { status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'unknown' },
};
