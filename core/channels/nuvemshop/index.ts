import type { HttpRequest } from '../../http/transport';
import type { AdapterContext, ChannelAdapter, ListChangedPage, ListChangedRequest } from '../types';
import { identifyBy } from '../common/clock';
import { readOptUtcDate } from '../common/fields';
import { expectArray, expectObject, joinUrl, send, secondsIso } from '../common/http';
import { bySecondUpToNow, formatCreatedKeyset, nextCreatedKeyset, parseCreatedKeyset, pageOfLink, parseLinkHeader, type CreatedKeyset } from '../common/paging';
import { isPastLastPage } from './pages';
import { normalizeNuvemshopOrder, type NuvemshopOrder } from './normalize';
import type { ChannelDescriptor } from '../descriptor';
import { createNuvemshopWriter } from './writer';
import { nuvemshopWebhookReader } from './webhook';
import { nuvemshopRegistrar } from './webhook-register';

export { NUVEMSHOP_ORDER_STATUS, NUVEMSHOP_PAYMENT_STATUS, NUVEMSHOP_SHIPPING_STATUS, nuvemshopStatus } from './status';
export type { NuvemshopOrder } from './normalize';

/** API roots by platform (same API, two brands); the store id is appended per request. */
export const NUVEMSHOP_API_ROOTS = { nuvemshop: 'https://api.nuvemshop.com.br/v1', tiendanube: 'https://api.tiendanube.com/v1' } as const;
const MAX_PER_PAGE = 200;

/**
 * Without payment_status, GET /orders returns only pending, authorized and paid orders ("any" means those
 * three). Orders whose payment was voided, refunded or abandoned must reach the OMS too (they release
 * stock), so a window is listed once per group, in this order. The page token is "<group>|<keyset>".
 */
const PAYMENT_GROUPS = [undefined, 'voided', 'refunded', 'abandoned'] as const;

function parseToken(token: string | undefined): { group: number; keyset: CreatedKeyset } {
	if (token === undefined) return { group: 0, keyset: { page: 1 } };
	const m = /^(\d+)\|(.+)$/.exec(token);
	const group = m ? Number(m[1]) : NaN;
	if (!m || group >= PAYMENT_GROUPS.length) throw new Error(`Invalid Nuvemshop page token "${token}"`);
	return { group, keyset: parseCreatedKeyset(m[2]) };
}

function nextToken(group: number, next: string | undefined): string | undefined {
	if (next !== undefined) return `${group}|${next}`;
	return group + 1 < PAYMENT_GROUPS.length ? `${group + 1}|${formatCreatedKeyset({ page: 1 })}` : undefined;
}

/**
 * Nuvemshop / Tiendanube REST v1. ctx.baseUrl is the API root (…/v1), ctx.account the store id; the
 * transport adds "Authentication: bearer <token>" and the mandatory User-Agent (the credential does).
 *
 * updated_at_min/max are whole-second bounds, hence filterPrecisionMs = 1000. The API lists newest-created
 * first; pages are a keyset on creation time (created_at_max), not page numbers, so an order that changes
 * while the window is listed cannot shift another past a page boundary (see nextCreatedKeyset). The keyset
 * also keeps page × per_page far below the 10,000 cap reported for deep pages.
 */
export function createNuvemshopAdapter(ctx: AdapterContext): ChannelAdapter<NuvemshopOrder> {
	const ordersUrl = joinUrl(ctx.baseUrl, `/${encodeURIComponent(ctx.account)}/orders`);

	async function listPage(query: HttpRequest['query']): Promise<{ items: NuvemshopOrder[]; next?: number }> {
		const req: HttpRequest = { method: 'GET', url: ordersUrl, query };
		try {
			const res = await send(ctx, req);
			return { items: expectArray(res, req) as NuvemshopOrder[], next: pageOfLink(parseLinkHeader(res.headers.link).next) };
		} catch (error) {
			if (isPastLastPage(error)) return { items: [] };
			throw error;
		}
	}

	return {
		...bySecondUpToNow('nuvemshop'),

		async listChanged(req: ListChangedRequest): Promise<ListChangedPage<NuvemshopOrder>> {
			const { group, keyset } = parseToken(req.pageToken);
			const { items, next } = await listPage({
				updated_at_min: `${secondsIso(req.since, 'down')}Z`,
				updated_at_max: `${secondsIso(req.until, 'up')}Z`,
				created_at_max: keyset.before,
				payment_status: PAYMENT_GROUPS[group],
				page: keyset.page,
				per_page: Math.min(req.pageSize, MAX_PER_PAGE),
			});
			const created = items.map((o) => Date.parse(String(o?.created_at).replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
			// The Link header's "next" says whether there is more; the position itself is the keyset.
			return { items, nextPageToken: nextToken(group, nextCreatedKeyset(keyset, created, next !== undefined)) };
		},

		identify: identifyBy('nuvemshop', 'id', 'updated_at', readOptUtcDate),

		normalize: (raw) => normalizeNuvemshopOrder(raw, ctx.account, ctx.options),

		/** GET /{store_id}/orders/{id}: the webhook body only names the order. */
		async getOrder(id: string) {
			const req: HttpRequest = { method: 'GET', url: joinUrl(ordersUrl, `/${encodeURIComponent(id)}`) };
			return expectObject(await send(ctx, req), req) as NuvemshopOrder;
		},

		/** The listing is newest-first by creation date. */
		async sample() {
			return (await listPage({ per_page: 1 })).items[0];
		},
	};
}

export const nuvemshopChannel: ChannelDescriptor<'nuvemshop'> = {
	id: 'nuvemshop',
	label: 'Nuvemshop',
	createAdapter: createNuvemshopAdapter,
	createWriter: createNuvemshopWriter,
	// GET /orders/{id} is the order; GET /orders is a bare array.
	responseShapes: [],
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { field: 'variant `barcode`, by reading the catalog (GET /products, since_id pages): the API has no barcode search' }, webhooks: { reader: nuvemshopWebhookReader, registrar: nuvemshopRegistrar } },
};
