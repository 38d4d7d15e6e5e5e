import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusIdTable } from '../../core/channels/common/status';
import { normalizeWakeOrder } from '../../core/channels/wake/normalize';
import { wakeOrder } from '../simulators/wake';

/**
 * Wake Commerce's "API Pública" OpenAPI 3.1 document (servers https://api.fbits.net), as
 * deco-cx/apps@292aed09f63a4eb509b5cad7766eed7678c5f2d9:wake/utils/openapi/wake.openapi.json stores it (a copy
 * of the spec behind wakecommerce.readme.io/reference; the live pages were not readable here). Copied from it
 * unchanged: the 200 examples of GET /pedidos (get-pedidos.json), GET /pedidos/{pedidoId} (get-pedido.json),
 * GET /situacoesPedido and PUT /produtos/estoques. Wake's examples are generated from the schema: 0 for
 * numbers, "string" for texts, dates as ISO 8601 with Z; a test fills those placeholders and says which.
 */
type Json = Record<string, any>;
const dir = join(__dirname, '../fixtures/published/wake');
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as any;
const [listed] = read('get-pedidos.json') as Json[];
const one = read('get-pedido.json') as Json;
const NO_IDS = statusIdTable({}, '', 'Wake Order Statuses');
const normalize = (raw: unknown, byId = NO_IDS) => normalizeWakeOrder(raw, 'loja-wake', '-03:00', byId);

/** The published order with its placeholders filled: ids, one item of two units, money, the status record. */
function filled(change: (o: Json) => void = () => undefined): Json {
	const o = structuredClone(one);
	o.pedidoId = 98765;
	o.situacaoPedidoId = 2;
	o.situacaoPedido = { situacaoPedidoId: 2, nome: 'Pagamento Aprovado', descricao: 'string' };
	o.valorFrete = 12.5;
	o.valorTotalPedido = 143.3;
	o.itens[0] = { ...o.itens[0], produtoVarianteId: 321, sku: 'CAMISETA-P', nome: 'Camiseta P', quantidade: 2, precoVenda: 70, precoPor: 65.4, isBrinde: false };
	// The buyer and address of the simulator's orders (the same fields, filled).
	const sample = wakeOrder({ id: 1, updatedAt: '2026-03-10T12:00:00Z' }) as Json;
	o.usuario = { ...o.usuario, ...sample.usuario, cnpj: '' };
	o.pedidoEndereco[0] = { ...o.pedidoEndereco[0], ...sample.pedidoEndereco[0] };
	change(o);
	return o;
}

/** Every key path of a JSON value (array elements as []). */
const paths = (v: unknown, p = ''): string[] =>
	Array.isArray(v)
		? v.length
			? paths(v[0], `${p}[]`)
			: [p]
		: v && typeof v === 'object'
			? Object.entries(v).flatMap(([k, x]) => [`${p}.${k}`, ...paths(x, `${p}.${k}`)])
			: [];

describe('Wake published payloads (API Pública examples)', () => {
	it('GET /pedidos lists whole orders: the list element and GET /pedidos/{id} have the same fields', () => {
		expect(paths(listed).sort()).toEqual(paths(one).sort());
	});

	it("the simulator's orders use only fields of the published order", () => {
		const published = new Set(paths(one));
		expect(paths(wakeOrder({ id: 1, updatedAt: '2026-03-10T12:00:00Z' })).filter((p) => !published.has(p))).toEqual([]);
	});

	it('the example as published is refused naming the item whose quantidade is the placeholder 0', () => {
		expect(() => normalize(listed)).toThrow(/wake:0.*itens\[0\]\.quantidade/);
	});

	it('the filled example: sku lines at the sale price (precoPor), charged totals, buyer with CPF, delivery address, boleto, UTC dates', () => {
		const order = normalize(filled());
		expect(order).toMatchObject({
			channel: 'wake',
			account: 'loja-wake',
			channelOrderId: '98765',
			createdAt: '2022-06-17T11:14:39.010Z',
			updatedAt: '2022-06-17T11:14:39.010Z',
			status: 'paid',
			paymentStatus: 'paid',
			channelStatusRaw: '2 Pagamento Aprovado',
			currency: 'BRL',
			customer: { name: 'Ana Souza', email: 'ana@example.com.br', phone: '(11) 98888-7777', document: '39053344705' },
			shippingAddress: {
				name: 'Ana Souza',
				street: 'Rua das Flores',
				number: '42',
				district: 'Centro',
				city: 'Campinas',
				state: 'SP',
				postalCode: '13010-000',
				country: 'BR',
			},
			paymentMethod: 'boleto',
		});
		expect(order.lines).toEqual([
			expect.objectContaining({ sku: 'CAMISETA-P', quantity: 2, unitPriceCents: 6540, channelListingId: '321', title: 'Camiseta P' }),
		]);
		expect(order.totals).toEqual({ itemsCents: 13080, shippingCents: 1250, discountCents: 0, totalCents: 14330 });
	});

	it('numbers as strings, an item without sku (unmapped), a gift at 0, empty optional fields, a zone-less date read at -03:00', () => {
		const order = normalize(
			filled((o) => {
				o.itens[0].quantidade = '2';
				o.itens[0].precoPor = '65.40';
				o.itens.push({ produtoVarianteId: 322, sku: '', nome: 'Brinde', quantidade: 1, precoVenda: 9.9, precoPor: 0, isBrinde: true });
				o.valorTotalPedido = '143.30';
				o.usuario = { nome: 'Ana Souza', email: '', cpf: null };
				o.pedidoEndereco = [];
				o.pagamento = [];
				o.dataUltimaAtualizacao = '2026-03-10T09:30:00';
			}),
		);
		expect(order.lines[0]).toMatchObject({ sku: 'CAMISETA-P', quantity: 2, unitPriceCents: 6540 });
		expect(order.lines[1]).toMatchObject({ unmapped: true, unitPriceCents: 0, channelListingId: '322' });
		expect(order.flags).toContain('unmapped_lines');
		expect(order.customer).toEqual({ name: 'Ana Souza' });
		expect(order.shippingAddress).toBeUndefined();
		expect(order.paymentMethod).toBeUndefined();
		expect(order.updatedAt).toBe('2026-03-10T12:30:00.000Z');
	});

	it('status: the Order Statuses setting first, else the store status name, else flagged status_unknown', () => {
		const named = (nome: string) => normalize(filled((o) => (o.situacaoPedido = { situacaoPedidoId: 9, nome })));
		expect(named('Pedido Cancelado')).toMatchObject({ status: 'cancelled' });
		expect(named('Aguardando Pagamento')).toMatchObject({ status: 'pending_payment', paymentStatus: 'pending' });
		expect(named('Pagamento não aprovado')).toMatchObject({ status: 'pending_payment', paymentStatus: 'failed' });
		expect(named('Pedido Enviado')).toMatchObject({ status: 'shipped' });
		expect(named('Entregue')).toMatchObject({ status: 'delivered' });
		expect(named('Faturado')).toMatchObject({ status: 'invoiced' });
		expect(named('Em separação')).toMatchObject({ status: 'paid' });
		const odd = named('Status da loja');
		expect(odd).toMatchObject({ status: 'paid', paymentStatus: 'unknown', flags: ['status_unknown'] });
		expect(
			normalize(
				filled((o) => (o.situacaoPedidoId = 9)),
				statusIdTable({}, '9=delivered', 'Wake Order Statuses'),
			),
		).toMatchObject({ status: 'delivered' });
	});

	it('an order without pedidoId or items is refused naming the field', () => {
		expect(() => normalize(filled((o) => delete o.pedidoId))).toThrow(/wake:\(no id\).*pedidoId/);
		expect(() => normalize(filled((o) => (o.itens = [])))).toThrow(/itens/);
		expect(() => normalize(filled((o) => (o.data = 'ontem')))).toThrow(/data/);
	});

	it('the published stock answer has the fields the writer reads (produtosNaoAtualizados[].sku/detalhes)', () => {
		const answer = read('put-produtos-estoques.json') as Json;
		expect(Object.keys(answer.produtosNaoAtualizados[0])).toEqual(expect.arrayContaining(['sku', 'detalhes', 'resultado']));
		expect(Object.keys(read('get-situacoes-pedido.json')[0])).toEqual(['situacaoPedidoId', 'nome', 'descricao', 'observacao']);
	});
});

describe('Wake README', () => {
	it("the README's status-name table is the adapter's rules", async () => {
		const { statusTableMarkdown } = await import('../../core/channels/common/status');
		const { WAKE_NAME_RULES } = await import('../../core/channels/wake');
		const table = statusTableMarkdown('status name contains', Object.fromEntries(WAKE_NAME_RULES.map(([re, m]) => [re.source.split('|').join(', '), m])));
		expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(table);
	});
});
