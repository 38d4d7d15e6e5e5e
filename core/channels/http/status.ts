import type { CanonicalStatus } from '../../model/order';
import { AWAITING_PAYMENT, CANCELLED, DELIVERED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * A definition's statusMap names canonical statuses only; each stands for the row built-in channels use for
 * it. Payment and fulfilment then follow the status (a platform whose statuses say more needs an adapter).
 */
export const HTTP_STATUS_ROWS: Readonly<Record<CanonicalStatus, StatusMapping>> = {
	pending_payment: AWAITING_PAYMENT,
	paid: PAID_NOT_SHIPPED,
	invoiced: { status: 'invoiced', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
	shipped: SHIPPED,
	delivered: DELIVERED,
	cancelled: CANCELLED,
	returned: { status: 'returned', paymentStatus: 'refunded', fulfillmentStatus: 'returned' },
};

export const statusRow = (status: CanonicalStatus): StatusMapping => HTTP_STATUS_ROWS[status];
