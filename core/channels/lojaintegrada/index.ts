import type { HttpRequest } from '../../http/transport';
import { orderClock } from '../common/clock';
import { accountOffset, localDateTime, readLocalDate } from '../common/fields';
import { getObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow, listCheckedOffset } from '../common/paging';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { LOJA_INTEGRADA_MAX_LIMIT, LOJA_INTEGRADA_OFFSET, readObjects } from './api';
import { normalizeLojaIntegradaOrder, type LojaIntegradaOrder } from './normalize';
import { createLojaIntegradaWriter } from './writer';

export { LOJA_INTEGRADA_STATUS } from './status';
export { LOJA_INTEGRADA_API } from './api';
export type { LojaIntegradaOrder } from './normalize';

/**
 * Loja Integrada orders. GET /v1/pedido/search lists summaries changed "a partir de" `since_atualizado`
 * (AAAA-MM-DDTHH:MM:SS, store time, inclusive: no upper bound, so orders past the window's end are left for
 * the next window); GET /v1/pedido/{numero} is the order with items, customer, address, payments and envios
 * (getDetails).
 *
 * Paging: limit/offset (≤ 50). No sort order is documented for orders, so positions are not trusted: each page
 * is requested from one order earlier and the window starts over when that order moved (checkedOffsetPage).
 *
 * Not confirmed by public docs: the zone of dates and of `since_atualizado` (-03:00 assumed), the list's
 * sort order, whether `since_atualizado` is inclusive ("a partir da" reads so), and whether the detail path
 * takes the numero (the documented example's path and numero are both 165; the client libraries use numero).
 */
export function createLojaIntegradaAdapter(ctx: AdapterContext): ChannelAdapter<LojaIntegradaOrder> {
	const offset = accountOffset(ctx.options, LOJA_INTEGRADA_OFFSET);
	const order = (numero: string) => joinUrl(ctx.baseUrl, `/v1/pedido/${encodeURIComponent(numero)}`);
	const numeroOf = (o: LojaIntegradaOrder | undefined) => (o && o.numero !== undefined && o.numero !== null ? String(o.numero) : undefined);

	const detail = (numero: string): Promise<LojaIntegradaOrder> => getObject(ctx, order(numero));
	const clock = orderClock('lojaintegrada', 'numero', 'data_modificacao', (r, o, key) => readLocalDate(r, o, key, offset));

	return {
		...bySecondUpToNow('lojaintegrada'),

		async listChanged(req: ListChangedRequest) {
			const next = await listCheckedOffset(
				req.pageToken,
				req.pageSize,
				LOJA_INTEGRADA_MAX_LIMIT,
				'Loja Integrada',
				async (from, limit) => {
					const httpReq: HttpRequest = {
						method: 'GET',
						url: joinUrl(ctx.baseUrl, '/v1/pedido/search/'),
						query: { since_atualizado: localDateTime(req.since, offset), limit, offset: from },
					};
					return readObjects(await send(ctx, httpReq), httpReq).items;
				},
				numeroOf,
			);
			const untilMs = Date.parse(req.until);
			// Orders changed after the window's end belong to the next window; unreadable dates go on to identify().
			return { ...next, items: next.items.filter((o) => !(clock.changedMs(o) >= untilMs)) };
		},

		getDetails: (summary) => detail(String(summary.numero)),
		getOrder: detail,

		identify: clock.identify,

		normalize: (raw) => normalizeLojaIntegradaOrder(raw, ctx.account, offset),
	};
}

export const lojaIntegradaChannel: ChannelDescriptor<'lojaintegrada'> = {
	id: 'lojaintegrada',
	label: 'Loja Integrada',
	createAdapter: createLojaIntegradaAdapter,
	createWriter: createLojaIntegradaWriter,
	// GET /v1/pedido/{numero} is the order; lists answer {meta, objects}.
	responseShapes: [{ list: ['objects'] }],
	// [?] Webhook Pedidos exists (PUT /webhooks/v1/pedido {notifyUrl, token}; deliveries carry "Authorization:
	// Bearer <token>", no signature) but its payload has another shape and was not read first-hand: the poll
	// trigger is the intake.
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { field: 'produto `gtin` (variations are produtos of their own), by reading the catalogue (GET /v1/produto, 50 a page): the list has no barcode filter' } },
};
