import type { Address, CanonicalOrder, IntakeFlag, Invoice, OrderLine, Shipment } from '../../model/order';
import { compact, openRawOrder, readChargedTotals, readCents, readLocalDate, readLocalInvoice } from '../common/fields';
import { finishOrder, orderHead, readTableStatus, requireLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { madeiraMadeiraMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { MADEIRAMADEIRA_STATUS } from './status';

/** An order as the list and by-id reads return it (one element of `data`). */
export type MadeiraMadeiraOrder = JsonObject;

const items = (r: RawReader, raw: JsonObject, path: string) => r.objects(r.optArray(raw, path) ?? [], path);

/**
 * skus[]: `skuseller` is the seller's SKU (absent: the line is kept unmapped with MadeiraMadeira's own `sku`),
 * `valor_unitario` the unit price paid, `quantidade` a decimal text on lists ("4.00000"), a number by id.
 */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	return compact({
		sku: r.optString(item, `${path}.skuseller`),
		quantity: r.integer(item, `${path}.quantidade`, 1),
		unitPriceCents: readCents(r, item, `${path}.valor_unitario`),
		channelListingId: r.optString(item, `${path}.sku`),
		channelLineId: r.optString(item, `${path}.id_pedido_item`),
		title: r.optString(item, `${path}.nome`),
	});
}

/** "11998887778 / " (two phones joined by " / ", the second often empty): the first one. */
const firstPhone = (v: string | undefined) =>
	v
		?.split('/')
		.map((p) => p.trim())
		.find((p) => p !== '');

function readDelivery(r: RawReader, raw: JsonObject): Address | undefined {
	const [a, p] = r.optObject(raw, 'dados_entrega') ? [r.object(raw, 'dados_entrega'), 'dados_entrega'] : [r.optObject(raw, 'comprador') ?? {}, 'comprador'];
	return readAddress(
		(k) => r.optString(a, `${p}.${k}`)?.trim(),
		{ name: 'nome', street: 'logradouro', number: 'numero', complement: 'complemento', district: 'bairro', city: 'cidade', state: 'uf', postalCode: 'cep' },
		{ country: 'BR' },
	);
}

/** faturamento[]: one entry per SKU, repeating the key when one NF-e covers several; the first names the invoice. */
function readInvoice(r: RawReader, raw: JsonObject, offset: string): Invoice | undefined {
	const first = items(r, raw, 'faturamento')[0];
	return (
		first &&
		readLocalInvoice(r, first.item, first.path, offset, { nfeKey: 'chave_acesso', number: 'numero', series: 'serie', issuedAt: 'data_emissao', url: 'url' })
	);
}

/** envio[]: per SKU; entries with the same tracking code are one shipment. */
function readShipments(r: RawReader, raw: JsonObject, offset: string): Shipment[] {
	const byCode = new Map<string, Shipment>();
	for (const { item, path } of items(r, raw, 'envio')) {
		const shipment: Shipment = compact({
			carrier: r.optString(item, `${path}.nome_transportadora`),
			trackingCode: r.optString(item, `${path}.codigo_rastreio`),
			trackingUrl: r.optString(item, `${path}.url_rastreio`),
			shippedAt: readLocalDate(r, item, `${path}.data_transportadora`, offset),
		});
		if (shipment.trackingCode || shipment.shippedAt) byCode.set(shipment.trackingCode ?? `#${byCode.size}`, shipment);
	}
	return [...byCode.values()];
}

/**
 * A list or by-id order → canonical order. channelOrderId is `id_pedido`: the number the seller's portal and
 * every write endpoint use. pedido_mm (the buyer's MadeiraMadeira order, which may hold other sellers' parts)
 * and pedido_wd are other systems' numbers, not kept. Reais only: BRL. `offset`: see api.ts.
 */
export function normalizeMadeiraMadeiraOrder(input: unknown, account: string, offset: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('madeiramadeira', input, 'id_pedido');
	const channelOrderId = r.string(raw, 'id_pedido');
	const lines = requireLines(r, 'skus', items(r, raw, 'skus').map(({ item, path }) => readLine(r, item, path)));
	const flags = new Set<IntakeFlag>();
	const status = readTableStatus(r, raw, 'status', MADEIRAMADEIRA_STATUS, flags);
	const createdAt = readLocalDate(r, raw, 'data_criacao', offset) ?? r.fail('data_criacao', 'is required');
	const buyer = r.optObject(raw, 'comprador') ?? {};
	const order: CanonicalOrder = {
		...orderHead('madeiramadeira', account, channelOrderId, createdAt, readLocalDate(r, raw, 'ultima_atualizacao', offset)),
		...status,
		currency: 'BRL',
		totals: readChargedTotals(r, raw, lines, 'frete', 'total'),
		customer: readCustomer((k) => (k === 'telefone' ? firstPhone(r.optString(buyer, `comprador.${k}`)) : r.optString(buyer, `comprador.${k}`)?.trim()), {
			name: 'nome',
			email: 'email',
			phone: 'telefone',
			document: 'documento',
		}),
		lines,
		shipments: readShipments(r, raw, offset),
	};
	const found = { shippingAddress: readDelivery(r, raw), invoice: readInvoice(r, raw, offset) };
	// [?] data_previsao_rastreamento (the day the tracking code is due) read as that day's end.
	const shipBy = readLocalDate(r, raw, 'data_previsao_rastreamento', offset, '23:59:59');
	return finishOrder(order, { ...found, shipBy, paymentMethod: madeiraMadeiraMethod(raw.pagamento_detalhado, raw.pagamento_fluxo) }, flags);
}
