import { brazilianDay, openRawOrder } from '../common/fields';
import { joinUrl } from '../common/http';
import { decimalToCents } from '../common/money';
import type { JsonObject } from '../common/raw-reader';
import { listingsBySku, pushEach, sendWrite, writeFault } from '../common/writer';
import type { AdapterContext, ChannelWriter } from '../types';
import { errorsOf, fetchOrder, madeiraOffset } from './api';

/**
 * MadeiraMadeira write-back (the published collection, see api.ts):
 * - stock: PUT /v1/produto/estoque [{sku, estoque}] by the seller's SKU ([3P] body as integrators send it and as
 *   the documented /produto/pendente/bulk example names the fields); one SKU per request, so a refused SKU fails
 *   alone ([?] how a batch reports one bad item is undocumented);
 * - invoice: PUT /v1/pedido/invoiced [{id_pedido, faturamento: [per SKU {sku, quantidade, chave_acesso,
 *   data_emissao DD/MM/YYYY, valor (the SKU's product total), numero, serie, url}]}] — the order must be 3
 *   (APROVADO); one NF-e repeats its key on every SKU;
 * - shipment: PUT /v1/pedido/shipped [{id_pedido, envio: [per SKU {sku, quantidade, data_transportadora,
 *   codigo_rastreio, nome_transportadora, url_rastreio}]}] — the order must be 6 (NF EMITIDA);
 * - cancel: the API has no seller cancellation (none in the collection; sellers ask MadeiraMadeira): not supported.
 * Both order writes read the order first for its SKUs and quantities ("informações a nível de sku").
 * [?] Not confirmed: whether `sku` in the writes is the seller's (the documented orders' faturamento/envio echo
 * skuseller, so it is sent; MadeiraMadeira's own sku when a line has none), whether `username` is required (the
 * invoice example has one: sent), and the error shape of a 2xx that refused an item (an `errors` member is read
 * as a refusal).
 */
export function createMadeiraMadeiraWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const offset = madeiraOffset(ctx);

	async function write(path: string, body: unknown, what: string, idempotent = false): Promise<void> {
		const res = await sendWrite(ctx, 'PUT', url(path), { body, idempotent });
		const refused = errorsOf(res.body);
		if (refused) throw writeFault({ method: 'PUT', url: url(path) }, `MadeiraMadeira refused ${what}: ${refused}`, res.body);
	}

	/** The order's lines as the writes name them: seller SKU, quantity, the SKU's product total. */
	async function skusOf(id: string): Promise<Array<{ sku: string; quantidade: number; valor: number }>> {
		const order = await fetchOrder(ctx, id);
		const { r } = openRawOrder('madeiramadeira', order, 'id_pedido');
		return r.objects(r.array(order, 'skus'), 'skus').map(({ item, path }) => {
			const quantidade = r.integer(item, `${path}.quantidade`, 1);
			const cents = decimalToCents(item.total) ?? (decimalToCents(item.valor_unitario) ?? 0) * quantidade;
			return { sku: r.optString(item, `${path}.skuseller`) ?? r.string(item, `${path}.sku`), quantidade, valor: cents / 100 };
		});
	}

	// The documented examples send id_pedido as a number.
	const idOf = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

	return {
		id: 'madeiramadeira',
		stockBatchSize: 1,
		// Stock is keyed by the seller's SKU: every SKU is its own listing (an unknown one is refused at push).
		resolveListings: listingsBySku,

		pushStock: (updates) =>
			pushEach(updates, async ({ sku, quantity, listing }) => {
				// An absolute value: a resend after a 5xx sets the same stock.
				await write('/v1/produto/estoque', [{ sku: listing.listingId, estoque: quantity }], `the stock of ${sku}`, true);
			}),

		async pushInvoice(input) {
			const faturamento = (await skusOf(input.channelOrderId)).map(
				(l): JsonObject => ({
					...l,
					chave_acesso: input.nfeKey,
					data_emissao: brazilianDay(input.issuedAt, offset),
					numero: input.number,
					serie: input.series,
					...(input.url ? { url: input.url } : {}),
				}),
			);
			await write(
				'/v1/pedido/invoiced',
				[{ id_pedido: idOf(input.channelOrderId), username: 'OMS', faturamento }],
				`the NF-e of order ${input.channelOrderId}`,
			);
		},

		async pushShipment(input) {
			const envio = (await skusOf(input.channelOrderId)).map(({ sku, quantidade }) => ({
				sku,
				quantidade,
				data_transportadora: brazilianDay(input.shippedAt ?? new Date().toISOString(), offset),
				codigo_rastreio: input.trackingCode,
				nome_transportadora: input.carrier,
				...(input.trackingUrl ? { url_rastreio: input.trackingUrl } : {}),
			}));
			await write('/v1/pedido/shipped', [{ id_pedido: idOf(input.channelOrderId), envio }], `the shipment of order ${input.channelOrderId}`);
		},
	};
}
