import type { PaymentMethod } from '../../model/order';
import { isJsonObject } from './raw-reader';

/**
 * How the buyer paid, per channel vocabulary → the canonical PaymentMethod. Read leniently: a payment
 * method never refuses an order; what a channel does not say stays absent (= unknown).
 */

/**
 * One method for the order from its payments' methods. Several different ones (a gift card and a card):
 * boleto when one is, since the slowest payment to clear decides how long the reservation must wait; else other.
 */
export function orderPaymentMethod(methods: Array<PaymentMethod | undefined>): PaymentMethod | undefined {
	const said = [...new Set(methods.filter((m): m is PaymentMethod => m !== undefined))];
	if (said.length <= 1) return said[0];
	return said.includes('boleto') ? 'boleto' : 'other';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined);

/**
 * Mercado Livre order.payments[] (Mercado Pago payments): payment_type with payment_method_id. ML's order
 * examples show credit_card (method "master") and account_money (Mercado Pago balance); Mercado Pago's
 * types add ticket (boleto, and the lottery slip, which clears as late), bank_transfer (Pix in Brazil:
 * method "pix"), debit_card, prepaid_card, digital_currency (Mercado Crédito), digital_wallet. The full
 * list of types was not confirmed on an official reference page: unknown types become `other`.
 */
export function mercadoPagoMethod(payment: unknown): PaymentMethod | undefined {
	if (!isJsonObject(payment)) return undefined;
	const id = str(payment.payment_method_id);
	if (id === 'pix') return 'pix';
	if (id === 'bolbradesco' || id === 'boleto') return 'boleto';
	switch (str(payment.payment_type) ?? str(payment.payment_type_id)) {
		case undefined:
			return undefined;
		case 'credit_card':
			return 'credit_card';
		case 'debit_card':
		case 'prepaid_card':
			return 'debit_card';
		case 'ticket':
			return 'boleto';
		case 'bank_transfer':
			return id === undefined || id === 'pix' ? 'pix' : 'other';
		case 'account_money':
		case 'digital_wallet':
		case 'digital_currency':
			return 'wallet';
		default:
			return 'other';
	}
}

/**
 * VTEX paymentData.transactions[].payments[].group (creditCard, debitCard, bankInvoice = boleto,
 * instantPayment = Pix, giftCard, promissory, ...), else its paymentSystemName.
 */
export function vtexMethod(payment: unknown): PaymentMethod | undefined {
	if (!isJsonObject(payment)) return undefined;
	const group = str(payment.group);
	const name = str(payment.paymentSystemName) ?? '';
	if (group === 'creditcard') return 'credit_card';
	if (group === 'debitcard') return 'debit_card';
	if (group === 'bankinvoice' || name.includes('boleto')) return 'boleto';
	if (group === 'instantpayment' || name === 'pix') return 'pix';
	if (group === undefined && name === '') return undefined;
	return 'other';
}

/** A channel's payment word through its table: absent says nothing; a word the table lacks is `other`. */
function byWord(table: Readonly<Record<string, PaymentMethod>>, word: string | undefined): PaymentMethod | undefined {
	if (word === undefined) return undefined;
	return Object.prototype.hasOwnProperty.call(table, word) ? table[word] : 'other';
}

const NUVEMSHOP_WORDS = { credit_card: 'credit_card', debit_card: 'debit_card', boleto: 'boleto', pix: 'pix', wallet: 'wallet', ticket: 'boleto' } as const;

/** Nuvemshop payment_details.method (credit_card, debit_card, boleto, pix, wallet, ...); null = not said. */
export function nuvemshopMethod(details: unknown): PaymentMethod | undefined {
	return isJsonObject(details) ? byWord(NUVEMSHOP_WORDS, str(details.method)) : undefined;
}

/**
 * Amazon Orders API 2026-01-01 payment.paymentExecutions[].paymentMethod: "CashOnDelivery, ConvenienceStore,
 * CreditCard, Invoice, Pix, and so on" (amzn/selling-partner-api-models@34dc93fe:orders_2026-01-01.json,
 * PaymentExecution); Boleto as Orders API v0 names it since Amazon's "returns Pix, Boleto" update.
 */
export function amazonMethod(execution: unknown): PaymentMethod | undefined {
	return isJsonObject(execution)
		? byWord({ creditcard: 'credit_card', debitcard: 'debit_card', pix: 'pix', boleto: 'boleto' }, str(execution.paymentMethod))
		: undefined;
}

/**
 * A gateway or plugin id as a method, where its name says it: pix, boleto (also Mercado Pago's "ticket" and
 * Magalu-style "bank_slip"), cards, PayPal/Mercado Pago balance-style wallets. Anything else is a payment we
 * cannot place: `other`.
 */
export function methodFromName(text: string): PaymentMethod {
	// Portuguese names too ("Cartão de crédito", "Débito"): compared without accents.
	const name = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	if (name.includes('pix')) return 'pix';
	if (name.includes('gift')) return 'other'; // a gift card is no card payment
	if (name.includes('boleto') || name.includes('bank_slip') || name.includes('ticket')) return 'boleto';
	if (name.includes('debit') || name.includes('debito')) return 'debit_card';
	if (name.includes('credit') || name.includes('card') || name.includes('cartao') || name === 'shopify_payments' || name === 'stripe') return 'credit_card';
	if (name.includes('paypal') || name.includes('wallet')) return 'wallet';
	return 'other';
}

/**
 * Shopify payment_gateway_names (REST) / paymentGatewayNames (GraphQL): the gateways the buyer used. Shopify
 * names its own processor "shopify_payments" (cards, and wallets backed by a card), its test gateway
 * "bogus"; manual methods carry the merchant's own name ("Pix", "Boleto bancário"). An empty list, or
 * an empty name, says nothing.
 */
export function shopifyMethod(gatewayNames: unknown): PaymentMethod | undefined {
	if (!Array.isArray(gatewayNames)) return undefined;
	return orderPaymentMethod(gatewayNames.map((n) => (str(n) === undefined ? undefined : methodFromName(str(n)!))));
}

/**
 * WooCommerce payment_method: the gateway id. Core gateways are bacs (bank transfer), cheque, cod (cash on
 * delivery) → other; Brazilian plugins put the method in the id (woo-mercado-pago-pix, -ticket = boleto,
 * -custom = cards; "pix", "boleto" of smaller plugins). An empty id (a free or manual order) says nothing.
 */
export function wooMethod(gatewayId: unknown): PaymentMethod | undefined {
	const id = str(gatewayId);
	if (id === undefined) return undefined;
	if (id === 'woo-mercado-pago-custom') return 'credit_card';
	return methodFromName(id);
}

/**
 * Magalu payments[].method; its documentation lists "pix|bank_slip|credit_card" (bank_slip = boleto). Other
 * values become `other`.
 */
export function magaluMethod(payment: unknown): PaymentMethod | undefined {
	return isJsonObject(payment)
		? byWord({ pix: 'pix', bank_slip: 'boleto', credit_card: 'credit_card', debit_card: 'debit_card' }, str(payment.method))
		: undefined;
}

/**
 * Tray order payment_method_type (the documented example: "bank_billet"; [?] the other values are not listed:
 * "credit_card", "pix", "debit_card" are read as named), else the gateway's display name in payment_method /
 * payment_form ("Boleto - Yapay", "Pix - Vindi").
 */
export function trayMethod(type: unknown, name: unknown): PaymentMethod | undefined {
	switch (str(type)) {
		case undefined:
			break;
		case 'bank_billet':
		case 'billet':
			return 'boleto';
		case 'credit_card':
		case 'debit_card':
		case 'pix':
			return str(type) as PaymentMethod;
		default:
			return methodFromName(str(type)!);
	}
	const n = str(name);
	return n === undefined ? undefined : methodFromName(n);
}

/**
 * Loja Integrada pagamentos[]: `pagamento_tipo` ("creditCard" in the documented order; [?] the other values
 * are not listed: debitCard, boleto, pix are read as named), else the gateway code of forma_pagamento
 * ("pagsegurov2", "wcboleto", "boleto", "deposito", "PAGAMENTOEXTERNO" of hub orders = other).
 */
export function lojaIntegradaMethod(payment: unknown): PaymentMethod | undefined {
	if (!isJsonObject(payment)) return undefined;
	const type = str(payment.pagamento_tipo);
	if (type !== undefined) {
		if (type === 'creditcard') return 'credit_card';
		if (type === 'debitcard') return 'debit_card';
		return methodFromName(type);
	}
	const code = isJsonObject(payment.forma_pagamento) ? str(payment.forma_pagamento.codigo) : undefined;
	return code === undefined ? undefined : methodFromName(code);
}

/**
 * Shopee payment_method: a display name ("Credit Card", "Pix", "Boleto Bancario", "ShopeePay", "Cash on
 * Delivery" [?]: the documented example has none, names read as in Seller Centre). ShopeePay is a wallet.
 */
export function shopeeMethod(name: unknown): PaymentMethod | undefined {
	const n = str(name);
	if (n === undefined) return undefined;
	return n.replace(/\s+/g, '').includes('shopeepay') ? 'wallet' : methodFromName(n);
}

/**
 * Magento payment.method: the method code ("checkmo", "banktransfer", "cashondelivery", "free", "braintree",
 * "paypal_express", "stripe_payments", Brazilian modules' "…_boleto", "…_pix"). [?] Codes of third-party
 * modules are the modules' own: read by name, the rest is other.
 */
export function magentoMethod(payment: unknown): PaymentMethod | undefined {
	const code = isJsonObject(payment) ? str(payment.method) : undefined;
	if (code === undefined) return undefined;
	if (code === 'braintree' || code === 'payflowpro' || code.includes('cc')) return 'credit_card';
	return methodFromName(code);
}

/**
 * Mirakl payment_type: the operator's own label ("Visa" in the documented order; [?] Brazilian operators' values
 * are not documented). Card brands read as credit cards; names as the other channels' gateway names.
 */
export function miraklMethod(type: unknown): PaymentMethod | undefined {
	const n = str(type);
	if (n === undefined) return undefined;
	return /^(visa|mastercard|master|amex|elo|hipercard|diners)\b/.test(n) ? 'credit_card' : methodFromName(n);
}

/**
 * MadeiraMadeira pagamento_detalhado[].metodo ("Cartão de crédito" in the documented order), else pagamento_fluxo.
 * [?] Other methods' names are not documented (read by name); pagamento[].tipo ("Master", "creditorder",
 * "cashback") mixes card brands with MadeiraMadeira's own credits and is not read.
 */
export function madeiraMadeiraMethod(details: unknown, flow: unknown): PaymentMethod | undefined {
	const named = Array.isArray(details) ? details.map((d) => (isJsonObject(d) && str(d.metodo) !== undefined ? methodFromName(str(d.metodo)!) : undefined)) : [];
	const flowName = str(flow);
	return orderPaymentMethod(named) ?? (flowName === undefined ? undefined : methodFromName(flowName));
}

/**
 * PrestaShop orders: `payment` is the module's display name ("Payment by check", "Bank wire", a Brazilian
 * module's "Pix" or "Boleto"), `module` its technical name (ps_checkpayment, ps_wirepayment,
 * ps_cashondelivery, mercadopago, pagseguro…). The display name says the method more often; the module name
 * is read when the display name says nothing known. [?] Modules' names are their own.
 */
export function prestaShopMethod(payment: unknown, module: unknown): PaymentMethod | undefined {
	const byName = str(payment) === undefined ? undefined : methodFromName(str(payment)!);
	if (byName !== undefined && byName !== 'other') return byName;
	const byModule = str(module) === undefined ? undefined : methodFromName(str(module)!);
	return byModule !== undefined && byModule !== 'other' ? byModule : (byName ?? byModule);
}

/** AnyMarket payments[]: `method` as the marketplace named it ("Cartão de Crédito" in the documented order); [?] paymentMethodNormalized's values are not listed. */
export function anyMarketMethod(payment: unknown): PaymentMethod | undefined {
	if (!isJsonObject(payment)) return undefined;
	const name = str(payment.method) ?? str(payment.paymentMethodNormalized);
	return name === undefined ? undefined : methodFromName(name);
}

/**
 * Wake pagamento[]: formaPagamentoId is the store's own id, so the method is read from what the payment
 * carries: a boleto (urlBoleto or codigoDeBarras) or a credit card. [?] Pix and other methods leave no
 * documented trace on the order: unknown.
 */
export function wakeMethod(payments: unknown): PaymentMethod | undefined {
	if (!Array.isArray(payments)) return undefined;
	const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
	return orderPaymentMethod(
		payments.map((p) => {
			if (!isJsonObject(p)) return undefined;
			if (isJsonObject(p.boleto) && (text(p.boleto.urlBoleto) || text(p.boleto.codigoDeBarras))) return 'boleto';
			if (Array.isArray(p.cartaoCredito) && p.cartaoCredito.some(isJsonObject)) return 'credit_card';
			return undefined;
		}),
	);
}

/**
 * Plugg.To payments[]: `payment_type` ("credit" in the documented order; [?] the other values are not listed:
 * read by name: "debit", "boleto", "pix"…), else `payment_method`, the name the marketplace sent.
 */
export function pluggToMethod(payment: unknown): PaymentMethod | undefined {
	if (!isJsonObject(payment)) return undefined;
	const type = str(payment.payment_type);
	if (type === 'credit') return 'credit_card';
	const name = type ?? str(payment.payment_method);
	return name === undefined ? undefined : methodFromName(name);
}
