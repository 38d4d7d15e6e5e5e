import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { OrderValidationError } from '../../model/validate';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext, ChannelAdapter, ListChangedPage, ListChangedRequest } from '../types';
import { claimIdOf, mayHaveReturns, orderIdOfClaim, readOrderReturns } from './claims';
import { mlOrderRef, normalizeMlOrder } from './normalize';
import { ML_DEFAULT_BASE_URL, type MlOrder, type MlSearchResponse, type MlShipment } from './types';
import type { ChannelDescriptor } from '../descriptor';
import { createMercadoLivreWriter } from './writer';
import { mercadoLivreWebhookReader } from './webhook';
import { mercadoLivreMissedFeeds } from './missed-feeds';

export { ML_ORDER_STATUS_MAP, ML_SHIPMENT_STATUS_MAP, ML_TAG_STATUS_MAP } from './status';
export { ML_DEFAULT_BASE_URL, type MlOrder } from './types';

const HOUR_MS = 3600_000;

/** Offset paging state, opaque to the poller. `total` detects a result set that shrank while paging. */
interface PageToken {
	offset: number;
	total: number;
}

/**
 * Mercado Livre orders. The changed-since filter "uses up to the hour and discards minutes, seconds and
 * milliseconds", hence filterPrecisionMs = 1 h: the poller overlaps by that much and de-duplicates.
 */
export function createMercadoLivreAdapter(ctx: AdapterContext): ChannelAdapter<MlOrder> {
	const base = ctx.baseUrl || ML_DEFAULT_BASE_URL;
	const get = async (path: string, query?: HttpRequest['query'], headers?: Record<string, string>) => {
		const req: HttpRequest = { method: 'GET', url: joinUrl(base, path), query, headers };
		return expectObject(await send(ctx, req), req);
	};
	const search = async (query: HttpRequest['query']): Promise<MlSearchResponse> => {
		const res = await get('/orders/search', { seller: ctx.account, ...query });
		if (!Array.isArray(res.results) || typeof (res.paging as MlSearchResponse['paging'])?.total !== 'number') {
			throw new ChannelHttpError(200, { method: 'GET', url: joinUrl(base, '/orders/search') }, 'Unexpected /orders/search response: no results/paging', res);
		}
		return res as unknown as MlSearchResponse;
	};

	async function withShipment(order: MlOrder): Promise<MlOrder> {
		const shippingId = order.shipping?.id;
		if (shippingId === undefined || shippingId === null) return order;
		try {
			const shipment = (await get(`/shipments/${encodeURIComponent(String(shippingId))}`, undefined, { 'x-format-new': 'true' })) as unknown as MlShipment;
			return { ...order, shipment };
		} catch (error) {
			// A shipment the seller cannot read (e.g. fulfilment by ML) must not hold the order back.
			if (error instanceof ChannelHttpError && error.httpCode === 404) return order;
			throw error;
		}
	}

	return {
		id: 'mercadolivre',
		filterPrecisionMs: HOUR_MS,
		latestUntil: (now) => now,

		async listChanged(req: ListChangedRequest): Promise<ListChangedPage<MlOrder>> {
			const token = parseToken(req.pageToken);
			const res = await search({
				'order.date_last_updated.from': mlDate(new Date(req.since)),
				// Truncated to the hour by ML: rounding "to" down would hide the current hour until the next one.
				'order.date_last_updated.to': mlDate(new Date(Math.ceil(Date.parse(req.until) / HOUR_MS) * HOUR_MS)),
				sort: 'date_asc',
				offset: token?.offset ?? 0,
				limit: req.pageSize,
			});
			const { total } = res.paging;
			// "to" lies in the future, so orders updated while we page normally stay in the set (a newcomer only
			// shifts later offsets up: a duplicate, which the poller drops). An order can leave it only when it
			// is updated past "to" at the turn of the hour; that shifts later offsets down and offset paging
			// would skip a neighbour. A smaller total means exactly that: start the window over.
			if (token && total < token.total) return { items: res.results, nextPageToken: makeToken({ offset: 0, total }) };
			const next = (token?.offset ?? 0) + res.results.length;
			return { items: res.results, nextPageToken: res.results.length > 0 && next < total ? makeToken({ offset: next, total }) : undefined };
		},

		/** The shipment, then (delivered orders) the returns of the order's claims (claims.ts). */
		async getDetails(order: MlOrder): Promise<MlOrder> {
			const shipped = await withShipment(order);
			if (!mayHaveReturns(shipped)) return shipped;
			try {
				const returns = await readOrderReturns(get, String(order.id));
				return returns.length > 0 ? { ...shipped, returns } : shipped;
			} catch (error) {
				// Claims the seller may not read (403: accounts the post-purchase API refuses) must not hold the order back.
				if (error instanceof ChannelHttpError && (error.httpCode === 403 || error.httpCode === 404)) return shipped;
				throw error;
			}
		},

		identify(order: MlOrder) {
			if (order?.id === undefined || order.id === null) throw new OrderValidationError(mlOrderRef(order), 'id', 'is required');
			// Some of ML's own examples have no last_updated: the same fallbacks as the normaliser's.
			const updatedAt = [order.last_updated, order.date_last_updated, order.date_closed, order.date_created].find((d) => typeof d === 'string' && d.trim() !== '');
			if (typeof updatedAt !== 'string') throw new OrderValidationError(mlOrderRef(order), 'last_updated', 'is required (the order has no date)');
			return { channelOrderId: String(order.id), updatedAt };
		},

		normalize: (order: MlOrder) => normalizeMlOrder(order, ctx.account, ctx.options),

		/**
		 * GET /orders/{id} with the seller's token (getDetails then adds the shipment and returns). A `claim:<id>`
		 * reference (a claims notification) reads the claim first for its order; a claim about no order (a
		 * payment, a shipment) answers as not found: nothing to emit.
		 */
		async getOrder(ref: string): Promise<MlOrder> {
			const claimId = claimIdOf(ref);
			const id = claimId === undefined ? ref : await orderIdOfClaim(get, claimId);
			if (id === undefined) {
				const req = { method: 'GET' as const, url: joinUrl(base, `/post-purchase/v1/claims/${encodeURIComponent(claimId!)}`) };
				throw new ChannelHttpError(404, req, `Mercado Livre claim ${claimId} is not about an order`);
			}
			const order = (await get(`/orders/${encodeURIComponent(id)}`)) as unknown as MlOrder;
			// The claim is the order's (ML lists claims in `mediations`): getDetails then reads its returns.
			const listed = Array.isArray(order.mediations) ? order.mediations : [];
			const known = listed.some((m) => isJsonObject(m) && String(m.id) === claimId);
			return claimId === undefined || known ? order : { ...order, mediations: [...listed, { id: claimId }] };
		},

		async sample(): Promise<MlOrder | undefined> {
			return (await search({ sort: 'date_desc', offset: 0, limit: 1 })).results[0];
		},
	};
}

/** ML's documented date format: 2015-07-01T00:00:00.000-00:00. */
function mlDate(d: Date): string {
	return d.toISOString().replace('Z', '-00:00');
}

const makeToken = (t: PageToken) => JSON.stringify(t);
function parseToken(token: string | undefined): PageToken | undefined {
	if (!token) return undefined;
	const t = JSON.parse(token) as PageToken;
	return { offset: Number(t.offset) || 0, total: Number(t.total) || 0 };
}

export const mercadoLivreChannel: ChannelDescriptor<'mercadolivre'> = {
	id: 'mercadolivre',
	label: 'Mercado Livre',
	createAdapter: createMercadoLivreAdapter,
	createWriter: createMercadoLivreWriter,
	// GET /orders/{id} is the order; GET /orders/search answers {query, results, paging, ...}.
	responseShapes: [{ list: ['results'] }],
	capabilities: { writes: ['invoice', 'shipment'], barcodes: { field: '`GTIN` attribute of items and variations, by reading the seller\'s items (items/search scan pages of 100, /items/bulk 20 at a time): the API has no GTIN search' }, webhooks: { reader: mercadoLivreWebhookReader, missed: mercadoLivreMissedFeeds } },
};
