import { AWAITING_PAYMENT, CANCELLED, DELIVERED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Via order `status`, "the consolidated situation of the order", as the API's GET /orders/{orderId} documents it
 * (CNova API Lojista v2 SDK): NEW (novo), PEN (pagamento pendente), GDE (entregas geradas), PAY (pagamento
 * aprovado), SHP (enviado), DLV (entregue); SHP and DLV are also what Via's support articles name for Envvias
 * orders. [?] The cancelled orders' code is not in that list: CAN (the code of the "Entrega Cancelada" control
 * point) is read as cancelled; any other code imports as status_unknown (reserved).
 */
export const VIA_STATUS: Readonly<Record<string, StatusMapping>> = {
	NEW: AWAITING_PAYMENT,
	PEN: AWAITING_PAYMENT,
	// [?] Deliveries are generated once the order is paid: the seller may ship.
	GDE: PAID_NOT_SHIPPED,
	PAY: PAID_NOT_SHIPPED,
	SHP: SHIPPED,
	DLV: DELIVERED,
	CAN: CANCELLED,
};
