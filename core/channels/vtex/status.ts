import type { StatusMapping } from '../common/status';

const awaitingPayment: StatusMapping = { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' };
const paid: StatusMapping = { status: 'paid', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' };
const invoiced: StatusMapping = { status: 'invoiced', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' };
const cancelled: StatusMapping = { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' };

/**
 * VTEX workflow status → canonical: the statuses of the Orders API (f_status list and the Feed v3 filter
 * list). VTEX has no shipped/delivered status: an invoiced order becomes shipped or delivered from its
 * packages' tracking (see vtexStatus in normalize.ts). `cancellation-requested` already releases the order
 * here, as VTEX stops its fulfilment; a denied request comes back as `invoice-after-cancellation-deny`.
 */
export const VTEX_STATUS_MAP: Readonly<Record<string, StatusMapping>> = {
	'order-created': awaitingPayment,
	'order-accepted': awaitingPayment,
	'on-order-completed': awaitingPayment,
	'on-order-completed-ffm': awaitingPayment,
	'waiting-for-sellers-confirmation': awaitingPayment,
	'waiting-for-seller-decision': awaitingPayment,
	'payment-pending': awaitingPayment,
	'waiting-for-order-authorization': awaitingPayment,
	'approve-payment': awaitingPayment,
	'waiting-for-authorization': awaitingPayment,
	'waiting-for-manual-authorization': awaitingPayment,
	'waiting-for-mkt-authorization': awaitingPayment,
	// A seller's order waits for the marketplace to confirm payment before it may ship.
	'waiting-ffmt-authorization': awaitingPayment,
	'payment-approved': paid,
	'authorize-fulfillment': paid,
	// Paid; the customer may still cancel within the window, so handling has not started.
	'window-to-cancel': paid,
	'window-to-change-seller': paid,
	'waiting-seller-handling': paid,
	'ready-for-handling': paid,
	'start-handling': paid,
	handling: paid,
	invoice: invoiced,
	invoiced,
	'invoice-after-cancellation-deny': invoiced,
	'request-cancel': cancelled,
	'cancellation-requested': cancelled,
	cancel: cancelled,
	canceled: cancelled,
	// The order was replaced by a changed copy with a new id.
	replaced: cancelled,
	'order-create-error': { ...cancelled, paymentStatus: 'failed' },
	'order-creation-error': { ...cancelled, paymentStatus: 'failed' },
};

/** What an order's packageAttachment says about the goods (VTEX's only shipping signal). */
export interface VtexPackagesSummary {
	/** An `Input` (return) invoice exists. */
	returned: boolean;
	/** Output packages with a tracking number, out of all output packages. */
	tracked: number;
	outputs: number;
	/** Output packages whose courierStatus is finished. */
	delivered: number;
}

/** Refines an invoiced order with its packages: returned > delivered > shipped > invoiced. */
export function vtexStatus(mapping: StatusMapping, packages: VtexPackagesSummary): StatusMapping {
	if (mapping.status !== 'invoiced') return mapping;
	if (packages.returned) return { ...mapping, status: 'returned', fulfillmentStatus: 'returned' };
	if (packages.outputs > 0 && packages.delivered === packages.outputs) return { ...mapping, status: 'delivered', fulfillmentStatus: 'delivered' };
	if (packages.tracked === 0) return mapping;
	return { ...mapping, status: 'shipped', fulfillmentStatus: packages.tracked === packages.outputs ? 'fulfilled' : 'partial' };
}

/** What a VTEX order records besides `status`, for an order whose status is empty (see deriveVtexStatus). */
export interface VtexStatusEvidence {
	/** cancellationData.CancellationDate is set. */
	cancelled: boolean;
	/** invoicedDate is set, or an Output (sale) invoice package exists. */
	invoiced: boolean;
	/** authorizedDate (the payment authorisation) is set. */
	authorized: boolean;
}

/**
 * The status of an order whose `status` is empty or null. VTEX closes orders with a null status while its
 * workflow is unavailable ("Get Order and List Orders APIs may now return orders with the null status",
 * help.vtex.com announcement of 2019-01-30), and its own order-group example
 * (GET /api/oms/pvt/orders/order-group/{orderGroup}) answers `"status": ""`. The Orders API order has no
 * other workflow field (`state` exists on Feed v3 items and hook payloads only), so the status comes from
 * what the order records, latest step first. With none of them the order is where every VTEX order starts,
 * awaiting payment (it reserves stock, and a later feed event carries the real status): `assumed` is then
 * true and the order is flagged `status_assumed`.
 */
export function deriveVtexStatus(evidence: VtexStatusEvidence): { mapping: StatusMapping; assumed: boolean } {
	if (evidence.cancelled) return { mapping: VTEX_STATUS_MAP.canceled, assumed: false };
	if (evidence.invoiced) return { mapping: VTEX_STATUS_MAP.invoiced, assumed: false };
	if (evidence.authorized) return { mapping: VTEX_STATUS_MAP['payment-approved'], assumed: false };
	return { mapping: VTEX_STATUS_MAP['payment-pending'], assumed: true };
}
