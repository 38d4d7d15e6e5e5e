import type { HttpRequest } from '../../http/transport';
import { getObject, joinUrl, send } from '../common/http';
import { bySecondUpToNow } from '../common/paging';
import { openRawOrder } from '../common/fields';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { formatMagentoKeyset, keysetGroups, MAGENTO_MAX_PAGE, magentoMs, parseMagentoKeyset, readItems, searchCriteria } from './api';
import { normalizeMagentoOrder, type MagentoOrder } from './normalize';
import { createMagentoWriter } from './writer';

export { MAGENTO_STATE } from './status';
export type { MagentoOrder } from './normalize';

/**
 * Magento 2 / Adobe Commerce orders: GET /V1/orders with updated_at ≥ since, sorted by updated_at then
 * entity_id, paged by keyset (api.ts). The list returns whole orders (items, addresses, payment), so there
 * is no getDetails; GET /V1/orders/{id} reads one order.
 *
 * Not confirmed by public docs: that a filter group of two filters is an OR over different fields for
 * /V1/orders (the docs show OR within one group on one field and on two; both use the same collection
 * processor); that updated_at moves on every change a seller cares about (state changes and shipments do
 * through the order's save; a change only to a shipment track may not); tracks are not on the order payload.
 */
export function createMagentoAdapter(ctx: AdapterContext): ChannelAdapter<MagentoOrder> {
	const updatedMs = (o: MagentoOrder) => magentoMs(o.updated_at);

	const one = (id: string): Promise<MagentoOrder> => getObject(ctx, joinUrl(ctx.baseUrl, `/V1/orders/${encodeURIComponent(id)}`));

	return {
		...bySecondUpToNow('magento'),

		async listChanged(req: ListChangedRequest) {
			const after = parseMagentoKeyset(req.pageToken);
			const pageSize = Math.max(1, Math.min(req.pageSize, MAGENTO_MAX_PAGE));
			const httpReq: HttpRequest = {
				method: 'GET',
				url: joinUrl(ctx.baseUrl, '/V1/orders'),
				query: searchCriteria(keysetGroups(req.since, after), [['updated_at', 'ASC'], ['entity_id', 'ASC']], pageSize),
			};
			const items = readItems(await send(ctx, httpReq), httpReq);
			const untilMs = Date.parse(req.until);
			// Sorted ascending: the first order past the window's end ends the window (it is the next one's).
			const cut = items.findIndex((o) => updatedMs(o) >= untilMs);
			const inWindow = cut < 0 ? items : items.slice(0, cut);
			const last = items[items.length - 1];
			const lastId = Number(last?.entity_id);
			const more = cut < 0 && items.length === pageSize;
			// A full page whose last order names no position cannot be continued: fail (the cursor stays) rather than stop.
			if (more && !(Number.isFinite(updatedMs(last)) && Number.isSafeInteger(lastId))) {
				throw new Error(`Magento order ${String(last?.entity_id)}: updated_at/entity_id unreadable (${JSON.stringify(last?.updated_at)}), the listing cannot page past it`);
			}
			return { items: inWindow, nextPageToken: more ? formatMagentoKeyset({ updatedAt: String(last.updated_at), id: lastId }) : undefined };
		},

		getOrder: one,

		identify(raw) {
			const { r, o } = openRawOrder('magento', raw, 'entity_id');
			const ms = magentoMs(o.updated_at ?? o.created_at);
			return { channelOrderId: r.string(o, 'entity_id'), updatedAt: Number.isFinite(ms) ? new Date(ms).toISOString() : r.fail('updated_at', 'is required') };
		},

		normalize: (raw) => normalizeMagentoOrder(raw, ctx.account),
	};
}

export const magentoChannel: ChannelDescriptor<'magento'> = {
	id: 'magento',
	label: 'Magento 2 / Adobe Commerce',
	createAdapter: createMagentoAdapter,
	createWriter: createMagentoWriter,
	// GET /V1/orders/{id} is the order; searches answer {items, search_criteria, total_count}.
	responseShapes: [{ list: ['items'] }],
	// [?] Magento has no order webhooks in core (Adobe I/O Events is Adobe Commerce only): polling is the intake.
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { none: 'Magento has no barcode attribute of its own (stores add custom attributes, each with its own code): not built' } },
};
