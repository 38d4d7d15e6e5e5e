import type { HttpRequest } from '../../http/transport';
import { identifyBy } from '../common/clock';
import { accountOffset, openRawOrder, readLocalDate } from '../common/fields';
import { expectObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow, changedInWindow, clampPageSize, nextCreatedKeyset, parseCreatedKeyset } from '../common/paging';
import type { JsonObject } from '../common/raw-reader';
import { statusIdTable } from '../common/status';
import { KEYED_BY_SELLER_SKU, type ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { readOrders, WAKE_END_MARGIN_MS, WAKE_MAX_PAGE, WAKE_OFFSET, wakeDate } from './api';
import { normalizeWakeOrder, type WakeOrder } from './normalize';
import { createWakeWriter } from './writer';

export { WAKE_API } from './api';
export { WAKE_NAME_RULES } from './status';
export type { WakeOrder } from './normalize';

/**
 * Wake Commerce orders: GET /pedidos by enumTipoFiltroData=DataAlteracao, newest first (the documented
 * order), paged by a keyset on that time (common/paging nextCreatedKeyset): each page lowers dataFinal to the
 * second of the oldest order listed (ties listed again, de-duplicated by the poller), and pages on at one
 * bound only when a whole page shares its second. A page number is no position here: an order that changes
 * moves to the top and every later order one place down. The list returns whole orders; getDetails puts the
 * store's status record (GET /situacoesPedido, read once per adapter) beside each.
 *
 * Not confirmed by public docs: that DataAlteracao filters and sorts on dataUltimaAtualizacao and moves on
 * every change (status, payment, tracking); the zone of the filter and of zone-less dates (-03:00 assumed, the
 * end widened by 3 h, see api.ts); the store's status ids and names (read from the store, see status.ts);
 * whether quantidadeRegistros above 50 is refused or clamped (50 is asked at most); webhooks (the API has
 * /webhook subscriptions, not built: polling is the intake).
 */
export function createWakeAdapter(ctx: AdapterContext): ChannelAdapter<WakeOrder> {
	const offset = accountOffset(ctx.options, WAKE_OFFSET);
	const byId = statusIdTable({}, ctx.options?.orderStatuses, 'Wake Order Statuses');
	let statuses: Promise<Map<string, JsonObject>> | undefined;
	const changedMs = (o: JsonObject) => {
		const { r } = openRawOrder('wake', o, 'pedidoId');
		return Date.parse(readLocalDate(r, o, 'dataUltimaAtualizacao', offset) ?? '');
	};

	async function get(path: string, query?: HttpRequest['query']) {
		const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, path), query };
		return { res: await send(ctx, req), req };
	}
	function storeStatuses(): Promise<Map<string, JsonObject>> {
		statuses ??= get('/situacoesPedido').then(
			({ res }) => new Map((Array.isArray(res.body) ? (res.body as JsonObject[]) : []).map((s) => [String(s.situacaoPedidoId), s])),
			(e: unknown) => {
				statuses = undefined;
				throw e;
			},
		);
		return statuses;
	}

	async function listChanged(req: ListChangedRequest) {
		const keyset = parseCreatedKeyset(req.pageToken);
		const size = clampPageSize(req.pageSize, WAKE_MAX_PAGE);
		const end = keyset.before ? Date.parse(keyset.before) - 1000 : Date.parse(req.until) + WAKE_END_MARGIN_MS - 1;
		const { res, req: httpReq } = await get('/pedidos', {
			dataInicial: wakeDate(Date.parse(req.since), offset),
			dataFinal: wakeDate(end, offset),
			enumTipoFiltroData: 'DataAlteracao',
			pagina: keyset.page,
			quantidadeRegistros: size,
		});
		const listed = readOrders(res, httpReq);
		return {
			items: changedInWindow(listed, changedMs, req.since, req.until),
			nextPageToken: nextCreatedKeyset(keyset, listed.map(changedMs), listed.length >= size),
		};
	}

	return {
		...bySecondUpToNow('wake'),
		listChanged,

		async getDetails(order) {
			const situacao = (await storeStatuses()).get(String(order.situacaoPedidoId));
			return situacao ? { ...order, situacaoPedido: situacao } : order;
		},

		async getOrder(id) {
			const { res, req } = await get(`/pedidos/${encodeURIComponent(id)}`);
			return expectObject(res, req);
		},

		identify: identifyBy('wake', 'pedidoId', 'dataUltimaAtualizacao', (r, o, key) => readLocalDate(r, o, key, offset) ?? readLocalDate(r, o, 'data', offset)),

		normalize: (raw) => normalizeWakeOrder(raw, ctx.account, offset, byId),
	};
}

export const wakeChannel: ChannelDescriptor<'wake'> = {
	id: 'wake',
	label: 'Wake Commerce (Tray Corp)',
	createAdapter: createWakeAdapter,
	createWriter: createWakeWriter,
	// GET /pedidos/{pedidoId} is the order; GET /pedidos a bare array.
	responseShapes: [],
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: KEYED_BY_SELLER_SKU },
};
