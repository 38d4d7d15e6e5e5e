import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { readForm } from './multipart';
import { intParam, json } from './sim-paging';

/**
 * Loja Integrada API v1 as its OpenAPI document describes it (read through the survey and transcribed
 * examples named in core/channels/lojaintegrada/api.ts): "Authorization: chave_api <k> aplicacao <app>";
 * GET /v1/pedido/search/ with since_atualizado (AAAA-MM-DDTHH:MM:SS, "a partir da": inclusive), limit ≤ 50
 * and offset, answering {meta: {limit, next, offset, previous, total_count}, objects: [summary]}; GET
 * /v1/pedido/{numero}; GET /v1/situacao/; GET /v1/produto/ (by sku, or the catalogue by limit/offset); GET/PUT /v1/produto_estoque/{id}; PUT
 * /v1/pedido_envio/{id} {objeto}; PUT /v1/situacao/pedido/{numero} {codigo}; POST /v1/integration/pedido/nf
 * (multipart, the store key as account_key).
 * [?] Undocumented and chosen here: dates in store time (-03:00); the list sorted by numero ascending, or by
 * last change when `sortByChange` is set (a test shows the adapter survives an order that moves); a limit
 * over 50 refused with 400; error bodies.
 */

export type LiRaw = Record<string, unknown>;
const OFFSET_MS = -3 * 3600_000;
/** An instant as LI writes it: store time, no zone, microseconds. */
export const liLocal = (iso: string) => `${new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 23)}000`;

const SITUACOES: Record<string, { id: number; aprovado: boolean; cancelado: boolean; final: boolean; nome: string }> = {
	aguardando_pagamento: { id: 2, aprovado: false, cancelado: false, final: false, nome: 'Aguardando pagamento' },
	pedido_pago: { id: 4, aprovado: true, cancelado: false, final: false, nome: 'Pedido Pago' },
	pedido_cancelado: { id: 8, aprovado: false, cancelado: true, final: true, nome: 'Pedido Cancelado' },
	pedido_enviado: { id: 11, aprovado: true, cancelado: false, final: true, nome: 'Pedido Enviado' },
	pedido_entregue: { id: 14, aprovado: true, cancelado: false, final: true, nome: 'Pedido Entregue' },
};
const situacao = (codigo: string) => ({ ...SITUACOES[codigo], codigo, notificar_comprador: true, padrao: false, resource_uri: `/api/v1/situacao/${SITUACOES[codigo].id}` });

export interface LiOrderSpec {
	numero: number;
	modifiedAt: string;
	createdAt?: string;
	codigo?: string;
	items?: Array<{ sku: string; quantidade: number; preco: string; produtoId?: number }>;
	tracking?: string;
}

/** An order shaped like the documented GET /v1/pedido/{pedido_id} example. */
export function liOrder(spec: LiOrderSpec): LiRaw {
	const items = spec.items ?? [{ sku: 'CAM-AZ-M', quantidade: 2, preco: '49.90', produtoId: 88568855 }];
	const subtotal = items.reduce((s, i) => s + Math.round(Number(i.preco) * 100) * i.quantidade, 0);
	return {
		numero: spec.numero,
		resource_uri: `/api/v1/pedido/${spec.numero}`,
		cliente: { id: 34220641, nome: 'Fulano de Tal', email: 'fulano@exemplo.invalid', cpf: null, cnpj: null, telefone_celular: '(00) 90000-0000', resource_uri: '/api/v1/cliente/34220641' },
		data_criacao: liLocal(spec.createdAt ?? spec.modifiedAt),
		data_modificacao: liLocal(spec.modifiedAt),
		endereco_entrega: { nome: 'Fulano de Tal', endereco: 'Rua Exemplo', numero: '1', bairro: 'Centro', cidade: 'Niterói', estado: 'RJ', cep: '24000000', pais: 'Brasil', tipo: 'PF' },
		envios: [{ id: 69290000 + spec.numero, objeto: spec.tracking ?? null, prazo: 7, valor: '21.38', forma_envio: { code: 'PAC', id: 141909, nome: 'Enviali', tipo: 'PAC ' } }],
		itens: items.map((i, k) => ({
			id: 156480000 + spec.numero * 10 + k, linha: k + 1, nome: `Produto ${i.sku}`, sku: i.sku, quantidade: i.quantidade.toFixed(2),
			preco_cheio: i.preco, preco_venda: i.preco, preco_subtotal: (Math.round(Number(i.preco) * 100) * i.quantidade / 100).toFixed(2),
			produto: `/api/v1/produto/${i.produtoId ?? 88568855 + k}`, tipo: 'normal',
		})),
		pagamentos: [{ id: 69291176, pagamento_tipo: 'creditCard', forma_pagamento: { codigo: 'pagsegurov2', id: 24, nome: 'PagSeguro V2' }, valor: ((subtotal + 2138) / 100).toFixed(2) }],
		situacao: situacao(spec.codigo ?? 'pedido_pago'),
		valor_desconto: '0.00', valor_envio: '21.38', valor_subtotal: (subtotal / 100).toFixed(2), valor_total: ((subtotal + 2138) / 100).toFixed(2),
	};
}

/** The search's summary: no items, payments, address or envios; cliente as a URI. */
function summary(o: LiRaw): LiRaw {
	const { itens: _i, pagamentos: _p, endereco_entrega: _e, envios: _v, ...rest } = o;
	return { ...rest, cliente: '/api/v1/cliente/34220641' };
}

const page = (objects: unknown[], total: number, limit: number, offset: number) =>
	json(200, { meta: { limit, offset, total_count: total, next: offset + limit < total ? `/api/v1/pedido/search/?limit=${limit}&offset=${offset + limit}` : null, previous: null }, objects });
const notFound = () => json(404, { error_message: 'Sorry, this request could not be processed. Please try again later.' });

export class LojaIntegradaSimulator extends HttpSimulator {
	readonly orders = new Map<number, LiRaw>();
	readonly stock = new Map<number, { sku: string; quantidade: number; situacao_em_estoque: number; situacao_sem_estoque: number }>();
	/** [?] The list's order is undocumented: numero ascending, or by last change when set. */
	sortByChange = false;

	constructor(private readonly keys: { chaveApi: string; chaveAplicacao: string }) {
		super();
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			req.headers.authorization === `chave_api ${this.keys.chaveApi} aplicacao ${this.keys.chaveAplicacao}` ? h(req, p) : json(401, { error_message: 'Chave de API ou de aplicação inválida.' });
		this.route('GET', '/v1/pedido/search/', guarded((req) => this.search(req)));
		this.route('GET', '/v1/pedido/:numero', guarded((_req, p) => {
			const o = this.orders.get(Number(p.numero));
			return o ? json(200, o) : notFound();
		}));
		this.route('GET', '/v1/situacao/', guarded(() => json(200, { meta: { limit: 20, offset: 0, total_count: 5, next: null, previous: null }, objects: Object.keys(SITUACOES).map(situacao) })));
		this.route('GET', '/v1/produto/', guarded((req) => this.produtos(req)));
		this.route('GET', '/v1/produto_estoque/:id', guarded((_req, p) => this.readStock(Number(p.id))));
		this.route('PUT', '/v1/produto_estoque/:id', guarded((req, p) => this.writeStock(req, Number(p.id))));
		this.route('PUT', '/v1/pedido_envio/:id', guarded((req, p) => this.tracking(req, Number(p.id))));
		this.route('PUT', '/v1/situacao/pedido/:numero', guarded((req, p) => this.setSituacao(req, Number(p.numero))));
		this.route('POST', '/v1/integration/pedido/nf', guarded((req) => this.addInvoice(req)));
	}

	readonly invoices: Array<Record<string, string>> = [];

	/** multipart/form-data: account_key (the store key), sale_number, date, invoice_number, serie, access_key, url, url_xml. */
	private addInvoice(req: SimRequest): SimResponse {
		const fields = readForm(req)?.fields;
		if (!fields) return json(400, { status: 400, msg: 'multipart/form-data expected' });
		if (fields.account_key !== this.keys.chaveApi) return json(401, { status: 401, msg: 'account_key inválida' });
		const missing = ['sale_number', 'date', 'invoice_number', 'serie', 'access_key'].filter((k) => !fields[k]);
		if (missing.length) return json(400, { status: 400, msg: `Campos obrigatórios: ${missing.join(', ')}` });
		if (!this.orders.has(Number(fields.sale_number))) return notFound();
		this.invoices.push(fields);
		return json(200, { status: 200, msg: 'Invoice successfully inserted.' });
	}

	put(...orders: LiRaw[]): this {
		for (const o of orders) this.orders.set(Number(o.numero), o);
		return this;
	}

	putProduct(id: number, sku: string, quantidade: number, situacaoSemEstoque = -1): this {
		this.stock.set(id, { sku, quantidade, situacao_em_estoque: 2, situacao_sem_estoque: situacaoSemEstoque });
		return this;
	}

	/** Catalogue fields of a produto put with putProduct: its gtin, its tipo (a parent is "atributo"), its parent, removal. */
	readonly catalog = new Map<number, { gtin?: string | null; tipo?: 'normal' | 'atributo' | 'atributo_opcao'; pai?: number; removido?: boolean }>();

	/**
	 * GET /v1/produto/: filtered by sku when given, limit ≤ 50 and offset, rows shaped as the document's list
	 * (objects.* fields of its leaf inventory: a parent names its variations in `filhos`, a variation names its
	 * grade values in `variacoes` and comes without a nome). [?] The order is undocumented: id ascending here.
	 */
	private produtos(req: SimRequest): SimResponse {
		const limit = intParam(req.query, 'limit', 20, 1, 50);
		const offset = intParam(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
		if (limit === undefined || offset === undefined) return json(400, { error_message: 'limit: o máximo aceito é 50' });
		const sku = req.query.get('sku');
		const uri = (id: number) => `/api/v1/produto/${id}`;
		const rows = [...this.stock.entries()]
			.filter(([, s]) => !sku || s.sku === sku)
			.sort(([a], [b]) => a - b)
			.map(([id, s]) => {
				const c = this.catalog.get(id) ?? {};
				const tipo = c.tipo ?? 'normal';
				const filhos = [...this.catalog.entries()].filter(([, f]) => f.pai === id).map(([f]) => uri(f));
				return {
					id, sku: s.sku, gtin: c.gtin ?? null, tipo, removido: c.removido ?? false, ativo: true, bloqueado: false,
					nome: tipo === 'atributo_opcao' ? null : `Produto ${s.sku}`, filhos, grades: [], variacoes: tipo === 'atributo_opcao' ? ['/api/v1/grade/8945/variacao/37078'] : [],
					resource_uri: uri(id), url: `https://loja.example/produto-${id}`,
				};
			});
		const next = offset + limit < rows.length ? `/api/v1/produto/?limit=${limit}&offset=${offset + limit}` : null;
		return json(200, { meta: { limit, offset, total_count: rows.length, next, previous: null }, objects: rows.slice(offset, offset + limit) });
	}

	private search(req: SimRequest): SimResponse {
		const limit = intParam(req.query, 'limit', 20, 1, 50);
		const offset = intParam(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
		if (limit === undefined || offset === undefined) return json(400, { error_message: 'limit: o máximo aceito é 50' });
		const since = req.query.get('since_atualizado');
		const time = (o: LiRaw) => String(o.data_modificacao);
		const matching = [...this.orders.values()]
			// Both sides are store-time text of one format: compared as text, as the server's own column.
			.filter((o) => !since || time(o).slice(0, since.length) >= since)
			.sort((a, b) => (this.sortByChange ? time(a).localeCompare(time(b)) : 0) || Number(a.numero) - Number(b.numero));
		return page(matching.slice(offset, offset + limit).map(summary), matching.length, limit, offset);
	}

	private readStock(id: number): SimResponse {
		const s = this.stock.get(id);
		if (!s) return notFound();
		const { sku: _sku, ...rest } = s;
		return json(200, { ...rest, gerenciado: true, id: 100000 + id, produto: `/api/v1/produto/${id}`, quantidade_disponivel: s.quantidade, quantidade_reservada: 0, resource_uri: `/api/v1/produto_estoque/${id}` });
	}

	private writeStock(req: SimRequest, id: number): SimResponse {
		const s = this.stock.get(id);
		if (!s) return notFound();
		const b = (req.body ?? {}) as Record<string, unknown>;
		if (!Number.isInteger(b.quantidade)) return json(400, { error_message: 'quantidade: informe um número inteiro' });
		// [?] A field left out is reset to its default here, the risk the writer avoids by sending them back.
		Object.assign(s, { quantidade: b.quantidade, situacao_em_estoque: Number(b.situacao_em_estoque ?? 0), situacao_sem_estoque: Number(b.situacao_sem_estoque ?? 0) });
		return this.readStock(id);
	}

	private tracking(req: SimRequest, envioId: number): SimResponse {
		const order = [...this.orders.values()].find((o) => (o.envios as LiRaw[]).some((e) => e.id === envioId));
		if (!order) return notFound();
		const envio = (order.envios as LiRaw[]).find((e) => e.id === envioId)!;
		envio.objeto = (req.body as LiRaw | undefined)?.objeto ?? null;
		order.data_modificacao = liLocal(new Date().toISOString());
		return json(200, envio);
	}

	private setSituacao(req: SimRequest, numero: number): SimResponse {
		const order = this.orders.get(numero);
		if (!order) return notFound();
		const codigo = String((req.body as LiRaw | undefined)?.codigo ?? '');
		if (!SITUACOES[codigo]) return json(400, { error_message: `codigo: situação "${codigo}" não encontrada` });
		order.situacao = situacao(codigo);
		order.data_modificacao = liLocal(new Date().toISOString());
		return json(200, order.situacao);
	}
}
