import { joinUrl, send } from '../common/http';
import type { JsonObject } from '../common/raw-reader';
import { chunk, listingsBySku, pushBatches, sendWrite, writeFault } from '../common/writer';
import type { AdapterContext, ChannelWriter, StockUpdate, WriteFailure } from '../types';
import { WAKE_MAX_PAGE } from './api';
import { wakeStatusName } from './status';

/**
 * Wake write-back (API Pública):
 * - stock: PUT /produtos/estoques?tipoIdentificador=Sku, up to 50 SKUs per call, each {identificador,
 *   listaEstoque: [{estoqueFisico, centroDistribuicaoId}]} for the credential's distribution centre (1 unless
 *   set); the answer lists produtosAtualizados and produtosNaoAtualizados (with detalhes) by sku;
 * - invoice: POST /pedidos/{id}/rastreamento with numeroNotaFiscal, serieNFE, chaveAcessoNFE, urlNFE and
 *   dataEvento (+ situacaoPedidoId when the credential names an Invoiced Status ID);
 * - shipment: POST /pedidos/{id}/rastreamento with rastreamento, urlRastreamento and dataEvento (+ the Shipped
 *   Status ID when set);
 * - cancel: PUT /pedidos/{id}/status {id}: the credential's Cancelled Status ID, else the store's status whose
 *   name says cancelled (GET /situacoesPedido; none or several: an error asking for the id).
 * [?] Not confirmed: whether Wake subtracts its own reservations (estoqueReservado) from the estoqueFisico
 * written (the OMS value already excludes every channel's reservations, so Wake would show less, never more);
 * the default distribution centre's id; whether a rastreamento POST without situacaoPedidoId keeps the status.
 */
export function createWakeWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const option = (name: string) => {
		const v = ctx.options?.[name];
		return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
	};
	const centre = option('distributionCenterId') ?? 1;

	async function pushBatch(batch: StockUpdate[]): Promise<Map<number, WriteFailure>> {
		const body = batch.map((u) => ({ identificador: u.listing.listingId, listaEstoque: [{ estoqueFisico: u.quantity, centroDistribuicaoId: centre }] }));
		const target = url('/produtos/estoques');
		// Absolute values: a resend after a 5xx sets the same stock.
		const res = await sendWrite(ctx, 'PUT', target, { query: { tipoIdentificador: 'Sku' }, body, idempotent: true });
		const answer = res.body as JsonObject | undefined;
		const refused = Array.isArray(answer?.produtosNaoAtualizados) ? (answer.produtosNaoAtualizados as JsonObject[]) : undefined;
		if (!refused) throw writeFault({ method: 'PUT', url: target }, 'Wake answered PUT /produtos/estoques without produtosNaoAtualizados', res.body);
		const failures = new Map<number, WriteFailure>();
		batch.forEach((u, i) => {
			const no = refused.find((p) => String(p.sku) === u.listing.listingId);
			if (no) failures.set(i, { message: `Wake did not update ${u.sku}: ${typeof no.detalhes === 'string' && no.detalhes ? no.detalhes : 'no reason given'}` });
		});
		return failures;
	}

	async function tracking(orderId: string, fields: Record<string, string | number | undefined>): Promise<void> {
		await sendWrite(ctx, 'POST', url(`/pedidos/${encodeURIComponent(orderId)}/rastreamento`), { body: fields });
	}

	async function cancelledStatus(): Promise<number> {
		const set = option('cancelledStatusId');
		if (set !== undefined) return set;
		const req = { method: 'GET' as const, url: url('/situacoesPedido') };
		const res = await send(ctx, req);
		const list = Array.isArray(res.body) ? (res.body as JsonObject[]) : [];
		const matches = list.filter((s) => typeof s.nome === 'string' && /cancel/.test(wakeStatusName(s.nome)));
		if (matches.length !== 1)
			throw writeFault(
				req,
				`Wake: set the credential's Cancelled Status ID (${matches.length === 0 ? 'no' : 'more than one'} status of the store is named as cancelled)`,
			);
		return Number(matches[0].situacaoPedidoId);
	}

	return {
		id: 'wake',
		stockBatchSize: WAKE_MAX_PAGE,
		// Stock is written by the seller SKU itself (tipoIdentificador=Sku): no look-up.
		resolveListings: listingsBySku,

		async pushStock(updates) {
			const results = await pushBatches(chunk(updates, WAKE_MAX_PAGE), pushBatch);
			return updates.map((u) => results.get(u)!);
		},

		pushInvoice: (input) =>
			tracking(input.channelOrderId, {
				numeroNotaFiscal: input.number,
				serieNFE: input.series,
				chaveAcessoNFE: input.nfeKey,
				urlNFE: input.url,
				dataEvento: input.issuedAt,
				situacaoPedidoId: option('invoicedStatusId'),
			}),

		pushShipment: (input) =>
			tracking(input.channelOrderId, {
				rastreamento: input.trackingCode,
				urlRastreamento: input.trackingUrl,
				dataEvento: input.shippedAt ?? new Date().toISOString(),
				situacaoPedidoId: option('shippedStatusId'),
			}),

		async cancelOrder(input) {
			const id = await cancelledStatus();
			await sendWrite(ctx, 'PUT', url(`/pedidos/${encodeURIComponent(input.channelOrderId)}/status`), { body: { id } });
		},
	};
}
