import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json, linkHeader, slicePage } from './sim-paging';

/**
 * Nuvemshop / Tiendanube v1 orders, after TiendaNube/api-docs (README.md, resources/order.md): the
 * "Authentication: bearer <token>" header and a User-Agent naming the app and a contact (400 without one),
 * updated_at_min/max filters, payment_status defaulting to pending+authorized+paid, newest-created first,
 * page/per_page (≤ 200) with Link and X-Total-Count, and 404 "Last page is N" past the end (empty included).
 */

export type NuvemshopOrder = Record<string, unknown>;

export interface NuvemshopProductSpec {
	sku: string;
	quantity: number;
	/** Unit price, decimal string. */
	price: string;
	productId?: number;
	variantId?: number;
}

export interface NuvemshopOrderSpec {
	id: number;
	/** ISO 8601 (any offset). */
	updatedAt: string;
	createdAt?: string;
	status?: string;
	paymentStatus?: string;
	shippingStatus?: string;
	products?: NuvemshopProductSpec[];
	subtotal?: string;
	discount?: string;
	shippingCost?: string;
	total?: string;
	trackingNumber?: string;
}

/** Shaped like the GET /orders example of resources/order.md, with the newer BR fields (sku, identification). */
export function nuvemshopOrder(spec: NuvemshopOrderSpec): NuvemshopOrder {
	const products = spec.products ?? [{ sku: 'CAM-AZ-M', quantity: 2, price: '19.00', productId: 1234, variantId: 101 }];
	const address = {
		address: 'Rua Augusta', number: '742', floor: 'apto 12', locality: 'Consolação', city: 'São Paulo',
		province: 'São Paulo', zipcode: '01305-000', country: 'BR', phone: '+55 11 99999-9999', name: 'Maria Souza',
	};
	return {
		id: spec.id,
		token: `898544a54283414238f74cd08f0ef${spec.id}`,
		store_id: 123456,
		number: spec.id - 450789000,
		cancel_reason: spec.status === 'cancelled' ? 'customer' : null,
		created_at: spec.createdAt ?? spec.updatedAt,
		updated_at: spec.updatedAt,
		currency: 'BRL',
		language: 'pt',
		gateway: 'mercadopago',
		status: spec.status ?? 'open',
		payment_status: spec.paymentStatus ?? 'paid',
		shipping_status: spec.shippingStatus ?? 'unpacked',
		next_action: 'waiting_packing',
		shipping: 'correios',
		shipping_option: 'Correios - PAC',
		shipping_pickup_type: 'ship',
		shipping_tracking_number: spec.trackingNumber ?? null,
		shipping_tracking_url: spec.trackingNumber ? `https://rastreamento.correios.com.br/app/index.php?objeto=${spec.trackingNumber}` : null,
		shipped_at: spec.trackingNumber ? spec.updatedAt : null,
		shipping_min_days: 2,
		shipping_max_days: 4,
		shipping_cost_owner: spec.shippingCost ?? '20.00',
		shipping_cost_customer: spec.shippingCost ?? '20.00',
		subtotal: spec.subtotal ?? '38.00',
		discount: spec.discount ?? '0.00',
		total: spec.total ?? '58.00',
		weight: '2.00',
		coupon: [],
		products: products.map((p, i) => ({
			id: 9000 + i, product_id: p.productId ?? 1234 + i, variant_id: p.variantId ?? 101 + i, name: `Camiseta ${p.sku}`,
			price: p.price, quantity: p.quantity, sku: p.sku, weight: '1.00', depth: null, height: null, width: null, free_shipping: false,
		})),
		billing_address: address.address, billing_number: address.number, billing_city: address.city, billing_country: 'BR', billing_zipcode: address.zipcode,
		shipping_address: { ...address, id: 1234, default: true },
		customer: { id: 101, name: 'Maria Souza', email: 'maria.souza@example.com', phone: '+55 11 99999-9999', identification: '845.134.270-19' },
		extra: {},
	};
}

const DEFAULT_PAYMENT = ['pending', 'authorized', 'paid'];
const notFound = (description: string) => json(404, { code: 404, message: 'Not Found', description });

export class NuvemshopSimulator extends HttpSimulator {
	readonly orders = new Map<number, NuvemshopOrder>();

	constructor(private readonly auth: { storeId: string; accessToken: string }) {
		super();
		this.route('GET', '/v1/:storeId/orders', (req, p) => this.list(req, p.storeId));
	}

	put(...orders: NuvemshopOrder[]): this {
		for (const o of orders) this.orders.set(o.id as number, o);
		return this;
	}

	private list(req: SimRequest, storeId: string): SimResponse {
		if (!/\(.+\)/.test(req.headers['user-agent'] ?? '')) return json(400, { code: 400, message: 'Bad Request', description: 'User-Agent required' });
		const token = /^bearer\s+(\S+)\s*$/i.exec(String(req.headers.authentication ?? ''))?.[1];
		if (token !== this.auth.accessToken || storeId !== this.auth.storeId) {
			return json(401, { code: 401, message: 'Unauthorized', description: 'Invalid access token' });
		}
		const perPage = intParam(req.query, 'per_page', 30, 1, 200);
		const page = intParam(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
		if (perPage === undefined || page === undefined) return json(422, { per_page: ['must be between 1 and 200'] });
		const q = (k: string) => req.query.get(k);
		const time = (v: unknown) => Date.parse(String(v));
		const payment = q('payment_status') && q('payment_status') !== 'any' ? [q('payment_status')] : DEFAULT_PAYMENT;
		const matching = [...this.orders.values()]
			.filter((o) => payment.includes(o.payment_status as string))
			.filter((o) => !q('status') || q('status') === 'any' || o.status === q('status'))
			.filter((o) => !q('updated_at_min') || time(o.updated_at) >= time(q('updated_at_min')))
			.filter((o) => !q('updated_at_max') || time(o.updated_at) <= time(q('updated_at_max')))
			.sort((a, b) => time(b.created_at) - time(a.created_at) || (b.id as number) - (a.id as number));
		const slice = slicePage(matching, page, perPage);
		if (page > slice.totalPages) return notFound(`Last page is ${slice.totalPages}`);
		const url = new URL(`${this.baseUrl}${req.path}?${req.query.toString()}`);
		return json(200, slice.items, { 'x-total-count': String(slice.total), link: linkHeader(url, page, slice.totalPages) });
	}
}
