import type { HttpRequest } from '../../http/transport';
import { barcodeText, findInCatalog } from '../common/catalog-read';
import { localDateTime } from '../common/fields';
import { expectObject, joinUrl, multipartForm, send } from '../common/http';
import { absentOn404, sendWrite, stockPerSku, writeFault } from '../common/writer';
import type { AdapterContext, ChannelWriter, ListingRef } from '../types';
import { LOJA_INTEGRADA_MAX_LIMIT, LOJA_INTEGRADA_OFFSET, readObjects } from './api';

/**
 * Loja Integrada write-back (read in the survey of LI's OpenAPI and the client libraries named in api.ts):
 * - stock: PUT /v1/produto_estoque/{produto_id} {gerenciado, quantidade, situacao_em_estoque,
 *   situacao_sem_estoque}, one product per call (a variation is its own produto). The two situação fields are
 *   the store's lead times and its "sell without stock" rule; whether omitting them keeps them is not
 *   documented, so the current record is read first and sent back with the new quantity;
 * - shipment: the tracking code on the order's envio, PUT /v1/pedido_envio/{envio_id} {objeto} (the id is
 *   envios[].id of the order, not its numero), then situação pedido_enviado: PUT /v1/situacao/pedido/{numero}
 *   {codigo};
 * - cancel: situação pedido_cancelado the same way (no reason field);
 * - NF-e: POST /v1/integration/pedido/nf, multipart fields account_key (the store's chave de API, which the
 *   n8n side passes as options.storeKey), sale_number, date, invoice_number, serie, access_key, url (the
 *   DANFE's address). LI keeps addresses, not files: the XML is not uploaded (url_xml is not sent).
 * - barcodes: each produto's `gtin`, read from the catalogue (catalogPage below).
 * [?] Whether PUT situacao/pedido e-mails the buyer as a panel change does; whether `sku` filters exactly;
 * whether the NF-e endpoint sets the situação faturado by itself (it is not set here).
 */
export function createLojaIntegradaWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);

	async function findBySku(sku: string): Promise<ListingRef | undefined> {
		const req: HttpRequest = { method: 'GET', url: url('/v1/produto/'), query: { sku, limit: 20 } };
		const product = readObjects(await send(ctx, req), req).items.find((p) => p.sku === sku && p.removido !== true);
		return product ? { listingId: String(product.id) } : undefined;
	}

	/**
	 * GET /v1/produto/ filters by sku, ativo, removido and dates only, so barcodes are found by reading the
	 * catalogue (findInCatalog), 50 produtos a page by limit/offset. A variation is its own produto, listed as its
	 * own row (the parent names it in `filhos` as a URI), so one read covers them; a parent with variations (tipo
	 * "atributo") keeps no stock of its own and is passed over, as are removed produtos.
	 * [?] No sort order is documented, so an offset is not a stable position: a produto created or removed during
	 * the read (or between a read stopped on its budget and the one that resumes it) may shift one row past it
	 * unread, until a later read. The maximum `limit` of this list is not documented (50 is the order search's
	 * and the client libraries' default). `removido` works as a filter only in the operation's prose: not sent.
	 */
	const produtosByGtin = (gtins: string[]) =>
		findInCatalog<ListingRef>(ctx, 'lojaintegrada', gtins, async (position, seen) => {
			const offset = Number(position ?? 0);
			const req: HttpRequest = { method: 'GET', url: url('/v1/produto/'), query: { limit: LOJA_INTEGRADA_MAX_LIMIT, offset } };
			const { items, total } = readObjects(await send(ctx, req), req);
			for (const p of items) {
				const gtin = barcodeText(p.gtin);
				if (gtin && p.removido !== true && p.tipo !== 'atributo' && p.id !== undefined && p.id !== null) seen.offer(gtin, { listingId: String(p.id) });
			}
			const end = offset + items.length;
			// Without a reported total_count, a full page says there may be more.
			return items.length === LOJA_INTEGRADA_MAX_LIMIT && (total === undefined || end < total) ? String(end) : undefined;
		});

	async function setSituacao(numero: string, codigo: string): Promise<void> {
		await sendWrite(ctx, 'PUT', url(`/v1/situacao/pedido/${encodeURIComponent(numero)}`), { body: { codigo }, idempotent: true });
	}

	return {
		id: 'lojaintegrada',
		...stockPerSku(
			(sku) => absentOn404(() => findBySku(sku)),
			async ({ listing, quantity }) => {
				const stockUrl = url(`/v1/produto_estoque/${encodeURIComponent(listing.listingId)}`);
				const read: HttpRequest = { method: 'GET', url: stockUrl };
				const current = expectObject(await send(ctx, read), read);
				const keep = (k: string, fallback: number) => (Number.isInteger(current[k]) ? (current[k] as number) : fallback);
				const body = {
					gerenciado: true,
					quantidade: quantity,
					situacao_em_estoque: keep('situacao_em_estoque', 0),
					situacao_sem_estoque: keep('situacao_sem_estoque', -1),
				};
				// An absolute value: a resend after a 5xx sets the same stock.
				await sendWrite(ctx, 'PUT', stockUrl, { body, idempotent: true });
			},
		),

		resolveListingsByGtin: produtosByGtin,

		async pushShipment(input) {
			const read: HttpRequest = { method: 'GET', url: url(`/v1/pedido/${encodeURIComponent(input.channelOrderId)}`) };
			const envios = expectObject(await send(ctx, read), read).envios;
			const envio = Array.isArray(envios) ? (envios[0] as { id?: unknown } | undefined) : undefined;
			if (envio?.id === undefined || envio.id === null) throw writeFault(read, `Loja Integrada order ${input.channelOrderId} has no envio to carry the tracking code`);
			await sendWrite(ctx, 'PUT', url(`/v1/pedido_envio/${encodeURIComponent(String(envio.id))}`), { body: { objeto: input.trackingCode }, idempotent: true });
			await setSituacao(input.channelOrderId, 'pedido_enviado');
		},

		cancelOrder: (input) => setSituacao(input.channelOrderId, 'pedido_cancelado'),

		async pushInvoice(input) {
			const storeKey = ctx.options?.storeKey;
			if (typeof storeKey !== 'string' || storeKey === '') throw new Error('Loja Integrada NF-e needs the store key (options.storeKey, the credential\'s Chave API)');
			const form = multipartForm({
				account_key: storeKey,
				sale_number: input.channelOrderId,
				date: localDateTime(input.issuedAt, LOJA_INTEGRADA_OFFSET).replace('T', ' '),
				invoice_number: input.number,
				serie: input.series,
				access_key: input.nfeKey,
				url: input.url,
			});
			await sendWrite(ctx, 'POST', url('/v1/integration/pedido/nf'), form);
		},
	};
}
