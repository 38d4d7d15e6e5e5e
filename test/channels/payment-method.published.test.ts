import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeAmazonOrder } from '../../core/channels/amazon/normalize';
import { amazonMethod, mercadoPagoMethod, nuvemshopMethod, orderPaymentMethod, vtexMethod } from '../../core/channels/common/payment';
import { normalizeMlOrder } from '../../core/channels/mercadolivre/normalize';
import type { MlOrder } from '../../core/channels/mercadolivre/types';
import { normalizeNuvemshopOrder } from '../../core/channels/nuvemshop/normalize';
import { normalizeVtexOrder } from '../../core/channels/vtex/normalize';
import { publishedVtex } from './helpers/vtex-published';

/**
 * paymentMethod read from the channels' own published payloads (the same files, and sources, as the
 * *.published tests):
 * - Mercado Livre: test/fixtures/published/mercadolivre (SOURCES.md): orders-search.json and order-get.json from
 *   https://developers.mercadolivre.com.br/gerenciamento-de-vendas
 * - VTEX: vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c:"VTEX - Orders API.json" (get-order, order-group)
 * - Nuvemshop: TiendaNube/api-docs@4058823422f89f94e0b68660a43b13ec65457cec:resources/order.md ("GET /orders") and
 *   resources/draft_order.md (confirm)
 * - Amazon: amzn/selling-partner-api-models@34dc93fe45f37c9a0b2e56823c808f68b4f81754:models/orders-api-model/orders_2026-01-01.json,
 *   paths./orders/2026-01-01/orders.get.responses.200.x-amzn-api-sandbox.static[2].response (searchOrders, BR)
 */
const load = (channel: string, name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8'));

describe('paymentMethod from published payloads', () => {
	it('Mercado Livre: payment_type credit_card (method master) and account_money (balance = wallet)', () => {
		const search = load('mercadolivre', 'orders-search.json');
		const first = normalizeMlOrder(search.results[0] as MlOrder, '');
		expect(first).toMatchObject({ channelOrderId: '2032217210', paymentMethod: 'credit_card', totals: { totalCents: 12995 } });
		const order = normalizeMlOrder(load('mercadolivre', 'order-get.json') as MlOrder, '');
		expect(order).toMatchObject({ channelOrderId: '2000003508897196', paymentMethod: 'wallet' });
	});

	it('VTEX: group creditCard (Visa) and instantPayment (Pix)', () => {
		expect(normalizeVtexOrder(publishedVtex('get-order'), 'luxstore', 'refId')).toMatchObject({ channelOrderId: '1172452900788-01', paymentMethod: 'credit_card' });
		const [group] = publishedVtex('order-group') as unknown[];
		expect(normalizeVtexOrder(group, 'luxstore', 'refId').paymentMethod).toBe('pix');
	});

	it('Nuvemshop: payment_details.method credit_card; a confirmed draft with method null says nothing', () => {
		const [listed] = load('nuvemshop', 'order-get-orders.json');
		expect(normalizeNuvemshopOrder(listed, '271146').paymentMethod).toBe('credit_card');
		expect(normalizeNuvemshopOrder(load('nuvemshop', 'draft-order-confirm.json'), '271146')).not.toHaveProperty('paymentMethod');
	});

	it('Amazon: payment.paymentExecutions[].paymentMethod CreditCard (BR sandbox order)', () => {
		const [raw] = load('amazon', 'searchOrders.sandbox-br.json').orders;
		expect(normalizeAmazonOrder(raw, 'A3SELLER')).toMatchObject({ channelOrderId: '171-2345678-9012345', paymentMethod: 'credit_card', totals: { totalCents: 159990 } });
		// the other published examples carry no payment data: nothing is claimed
		const [plain] = load('amazon', 'searchOrders.example.json').orders;
		expect(normalizeAmazonOrder(plain, 'A3SELLER')).not.toHaveProperty('paymentMethod');
	});
});

describe('payment method vocabularies', () => {
	it('Amazon methods', () => {
		expect(amazonMethod({ paymentMethod: 'Pix' })).toBe('pix');
		expect(amazonMethod({ paymentMethod: 'Boleto' })).toBe('boleto');
		expect(amazonMethod({ paymentMethod: 'CashOnDelivery' })).toBe('other');
		expect(amazonMethod({})).toBeUndefined();
	});

	it('Mercado Pago types', () => {
		expect(mercadoPagoMethod({ payment_type: 'ticket', payment_method_id: 'bolbradesco' })).toBe('boleto');
		expect(mercadoPagoMethod({ payment_type: 'bank_transfer', payment_method_id: 'pix' })).toBe('pix');
		expect(mercadoPagoMethod({ payment_type: 'debit_card', payment_method_id: 'debelo' })).toBe('debit_card');
		expect(mercadoPagoMethod({ payment_type: 'digital_currency' })).toBe('wallet');
		expect(mercadoPagoMethod({ payment_type: 'crypto_transfer' })).toBe('other');
		expect(mercadoPagoMethod({ payment_type: null })).toBeUndefined();
		expect(mercadoPagoMethod('credit_card')).toBeUndefined();
	});

	it('VTEX groups and names', () => {
		expect(vtexMethod({ group: 'bankInvoice', paymentSystemName: 'Boleto Bancário' })).toBe('boleto');
		expect(vtexMethod({ group: 'debitCard' })).toBe('debit_card');
		expect(vtexMethod({ group: 'giftCard', paymentSystemName: 'Vale' })).toBe('other');
		expect(vtexMethod({ paymentSystemName: 'Pix' })).toBe('pix');
		expect(vtexMethod({})).toBeUndefined();
	});

	it('Nuvemshop methods', () => {
		expect(nuvemshopMethod({ method: 'boleto' })).toBe('boleto');
		expect(nuvemshopMethod({ method: 'pix' })).toBe('pix');
		expect(nuvemshopMethod({ method: 'wire_transfer' })).toBe('other');
		expect(nuvemshopMethod(null)).toBeUndefined();
	});

	it('several payments: one method, a boleto among them decides (it clears last)', () => {
		expect(orderPaymentMethod([undefined, 'pix', 'pix'])).toBe('pix');
		expect(orderPaymentMethod(['credit_card', 'boleto'])).toBe('boleto');
		expect(orderPaymentMethod(['credit_card', 'wallet'])).toBe('other');
		expect(orderPaymentMethod([])).toBeUndefined();
	});
});
