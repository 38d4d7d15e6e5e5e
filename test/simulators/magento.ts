import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Magento 2 REST as developer.adobe.com documents it: Bearer token; GET /V1/orders with searchCriteria
 * (filter groups AND-ed, filters of a group OR-ed; condition types eq, gt, gteq, lt, lteq; sortOrders;
 * pageSize; currentPage, where a page past the last answers the last page again, as Magento's collection
 * does); GET /V1/orders/{id}; GET /V1/products/{sku}; POST /V1/inventory/source-items; PUT
 * /V1/products/{sku}/stockItems/{id} (when `msi` is off, source-items is a 404 as on a store without MSI);
 * POST /V1/order/{id}/invoice and /ship (answer the new entity id); POST /V1/orders/{id}/cancel (true/false).
 * [?] Error bodies are {message}; pageSize is capped at 300 here (Magento has no documented cap).
 */

export type MageRaw = Record<string, unknown>;
/** Magento's "YYYY-MM-DD HH:MM:SS" UTC. */
export const mageDate = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');

export interface MageOrderSpec {
	id: number;
	updatedAt: string;
	createdAt?: string;
	state?: string;
	items?: Array<{ sku?: string; qty: number; price: number }>;
}

/** An order shaped like the documented GET /V1/orders/{id} response (numbers as JSON numbers). */
export function mageOrder(spec: MageOrderSpec): MageRaw {
	const items = spec.items ?? [{ sku: '24-MB01', qty: 1, price: 34 }];
	const subtotal = items.reduce((s, i) => s + i.qty * i.price, 0);
	const address = { firstname: 'Veronica', lastname: 'Costello', street: ['6146 Honey Bluff Parkway'], city: 'Calder', region_code: 'MI', postcode: '49628-7978', country_id: 'US', telephone: '(555) 229-3326', address_type: 'shipping' };
	return {
		entity_id: spec.id,
		increment_id: String(1_000_000_000 + spec.id),
		state: spec.state ?? 'processing',
		status: spec.state ?? 'processing',
		created_at: mageDate(spec.createdAt ?? spec.updatedAt),
		updated_at: mageDate(spec.updatedAt),
		order_currency_code: 'USD',
		customer_email: 'roni_cost@example.com',
		customer_firstname: 'Veronica',
		customer_lastname: 'Costello',
		grand_total: subtotal + 5,
		shipping_amount: 5,
		subtotal,
		billing_address: { ...address, address_type: 'billing' },
		items: items.map((i, k) => ({ item_id: spec.id * 10 + k, product_id: 1 + k, sku: i.sku, name: `Product ${i.sku ?? k}`, qty_ordered: i.qty, price: i.price, product_type: 'simple' })),
		payment: { method: 'checkmo', amount_ordered: subtotal + 5 },
		extension_attributes: { shipping_assignments: [{ shipping: { address, method: 'flatrate_flatrate' }, items: [] }] },
	};
}

type Filter = { field: string; value: string; condition_type: string };

function matches(o: MageRaw, f: Filter): boolean {
	const v = o[f.field];
	const a: string | number = f.field === 'entity_id' ? Number(v) : String(v);
	const b: string | number = f.field === 'entity_id' ? Number(f.value) : f.value;
	switch (f.condition_type) {
		case 'eq': return a === b;
		case 'gt': return a > b;
		case 'gteq': return a >= b;
		case 'lt': return a < b;
		case 'lteq': return a <= b;
		default: throw new Error(`condition_type ${f.condition_type} not simulated`);
	}
}

/** searchCriteria[filter_groups][g][filters][f][k] and sortOrders out of the query string. */
function parseCriteria(q: URLSearchParams): { groups: Filter[][]; sort: Array<{ field: string; direction: string }> } {
	const groups: Filter[][] = [];
	const sort: Array<{ field: string; direction: string }> = [];
	for (const [k, v] of q) {
		let m = /^searchCriteria\[filter_groups\]\[(\d+)\]\[filters\]\[(\d+)\]\[(field|value|condition_type)\]$/.exec(k);
		if (m) {
			const g = (groups[Number(m[1])] ??= []);
			const f = (g[Number(m[2])] ??= { field: '', value: '', condition_type: 'eq' });
			f[m[3] as keyof Filter] = v;
			continue;
		}
		m = /^searchCriteria\[sortOrders\]\[(\d+)\]\[(field|direction)\]$/.exec(k);
		if (m) (sort[Number(m[1])] ??= { field: '', direction: 'ASC' })[m[2] as 'field' | 'direction'] = v;
	}
	return { groups: groups.filter(Boolean), sort: sort.filter(Boolean) };
}

const notFound = (what: string) => json(404, { message: `The entity that was requested doesn't exist. ${what}` });

export class MagentoSimulator extends HttpSimulator {
	readonly orders = new Map<number, MageRaw>();
	readonly sourceItems = new Map<string, { quantity: number; status: number; source_code: string }>();
	readonly products = new Set<string>();
	msi = true;
	readonly posts: Array<{ path: string; body: unknown }> = [];

	constructor(private readonly token: string) {
		super();
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			req.headers.authorization === `Bearer ${this.token}` ? h(req, p) : json(401, { message: 'The consumer isn\'t authorized to access %resources.', parameters: { resources: 'Magento_Sales::actions_view' } });
		this.route('GET', '/V1/orders', guarded((req) => this.search(req)));
		this.route('GET', '/V1/orders/:id', guarded((_r, p) => (this.orders.has(Number(p.id)) ? json(200, this.orders.get(Number(p.id))) : notFound('order'))));
		this.route('GET', '/V1/store/storeConfigs', guarded(() => json(200, [{ id: 1, code: 'default', base_currency_code: 'USD' }])));
		this.route('GET', '/V1/products/:sku', guarded((_r, p) => (this.products.has(p.sku) ? json(200, { id: 1, sku: p.sku }) : notFound('product'))));
		this.route('POST', '/V1/inventory/source-items', guarded((req) => this.setSource(req)));
		this.route('PUT', '/V1/products/:sku/stockItems/:id', guarded((req, p) => this.setLegacy(req, p.sku)));
		this.route('POST', '/V1/order/:id/invoice', guarded((req, p) => this.act(req, Number(p.id), 'processing', ['new', 'pending_payment', 'processing'])));
		this.route('POST', '/V1/order/:id/ship', guarded((req, p) => this.act(req, Number(p.id), 'complete', ['processing'])));
		this.route('POST', '/V1/orders/:id/cancel', guarded((_req, p) => {
			const o = this.orders.get(Number(p.id));
			if (!o) return notFound('order');
			if (!['new', 'pending_payment', 'processing'].includes(String(o.state))) return json(200, false);
			this.change(o, 'canceled');
			return json(200, true);
		}));
	}

	put(...orders: MageRaw[]): this {
		for (const o of orders) this.orders.set(Number(o.entity_id), o);
		return this;
	}

	putProduct(sku: string, quantity: number): this {
		this.products.add(sku);
		this.sourceItems.set(sku, { quantity, status: quantity > 0 ? 1 : 0, source_code: 'default' });
		return this;
	}

	private change(o: MageRaw, state: string): void {
		o.state = state;
		o.status = state;
		o.updated_at = mageDate(new Date().toISOString());
	}

	private act(req: SimRequest, id: number, state: string, from: string[]): SimResponse {
		const o = this.orders.get(id);
		if (!o) return notFound('order');
		if (!from.includes(String(o.state))) return json(400, { message: 'The order does not allow an invoice to be created.' });
		this.posts.push({ path: req.path, body: req.body });
		this.change(o, state);
		return json(200, String(this.posts.length));
	}

	private search(req: SimRequest): SimResponse {
		const { groups, sort } = parseCriteria(req.query);
		const size = intParam(req.query, 'searchCriteria[pageSize]', 20, 1, 300);
		const page = intParam(req.query, 'searchCriteria[currentPage]', 1, 1, Number.MAX_SAFE_INTEGER);
		if (size === undefined || page === undefined) return json(400, { message: 'Invalid pageSize or currentPage' });
		const all = [...this.orders.values()]
			.filter((o) => groups.every((g) => g.some((f) => matches(o, f))))
			.sort((a, b) => {
				for (const s of sort) {
					const d = s.field === 'entity_id' ? Number(a[s.field]) - Number(b[s.field]) : String(a[s.field]).localeCompare(String(b[s.field]));
					if (d !== 0) return s.direction === 'DESC' ? -d : d;
				}
				return 0;
			});
		// Magento clamps currentPage to the last page.
		const last = Math.max(1, Math.ceil(all.length / size));
		const p = Math.min(page, last);
		return json(200, { items: all.slice((p - 1) * size, p * size), search_criteria: { filter_groups: groups.map((filters) => ({ filters })), page_size: size, current_page: p }, total_count: all.length });
	}

	private setSource(req: SimRequest): SimResponse {
		if (!this.msi) return json(404, { message: 'Request does not match any route.' });
		const items = ((req.body as MageRaw | undefined)?.sourceItems ?? []) as Array<{ sku: string; source_code: string; quantity: number; status: number }>;
		if (!Array.isArray(items) || items.some((i) => typeof i.sku !== 'string' || typeof i.quantity !== 'number')) return json(400, { message: '"sourceItems" is required.' });
		// [?] Whether MSI refuses a SKU without a product is undocumented; refused here, as a validation error.
		if (items.some((i) => !this.products.has(i.sku))) return json(400, { message: 'Validation Failed', errors: [{ message: 'Product with SKU "%sku" does not exist.' }] });
		for (const i of items) this.sourceItems.set(i.sku, { quantity: i.quantity, status: i.status, source_code: i.source_code });
		return json(200, []);
	}

	private setLegacy(req: SimRequest, sku: string): SimResponse {
		if (!this.products.has(sku)) return notFound('product');
		const s = ((req.body as MageRaw | undefined)?.stockItem ?? {}) as { qty?: number; is_in_stock?: boolean };
		if (typeof s.qty !== 'number') return json(400, { message: '"qty" is required.' });
		this.sourceItems.set(sku, { quantity: s.qty, status: s.is_in_stock ? 1 : 0, source_code: 'default' });
		return json(200, 1);
	}
}
