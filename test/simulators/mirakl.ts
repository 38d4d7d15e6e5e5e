import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { readForm } from './multipart';
import { intParam, json } from './sim-paging';

/**
 * Mirakl MMP seller API as its OpenAPI describes it (core/channels/mirakl/api.ts names the copy read): the
 * shop key in Authorization; OR11 GET /api/orders (order_ids, start_update_date, offset/max, sorted by creation
 * date then id, {orders, total_count}); OR21 accept, OR23 tracking, OR24 ship, OR29 cancel (204); A01 account;
 * STO01/02/03 stock file imports. [?] Chosen here: max ≤ 100, errors {status, message}; an import is COMPLETE at
 * its first status read (`importRuns` reads earlier, RUNNING); the error report lists unknown offer SKUs as
 * "offer-sku";"quantity";"error-message".
 */
export type MiraklRaw = Record<string, unknown>;
const err = (status: number, message: string) => json(status, { status, message });

export interface MiraklOrderSpec {
	id: string;
	updatedAt: string;
	createdAt?: string;
	state?: string;
	lines?: Array<{ sku: string; quantity: number; price: number }>;
}

/** An order shaped like OR11's documented example (BRL, a Brazilian address). */
export function miraklOrder(s: MiraklOrderSpec): MiraklRaw {
	const lines = s.lines ?? [{ sku: 'CAM-AZ-M', quantity: 2, price: 49.9 }];
	const price = lines.reduce((t, l) => t + Math.round(l.price * 100) * l.quantity, 0) / 100;
	const state = s.state ?? 'SHIPPING';
	return {
		order_id: s.id,
		commercial_id: s.id.replace(/-A$/, ''),
		order_state: state,
		currency_iso_code: 'BRL',
		created_date: s.createdAt ?? s.updatedAt,
		last_updated_date: s.updatedAt,
		price,
		shipping_price: 15,
		total_price: price + 15,
		payment_type: 'Pix',
		can_cancel: true,
		can_shop_ship: state === 'SHIPPING',
		customer: {
			customer_id: 'C1',
			firstname: 'Fulano',
			lastname: 'de Tal',
			shipping_address: {
				firstname: 'Fulano',
				lastname: 'de Tal',
				street_1: 'Rua Exemplo, 1',
				street_2: 'Apto 2',
				city: 'Niterói',
				state: 'RJ',
				zip_code: '24000-000',
				country_iso_code: 'BRA',
			},
		},
		order_lines: lines.map((l, k) => ({
			order_line_id: `${s.id}-${k + 1}`,
			order_line_index: k + 1,
			order_line_state: state,
			offer_sku: l.sku,
			offer_id: 2000 + k,
			product_title: `Produto ${l.sku}`,
			quantity: l.quantity,
			price_unit: l.price,
			price: l.price * l.quantity,
			shipping_price: 15,
		})),
	};
}

export class MiraklSimulator extends HttpSimulator {
	readonly orders = new Map<string, MiraklRaw>();
	readonly stock = new Map<string, number>();
	readonly imports = new Map<string, { errors: string[]; reads: number }>();
	/** Status reads an import answers RUNNING before it is COMPLETE. */
	importRuns = 0;

	constructor(private readonly apiKey: string) {
		super();
		const auth = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			req.headers.authorization === this.apiKey ? h(req, p) : err(401, 'Unauthorized');
		this.route(
			'GET',
			'/api/account',
			auth(() => json(200, { shop_id: 2001, shop_name: 'Loja Teste', shop_state: 'OPEN', currency_iso_code: 'BRL' })),
		);
		this.route(
			'GET',
			'/api/orders',
			auth((req) => this.list(req)),
		);
		this.route(
			'PUT',
			'/api/orders/:id/accept',
			auth((req, p) => this.accept(req, p.id)),
		);
		this.route(
			'PUT',
			'/api/orders/:id/tracking',
			auth((req, p) =>
				this.withOrder(
					p.id,
					(o) => ((o.shipping_tracking = (req.body as MiraklRaw)?.tracking_number), (o.shipping_company = (req.body as MiraklRaw)?.carrier_name)),
				),
			),
		);
		this.route(
			'PUT',
			'/api/orders/:id/ship',
			auth((_req, p) => this.transition(p.id, ['SHIPPING'], 'SHIPPED')),
		);
		this.route(
			'PUT',
			'/api/orders/:id/cancel',
			auth((_req, p) => this.transition(p.id, ['WAITING_ACCEPTANCE', 'WAITING_DEBIT', 'SHIPPING'], 'CANCELED')),
		);
		this.route(
			'POST',
			'/api/offers/stock/imports',
			auth((req) => this.importStock(req)),
		);
		this.route(
			'GET',
			'/api/offers/stock/imports/:id/status',
			auth((_req, p) => this.importStatus(p.id)),
		);
		this.route(
			'GET',
			'/api/offers/stock/imports/:id/error_report',
			auth((_req, p) => {
				const i = this.imports.get(p.id);
				if (!i) return err(404, 'Import not found');
				return {
					status: 200,
					body: ['"offer-sku";"quantity";"error-message"', ...i.errors.map((s) => `"${s}";"";"The offer does not exist"`)].join('\n'),
					headers: { 'content-type': 'text/csv' },
				};
			}),
		);
	}

	put(...orders: MiraklRaw[]): this {
		for (const o of orders) this.orders.set(String(o.order_id), o);
		return this;
	}

	private list(req: SimRequest): SimResponse {
		const max = intParam(req.query, 'max', 10, 1, 100);
		const offset = intParam(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
		if (max === undefined || offset === undefined) return err(400, 'max must be between 1 and 100');
		const since = req.query.get('start_update_date');
		const ids = req.query.get('order_ids')?.split(',');
		const matching = [...this.orders.values()]
			.filter((o) => (!since || Date.parse(String(o.last_updated_date)) >= Date.parse(since)) && (!ids || ids.includes(String(o.order_id))))
			.sort((a, b) => Date.parse(String(a.created_date)) - Date.parse(String(b.created_date)) || String(a.order_id).localeCompare(String(b.order_id)));
		return json(200, { orders: matching.slice(offset, offset + max), total_count: matching.length });
	}

	private touch(o: MiraklRaw): void {
		o.last_updated_date = new Date().toISOString();
	}

	private withOrder(id: string, change: (o: MiraklRaw) => void): SimResponse {
		const o = this.orders.get(id);
		if (!o) return err(404, 'ORDER_NOT_FOUND');
		change(o);
		this.touch(o);
		return { status: 204 };
	}

	private transition(id: string, from: string[], to: string): SimResponse {
		const o = this.orders.get(id);
		if (!o) return err(404, 'ORDER_NOT_FOUND');
		if (!from.includes(String(o.order_state))) return err(400, 'ORDER_INVALID_STATE');
		return this.withOrder(id, (x) => (x.order_state = to));
	}

	private accept(req: SimRequest, id: string): SimResponse {
		const o = this.orders.get(id);
		if (!o) return err(404, 'ORDER_NOT_FOUND');
		if (o.order_state !== 'WAITING_ACCEPTANCE') return err(400, 'ORDER_INVALID_STATE');
		const decided = ((req.body as MiraklRaw | undefined)?.order_lines as Array<{ id: string; accepted: boolean }> | undefined) ?? [];
		const lineIds = (o.order_lines as MiraklRaw[]).map((l) => String(l.order_line_id));
		if (lineIds.some((l) => !decided.some((d) => d.id === l))) return err(400, 'ORDER_LINE_ACCEPTANCE_DECISION_MISSING');
		return this.withOrder(id, (x) => (x.order_state = decided.every((d) => d.accepted) ? 'WAITING_DEBIT' : 'REFUSED'));
	}

	private importStock(req: SimRequest): SimResponse {
		const file = readForm(req)?.files.file;
		if (!file) return err(400, 'file is required');
		const [header, ...rows] = file.content.split('\n');
		if (header.trim() !== '"offer-sku";"quantity"') return err(400, 'Invalid CSV header');
		const errors: string[] = [];
		for (const row of rows) {
			const [sku, quantity] = row.split(';').map((c) => c.replace(/^"|"$/g, ''));
			if (this.stock.has(sku)) this.stock.set(sku, Number(quantity));
			else errors.push(sku);
		}
		const id = String(this.imports.size + 1);
		this.imports.set(id, { errors, reads: 0 });
		return json(201, { import_id: id });
	}

	private importStatus(id: string): SimResponse {
		const i = this.imports.get(id);
		if (!i) return err(404, 'Import not found');
		const running = i.reads++ < this.importRuns;
		return json(200, {
			import_id: id,
			shop_id: 2001,
			date_created: new Date().toISOString(),
			status: running ? 'RUNNING' : 'COMPLETE',
			has_error_report: !running && i.errors.length > 0,
			lines_in_error: i.errors.length,
		});
	}
}
