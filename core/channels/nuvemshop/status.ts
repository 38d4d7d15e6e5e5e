import type { CanonicalStatus, FulfillmentStatus, PaymentStatus } from '../../model/order';
import type { StatusMapping } from '../common/status';

/**
 * Nuvemshop keeps three statuses apart (order `status`, `payment_status`, `shipping_status`); each table
 * maps one of them, and nuvemshopStatus() combines them with a fixed precedence.
 */

/** `status`: only "cancelled" decides; open/closed (archived by the merchant) say nothing of progress. */
export const NUVEMSHOP_ORDER_STATUS: Readonly<Record<string, CanonicalStatus | undefined>> = {
	open: undefined,
	closed: undefined,
	cancelled: 'cancelled',
};

type PaymentMapping = { paymentStatus: PaymentStatus; status: CanonicalStatus };
type ShippingMapping = { fulfillmentStatus: FulfillmentStatus; shipped: boolean };

export const NUVEMSHOP_PAYMENT_STATUS: Readonly<Record<string, PaymentMapping>> = {
	pending: { paymentStatus: 'pending', status: 'pending_payment' },
	authorized: { paymentStatus: 'authorized', status: 'pending_payment' },
	paid: { paymentStatus: 'paid', status: 'paid' },
	// Checkout left unpaid, and an authorisation voided: no money was captured.
	abandoned: { paymentStatus: 'failed', status: 'cancelled' },
	voided: { paymentStatus: 'failed', status: 'cancelled' },
	refunded: { paymentStatus: 'refunded', status: 'returned' },
};

/** Legacy names (unpacked/unshipped/shipped) and the newer ones (unfulfilled/fulfilled) are both sent. */
export const NUVEMSHOP_SHIPPING_STATUS: Readonly<Record<string, ShippingMapping>> = {
	unpacked: { fulfillmentStatus: 'unfulfilled', shipped: false },
	// Packed, waiting for the carrier.
	unshipped: { fulfillmentStatus: 'unfulfilled', shipped: false },
	unfulfilled: { fulfillmentStatus: 'unfulfilled', shipped: false },
	shipped: { fulfillmentStatus: 'fulfilled', shipped: true },
	fulfilled: { fulfillmentStatus: 'fulfilled', shipped: true },
};

/**
 * A status field the payload leaves out (the documented order returned by POST /draft_orders/{id}/confirm
 * has none of the three): the order is still imported. Unknown payment → pending_payment, which reserves
 * its stock without committing it (the safe side until a later poll says more); unknown shipping → not
 * shipped. A value that is present but not in the tables is still an error, named by field.
 */
const PAYMENT_NOT_SENT: PaymentMapping = { paymentStatus: 'unknown', status: 'pending_payment' };
const SHIPPING_NOT_SENT: ShippingMapping = { fulfillmentStatus: 'unknown', shipped: false };

/**
 * Precedence: a cancelled order is cancelled; a refund or a failed payment ends the order whatever its
 * shipping; otherwise a shipped order is shipped even before its payment is marked paid (the merchant
 * shipped it, so its stock is gone); otherwise the payment decides.
 */
export function nuvemshopStatus(order: string | undefined, payment: string | undefined, shipping: string | undefined): StatusMapping {
	const p = payment === undefined ? PAYMENT_NOT_SENT : NUVEMSHOP_PAYMENT_STATUS[payment];
	const s = shipping === undefined ? SHIPPING_NOT_SENT : NUVEMSHOP_SHIPPING_STATUS[shipping];
	const ended = p.status === 'cancelled' || p.status === 'returned';
	const decided = order === undefined ? undefined : NUVEMSHOP_ORDER_STATUS[order];
	const status = decided ?? (ended ? p.status : s.shipped ? 'shipped' : p.status);
	return { status, paymentStatus: p.paymentStatus, fulfillmentStatus: s.fulfillmentStatus };
}
