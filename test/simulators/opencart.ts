import { randomBytes } from 'node:crypto';
import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * OpenCart 3.0.x.x's catalog API with the CartRover GSS API extension installed, as their source behaves
 * (nothing here was seen on a live store):
 * - api/login (opencart/opencart@3.0.x.x:upload/catalog/controller/api/login.php): POST form username + key;
 *   a known key answers {"success", "api_token"}; an unknown one answers [] (the controller sets no error).
 * - sessions (catalog/controller/startup/session.php): api_token in the query; dropped one hour after their
 *   last use; an unknown token starts no session, so controllers answer their permission error with 200.
 * - extension/feed/gss_api/orders (CartRover-OpenCart-RestAPI: upload/catalog/controller/extension/feed/
 *   gss_api.php, upload/catalog/model/account/gss_order.php): orders of one order_status_id (default 2)
 *   with date_modified ≥ date_from, only those with a shipping total, LIMIT limit (default 500) OFFSET
 *   offset*limit, no ORDER BY (MyISAM: insertion order); every value a string (mysqli), each order with its
 *   oc_order_product rows plus sku in line_item; zone code and country ISO of the page's first order on all.
 *   Its permission error comes with no language file loaded: {"error": "error_permission"}.
 * - api/order/history (3.0.x.x catalog/controller/api/order.php history()): POST form order_status_id,
 *   notify, override, comment; order_id in the query; sets the status and date_modified.
 * Dates are store time, "YYYY-MM-DD HH:MM:SS": UTC as installed (config_timezone), or the zone the simulator
 * is built with (a store set to America/Sao_Paulo: -180 minutes).
 */
export type OcRow = Record<string, unknown>;

const ERROR_PERMISSION = 'Warning: You do not have permission to access the API!';

export interface OcOrderSpec {
	id: number;
	updatedAt: string;
	createdAt?: string;
	statusId?: number;
	products?: Array<{ sku: string; quantity: number; price: string; productId?: number; name?: string }>;
	/** An order without an oc_order_total "shipping" row (a download, a pick-up): the extension never lists it. */
	noShipping?: boolean;
}

export class OpenCartSimulator extends HttpSimulator {
	readonly orders = new Map<number, { row: OcRow; products: OcRow[]; shippingCost?: string }>();
	readonly histories: Array<{ orderId: number; form: Record<string, string> }> = [];
	private readonly sessions = new Map<string, number>();
	/** Listing requests still to answer 500 (failListing): faults by path would hit the login too (one path, /index.php). */
	private listingFaults = 0;
	/** Tests: every session is refused (a token OpenCart will not take, however fresh). */
	refuseSessions = false;
	/** The simulator's clock (session ages, history dates). */
	now = () => Date.now();

	constructor(
		readonly offsetMinutes = 0,
		readonly apiUser = 'Default',
		readonly apiKey = 'chave-api-256',
	) {
		super();
		this.route('POST', '/index.php', (req) => this.post(req));
		this.route('GET', '/index.php', (req) => this.get(req));
	}

	/** An instant as OpenCart writes it (store time). */
	ocDate(iso: string): string {
		return new Date(Date.parse(iso) + this.offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
	}

	/** PHP strtotime of a zone-less date at store time (what the extension's date('Y-m-d H:i:s', strtotime()) reads). */
	private storeTimeMs(text: string): number {
		return Date.parse(`${text.trim().replace(' ', 'T')}Z`) - this.offsetMinutes * 60_000;
	}

	/** Every open session ends (an hour without use, or an admin deleting them under System → Users → API). */
	expireSessions(): void {
		this.sessions.clear();
	}

	failListing(count: number): void {
		this.listingFaults += count;
	}

	get sessionCount(): number {
		return this.sessions.size;
	}

	put(spec: OcOrderSpec): this {
		const products = spec.products ?? [{ sku: 'CAM-AZ-M', quantity: 2, price: '49.9000', productId: 881 }];
		const sum = products.reduce((s, p) => s + Math.round(Number(p.price) * 100) * p.quantity, 0);
		const row: OcRow = {
			order_id: String(spec.id),
			invoice_no: '0',
			invoice_prefix: 'INV-2026-00',
			store_id: '0',
			store_name: 'Loja Exemplo',
			store_url: 'https://loja.exemplo.invalid/',
			customer_id: '7',
			customer_group_id: '1',
			firstname: 'Fulana',
			lastname: 'de Tal',
			email: 'fulana@exemplo.invalid',
			telephone: '21 99999-0000',
			fax: '',
			custom_field: '',
			payment_firstname: 'Fulana',
			payment_lastname: 'de Tal',
			payment_method: 'Boleto',
			payment_code: 'boleto',
			shipping_firstname: 'Fulana',
			shipping_lastname: 'de Tal',
			shipping_company: '',
			shipping_address_1: 'Rua Exemplo, 10',
			shipping_address_2: 'Apto 101',
			shipping_city: 'Niterói',
			shipping_postcode: '24000-000',
			shipping_country: 'Brasil',
			shipping_country_id: '30',
			shipping_zone: 'Rio de Janeiro',
			shipping_zone_id: String(440 + (spec.id % 7)),
			shipping_method: 'Frete fixo',
			shipping_code: 'flat.flat',
			comment: '',
			total: ((sum + 1500) / 100).toFixed(4),
			order_status_id: String(spec.statusId ?? 2),
			currency_code: 'BRL',
			currency_value: '1.00000000',
			date_added: this.ocDate(spec.createdAt ?? spec.updatedAt),
			date_modified: this.ocDate(spec.updatedAt),
		};
		const lines = products.map((p, k) => ({
			order_product_id: String(spec.id * 10 + k),
			order_id: String(spec.id),
			product_id: String(p.productId ?? 800 + k),
			name: p.name ?? `Produto ${p.sku}`,
			model: p.sku,
			quantity: String(p.quantity),
			price: p.price,
			total: ((Math.round(Number(p.price) * 100) * p.quantity) / 100).toFixed(4),
			tax: '0.0000',
			reward: '0',
			sku: p.sku,
			weight: '0.50000000',
		}));
		this.orders.set(spec.id, { row, products: lines, shippingCost: spec.noShipping ? undefined : '15.0000' });
		return this;
	}

	private form(req: SimRequest): Record<string, string> {
		if (!/x-www-form-urlencoded/.test(String(req.headers['content-type'] ?? ''))) return {};
		return Object.fromEntries(new URLSearchParams(req.rawBody));
	}

	/** startup/session.php: a known token younger than an hour starts its session and keeps it alive. */
	private session(req: SimRequest): boolean {
		const token = req.query.get('api_token');
		const lastUse = token === null ? undefined : this.sessions.get(token);
		if (this.refuseSessions || lastUse === undefined || this.now() - lastUse > 3600_000) return false;
		this.sessions.set(token!, this.now());
		return true;
	}

	private post(req: SimRequest): SimResponse {
		const route = req.query.get('route');
		if (route === 'api/login') {
			const f = this.form(req);
			if (f.key !== this.apiKey || (f.username ?? 'Default') !== this.apiUser) return json(200, []);
			const token = randomBytes(13).toString('hex');
			this.sessions.set(token, this.now());
			return json(200, { success: 'Success: API session successfully started!', api_token: token });
		}
		if (route === 'api/order/history') {
			if (!this.session(req)) return json(200, { error: ERROR_PERMISSION });
			const order = this.orders.get(Number(req.query.get('order_id')));
			if (!order) return json(200, { error: 'Warning: Order could not be found!' });
			const f = this.form(req);
			order.row.order_status_id = f.order_status_id ?? '';
			order.row.date_modified = this.ocDate(new Date(this.now()).toISOString());
			this.histories.push({ orderId: Number(order.row.order_id), form: f });
			return json(200, { success: 'Success: You have modified orders!' });
		}
		return json(404, { error: `no route ${route}` });
	}

	private get(req: SimRequest): SimResponse {
		if (req.query.get('route') !== 'extension/feed/gss_api/orders') return json(404, { error: 'no route' });
		if (this.listingFaults > 0) {
			this.listingFaults--;
			return json(500, { error: 'simulated 500' });
		}
		if (!this.session(req)) return json(200, { error: 'error_permission' });
		const digits = (name: string, fallback: number) => (/^\d+$/.test(req.query.get(name) ?? '') ? Number(req.query.get(name)) : fallback);
		const limit = digits('limit', 500);
		const page = digits('offset', 0);
		const status = digits('status', 2);
		const from = req.query.get('date_from') ? this.storeTimeMs(req.query.get('date_from')!) : undefined;
		const rows = [...this.orders.values()]
			.filter((o) => o.shippingCost !== undefined && Number(o.row.order_status_id) === status)
			.filter((o) => from === undefined || this.storeTimeMs(String(o.row.date_modified)) >= from)
			.slice(page * limit, page * limit + limit);
		if (rows.length === 0) return json(200, []);
		// The extension reads the first row's shipping country and zone, and writes them on every row.
		const first = rows[0].row;
		const zone = `Z${String(first.shipping_zone_id)}`;
		return json(
			200,
			rows.map((o) => ({
				...o.row,
				shipping_cost: o.shippingCost,
				shipping_iso_code_2: 'BR',
				shipping_iso_code_3: 'BRA',
				shipping_zone_code: zone,
				line_item: o.products,
			})),
		);
	}
}
