import type { SimRequest, SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Reading a Mercado Livre seller's items, as "Busca de itens" (developers.mercadolivre.com.br/itens-e-buscas,
 * 31/08/2026) documents it:
 * - GET /users/{id}/items/search?search_type=scan: a page of item ids and a `scroll_id` that expires after 5
 *   minutes; the same GET with that scroll_id gives the next page; at the end `results` is empty and scroll_id
 *   null. `limit` 50 by default, 100 at most. An expired or unknown scroll_id answers 400 `invalid.scroll.id`
 *   (the Global Selling twin's error table). [?] Here a scroll lists the items as they were when it began.
 * - GET /items/bulk?ids=…: at most 20 ids; each element `{ id, status_code, body }` (404 for an unknown id);
 *   `attributes=body.a,body.b` keeps those fields of each body. [?] Above 20 ids: 400 here (undocumented).
 * Variations show their `attributes` only with include_attributes=all: "Para ver a propriedade attributes dentro
 * de cada variação, terá que adicionar o parâmetro include_attributes=all à URL de consulta" (Variações,
 * developers.mercadolivre.com.br/variacoes, 29/12/2025, of GET /items/{id}); [?] applied to /items/bulk too.
 */

interface Scroll {
	ids: string[];
	at: number;
	expiresAt: number;
}

export const ML_SCROLL_TTL_MS = 5 * 60_000;
const BULK_MAX = 20;

const mlError = (status: number, error: string, message: string) => json(status, { message, error, status, cause: [] });

export class MlItemScans {
	private readonly scrolls = new Map<string, Scroll>();
	private seq = 0;
	/** The scroll's life; tests shorten it to see an expired scroll refused. */
	ttlMs = ML_SCROLL_TTL_MS;

	constructor(private readonly now: () => number = Date.now) {}

	/** Every scroll given so far runs out (as five minutes without a page would make it). */
	expireAll(): void {
		for (const scroll of this.scrolls.values()) scroll.expiresAt = 0;
	}

	/** One scan page of the seller's item ids (`ids()`: every id, in the channel's order). */
	page(req: SimRequest, sellerId: string, ids: () => string[]): SimResponse {
		const limit = intParam(req.query, 'limit', 50, 1, 100);
		if (limit === undefined) return mlError(400, 'bad_request', 'limit must be between 1 and 100');
		let id = req.query.get('scroll_id');
		let scroll: Scroll | undefined;
		if (id === null) {
			id = Buffer.from(`scroll-${++this.seq}`).toString('base64');
			scroll = { ids: ids(), at: 0, expiresAt: 0 };
			this.scrolls.set(id, scroll);
		} else {
			scroll = this.scrolls.get(id);
			if (!scroll || scroll.expiresAt < this.now()) return mlError(400, 'invalid.scroll.id', 'Invalid Scroll Id: Error decode reading Scroll ID');
		}
		scroll.expiresAt = this.now() + this.ttlMs;
		const results = scroll.ids.slice(scroll.at, scroll.at + limit);
		scroll.at += results.length;
		return json(200, { scroll_id: results.length > 0 ? id : null, seller_id: sellerId, results, paging: { limit, total: scroll.ids.length } });
	}
}

/** An item as GET /items/{id} (or a bulk body) shows it: without variations' attributes unless include_attributes=all. */
export function itemAsShown(item: object, query: URLSearchParams): Record<string, unknown> {
	const i = item as Record<string, unknown>;
	if (query.get('include_attributes') === 'all' || !Array.isArray(i.variations)) return i;
	return { ...i, variations: (i.variations as Array<Record<string, unknown>>).map(({ attributes: _hidden, ...v }) => v) };
}

/** GET /items/bulk over the simulator's items. */
export function itemsBulk(req: SimRequest, items: ReadonlyMap<string, object>): SimResponse {
	const ids = (req.query.get('ids') ?? '').split(',').filter((id) => id !== '');
	if (ids.length === 0) return mlError(400, 'bad_request', 'ids is required');
	if (ids.length > BULK_MAX) return mlError(400, 'bad_request', `at most ${BULK_MAX} ids`);
	const fields = req.query.get('attributes')?.split(',').map((f) => f.replace(/^body\./, ''));
	return json(
		200,
		ids.map((id) => {
			const item = items.get(id);
			if (!item) return { id, status_code: 404, body: { id, error: 'resource not found', message: `Item with id ${id} not found` } };
			const full = itemAsShown(item, req.query);
			const body = fields ? Object.fromEntries(Object.entries(full).filter(([k]) => fields.includes(k))) : full;
			return { id, status_code: 200, body };
		}),
	);
}
