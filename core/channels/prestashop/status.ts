import type { CanonicalStatus } from '../../model/order';
import { AWAITING_PAYMENT, CANCELLED, CANONICAL_STATUS_ROWS, DELIVERED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

const REFUNDED: StatusMapping = { status: 'returned', paymentStatus: 'refunded', fulfillmentStatus: 'unknown' };

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
	'7': REFUNDED, // Refunded
	'8': { status: 'pending_payment', paymentStatus: 'failed', fulfillmentStatus: 'unfulfilled' }, // Payment error
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

/**
 * The shop's state table: the defaults with the setting's "id=status" pairs (comma, semicolon or newline
 * separated) over them. A malformed pair is an error naming it, so a typo never maps a state silently.
 */
export function prestaShopStates(setting: unknown): Readonly<Record<string, StatusMapping>> {
	const table: Record<string, StatusMapping> = { ...PRESTASHOP_DEFAULT_STATES };
	const text = typeof setting === 'string' ? setting.trim() : '';
	if (text === '') return table;
	for (const pair of text
		.split(/[,;\n]+/)
		.map((p) => p.trim())
		.filter(Boolean)) {
		const m = /^(\d+)\s*[=:]\s*([a-z_]+)$/.exec(pair);
		const row = m && Object.prototype.hasOwnProperty.call(BY_NAME, m[2]) ? BY_NAME[m[2] as CanonicalStatus] : undefined;
		if (!m || !row) throw new Error(`PrestaShop Order States: "${pair}" is not "<state id>=<status>" with a status among ${Object.keys(BY_NAME).join(', ')}`);
		table[m[1]] = row;
	}
	return table;
}
