import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * Wake Commerce's API Pública as its OpenAPI document describes it (api.fbits.net; copied in
 * test/fixtures/published/wake): "Authorization: Basic <token>" (401 otherwise); GET /pedidos between
 * dataInicial and dataFinal ("aaaa-mm-dd hh:mm:ss", read here at -03:00, both inclusive [?]) on the date
 * enumTipoFiltroData names (DataAlteracao = dataUltimaAtualizacao [?]), newest first, pagina and
 * quantidadeRegistros (at most 50: more is a 400 here [?]); GET /pedidos/{id}; GET /situacoesPedido (the
 * store's statuses); PUT /produtos/estoques?tipoIdentificador=Sku (≤ 50; unknown SKUs in
 * produtosNaoAtualizados); POST /pedidos/{id}/rastreamento and PUT /pedidos/{id}/status (answer True, move
 * the order's status and dataUltimaAtualizacao). Errors are {resultadoOperacao, codigo, mensagem}.
 */
export type WakeRaw = Record<string, unknown>;

/** A zone-less Brasília "YYYY-MM-DDTHH:MM:SS" (as the adapter reads dates without a zone). */
export const wakeLocal = (iso: string) => new Date(Date.parse(iso) - 3 * 3600_000).toISOString().slice(0, 19);
const filterMs = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v) ? Date.parse(`${v.replace(' ', 'T')}-03:00`) : NaN);
const dateMs = (v: unknown) => (typeof v === 'string' ? Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}-03:00`) : NaN);

export const STORE_STATUSES = [
	{ situacaoPedidoId: 1, nome: 'Aguardando Pagamento', descricao: 'Pedido aguardando a confirmação do pagamento' },
	{ situacaoPedidoId: 2, nome: 'Pagamento Aprovado', descricao: 'Pagamento confirmado' },
	{ situacaoPedidoId: 3, nome: 'Pedido Cancelado', descricao: 'Pedido cancelado' },
	{ situacaoPedidoId: 4, nome: 'Pedido Enviado', descricao: 'Pedido em transporte' },
	{ situacaoPedidoId: 5, nome: 'Pedido Entregue', descricao: 'Pedido entregue' },
	{ situacaoPedidoId: 6, nome: 'Faturado', descricao: 'Nota fiscal emitida' },
];

export interface WakeOrderSpec {
	id: number;
	updatedAt: string;
	createdAt?: string;
	status?: number;
	items?: Array<{ sku: string; quantity: number; price: number }>;
}

/** An order shaped like the documented GET /pedidos item (numbers as JSON numbers). */
export function wakeOrder(spec: WakeOrderSpec): WakeRaw {
	const items = spec.items ?? [{ sku: 'CAMISETA-P', quantity: 1, price: 59.9 }];
	const subtotal = items.reduce((s, i) => s + i.price * i.quantity, 0);
	return {
		pedidoId: spec.id,
		situacaoPedidoId: spec.status ?? 2,
		data: wakeLocal(spec.createdAt ?? spec.updatedAt),
		dataUltimaAtualizacao: wakeLocal(spec.updatedAt),
		valorFrete: 12.5,
		valorTotalPedido: Math.round((subtotal + 12.5) * 100) / 100,
		valorDesconto: 0,
		usuario: { usuarioId: 77, tipoPessoa: 'Fisica', nome: 'Ana Souza', cpf: '390.533.447-05', email: 'ana@example.com.br', telefoneCelular: '(11) 98888-7777' },
		pedidoEndereco: [
			{
				tipo: 'Entrega',
				nome: 'Ana Souza',
				endereco: 'Rua das Flores',
				numero: '42',
				complemento: '',
				bairro: 'Centro',
				cidade: 'Campinas',
				estado: 'SP',
				cep: '13010-000',
				pais: 'Brasil',
			},
		],
		itens: items.map((i, k) => ({
			produtoVarianteId: 500 + k,
			sku: i.sku,
			nome: `Produto ${i.sku}`,
			quantidade: i.quantity,
			precoVenda: i.price,
			precoPor: i.price,
			isBrinde: false,
		})),
		pagamento: [{ formaPagamentoId: 3, valorTotal: subtotal + 12.5, boleto: { urlBoleto: 'https://boleto.example/1', codigoDeBarras: '' }, cartaoCredito: [] }],
		valido: true,
	};
}

const error = (status: number, mensagem: string) => json(status, { resultadoOperacao: false, codigo: status, mensagem });

export class WakeSimulator extends HttpSimulator {
	readonly orders = new Map<number, WakeRaw>();
	readonly stock = new Map<string, number>();
	readonly trackings: Array<{ pedidoId: number; body: WakeRaw }> = [];

	constructor(private readonly token: string) {
		super();
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			req.headers.authorization === `Basic ${this.token}` ? h(req, p) : error(401, 'Token inválido');
		this.route(
			'GET',
			'/pedidos',
			guarded((req) => this.list(req)),
		);
		this.route(
			'GET',
			'/pedidos/:id',
			guarded((_r, p) => (this.orders.has(Number(p.id)) ? json(200, this.orders.get(Number(p.id))) : error(404, 'Pedido não encontrado'))),
		);
		this.route(
			'GET',
			'/situacoesPedido',
			guarded(() => json(200, STORE_STATUSES)),
		);
		this.route(
			'PUT',
			'/produtos/estoques',
			guarded((req) => this.putStock(req)),
		);
		this.route(
			'POST',
			'/pedidos/:id/rastreamento',
			guarded((req, p) => this.track(req, Number(p.id))),
		);
		this.route(
			'PUT',
			'/pedidos/:id/status',
			guarded((req, p) => {
				const o = this.orders.get(Number(p.id));
				const id = (req.body as WakeRaw | undefined)?.id;
				if (!o) return error(404, 'Pedido não encontrado');
				if (!STORE_STATUSES.some((s) => s.situacaoPedidoId === id)) return error(422, 'Situação inválida');
				this.move(o, Number(id));
				return json(200, 'True');
			}),
		);
	}

	put(...orders: WakeRaw[]): this {
		for (const o of orders) this.orders.set(Number(o.pedidoId), o);
		return this;
	}

	private move(o: WakeRaw, status: number): void {
		o.situacaoPedidoId = status;
		o.dataUltimaAtualizacao = wakeLocal(new Date().toISOString());
	}

	private list(req: SimRequest): SimResponse {
		const [from, to] = [filterMs(req.query.get('dataInicial')), filterMs(req.query.get('dataFinal'))];
		if (Number.isNaN(from) || Number.isNaN(to)) return error(422, 'dataInicial e dataFinal são obrigatórias (aaaa-mm-dd hh:mm:ss)');
		const size = intParam(req.query, 'quantidadeRegistros', 50, 1, 50);
		const page = intParam(req.query, 'pagina', 1, 1, Number.MAX_SAFE_INTEGER);
		if (size === undefined || page === undefined) return error(422, 'quantidadeRegistros deve estar entre 1 e 50');
		const field = req.query.get('enumTipoFiltroData') === 'DataAlteracao' ? 'dataUltimaAtualizacao' : 'data';
		const all = [...this.orders.values()]
			.filter((o) => dateMs(o[field]) >= from && dateMs(o[field]) <= to + 999)
			.sort((a, b) => dateMs(b[field]) - dateMs(a[field]) || Number(b.pedidoId) - Number(a.pedidoId));
		return json(
			200,
			all.slice((page - 1) * size, page * size).map((o) => structuredClone(o)),
		);
	}

	private putStock(req: SimRequest): SimResponse {
		if (req.query.get('tipoIdentificador') !== 'Sku') return error(422, 'tipoIdentificador não simulado');
		const list = req.body as Array<{ identificador?: string; listaEstoque?: Array<{ estoqueFisico?: number; centroDistribuicaoId?: number }> }>;
		if (!Array.isArray(list) || list.length > 50) return error(422, 'Limite de 50 produtos por requisição');
		const done: WakeRaw[] = [];
		const refused: WakeRaw[] = [];
		for (const p of list) {
			const qty = p.listaEstoque?.[0]?.estoqueFisico;
			const row = { produtoVarianteId: 0, sku: p.identificador, centroDistribuicaoId: p.listaEstoque?.[0]?.centroDistribuicaoId ?? 0 };
			if (p.identificador === undefined || !this.stock.has(p.identificador) || typeof qty !== 'number')
				refused.push({ ...row, resultado: false, detalhes: 'Produto não encontrado' });
			else {
				this.stock.set(p.identificador, qty);
				done.push({ ...row, resultado: true, detalhes: '' });
			}
		}
		return json(200, { produtosNaoAtualizados: refused, produtosAtualizados: done });
	}

	private track(req: SimRequest, id: number): SimResponse {
		const o = this.orders.get(id);
		if (!o) return error(404, 'Pedido não encontrado');
		const body = (req.body ?? {}) as WakeRaw;
		this.trackings.push({ pedidoId: id, body });
		if (typeof body.situacaoPedidoId === 'number') this.move(o, body.situacaoPedidoId);
		return json(200, 'True');
	}
}
