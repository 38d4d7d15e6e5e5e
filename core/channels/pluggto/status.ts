import { AWAITING_PAYMENT, CANCELLED, DELIVERED, INVOICED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Plugg.To order `status` (the values its PHP library validates, and partial_payment that its Spree
 * integration sends). Plugg.To's status, whatever the origin marketplace calls it.
 */
export const PLUGGTO_STATUS: Readonly<Record<string, StatusMapping>> = {
	pending: AWAITING_PAYMENT,
	partial_payment: AWAITING_PAYMENT,
	// Held for a fraud or payment review: reserved, as an unpaid order.
	under_review: AWAITING_PAYMENT,
	paid: PAID_NOT_SHIPPED,
	approved: PAID_NOT_SHIPPED,
	waiting_invoice: PAID_NOT_SHIPPED,
	// The NF-e was refused or not accepted by the marketplace: still to be invoiced.
	invoice_error: PAID_NOT_SHIPPED,
	invoiced: INVOICED,
	shipping_informed: SHIPPED,
	shipped: SHIPPED,
	// The marketplace did not take the shipping data; the parcel is already with the carrier.
	shipping_error: SHIPPED,
	delivered: DELIVERED,
	canceled: CANCELLED,
};
