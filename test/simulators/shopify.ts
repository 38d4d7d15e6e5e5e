import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * Shopify Admin GraphQL, the parts the OMS uses, as documented on shopify.dev: POST
 * /admin/api/{version}/graphql.json with X-Shopify-Access-Token (401 and the documented errors string
 * without it), orders(first ≤ 250, after, query: "updated_at:>='…' AND updated_at:<'…'", sortKey:
 * UPDATED_AT, reverse) with opaque cursors and pageInfo, order(id:) with paged lineItems, extensions.cost on
 * every answer, and throttling as HTTP 200 with errors[].extensions.code = "THROTTLED".
 * It is not a GraphQL engine: it recognises the operations by name and answers with the fields they ask.
 */

export interface ShopifyLineSpec {
	sku: string | null;
	quantity: number;
	price: string;
	title?: string;
}

export interface ShopifyOrderSpec {
	id: number;
	/** UTC ISO, whole seconds as Shopify stores them. */
	updatedAt: string;
	createdAt?: string;
	financial?: string | null;
	fulfillment?: string;
	cancelledAt?: string | null;
	lines?: ShopifyLineSpec[];
	shipping?: string;
	discounts?: string;
	total?: string;
	fulfillments?: Array<{ displayStatus: string; tracking?: string }>;
}

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'BRL' } });

/** An Order node shaped like the Admin GraphQL documentation's examples (Bob Norman, IPod Nano). */
export function shopifyOrder(spec: ShopifyOrderSpec): Record<string, unknown> {
	const lines = spec.lines ?? [{ sku: 'IPOD2008PINK', quantity: 1, price: '199.00', title: 'IPod Nano - 8gb' }];
	return {
		id: `gid://shopify/Order/${spec.id}`,
		legacyResourceId: String(spec.id),
		name: `#${1000 + (spec.id % 1000)}`,
		createdAt: spec.createdAt ?? spec.updatedAt,
		updatedAt: spec.updatedAt,
		cancelledAt: spec.cancelledAt ?? null,
		displayFinancialStatus: spec.financial === undefined ? 'PAID' : spec.financial,
		displayFulfillmentStatus: spec.fulfillment ?? 'UNFULFILLED',
		currencyCode: 'BRL',
		email: 'bob.norman@mail.example.com',
		totalPriceSet: money(spec.total ?? '209.00'),
		totalShippingPriceSet: money(spec.shipping ?? '10.00'),
		totalDiscountsSet: money(spec.discounts ?? '0.00'),
		customer: { displayName: 'Bob Norman', email: 'bob.norman@mail.example.com', phone: '+5511999990000' },
		shippingAddress: {
			name: 'Bob Norman',
			address1: 'Rua Augusta, 500',
			address2: 'Sala 3',
			city: 'São Paulo',
			provinceCode: 'SP',
			zip: '01305-000',
			countryCodeV2: 'BR',
			phone: '+5511999990000',
		},
		fulfillments: (spec.fulfillments ?? []).map((f) => ({
			displayStatus: f.displayStatus,
			createdAt: spec.updatedAt,
			trackingInfo: f.tracking ? [{ company: 'Correios', number: f.tracking, url: `https://rastreamento.correios.com.br/?objetos=${f.tracking}` }] : [],
		})),
		lineItems: {
			nodes: lines.map((l, i) => ({
				id: `gid://shopify/LineItem/${spec.id * 100 + i}`,
				sku: l.sku,
				title: l.title ?? `Product ${i + 1}`,
				quantity: l.quantity,
				originalUnitPriceSet: money(l.price),
				variant: { id: `gid://shopify/ProductVariant/${4_000_000 + i}`, legacyResourceId: String(4_000_000 + i) },
				product: { id: `gid://shopify/Product/${7_000_000 + i}`, legacyResourceId: String(7_000_000 + i) },
			})),
		},
	};
}

const COST = { requestedQueryCost: 52, actualQueryCost: 12, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 } };
const encodeCursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
const decodeCursor = <T>(c: string) => JSON.parse(Buffer.from(c, 'base64').toString('utf8')) as T;

export class ShopifySimulator extends HttpSimulator {
	readonly orders = new Map<string, Record<string, unknown>>();
	private throttles = 0;

	constructor(private readonly accessToken: string) {
		super();
		this.route('POST', '/admin/api/:version/graphql.json', (req) => this.graphql(req));
	}

	put(...orders: Array<Record<string, unknown>>): this {
		for (const o of orders) this.orders.set(o.id as string, o);
		return this;
	}

	/** The next `count` GraphQL calls are answered THROTTLED (HTTP 200), as a drained bucket is. */
	throttle(count = 1): this {
		this.throttles += count;
		return this;
	}

	private graphql(req: SimRequest): SimResponse {
		if (req.headers['x-shopify-access-token'] !== this.accessToken) {
			return json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
		}
		if (this.throttles > 0) {
			this.throttles--;
			return json(200, {
				errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
				extensions: { cost: { requestedQueryCost: 300, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 200, restoreRate: 100 } } },
			});
		}
		const { query = '', variables = {} } = req.body as { query?: string; variables?: Record<string, unknown> };
		let data: unknown;
		if (/query OmsChangedOrders/.test(query)) data = this.listOrders(variables);
		else if (/query OmsOrderLines/.test(query)) data = { order: this.orderLines(String(variables.id), variables.after as string | null) };
		else if (/query OmsOrder\b/.test(query)) data = { order: this.order(String(variables.id)) };
		else if (/shop\s*{\s*name/.test(query)) data = { shop: { name: 'Bob Norman Hardware' } };
		else return json(200, { errors: [{ message: 'Unsupported operation in the simulator' }] });
		if (data instanceof Error) return json(200, { errors: [{ message: data.message, extensions: { code: 'BAD_REQUEST' } }] });
		return json(200, { data, extensions: { cost: COST } });
	}

	private listOrders(v: Record<string, unknown>): unknown {
		const first = Number(v.first);
		if (!Number.isInteger(first) || first < 1 || first > 250) return new Error('The first argument must be between 1 and 250');
		const q = String(v.query ?? '');
		const bound = (op: string) => new RegExp(`updated_at:${op}'([^']+)'`).exec(q)?.[1];
		const ge = bound('>='), gt = bound('>'), lt = bound('<'), le = bound('<=');
		const key = (o: Record<string, unknown>): [number, number] => [Date.parse(o.updatedAt as string), Number(o.legacyResourceId)];
		const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
		const sign = v.reverse ? -1 : 1;
		let all = [...this.orders.values()].filter((o) => {
			const at = Date.parse(o.updatedAt as string);
			return (!ge || at >= Date.parse(ge)) && (!gt || at > Date.parse(gt)) && (!lt || at < Date.parse(lt)) && (!le || at <= Date.parse(le));
		});
		all = all.sort((a, b) => cmp(key(a), key(b)) * sign);
		// Seek paging: the cursor is the sort key of the last node, so updates between pages never skip anyone.
		if (typeof v.after === 'string') {
			const after = decodeCursor<[number, number]>(v.after);
			all = all.filter((o) => cmp(key(o), after) * sign > 0);
		}
		const page = all.slice(0, first);
		const nodes = page.map((o) => ({ id: o.id, legacyResourceId: o.legacyResourceId, updatedAt: o.updatedAt }));
		const last = page[page.length - 1];
		return { orders: { nodes, pageInfo: { hasNextPage: all.length > first, endCursor: last ? encodeCursor(key(last)) : null } } };
	}

	private order(id: string): unknown {
		const o = this.orders.get(id);
		if (!o) return null;
		const lines = (o.lineItems as { nodes: unknown[] }).nodes;
		return { ...o, lineItems: this.linePage(lines, 0) };
	}

	private orderLines(id: string, after: string | null): unknown {
		const o = this.orders.get(id);
		if (!o) return null;
		return { lineItems: this.linePage((o.lineItems as { nodes: unknown[] }).nodes, after ? decodeCursor<number>(after) : 0) };
	}

	private linePage(lines: unknown[], start: number) {
		const nodes = lines.slice(start, start + 100);
		const end = start + nodes.length;
		return { nodes, pageInfo: { hasNextPage: end < lines.length, endCursor: nodes.length ? encodeCursor(end) : null } };
	}
}
