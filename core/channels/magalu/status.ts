import { AWAITING_PAYMENT, CANCELLED, DELIVERED, INVOICED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Magalu has two status levels (get_order / get_delivery pages): the order (`new | approved | cancelled |
 * finished`) says whether it was paid or cancelled; each delivery (`new | approved | invoiced | shipped |
 * delivered | cancelled | frozen`) carries the fulfilment. An approved or finished order takes its status
 * from its deliveries (MAGALU_DELIVERY_STATUS_MAP), partial fields here say so.
 */
export const MAGALU_ORDER_STATUS_MAP: Readonly<Record<string, Partial<StatusMapping>>> = {
	new: AWAITING_PAYMENT,
	approved: { paymentStatus: 'paid' },
	// Closed; some deliveries may have been cancelled.
	finished: { paymentStatus: 'paid' },
	cancelled: CANCELLED,
};

/** [?] `frozen` is not described in the docs; read as "held": paid, not progressing. */
export const MAGALU_DELIVERY_STATUS_MAP: Readonly<Record<string, StatusMapping>> = {
	new: AWAITING_PAYMENT,
	approved: PAID_NOT_SHIPPED,
	frozen: PAID_NOT_SHIPPED,
	invoiced: INVOICED,
	shipped: SHIPPED,
	delivered: DELIVERED,
	cancelled: CANCELLED,
};

/** Progress order of delivery statuses: an order is as far as its least advanced live delivery. */
const PROGRESS = ['new', 'approved', 'frozen', 'invoiced', 'shipped', 'delivered'];

/**
 * The order's status from its live (not cancelled) deliveries: the least advanced one decides, and a
 * fulfilment is "partial" while some deliveries shipped and others did not. No live delivery: cancelled.
 */
export function magaluStatusFromDeliveries(deliveryStatuses: string[]): StatusMapping {
	const live = deliveryStatuses.filter((s) => s !== 'cancelled');
	if (live.length === 0) return MAGALU_DELIVERY_STATUS_MAP.cancelled;
	const least = live.reduce((a, b) => (PROGRESS.indexOf(b) < PROGRESS.indexOf(a) ? b : a));
	// The order is paid (approved/finished): a delivery still `new` is waiting for handling.
	const mapping = { ...MAGALU_DELIVERY_STATUS_MAP[least === 'new' ? 'approved' : least] };
	const someShipped = live.some((s) => s === 'shipped' || s === 'delivered');
	if (mapping.fulfillmentStatus === 'unfulfilled' && someShipped) mapping.fulfillmentStatus = 'partial';
	return mapping;
}
