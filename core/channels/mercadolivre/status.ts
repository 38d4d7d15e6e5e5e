import { AWAITING_PAYMENT, type StatusMapping } from '../common/status';
import type { MlOrderStatus, MlShipment } from './types';

/**
 * Mercado Livre status mapping, exported as data (the README's tables group its rows by hand). The order
 * carries the payment side; the fulfilment side lives on the shipment (GET /shipments/{id}), which moves
 * the canonical status on only while the order is paid (rows without a fulfillmentStatus).
 */
export const ML_ORDER_STATUS_MAP: Record<MlOrderStatus, Partial<StatusMapping>> = {
	confirmed: AWAITING_PAYMENT,
	payment_required: AWAITING_PAYMENT,
	payment_in_process: AWAITING_PAYMENT,
	partially_paid: AWAITING_PAYMENT,
	paid: { status: 'paid', paymentStatus: 'paid' },
	partially_refunded: { status: 'paid', paymentStatus: 'partially_refunded' },
	// The buyer's money is on its way back; the sale is off either way.
	pending_cancel: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' },
	cancelled: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' },
	invalid: { status: 'cancelled', paymentStatus: 'failed', fulfillmentStatus: 'unknown' },
};

/**
 * Shipment status, or "status/substatus" where the substatus decides. Rows without a status leave the order
 * at "paid". Unlisted shipment statuses leave the fulfilment "unknown".
 */
export const ML_SHIPMENT_STATUS_MAP: Record<string, Partial<StatusMapping>> = {
	pending: { fulfillmentStatus: 'unfulfilled' },
	handling: { fulfillmentStatus: 'unfulfilled' },
	'ready_to_ship/invoice_pending': { fulfillmentStatus: 'unfulfilled' },
	// Brazil: ML releases the label once the NF-e is attached, so ready_to_ship past invoice_pending = invoiced.
	ready_to_ship: { status: 'invoiced', fulfillmentStatus: 'unfulfilled' },
	shipped: { status: 'shipped', fulfillmentStatus: 'fulfilled' },
	delivered: { status: 'delivered', fulfillmentStatus: 'delivered' },
	'not_delivered/returned': { status: 'returned', fulfillmentStatus: 'returned' },
	not_delivered: { status: 'shipped', fulfillmentStatus: 'unknown' },
	not_verified: { fulfillmentStatus: 'unknown' },
	cancelled: { fulfillmentStatus: 'unknown' },
};

/** Without the shipment (the CLI, or an order with no shipping id), the order's tags are the only hint. */
export const ML_TAG_STATUS_MAP: Record<string, Partial<StatusMapping>> = {
	delivered: { status: 'delivered', fulfillmentStatus: 'delivered' },
};

export function shipmentMapping(shipment: Pick<MlShipment, 'status' | 'substatus'>): Partial<StatusMapping> {
	return (
		ML_SHIPMENT_STATUS_MAP[`${shipment.status}/${shipment.substatus ?? ''}`] ??
		ML_SHIPMENT_STATUS_MAP[shipment.status] ?? { fulfillmentStatus: 'unknown' }
	);
}
