import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * The PrestaShop webservice as its documentation and code describe it (devdocs "Additional list parameters",
 * classes/webservice/WebserviceRequest.php, SQLUtils::getSQLRetrieveFilter): HTTP Basic with the key as user
 * (401 otherwise); output_format=JSON answers {"orders": [...]} / {"order": {...}} with every value a string,
 * and [] for an empty list; filters AND-ed, "[a,b]" BETWEEN with its two bounds sorted, "[v]" equality, "[a|b]"
 * OR, ">[v]"/"<[v]" strict; date_add/date_upd only with date=1 (400 otherwise); sort=[f_ASC,g_DESC];
 * limit=n or offset,n. Writes are XML: PUT stock_availables/order_carriers, POST order_histories (which moves
 * the order's current_state and date_upd). [?] Error bodies {"errors": [{code, message}]}.
 */
export type PsRaw = Record<string, unknown>;

/** A shop-local "YYYY-MM-DD HH:MM:SS" at -03:00 (the adapter's default offset). */
export const psLocal = (iso: string) => new Date(Date.parse(iso) - 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export interface PsOrderSpec {
	id: number;
	updatedAt: string;
	createdAt?: string;
	state?: string;
	rows?: Array<{ reference: string; quantity: number; price: string }>;
}

/** An order as GET /api/orders?display=full&output_format=JSON lists it (strings throughout). */
export function psOrder(spec: PsOrderSpec): PsRaw {
	const rows = spec.rows ?? [{ reference: 'demo_2', quantity: 1, price: '23.900000' }];
	const products = rows.reduce((s, r) => s + Number(r.price) * r.quantity, 0);
	return {
		id: String(spec.id),
		id_address_delivery: '5',
		id_address_invoice: '5',
		id_cart: String(spec.id),
		id_currency: '1',
		id_lang: '1',
		id_customer: '2',
		id_carrier: '2',
		current_state: spec.state ?? '2',
		module: 'ps_wirepayment',
		date_add: psLocal(spec.createdAt ?? spec.updatedAt),
		date_upd: psLocal(spec.updatedAt),
		shipping_number: '',
		payment: 'Bank wire',
		total_paid_tax_incl: (products + 2).toFixed(6),
		total_products_wt: products.toFixed(6),
		total_shipping_tax_incl: '2.000000',
		reference: `REF${spec.id}`,
		associations: {
			order_rows: rows.map((r, i) => ({
				id: String(spec.id * 10 + i),
				product_id: String(1 + i),
				product_attribute_id: '0',
				product_quantity: String(r.quantity),
				product_name: `Product ${r.reference}`,
				product_reference: r.reference,
				unit_price_tax_incl: r.price,
			})),
		},
	};
}

type Row = PsRaw;

function matches(row: Row, field: string, filter: string): boolean {
	const v = String(row[field] ?? '');
	const num = (x: string) => (/^\d+$/.test(x) && /^\d+$/.test(v) ? [Number(v), Number(x)] : [v, x]) as [string | number, string | number];
	let m = /^\[(.*)\]$/.exec(filter);
	if (m) {
		if (m[1].includes('|')) return m[1].split('|').some((x) => v === x);
		const interval = /^([\d.:\-\s]+),([\d.:\-\s]+)$/.exec(m[1]);
		if (interval) {
			const [lo, hi] = [interval[1], interval[2]].sort();
			const [a, b] = num(lo);
			const [, c] = num(hi);
			return a >= b && a <= c;
		}
		return v.toLowerCase() === m[1].toLowerCase();
	}
	m = /^([<>])\[(.*)\]$/.exec(filter);
	if (m) {
		const [a, b] = num(m[2]);
		return m[1] === '>' ? a > b : a < b;
	}
	throw new Error(`filter ${filter} not simulated`);
}

export class PrestaShopSimulator extends HttpSimulator {
	readonly orders = new Map<number, Row>();
	readonly stock = new Map<string, Row>();
	readonly combinations: Row[] = [];
	readonly products: Row[] = [];
	readonly carriers: Row[] = [];
	readonly histories: Array<{ id_order: string; id_order_state: string }> = [];
	readonly records: Record<string, Map<string, Row>> = {
		customers: new Map(),
		addresses: new Map(),
		currencies: new Map(),
		countries: new Map(),
		states: new Map(),
	};

	constructor(private readonly key: string) {
		super();
		const auth = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) => {
			if (req.headers.authorization !== auth)
				return json(
					401,
					{ errors: [{ code: 17, message: 'Authentication key is empty' }] },
					{ 'www-authenticate': 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."' },
				);
			if (req.method === 'GET' && req.query.get('output_format') !== 'JSON')
				return { status: 200, body: '<?xml version="1.0"?><prestashop/>', headers: { 'content-type': 'text/xml' } };
			return h(req, p);
		};
		this.route(
			'GET',
			'/api/orders',
			guarded((req) => this.list(req, [...this.orders.values()], 'orders')),
		);
		this.route(
			'GET',
			'/api/orders/:id',
			guarded((_r, p) => this.one(this.orders.get(Number(p.id)), 'order')),
		);
		for (const [resource, singular] of [
			['customers', 'customer'],
			['addresses', 'address'],
			['currencies', 'currency'],
			['countries', 'country'],
			['states', 'state'],
		]) {
			this.route(
				'GET',
				`/api/${resource}/:id`,
				guarded((_r, p) => this.one(this.records[resource].get(p.id), singular)),
			);
		}
		this.route(
			'GET',
			'/api/order_states',
			guarded((req) => this.list(req, [{ id: '2' }], 'order_states')),
		);
		this.route(
			'GET',
			'/api/combinations',
			guarded((req) => this.list(req, this.combinations, 'combinations')),
		);
		this.route(
			'GET',
			'/api/products',
			guarded((req) => this.list(req, this.products, 'products')),
		);
		this.route(
			'GET',
			'/api/stock_availables',
			guarded((req) => this.list(req, [...this.stock.values()], 'stock_availables')),
		);
		this.route(
			'GET',
			'/api/stock_availables/:id',
			guarded((_r, p) => this.one(this.stock.get(p.id), 'stock_available')),
		);
		this.route(
			'PUT',
			'/api/stock_availables/:id',
			guarded((req, p) => this.replace(req, this.stock.get(p.id), 'stock_available')),
		);
		this.route(
			'GET',
			'/api/order_carriers',
			guarded((req) => this.list(req, this.carriers, 'order_carriers')),
		);
		this.route(
			'PUT',
			'/api/order_carriers/:id',
			guarded((req, p) =>
				this.replace(
					req,
					this.carriers.find((c) => c.id === p.id),
					'order_carrier',
				),
			),
		);
		this.route(
			'POST',
			'/api/order_histories',
			guarded((req) => this.addHistory(req)),
		);
		// The records psOrder's orders name: a Brazilian buyer, her address, the real.
		this.records.customers.set('2', { id: '2', firstname: 'Maria', lastname: 'Silva', email: 'maria@example.com.br' });
		this.records.addresses.set('5', {
			id: '5',
			id_customer: '2',
			id_country: '58',
			id_state: '313',
			firstname: 'Maria',
			lastname: 'Silva',
			address1: 'Rua Augusta, 100',
			address2: 'apto 12',
			postcode: '01305-000',
			city: 'São Paulo',
			phone_mobile: '11999990000',
			dni: '123.456.789-09',
		});
		this.records.currencies.set('1', { id: '1', iso_code: 'BRL' });
		this.records.countries.set('58', { id: '58', iso_code: 'BR' });
		this.records.states.set('313', { id: '313', iso_code: 'SP' });
	}

	put(...orders: Row[]): this {
		for (const o of orders) this.orders.set(Number(o.id), o);
		return this;
	}

	/** A product (attribute 0) or a combination of one, on sale with its stock_availables row; `extra`: ean13, upc. */
	putSku(reference: string, quantity: number, combination?: number, extra: Row = {}): this {
		const productId = String(100 + this.stock.size);
		if (combination === undefined) this.products.push({ id: productId, reference, ...extra });
		else this.combinations.push({ id: String(combination), id_product: productId, reference, ...extra });
		const id = String(this.stock.size + 1);
		this.stock.set(id, {
			id,
			id_product: productId,
			id_product_attribute: String(combination ?? 0),
			id_shop: '1',
			id_shop_group: '0',
			quantity: String(quantity),
			depends_on_stock: '0',
			out_of_stock: '2',
			location: '',
		});
		return this;
	}

	private one(row: Row | undefined, singular: string): SimResponse {
		return row ? json(200, { [singular]: row }) : json(404, { errors: [{ code: 87, message: 'Id(s) not exists' }] });
	}

	private list(req: SimRequest, rows: Row[], resource: string): SimResponse {
		let out = [...rows];
		for (const [k, v] of req.query) {
			const m = /^filter\[(\w+)\]$/.exec(k);
			if (!m) continue;
			if ((m[1] === 'date_upd' || m[1] === 'date_add') && req.query.get('date') !== '1')
				return json(400, { errors: [{ code: 32, message: `This filter does not exist. Did you mean: "${m[1]}"?` }] });
			out = out.filter((r) => matches(r, m[1], v));
		}
		const sort = /^\[(.*)\]$/.exec(req.query.get('sort') ?? '')?.[1].split(',') ?? [];
		// Without date=1, date_add and date_upd are neither filters nor sort fields.
		if (sort.some((f) => /^date_(upd|add)_/.test(f)) && req.query.get('date') !== '1') return json(400, { errors: [{ code: 38, message: 'Unable to filter by this field.' }] });
		out.sort((a, b) => {
			for (const s of sort) {
				const i = s.lastIndexOf('_');
				const [field, dir] = [s.slice(0, i), s.slice(i + 1)];
				const [x, y] = [String(a[field]), String(b[field])];
				const d = field === 'id' ? Number(x) - Number(y) : x.localeCompare(y);
				if (d !== 0) return dir === 'DESC' ? -d : d;
			}
			return 0;
		});
		const limit = req.query.get('limit');
		if (limit !== null) {
			const [a, b] = limit.split(',').map(Number);
			out = b === undefined ? out.slice(0, a) : out.slice(a, a + b);
		}
		return json(200, out.length === 0 ? [] : { [resource]: out.map((r) => structuredClone(r)) });
	}

	/** The XML body's <singular> children as text (CDATA or plain). */
	static fields(xml: string, singular: string): Record<string, string> {
		const inner = new RegExp(`<${singular}>([\\s\\S]*)</${singular}>`).exec(xml)?.[1] ?? '';
		const out: Record<string, string> = {};
		for (const m of inner.matchAll(/<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) out[m[1]] = m[2] ?? m[3] ?? '';
		return out;
	}

	private replace(req: SimRequest, row: Row | undefined, singular: string): SimResponse {
		if (!row) return json(404, { errors: [{ code: 92, message: 'Invalid ID' }] });
		const f = PrestaShopSimulator.fields(req.rawBody, singular);
		if (f.id !== row.id) return json(400, { errors: [{ code: 90, message: 'id is required when modifying a resource' }] });
		// PUT empties the optional fields it is not sent, as saveEntityFromXml does.
		for (const k of Object.keys(row)) row[k] = f[k] ?? '';
		return json(200, { [singular]: row });
	}

	private addHistory(req: SimRequest): SimResponse {
		const f = PrestaShopSimulator.fields(req.rawBody, 'order_history');
		const order = this.orders.get(Number(f.id_order));
		if (!order || !/^\d+$/.test(f.id_order_state ?? '')) return json(400, { errors: [{ code: 41, message: 'parameter "id_order_state" required' }] });
		this.histories.push({ id_order: f.id_order, id_order_state: f.id_order_state });
		order.current_state = f.id_order_state;
		order.date_upd = psLocal(new Date().toISOString());
		return json(201, { order_history: { id: String(this.histories.length), ...f } });
	}
}
