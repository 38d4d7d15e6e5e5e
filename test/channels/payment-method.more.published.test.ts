import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { magaluMethod, shopifyMethod, wooMethod } from '../../core/channels/common/payment';
import { normalizeMagaluOrder } from '../../core/channels/magalu/normalize';
import { normalizeShopifyOrder } from '../../core/channels/shopify/normalize';
import { normalizeWooOrder } from '../../core/channels/woocommerce/normalize';

/**
 * paymentMethod of Shopify, WooCommerce and Magalu, read from the payloads the channels published (the same
 * files, and sources, as the *.published tests):
 * - Shopify REST: Shopify/shopify-app-js@ef2043d4a8c4ca0adb9020d76090b2fb94979dab
 *   packages/apps/shopify-api/rest/admin/__tests__/2026-01/order.test.ts (payment_gateway_names ["bogus"],
 *   [""] and []). No published GraphQL order example carries paymentGatewayNames: that path is tested below
 *   on the vocabulary only.
 * - WooCommerce: woocommerce/woocommerce-rest-api-docs@13d61967911cb312a27be2dc57b12d5949f40016
 *   source/includes/wp-api-v3/_orders.md ("List all orders") and wp-api-v1/_orders.md ("Create an order"):
 *   payment_method "bacs" (Direct Bank Transfer).
 * - Magalu: https://developers.magalu.com/docs/plataforma-do-seller-pedidos/get_order/ (excerpt, see
 *   test/fixtures/published/magalu/SOURCES.md): payments[].method documented as "pix|bank_slip|credit_card".
 */
const load = (channel: string, name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8'));

describe('paymentMethod from published payloads (Shopify, WooCommerce, Magalu)', () => {
	it('Shopify REST: the test gateway "bogus" is a payment we cannot place (other); empty lists and names say nothing', () => {
		const cancelled = normalizeShopifyOrder(load('shopify', 'rest-order-450789469-cancelled.json'), 'jsmith.myshopify.com');
		expect(cancelled).toMatchObject({ channelOrderId: '450789469', paymentMethod: 'other' });
		expect(normalizeShopifyOrder(load('shopify', 'rest-order-1073459976-custom-item-eur.json'), 'jsmith.myshopify.com')).not.toHaveProperty('paymentMethod');
		expect(normalizeShopifyOrder(load('shopify', 'rest-order-1073459972-fulfilled.json'), 'jsmith.myshopify.com')).not.toHaveProperty('paymentMethod');
	});

	it('WooCommerce: payment_method "bacs" (bank transfer) is other, in the v3 list and the v1 create example', () => {
		const [order727, order723] = load('woocommerce', 'wp-api-v3-list-orders.json');
		expect(normalizeWooOrder(order727, 'example.com')).toMatchObject({ channelOrderId: '727', paymentMethod: 'other' });
		expect(normalizeWooOrder(order723, 'example.com')).toMatchObject({ channelOrderId: '723', paymentMethod: 'other' });
		expect(normalizeWooOrder(load('woocommerce', 'wp-api-v1-create-order.json'), 'example.com').paymentMethod).toBe('other');
	});

	it('Magalu: each documented payments[].method value; the page\'s placeholder itself is no method (other)', () => {
		const published = load('magalu', 'get_order.excerpt.json');
		const [payment] = published.payments;
		expect(String(payment.method).split('|').map((method) => magaluMethod({ ...payment, method }))).toEqual(['pix', 'boleto', 'credit_card']);
		const delivery = { ...load('magalu', 'get_delivery.excerpt.json'), status: 'approved' };
		delivery.items = delivery.items.map((item: Record<string, unknown>) => ({ ...item, quantity: 1 }));
		const raw = { ...published, status: 'approved', deliveries: [delivery] };
		expect(normalizeMagaluOrder(raw, 'loja-do-edu').paymentMethod).toBe('other');
		expect(normalizeMagaluOrder({ ...raw, payments: [{ ...payment, method: 'bank_slip' }] }, 'loja-do-edu').paymentMethod).toBe('boleto');
		expect(normalizeMagaluOrder({ ...raw, payments: [] }, 'loja-do-edu')).not.toHaveProperty('paymentMethod');
	});
});

describe('payment method vocabularies (Shopify gateways, WooCommerce gateway ids, Magalu methods)', () => {
	it('Shopify gateway names: the merchant\'s manual methods by name, Shopify Payments as card, several → boleto if one is', () => {
		expect(shopifyMethod(['Pix'])).toBe('pix');
		expect(shopifyMethod(['Boleto Bancário'])).toBe('boleto');
		expect(shopifyMethod(['shopify_payments'])).toBe('credit_card');
		expect(shopifyMethod(['gift_card'])).toBe('other');
		expect(shopifyMethod(['paypal'])).toBe('wallet');
		expect(shopifyMethod(['gift_card', 'Boleto'])).toBe('boleto');
		expect(shopifyMethod(['manual'])).toBe('other');
		expect(shopifyMethod(undefined)).toBeUndefined();
	});

	it('Shopify GraphQL paymentGatewayNames reaches the order', () => {
		// The example's query selects no statuses: added as shopify.published.test.ts does.
		const node = { ...load('shopify', 'graphql-order-53613399-tax-information.json').order, displayFinancialStatus: 'PENDING', displayFulfillmentStatus: 'UNFULFILLED' };
		expect(normalizeShopifyOrder({ ...node, paymentGatewayNames: ['Pix'] }, 'jsmith.myshopify.com').paymentMethod).toBe('pix');
		expect(normalizeShopifyOrder(node, 'jsmith.myshopify.com')).not.toHaveProperty('paymentMethod');
	});

	it('WooCommerce gateway ids: core gateways are other; plugin ids that name the method', () => {
		expect(['bacs', 'cheque', 'cod'].map(wooMethod)).toEqual(['other', 'other', 'other']);
		expect(wooMethod('pix')).toBe('pix');
		expect(wooMethod('woo-mercado-pago-pix')).toBe('pix');
		expect(wooMethod('woo-mercado-pago-ticket')).toBe('boleto');
		expect(wooMethod('boleto')).toBe('boleto');
		expect(wooMethod('woo-mercado-pago-custom')).toBe('credit_card');
		expect(wooMethod('woo-mercado-pago-basic')).toBe('other');
		expect(wooMethod('stripe')).toBe('credit_card');
		expect(wooMethod('ppcp-gateway')).toBe('other');
		expect(wooMethod('')).toBeUndefined();
	});

	it('Magalu methods', () => {
		expect(magaluMethod({ method: 'debit_card' })).toBe('debit_card');
		expect(magaluMethod({ method: 'voucher' })).toBe('other');
		expect(magaluMethod({})).toBeUndefined();
		expect(magaluMethod('pix')).toBeUndefined();
	});
});
