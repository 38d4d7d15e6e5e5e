import { AWAITING_PAYMENT, CANCELLED, DELIVERED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Tray's order status is a text the store can rename and extend (GET /orders/statuses; custom ones are
 * "Status adicional", OrderStatus.default = 1), with OrderStatus.type saying open, closed or canceled. The
 * table maps the platform's standard texts as they appear in the documented payloads ("A ENVIAR",
 * "FINALIZADO", "ENVIADO") and in published client code ([3P]: "AGUARDANDO PAGAMENTO", "AGUARDANDO ENVIO",
 * "PENDENTE", "CANCELADO", "ENTREGUE", gateway-suffixed "A ENVIAR YAPAY"). Texts are compared upper-case,
 * without accents and with single spaces. A text not in the table: OrderStatus.type "canceled" still
 * cancels; anything else is imported flagged status_unknown (see tolerantStatus).
 */
export const TRAY_STATUS: Readonly<Record<string, StatusMapping>> = {
	'AGUARDANDO PAGAMENTO': AWAITING_PAYMENT,
	PENDENTE: AWAITING_PAYMENT,
	'A ENVIAR': PAID_NOT_SHIPPED,
	'AGUARDANDO ENVIO': PAID_NOT_SHIPPED,
	ENVIADO: SHIPPED,
	ENTREGUE: DELIVERED,
	// OrderStatus.type "closed": the order's cycle ended with the goods with the buyer.
	FINALIZADO: DELIVERED,
	CANCELADO: CANCELLED,
};

/** Gateway-suffixed variants of a standard text ("A ENVIAR YAPAY", "CANCELADO AUT"): the prefix decides. */
const PREFIXES = ['A ENVIAR', 'CANCELADO', 'AGUARDANDO PAGAMENTO'] as const;

export const CANCELLED_BY_TYPE: StatusMapping = TRAY_STATUS.CANCELADO;

export function trayStatusKey(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

/** The table's key for a status text: itself, or the standard text it starts with; undefined when neither. */
export function trayStatusEntry(text: string): string | undefined {
	const key = trayStatusKey(text);
	if (Object.prototype.hasOwnProperty.call(TRAY_STATUS, key)) return key;
	return PREFIXES.find((p) => key.startsWith(`${p} `));
}
