import type { Address, CanonicalOrder, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { compact, openRawOrder, readCents, readChargedTotals, readLocalDate } from '../common/fields';
import { finishOrder, orderHead, requireLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { wakeMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { UNKNOWN_STATUS, type StatusMapping } from '../common/status';
import { wakeStatusByName } from './status';

/**
 * An order as GET /pedidos and GET /pedidos/{pedidoId} return it (numbers as JSON numbers; strings accepted),
 * with `situacaoPedido`, the store's status record of its situacaoPedidoId (GET /situacoesPedido), put beside
 * it by the adapter.
 */
export type WakeOrder = JsonObject;

/** itens[]: sku is the seller SKU (absent: unmapped); precoPor the unit price paid, else precoVenda. */
function readLines(r: RawReader, raw: WakeOrder): OrderLine[] {
	return r.objects(r.array(raw, 'itens'), 'itens').map(({ item, path }) => {
		// A gift (isBrinde) is sold at 0; elsewhere a 0 or absent precoPor means no sale price was set.
		const por = r.optDecimalCents(item, `${path}.precoPor`);
		return compact({
			sku: r.optString(item, `${path}.sku`),
			quantity: r.integer(item, `${path}.quantidade`, 1),
			unitPriceCents:
				por !== undefined && (por > 0 || item.isBrinde === true) ? readCents(r, item, `${path}.precoPor`) : readCents(r, item, `${path}.precoVenda`),
			channelListingId: r.optString(item, `${path}.produtoVarianteId`),
			title: r.optString(item, `${path}.nome`),
		});
	});
}

/** pedidoEndereco[]: the one whose tipo is Entrega, else the first. */
function readDelivery(r: RawReader, raw: WakeOrder, buyerName: string | undefined): Address | undefined {
	const list = r.optArray(raw, 'pedidoEndereco') ?? [];
	const i = Math.max(
		0,
		list.findIndex((a) => isJsonObject(a) && a.tipo === 'Entrega'),
	);
	const a = list[i];
	if (!isJsonObject(a)) return undefined;
	const p = `pedidoEndereco[${i}]`;
	return readAddress(
		(k) => r.optString(a, `${p}.${k}`)?.trim() || undefined,
		{
			name: 'nome',
			street: ['endereco', 'logradouro'],
			number: 'numero',
			complement: 'complemento',
			district: 'bairro',
			city: 'cidade',
			state: 'estado',
			postalCode: 'cep',
			country: 'pais',
		},
		{ name: buyerName, country: 'BR' },
	);
}

/** The tracking codes Wake keeps on the order (tipoRastreamentoPedido says whether there are any). [?] Not in the list payload. */
const NO_SHIPMENTS: Shipment[] = [];

/** A Wake order (with its status record) → canonical order; `byId` is the credential's Order Statuses. */
export function normalizeWakeOrder(input: unknown, account: string, offset: string, byId: Readonly<Record<string, StatusMapping>>): CanonicalOrder {
	const { r, o: raw } = openRawOrder('wake', input, 'pedidoId');
	const lines = requireLines(r, 'itens', readLines(r, raw));
	const flags = new Set<IntakeFlag>();
	const statusId = r.optString(raw, 'situacaoPedidoId');
	const situacao = isJsonObject(raw.situacaoPedido) ? raw.situacaoPedido : undefined;
	let status = statusId !== undefined && Object.prototype.hasOwnProperty.call(byId, statusId) ? byId[statusId] : wakeStatusByName(situacao);
	if (!status) {
		flags.add('status_unknown');
		status = UNKNOWN_STATUS;
	}
	const buyer = isJsonObject(raw.usuario) ? raw.usuario : {};
	const customer = readCustomer((k) => r.optString(buyer, `usuario.${k}`)?.trim() || undefined, {
		name: ['nome', 'razaoSocial'],
		email: 'email',
		phone: ['telefoneCelular', 'telefoneResidencial', 'telefoneComercial'],
		document: ['cpf', 'cnpj'],
	});
	const createdAt = readLocalDate(r, raw, 'data', offset) ?? r.fail('data', 'is required');
	const order: CanonicalOrder = {
		...orderHead('wake', account, r.string(raw, 'pedidoId'), createdAt, readLocalDate(r, raw, 'dataUltimaAtualizacao', offset)),
		...status,
		channelStatusRaw: [statusId ?? '(none)', typeof situacao?.nome === 'string' ? situacao.nome : undefined].filter(Boolean).join(' '),
		currency: 'BRL',
		totals: readChargedTotals(r, raw, lines, 'valorFrete', 'valorTotalPedido'),
		customer,
		lines,
		shipments: NO_SHIPMENTS,
	};
	return finishOrder(order, { shippingAddress: readDelivery(r, raw, customer.name || undefined), paymentMethod: wakeMethod(raw.pagamento) }, flags);
}
