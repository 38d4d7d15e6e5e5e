import { AWAITING_PAYMENT, CANCELLED, DELIVERED, HELD, INVOICED, PAID_NOT_SHIPPED, REFUNDED, RETURNED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Loja Integrada situações by `situacao.codigo` (the order's situacao object also carries id, nome and the
 * flags aprovado / cancelado / final, which do not say "paid" or "cancelled" on their own: a chargeback and a
 * dispute are aprovado, a cancellation request is cancelado but not final). The 16 codes of the API's
 * "Situações do pedido"; pagamento_devolvido_sem_retorno is absent from the documented /v1/situacao example
 * [?] and LI's help centre calls it cancelled.
 */
export const LOJA_INTEGRADA_STATUS: Readonly<Record<string, StatusMapping>> = {
	pedido_efetuado: AWAITING_PAYMENT,
	aguardando_pagamento: AWAITING_PAYMENT,
	pagamento_em_analise: AWAITING_PAYMENT,
	pedido_pago: PAID_NOT_SHIPPED,
	em_producao: PAID_NOT_SHIPPED,
	pedido_em_separacao: PAID_NOT_SHIPPED,
	// A dispute holds the money but the sale stands until it is decided: its units stay reserved.
	pagamento_em_disputa: HELD,
	// A request, not a cancellation: the units stay reserved until the store decides.
	cancelamento_solicitado: HELD,
	faturado: INVOICED,
	pedido_enviado: SHIPPED,
	// Set aside for the buyer to collect: out of the stock as a shipped order is.
	pronto_para_retirada: SHIPPED,
	pedido_entregue: DELIVERED,
	pedido_cancelado: CANCELLED,
	pagamento_devolvido: RETURNED,
	pagamento_devolvido_sem_retorno: { status: 'cancelled', paymentStatus: 'refunded', fulfillmentStatus: 'unknown' },
	pedido_chargeback: REFUNDED,
};

/** A store's own situação (not in the table) that LI flags cancelado and final: cancelled. */
export const CANCELLED_BY_FLAGS: StatusMapping = LOJA_INTEGRADA_STATUS.pedido_cancelado;
