import type { Address, CanonicalOrder, Customer, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { readAddress, readCustomer } from '../common/parties';
import { compact, openRawOrder, readChargedTotals, readCents, readLocalDate } from '../common/fields';
import { finishOrder, orderHead, readOrderLines } from '../common/order';
import { lojaIntegradaMethod, orderPaymentMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { idOfUri } from './api';
import { CANCELLED_BY_FLAGS, LOJA_INTEGRADA_STATUS } from './status';

/** An order as GET /v1/pedido/{numero} returns it (money and quantities as decimal strings). */
export type LojaIntegradaOrder = JsonObject;

/**
 * `preco_venda` is the unit price paid (preco_cheio the list price, preco_subtotal the line). The item's
 * `produto` is the sold product (a variation's own produto), as a URI or {resource_uri}; `produto_pai` the
 * parent of a variation. A line without `sku` is kept unmapped.
 */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	const product = idOfUri(item.produto);
	const parent = idOfUri(item.produto_pai);
	return compact({
		sku: r.optString(item, `${path}.sku`),
		quantity: r.integer(item, `${path}.quantidade`, 1),
		unitPriceCents: readCents(r, item, `${path}.preco_venda`),
		channelListingId: parent ?? product,
		channelVariantId: parent ? product : undefined,
		channelLineId: r.optString(item, `${path}.id`),
		title: r.optString(item, `${path}.nome`),
	});
}

/** The detail's `cliente` is an object; the listing's is a URI (then nothing is known of the buyer). */
function readBuyer(r: RawReader, raw: LojaIntegradaOrder): Customer {
	const c = isJsonObject(raw.cliente) ? raw.cliente : {};
	return readCustomer((k) => r.optString(c, `cliente.${k}`), {
		name: ['nome', 'razao_social'],
		email: 'email',
		phone: ['telefone_celular', 'telefone_principal'],
		document: ['cpf', 'cnpj'],
	});
}

function readDelivery(r: RawReader, raw: LojaIntegradaOrder): Address | undefined {
	const a = r.optObject(raw, 'endereco_entrega');
	if (!a) return undefined;
	return readAddress(
		(k) => r.optString(a, `endereco_entrega.${k}`),
		{ name: ['nome', 'razao_social'], street: 'endereco', number: 'numero', complement: 'complemento', district: 'bairro', city: 'cidade', state: 'estado', postalCode: 'cep', country: 'pais' },
		{ country: 'BR' },
	);
}

/** envios[]: a shipment once it has a tracking code (`objeto`); carrier from its forma_envio. */
function readShipments(r: RawReader, raw: LojaIntegradaOrder): Shipment[] {
	return r.objects(r.optArray(raw, 'envios') ?? [], 'envios').flatMap(({ item, path }) => {
		const trackingCode = r.optString(item, `${path}.objeto`);
		if (!trackingCode) return [];
		const method = isJsonObject(item.forma_envio) ? item.forma_envio : {};
		const carrier = r.optString(method, `${path}.forma_envio.nome`) ?? r.optString(method, `${path}.forma_envio.codigo`);
		return [compact({ carrier: carrier?.trim(), trackingCode })];
	});
}

/** situacao.codigo through the table; a store's own code LI flags cancelado + final cancels; else unknown. */
function readStatus(r: RawReader, raw: LojaIntegradaOrder): StatusMapping {
	const situacao = r.object(raw, 'situacao');
	const code = r.string(situacao, 'situacao.codigo');
	if (Object.prototype.hasOwnProperty.call(LOJA_INTEGRADA_STATUS, code)) return LOJA_INTEGRADA_STATUS[code];
	if (situacao.cancelado === true && situacao.final === true) return CANCELLED_BY_FLAGS;
	return r.fail('situacao.codigo', `has an unknown value "${code}" (known: ${Object.keys(LOJA_INTEGRADA_STATUS).join(', ')})`);
}

/** valor_envio and valor_total (the documented order: 11.10 + 21.38 − 0.00 = 32.48); see chargedTotals. */
function readTotals(r: RawReader, raw: LojaIntegradaOrder, lines: OrderLine[]): CanonicalOrder['totals'] {
	return readChargedTotals(r, raw, lines, 'valor_envio', 'valor_total');
}

/** GET /v1/pedido/{numero} → canonical order; `offset` reads LI's zone-less dates (see api.ts). BRL only. */
export function normalizeLojaIntegradaOrder(input: unknown, account: string, offset: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('lojaintegrada', input, 'numero');
	const channelOrderId = r.string(raw, 'numero');
	const lines = readOrderLines(r, raw, 'itens', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readStatus(r, raw), UNKNOWN_STATUS, flags);
	const createdAt = readLocalDate(r, raw, 'data_criacao', offset) ?? r.fail('data_criacao', 'is required');
	const situacao = isJsonObject(raw.situacao) ? raw.situacao : {};
	const order: CanonicalOrder = {
		...orderHead('lojaintegrada', account, channelOrderId, createdAt, readLocalDate(r, raw, 'data_modificacao', offset)),
		...status,
		channelStatusRaw: r.optString(situacao, 'situacao.codigo') ?? '(none)',
		currency: 'BRL',
		totals: readTotals(r, raw, lines),
		customer: readBuyer(r, raw),
		lines,
		shipments: readShipments(r, raw),
	};
	const shippingAddress = readDelivery(r, raw);
	return finishOrder(order, { shippingAddress, paymentMethod: orderPaymentMethod((r.optArray(raw, 'pagamentos') ?? []).map(lojaIntegradaMethod)) }, flags);
}
