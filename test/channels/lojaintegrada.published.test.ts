import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { LOJA_INTEGRADA_STATUS } from '../../core/channels/lojaintegrada';
import { normalizeLojaIntegradaOrder } from '../../core/channels/lojaintegrada/normalize';

/**
 * Loja Integrada payloads as its OpenAPI document (api-docs.lojaintegrada.com.br, published 2026-09-29)
 * gives them in its 200 examples, as transcribed in Hinten/next_erp@490b4189575034700dd40b9339591d43be9227cd:
 * apps/loja-integrada/lib/lojaIntegrada/testing/especificacaoPii.ts. The transcriber replaced personal values
 * with fakes ("Fulano de Tal", ".invalid" e-mail, "00000-000") and left the CPF out (null here); ids, numbers,
 * codes, dates, quantities and prices are the document's own. The document itself could not be read here.
 * - pedido-165.json: GET /v1/pedido/{pedido_id}; pedido-search.json: GET /v1/pedido/search;
 *   situacao.json: GET /v1/situacao; produto-estoque-174389010.json: GET /v1/produto_estoque/{produto_id}.
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/lojaintegrada', name), 'utf8'));
const pedido = load('pedido-165.json') as Json;
const normalize = (raw: unknown) => normalizeLojaIntegradaOrder(raw, '1234567', '-03:00');
const edit = (raw: Json, change: (o: Json) => void): Json => {
	const copy = structuredClone(raw);
	change(copy);
	return copy;
};

describe('Loja Integrada published payloads', () => {
	it('GET /v1/pedido/165: a cancelled order, naive dates at -03:00, quantities and money as strings', () => {
		const order = normalize(pedido);
		expect(order).toMatchObject({
			channel: 'lojaintegrada',
			account: '1234567',
			channelOrderId: '165',
			createdAt: '2022-10-31T15:28:05.704Z',
			updatedAt: '2022-10-31T15:28:12.653Z',
			status: 'cancelled',
			channelStatusRaw: 'pedido_cancelado',
			currency: 'BRL',
			paymentMethod: 'credit_card',
			customer: { name: 'Fulano de Tal', email: 'fulano@exemplo.invalid', phone: '(00) 90000-0000' },
			shippingAddress: { name: 'Fulano de Tal', street: 'Rua Exemplo, 0', number: '1', district: 'Bairro Exemplo', city: 'Cidade Exemplo', state: 'RJ', postalCode: '00000-000', country: 'BR' },
			// The envio has no tracking code yet (objeto null): no shipment.
			shipments: [],
		});
		// A variation: produto is the child (an object with resource_uri), produto_pai the parent.
		expect(order.lines).toEqual([{ sku: 'casaco-azul-tam-m666', quantity: 1, unitPriceCents: 1110, channelListingId: '182904918', channelVariantId: '88568855', channelLineId: '156487061', title: 'Casaco infantil' }]);
		expect(order.totals).toEqual({ itemsCents: 1110, shippingCents: 2138, discountCents: 0, totalCents: 3248 });
		expect(order.flags).toBeUndefined();
	});

	it('every code of the documented /v1/situacao example is in the table', () => {
		for (const s of load('situacao.json').objects as Json[]) expect(LOJA_INTEGRADA_STATUS).toHaveProperty(s.codigo);
		const paid = normalize(edit(pedido, (o) => (o.situacao = { ...o.situacao, codigo: 'pedido_pago', aprovado: true, cancelado: false, final: false })));
		expect(paid).toMatchObject({ status: 'paid', paymentStatus: 'paid' });
	});

	it('a store\'s own situação: cancelled when LI flags it cancelado + final, else imported flagged', () => {
		const custom = (flags: Json) => normalize(edit(pedido, (o) => (o.situacao = { ...o.situacao, codigo: 'aguardando_retirada_loja', ...flags })));
		expect(custom({ cancelado: true, final: true })).toMatchObject({ status: 'cancelled' });
		const unknown = custom({ cancelado: false, final: false });
		expect(unknown).toMatchObject({ status: 'paid', paymentStatus: 'unknown', channelStatusRaw: 'aguardando_retirada_loja' });
		expect(unknown.flags).toContain('status_unknown');
	});

	it('tracking code on the envio; a line without sku is unmapped; produto as a plain URI', () => {
		const order = normalize(edit(pedido, (o) => {
			o.envios[0].objeto = 'QB123456789BR';
			Object.assign(o.itens[0], { sku: null, produto: '/api/v1/produto/88568855', produto_pai: null });
		}));
		expect(order.shipments).toEqual([{ carrier: 'Enviali', trackingCode: 'QB123456789BR' }]);
		expect(order.lines[0]).toMatchObject({ unmapped: true, channelListingId: '88568855' });
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('the listing summary names the order but carries no items: normalising it names the field', () => {
		const [summary] = load('pedido-search.json').objects as Json[];
		expect(() => normalize(summary)).toThrow(/lojaintegrada:164.*itens/);
		expect(() => normalize(edit(pedido, (o) => delete o.numero))).toThrow(/lojaintegrada:\(no id\).*numero/);
	});
});

describe('README: Loja Integrada', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('situacao.codigo', LOJA_INTEGRADA_STATUS));
	});
});
