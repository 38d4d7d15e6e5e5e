import type { CanonicalStatus, FulfillmentStatus, PaymentStatus } from '../../model/order';
import type { MlOrderStatus, MlShipment } from './types';

/**
 * Mercado Livre status mapping, exported as data (the README publishes it). The order resource carries the
 * payment side; the fulfilment side lives on the shipment (GET /shipments/{id}), which refines the
 * canonical status only while the order is paid.
 */

export interface MlOrderStatusRow {
	status: CanonicalStatus;
	payment: PaymentStatus;
	/** Whether the shipment may move the canonical status on (invoiced / shipped / delivered / returned). */
	followsShipment: boolean;
}

export const ML_ORDER_STATUS_MAP: Record<MlOrderStatus, MlOrderStatusRow> = {
	confirmed: { status: 'pending_payment', payment: 'pending', followsShipment: false },
	payment_required: { status: 'pending_payment', payment: 'pending', followsShipment: false },
	payment_in_process: { status: 'pending_payment', payment: 'pending', followsShipment: false },
	partially_paid: { status: 'pending_payment', payment: 'pending', followsShipment: false },
	paid: { status: 'paid', payment: 'paid', followsShipment: true },
	partially_refunded: { status: 'paid', payment: 'partially_refunded', followsShipment: true },
	// The buyer's money is being returned; the sale is off either way.
	pending_cancel: { status: 'cancelled', payment: 'unknown', followsShipment: false },
	cancelled: { status: 'cancelled', payment: 'unknown', followsShipment: false },
	invalid: { status: 'cancelled', payment: 'failed', followsShipment: false },
};

export interface MlShipmentStatusRow {
	/** Absent: the order's own status stands. */
	status?: CanonicalStatus;
	fulfillment: FulfillmentStatus;
}

/** Keyed by shipment status, or "status/substatus" where the substatus decides. */
export const ML_SHIPMENT_STATUS_MAP: Record<string, MlShipmentStatusRow> = {
	pending: { fulfillment: 'unfulfilled' },
	handling: { fulfillment: 'unfulfilled' },
	// Brazil: the label is released once the NF-e is attached, so leaving invoice_pending means invoiced.
	'ready_to_ship/invoice_pending': { fulfillment: 'unfulfilled' },
	ready_to_ship: { status: 'invoiced', fulfillment: 'unfulfilled' },
	shipped: { status: 'shipped', fulfillment: 'fulfilled' },
	delivered: { status: 'delivered', fulfillment: 'delivered' },
	'not_delivered/returned': { status: 'returned', fulfillment: 'returned' },
	not_delivered: { status: 'shipped', fulfillment: 'unknown' },
	not_verified: { fulfillment: 'unknown' },
	cancelled: { fulfillment: 'unknown' },
};

/** Without the shipment (CLI, or no shipping id), the order's tags are the only fulfilment hint. */
export const ML_TAG_STATUS_MAP: Record<string, MlShipmentStatusRow> = {
	delivered: { status: 'delivered', fulfillment: 'delivered' },
};

export function shipmentRow(shipment: Pick<MlShipment, 'status' | 'substatus'>): MlShipmentStatusRow | undefined {
	return ML_SHIPMENT_STATUS_MAP[`${shipment.status}/${shipment.substatus ?? ''}`] ?? ML_SHIPMENT_STATUS_MAP[shipment.status];
}
