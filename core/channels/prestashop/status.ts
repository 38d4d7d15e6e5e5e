import type { CanonicalStatus } from '../../model/order';
import { AWAITING_PAYMENT, CANCELLED, CANONICAL_STATUS_ROWS, DELIVERED, PAID_NOT_SHIPPED, PAYMENT_FAILED, REFUNDED, SHIPPED, statusIdTable, type StatusMapping } from '../common/status';

/**
 * An order's `current_state` is an id of the shop's order_states, and the ids are the shop's own: a store
 * adds states (payment modules do) and may edit the stock ones. The defaults are the ids a fresh install
 * gives the stock states (install-dev/data/xml/order_state.xml, in insertion order); the credential's Order
 * States setting replaces or adds entries ("14=paid, 15=shipped").
 * - 8 Payment error: the buyer may pay again; awaiting payment with a failed payment (the reservation
 *   expires as any unpaid one);
 * - 13 Awaiting cash-on-delivery validation: paid at delivery, so it ships unpaid: paid/pending, not expired.
 */
export const PRESTASHOP_DEFAULT_STATES: Readonly<Record<string, StatusMapping>> = {
	'1': AWAITING_PAYMENT, // Awaiting check payment
	'2': PAID_NOT_SHIPPED, // Payment accepted
	'3': PAID_NOT_SHIPPED, // Processing in progress
	'4': SHIPPED, // Shipped
	'5': DELIVERED, // Delivered
	'6': CANCELLED, // Canceled
	'7': REFUNDED, // Refunded (which does not say the goods came back)
	'8': PAYMENT_FAILED, // Payment error
	'9': PAID_NOT_SHIPPED, // On backorder (paid)
	'10': AWAITING_PAYMENT, // Awaiting bank wire payment
	'11': PAID_NOT_SHIPPED, // Remote payment accepted
	'12': AWAITING_PAYMENT, // On backorder (not paid)
	'13': { status: 'paid', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' }, // Awaiting Cash On Delivery validation
};

/** The default ids the writer moves an order to (the credential may name the shop's own). */
export const PRESTASHOP_SHIPPED_STATE = '4';
export const PRESTASHOP_CANCELLED_STATE = '6';

/** What a status named in the Order States setting means. */
const BY_NAME: Readonly<Record<CanonicalStatus, StatusMapping>> = { ...CANONICAL_STATUS_ROWS, returned: REFUNDED };

/** The shop's state table: the defaults with the credential's Order States ("id=status" pairs) over them. */
export const prestaShopStates = (setting: unknown) => statusIdTable(PRESTASHOP_DEFAULT_STATES, setting, 'PrestaShop Order States', BY_NAME);
