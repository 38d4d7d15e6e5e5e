import { AWAITING_PAYMENT, CANCELLED, DELIVERED, INVOICED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * AnyMarket order `status` (the SDK's OrderStatus: Pendente, Pago, Faturado, Enviado, Entregue, Cancelado; and
 * DELIVERY_ISSUE, "Problema no Envio", of its NewOrderStatus). The hub's status, whatever the origin
 * marketplace calls it (that one is in marketPlaceStatus, kept in channelStatusRaw).
 */
export const ANYMARKET_STATUS: Readonly<Record<string, StatusMapping>> = {
	PENDING: AWAITING_PAYMENT,
	PAID_WAITING_SHIP: PAID_NOT_SHIPPED,
	INVOICED,
	PAID_WAITING_DELIVERY: SHIPPED,
	// A problem after dispatch (lost, returned to sender...): the units left; what happens next comes as a new status.
	DELIVERY_ISSUE: SHIPPED,
	CONCLUDED: DELIVERED,
	CANCELED: CANCELLED,
};
