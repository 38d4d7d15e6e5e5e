import type { HttpRequest } from '../../http/transport';
import { identifyBy } from '../common/clock';
import { accountOffset, readLocalDate } from '../common/fields';
import { joinUrl, send } from '../common/http';
import { bySecondUpToNow, clampPageSize } from '../common/paging';
import type { JsonObject } from '../common/raw-reader';
import { absentOn404 } from '../common/writer';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { formatPrestaShopKeyset, nextSecond, parsePrestaShopKeyset, PRESTASHOP_MAX_PAGE, PRESTASHOP_OFFSET, psDate, psMs, readList, readOne } from './api';
import { normalizePrestaShopOrder, type PrestaShopOrder } from './normalize';
import { prestaShopStates } from './status';
import { createPrestaShopWriter } from './writer';

export { PRESTASHOP_DEFAULT_STATES, prestaShopStates } from './status';
export type { PrestaShopOrder } from './normalize';

/**
 * PrestaShop orders through the webservice (api.ts): GET /api/orders?display=full with date_upd inside the
 * window (date=1), sorted by date_upd then id, paged by keyset (api.ts: two reads per page). The order names
 * its customer, delivery address and currency by id: getDetails reads them (currencies, countries and states
 * once per adapter) and puts each record beside the order.
 *
 * Not confirmed by public docs: the time zone of dates (the shop's; -03:00 unless the credential says);
 * that sort on two fields works on every version (the cheat sheet documents it; the code builds it); that
 * date_upd moves on every change a seller cares about (a state change saves the order; a tracking number
 * written to order_carriers alone may not); where Brazilian shops keep the CPF (dni, else vat_number, is
 * read); webhooks (none in core: polling is the intake).
 */
export function createPrestaShopAdapter(ctx: AdapterContext): ChannelAdapter<PrestaShopOrder> {
	const offset = accountOffset(ctx.options, PRESTASHOP_OFFSET);
	const states = prestaShopStates(ctx.options?.orderStates);
	const cache = new Map<string, Promise<JsonObject | undefined>>();

	async function get(path: string, query: HttpRequest['query'] = {}) {
		const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, path), query: { ...query, output_format: 'JSON' } };
		return { res: await send(ctx, req), req };
	}
	async function record(resource: string, singular: string, id: unknown): Promise<JsonObject | undefined> {
		if (typeof id !== 'string' || !/^[1-9]\d*$/.test(id)) return undefined;
		// A deleted customer or address (guest checkouts) is no reason to hold the order back.
		return absentOn404(async () => {
			const { res, req } = await get(`/${resource}/${id}`);
			return readOne(res, req, singular);
		});
	}
	const cached = (resource: string, singular: string, id: unknown) => {
		const key = `${resource}/${String(id)}`;
		if (!cache.has(key))
			cache.set(
				key,
				record(resource, singular, id).catch((e: unknown) => (cache.delete(key), Promise.reject(e))),
			);
		return cache.get(key)!;
	};
	async function list(query: Record<string, string | number>): Promise<JsonObject[]> {
		const { res, req } = await get('/orders', { display: 'full', ...query });
		return readList(res, req, 'orders');
	}
	const position = (o: JsonObject | undefined) => {
		const id = Number(o?.id);
		return o && Number.isFinite(psMs(o.date_upd, '+00:00')) && Number.isSafeInteger(id) ? { updatedAt: String(o.date_upd), id } : undefined;
	};

	/** One page of the window: the keyset's two reads (api.ts). */
	async function listChanged(req: ListChangedRequest) {
		const after = parsePrestaShopKeyset(req.pageToken);
		const size = clampPageSize(req.pageSize, PRESTASHOP_MAX_PAGE);
		// BETWEEN is inclusive at both ends: the last whole second before `until`.
		const last = psDate(new Date(Date.parse(req.until) - 1).toISOString(), offset);
		const items: JsonObject[] = [];
		if (after)
			items.push(...(await list({ 'filter[date_upd]': `[${after.updatedAt}]`, 'filter[id]': `>[${after.id}]`, date: 1, sort: '[id_ASC]', limit: size })));
		const from = after ? nextSecond(after.updatedAt) : psDate(req.since, offset);
		// PrestaShop sorts an interval's two bounds, so a reversed one would list the wrong seconds.
		if (items.length < size && from <= last) {
			items.push(...(await list({ 'filter[date_upd]': `[${from},${last}]`, date: 1, sort: '[date_upd_ASC,id_ASC]', limit: size - items.length })));
		}
		if (items.length < size) return { items };
		const next = position(items[items.length - 1]);
		// A full page ending on an order without a readable position cannot be continued: fail, the cursor stays.
		if (!next)
			throw new Error(
				`PrestaShop order ${String(items[items.length - 1].id)}: date_upd/id unreadable (${JSON.stringify(items[items.length - 1].date_upd)}), the listing cannot page past it`,
			);
		return { items, nextPageToken: formatPrestaShopKeyset(next) };
	}

	return {
		...bySecondUpToNow('prestashop'),
		listChanged,

		async getDetails(order) {
			const address = await record('addresses', 'address', order.id_address_delivery);
			const [customer, currency, country, state] = await Promise.all([
				record('customers', 'customer', order.id_customer),
				cached('currencies', 'currency', order.id_currency),
				cached('countries', 'country', address?.id_country),
				cached('states', 'state', address?.id_state),
			]);
			const details = { customer, address_delivery: address, currency, country, state };
			return { ...order, ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) };
		},

		async getOrder(id) {
			const { res, req } = await get(`/orders/${encodeURIComponent(id)}`);
			return readOne(res, req, 'order');
		},

		identify: identifyBy('prestashop', 'id', 'date_upd', (r, o, key) => readLocalDate(r, o, key, offset) ?? readLocalDate(r, o, 'date_add', offset)),

		normalize: (raw) => normalizePrestaShopOrder(raw, ctx.account, offset, states),

		async sample() {
			// date_upd is no sort field either without date=1 (WebserviceRequest::manageFilters).
			return (await list({ sort: '[date_upd_DESC,id_DESC]', date: 1, limit: 1 }))[0];
		},
	};
}

export const prestaShopChannel: ChannelDescriptor<'prestashop'> = {
	id: 'prestashop',
	label: 'PrestaShop',
	createAdapter: createPrestaShopAdapter,
	createWriter: createPrestaShopWriter,
	// output_format=JSON: GET /api/orders/{id} is {"order": {...}}, the list {"orders": [...]}.
	responseShapes: [{ one: ['order'] }, { list: ['orders'] }],
	// [?] No order webhooks in core PrestaShop (modules add their own): polling is the intake. No invoice:
	// PrestaShop's order_invoices are its own documents, with no field for an NF-e.
	capabilities: { writes: ['shipment', 'cancel'], barcodes: { field: '`ean13` of combinations and products (`upc` for a GTIN-12), by webservice filter' } },
};
