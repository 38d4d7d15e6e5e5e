import { AWAITING_PAYMENT, CANCELLED, DELIVERED, INVOICED, PAID_NOT_SHIPPED, PAYMENT_FAILED, RETURNED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * SkyHub order status.type: the seven default types of every account (NEW, APPROVED, INVOICED, SHIPPED,
 * DELIVERED, CANCELED, SHIPMENT_EXCEPTION) and PAYMENT_OVERDUE ("Integração de Pedidos",
 * desenvolvedores.skyhub.com.br). An account may add statuses of its own, each of one of these types, so the
 * type is what is read; the code is read only when an order has no type.
 */
export const AMERICANAS_STATUS_TYPES: Readonly<Record<string, StatusMapping>> = {
	NEW: AWAITING_PAYMENT,
	APPROVED: PAID_NOT_SHIPPED,
	INVOICED: INVOICED,
	SHIPPED: SHIPPED,
	DELIVERED: DELIVERED,
	CANCELED: CANCELLED,
	// A delivery attempt failed: the parcel left the seller, its units stay deducted.
	SHIPMENT_EXCEPTION: SHIPPED,
	// The boleto expired unpaid; the buyer may still pay it (the documentation's note), so it stays an unpaid
	// reservation, which the OMS expires by the boleto's rule.
	PAYMENT_OVERDUE: PAYMENT_FAILED,
};

/**
 * status.code of the predefined list (communiqué "Atualizações dos pedidos no Marketplace", 2025), for orders
 * that carry no type. Codes whose meaning the list leaves open (has_incident, confirm_stock, confirmed_stock,
 * processing_store) are not mapped: such an order imports as status_unknown (reserved).
 */
export const AMERICANAS_STATUS_CODES: Readonly<Record<string, StatusMapping>> = {
	book_product: AWAITING_PAYMENT,
	waiting_payment: AWAITING_PAYMENT,
	payment_received: PAID_NOT_SHIPPED,
	order_invoiced: AMERICANAS_STATUS_TYPES.INVOICED,
	order_shipped: SHIPPED,
	shipment_exception: SHIPPED,
	complete: DELIVERED,
	order_canceled: CANCELLED,
	payment_overdue: AMERICANAS_STATUS_TYPES.PAYMENT_OVERDUE,
	returned: RETURNED,
};
