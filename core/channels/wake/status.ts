import type { JsonObject } from '../common/raw-reader';
import { AWAITING_PAYMENT, CANCELLED, DELIVERED, PAID_NOT_SHIPPED, PAYMENT_FAILED, SHIPPED, statusRow, type StatusMapping } from '../common/status';

/**
 * Wake's situacaoPedidoId is an id of the store's own list (GET /situacoesPedido: {situacaoPedidoId, nome,
 * descricao}); no default list or ids are published. The credential's Order Statuses ("id=status") decide
 * first; otherwise the status's name, lower-case without accents, by the first rule that matches. A name no
 * rule knows is imported as paid and flagged status_unknown.
 */
export const WAKE_NAME_RULES: ReadonlyArray<readonly [RegExp, StatusMapping]> = [
	[/cancel/, CANCELLED],
	[/devolvid|devolucao|reembols|estorn/, statusRow('returned')],
	[/entregue/, DELIVERED],
	[/enviad|despachad|transporte|transito/, SHIPPED],
	[/faturad|nota fiscal/, statusRow('invoiced')],
	[/nao aprovad|reprovad|recusad|negad/, PAYMENT_FAILED],
	[/aguardando pagamento|pendente|em analise|aguardando aprovacao/, AWAITING_PAYMENT],
	[/pago|aprovad|separacao|em producao|pronto/, PAID_NOT_SHIPPED],
];

export const wakeStatusName = (name: string) =>
	name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.trim();

/** The row a status name maps to, undefined when no rule knows it. */
export function wakeStatusByName(situacao: JsonObject | undefined): StatusMapping | undefined {
	const names = [situacao?.nome, situacao?.descricao].filter((n): n is string => typeof n === 'string' && n.trim() !== '').map(wakeStatusName);
	for (const name of names) {
		const rule = WAKE_NAME_RULES.find(([re]) => re.test(name));
		if (rule) return rule[1];
	}
	return undefined;
}
