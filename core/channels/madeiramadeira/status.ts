import { AWAITING_PAYMENT, CANCELLED, DELIVERED, INVOICED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * MadeiraMadeira's order `status`: a numeric code sent as a string. The collection names the codes its writes
 * require (3 APROVADO before an NF-e, 6 NF EMITIDA - FATURADO before shipping, 7 ENVIADO before delivery) and
 * lists orders by new, approved, received, invoiced, shipped, delivered and cancelled; the full list is from
 * integrators' code ([3P] magazord-plataforma/madeira-madeira-marketplace Pedido.php: 1 Novo, 2 Recebido pelo
 * lojista, 3 Aprovado, 4 and 5 Cancelado, 6 Faturado, 7 Enviado, 8 Entregue). 2 ("received": the seller took
 * the order) follows an approved payment; an unknown code is imported flagged status_unknown.
 */
export const MADEIRAMADEIRA_STATUS: Readonly<Record<string, StatusMapping>> = {
	'1': AWAITING_PAYMENT,
	'2': PAID_NOT_SHIPPED,
	'3': PAID_NOT_SHIPPED,
	'4': CANCELLED,
	'5': CANCELLED,
	'6': INVOICED,
	'7': SHIPPED,
	'8': DELIVERED,
};
