import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { json } from './sim-paging';

/**
 * MadeiraMadeira Marketplace API v1 as its published Postman collection describes it (see
 * core/channels/madeiramadeira/api.ts): header TOKENMM (absent or unknown: 401 {meta:{count:0}, errors:{detail:
 * "Token not found"}}, as the documented probe answers); limit/offset as path segments;
 * GET /v1/pedido/from={aaaa-mm-dd}&to={aaaa-mm-dd}&limit=&offset= and GET /v1/pedido/id/{id} answering
 * {meta:{count}, data, errors}; PUT /v1/pedido/invoiced (order in status 3, key ≤ 44 digits, issue date not
 * before approval, the SKU values summing to the products' total) → 6; PUT /v1/pedido/shipped (status 6) → 7;
 * PUT /v1/produto/estoque [{sku, estoque}]; GET /v1/categoria/limit=&offset=.
 * [?] Undocumented and chosen here: the date range filters the creation day, both days inclusive; orders are
 * listed by id_pedido ascending; a page with nothing answers 404 in the envelope (as integrators handle it);
 * limit above 100 is refused with 400; a refused write answers 400 {errors:{detail}}.
 */

export type MmRaw = Record<string, unknown>;
const OFFSET_MS = -3 * 3600_000;
/** An instant as MadeiraMadeira writes it: "YYYY-MM-DD HH:MM:SS", Brasília time. */
export const mmLocal = (iso: string) => new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
const brDay = (text: string) => text.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$2-$1');

export interface MmOrderSpec {
	id: number;
	updatedAt: string;
	createdAt?: string;
	status?: string;
	items?: Array<{ skuseller?: string; quantidade: number; valor: string }>;
}

/** An order shaped like the documented "Lista todos os pedidos entre datas" elements (strings for numbers). */
export function mmOrder(spec: MmOrderSpec): MmRaw {
	const items = spec.items ?? [{ skuseller: 'MESA-LONDON-P01', quantidade: 1, valor: '341.91' }];
	const cents = (v: string) => Math.round(Number(v) * 100);
	const subtotal = items.reduce((s, i) => s + cents(i.valor) * i.quantidade, 0);
	const frete = 10470;
	const buyer = {
		uf: 'SC',
		cep: '80230010',
		nome: 'Cliente Exemplo',
		bairro: 'Centro',
		cidade: 'Curitiba',
		numero: '289',
		telefone: '41999990000 / ',
		logradouro: 'Avenida Exemplo',
		complemento: '',
	};
	return {
		id_pedido: String(spec.id),
		id_seller: '3',
		data_criacao: mmLocal(spec.createdAt ?? spec.updatedAt),
		ultima_atualizacao: mmLocal(spec.updatedAt),
		status: spec.status ?? '3',
		comprador: { ...buyer, email: 'cliente@madeiramadeira.invalid', documento: '12345678910', tipo_pessoa: 'F' },
		entrega: null,
		dados_entrega: buyer,
		subtotal: (subtotal / 100).toFixed(2),
		frete: (frete / 100).toFixed(2),
		total: ((subtotal + frete) / 100).toFixed(2),
		pagamento: [{ tipo: 'Master' }],
		faturamento: null,
		envio: null,
		pedido_wd: String(spec.id + 30_000_001),
		pedido_mm: String(spec.id + 30_000_000),
		datahora_aprovacao: spec.status === '1' ? null : mmLocal(spec.createdAt ?? spec.updatedAt),
		datahora_cancelamento: null,
		data_previsao_rastreamento: null,
		data_criacao_loja: mmLocal(spec.createdAt ?? spec.updatedAt),
		skus: items.map((i, k) => ({
			sku: String(1000221 + k),
			nome: `Produto ${i.skuseller ?? k}`,
			total: ((cents(i.valor) * i.quantidade) / 100).toFixed(2),
			...(i.skuseller === undefined ? {} : { skuseller: i.skuseller }),
			quantidade: `${i.quantidade}.00000`,
			valor_unitario: i.valor,
			frete: (frete / 100).toFixed(2),
			id_pedido_item: String(spec.id * 10 + k),
			madeira_envios: '0',
		})),
		pagamento_fluxo: 'Cartão de crédito',
	};
}

const envelope = (data: unknown, count: number) => json(200, { meta: { count: String(count) }, data, errors: [] });
const refused = (status: number, detail: string) => json(status, { meta: { count: 0 }, errors: { detail } });

export class MadeiraMadeiraSimulator extends HttpSimulator {
	readonly orders = new Map<number, MmRaw>();
	readonly stock = new Map<string, number>();

	constructor(private readonly token: string) {
		super();
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			req.headers.tokenmm === this.token ? h(req, p) : refused(401, 'Token not found');
		this.route(
			'GET',
			'/v1/pedido/id/:id',
			guarded((_req, p) => {
				const o = this.orders.get(Number(p.id));
				return o ? envelope(o, 1) : refused(404, 'Pedido não encontrado');
			}),
		);
		this.route(
			'GET',
			'/v1/pedido/:segment',
			guarded((_req, p) => this.list(decodeURIComponent(p.segment))),
		);
		this.route(
			'GET',
			'/v1/categoria/:segment',
			guarded(() =>
				envelope([{ id_categoria: '1', nivel_1: 'Aquecedor Solar', nome_completo_fc: 'Ar e Ventilação / Aquecedores de Água / Coletores Solares' }], 2378),
			),
		);
		this.route(
			'PUT',
			'/v1/produto/estoque',
			guarded((req) => this.writeStock(req)),
		);
		this.route(
			'PUT',
			'/v1/pedido/invoiced',
			guarded((req) => this.invoiced(req)),
		);
		this.route(
			'PUT',
			'/v1/pedido/shipped',
			guarded((req) => this.shipped(req)),
		);
	}

	put(...orders: MmRaw[]): this {
		for (const o of orders) this.orders.set(Number(o.id_pedido), o);
		return this;
	}

	private list(segment: string): SimResponse {
		const params = new URLSearchParams(segment);
		const limit = Number(params.get('limit'));
		const offset = Number(params.get('offset'));
		if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0) return refused(400, 'limit/offset inválidos');
		const from = params.get('from');
		const to = params.get('to');
		const matching = [...this.orders.values()]
			.filter((o) => !from || !to || (String(o.data_criacao).slice(0, 10) >= from && String(o.data_criacao).slice(0, 10) <= to))
			.sort((a, b) => Number(a.id_pedido) - Number(b.id_pedido));
		const page = matching.slice(offset, offset + limit);
		return page.length ? envelope(page, matching.length) : refused(404, 'Nenhum pedido encontrado');
	}

	private writeStock(req: SimRequest): SimResponse {
		const rows = Array.isArray(req.body) ? (req.body as MmRaw[]) : [];
		const unknown = rows.find((r) => !this.stock.has(String(r.sku)));
		if (rows.length === 0 || rows.some((r) => !Number.isInteger(r.estoque))) return refused(400, 'Erro no JSON enviado');
		if (unknown) return refused(400, `SKU ${String(unknown.sku)} não encontrado`);
		for (const r of rows) this.stock.set(String(r.sku), r.estoque as number);
		return json(200, { meta: { count: rows.length }, data: rows, errors: [] });
	}

	private transition(
		req: SimRequest,
		key: 'faturamento' | 'envio',
		from: string,
		to: string,
		check: (o: MmRaw, lines: MmRaw[]) => string | undefined,
	): SimResponse {
		const rows = Array.isArray(req.body) ? (req.body as MmRaw[]) : [];
		if (rows.length === 0) return refused(400, 'Erro no JSON enviado');
		for (const row of rows) {
			const order = this.orders.get(Number(row.id_pedido));
			if (!order) return refused(400, `Pedido ${String(row.id_pedido)} não encontrado`);
			if (order.status !== from) return refused(400, `Pedido ${String(row.id_pedido)} não está no status ${from}`);
			const lines = Array.isArray(row[key]) ? (row[key] as MmRaw[]) : [];
			const skus = (order.skus as MmRaw[]).map((s) => String(s.skuseller ?? s.sku));
			if (lines.length === 0 || lines.some((l) => !skus.includes(String(l.sku))))
				return refused(400, `Informe os dados a nível de sku do pedido ${String(row.id_pedido)}`);
			const problem = check(order, lines);
			if (problem) return refused(400, problem);
			Object.assign(order, { status: to, [key]: lines, ultima_atualizacao: mmLocal(new Date().toISOString()) });
		}
		return json(200, { meta: { count: rows.length }, data: rows, errors: [] });
	}

	private invoiced(req: SimRequest): SimResponse {
		return this.transition(req, 'faturamento', '3', '6', (order, lines) => {
			const key = String(lines[0].chave_acesso ?? '');
			if (!/^\d{1,44}$/.test(key)) return 'chave_acesso: no máximo 44 dígitos';
			if (brDay(String(lines[0].data_emissao)) < String(order.datahora_aprovacao).slice(0, 10)) return 'data_emissao anterior à aprovação do pedido';
			const sent = lines.reduce((s, l) => s + Math.round(Number(l.valor) * 100), 0);
			const products = (order.skus as MmRaw[]).reduce((s, l) => s + Math.round(Number(l.total) * 100), 0);
			return sent === products ? undefined : 'valor por SKU diferente do total dos produtos';
		});
	}

	private shipped(req: SimRequest): SimResponse {
		return this.transition(req, 'envio', '6', '7', (_order, lines) =>
			lines.every((l) => l.codigo_rastreio && l.data_transportadora) ? undefined : 'codigo_rastreio e data_transportadora obrigatórios',
		);
	}
}
