import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeMlOrder } from '../../core/channels/mercadolivre/normalize';
import type { MlOrder } from '../../core/channels/mercadolivre/types';
import { OrderValidationError } from '../../core/model/validate';

/**
 * Mercado Livre's own response examples (test/fixtures/published/mercadolivre/SOURCES.md lists each page,
 * its date and the JSON syntax repairs). Sources, in short:
 * - order-get.json, order-gross-price.json, orders-search.json, order-206-partial.json:
 *   https://developers.mercadolivre.com.br/gerenciamento-de-vendas (07/08/2026), via mirror file 69184563818
 * - order-cart-pack.json: https://developers.mercadolivre.com.br/mercado-envios-2 (06/07/2026), via mirror
 *   file 68871497308
 */
const published = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../fixtures/published/mercadolivre', name), 'utf8')) as Record<string, any>;
const normalize = (raw: Record<string, any>, options = {}) => normalizeMlOrder(raw as MlOrder, '', options);

describe('Mercado Livre published examples', () => {
	it('GET /orders/{id} (gerenciamento-de-vendas): a variation sold without SELLER_SKU, in a pack', () => {
		const order = normalize(published('order-get.json'));
		expect(order).toMatchObject({
			channelOrderId: '2000003508897196',
			account: '478055419',
			createdAt: '2022-04-08T21:01:30.000Z',
			updatedAt: '2022-04-08T21:03:32.000Z',
			status: 'paid',
			paymentStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			currency: 'BRL',
			// total_amount 50, no freight, coupon 0
			totals: { itemsCents: 5000, shippingCents: 0, discountCents: 0, totalCents: 5000 },
			flags: ['unmapped_lines'],
		});
		expect(order.lines).toEqual([
			{ unmapped: true, channelListingId: 'MLB2608564035', channelVariantId: '174390848694', title: 'Camiseta Basica', quantity: 1, unitPriceCents: 5000 },
		]);
	});

	it('gross_price example: the unit price before the promotion, the promotion in the discount, the total as paid', () => {
		const order = normalize(published('order-gross-price.json'));
		// unit_price 440 after discounts.full 341; gross_price 1562 = 781 × 2; total_amount 880.
		expect(order.lines).toEqual([{ unmapped: true, channelListingId: 'MLM823798303', title: 'Versace Pour Homme 100ml Edt Spray', quantity: 2, unitPriceCents: 78100 }]);
		expect(order.totals).toEqual({ itemsCents: 156200, shippingCents: 0, discountCents: 68200, totalCents: 88000 });
		expect(order).toMatchObject({ channelOrderId: '2000003456789012', currency: 'MXN', account: '987654321' });
		// No last_updated in this example: dated by date_closed.
		expect(order).toMatchObject({ createdAt: '2026-01-05T13:30:00.000Z', updatedAt: '2026-01-05T13:32:15.000Z' });
	});

	it('GET /orders/search example: every result imports; last_updated wins over date_last_updated', () => {
		const page = published('orders-search.json');
		const orders = (page.results as Array<Record<string, any>>).map((r) => normalize(r));
		expect(orders).toHaveLength(page.paging.total);
		expect(orders[0]).toMatchObject({
			channelOrderId: '2032217210',
			account: '239432672',
			updatedAt: '2019-05-28T19:16:04.000Z',
			status: 'delivered',
			fulfillmentStatus: 'delivered',
			currency: 'BRL',
			totals: { itemsCents: 12995, shippingCents: 0, discountCents: 0, totalCents: 12995 },
		});
		expect(orders[0].lines).toEqual([
			{ unmapped: true, channelListingId: 'MLB1054990648', title: 'Kit Com 03 Adesivo Spray 3m 75 Cola Silk Sublimação 300g', quantity: 1, unitPriceCents: 12995 },
		]);
	});

	it('cart order (mercado-envios-2): pack order with full_unit_price, buyer billing document', () => {
		const order = normalize(published('order-cart-pack.json'));
		expect(order).toMatchObject({
			channelOrderId: '2053577644',
			currency: 'BRL',
			totals: { itemsCents: 999, shippingCents: 0, discountCents: 0, totalCents: 999 },
			customer: { name: 'Test Test', email: 'ttest.6hqmq6+2-ogiydkmzvg43tmobx@mail.mercadolivre.com', document: '78525276200' },
		});
		expect(order.lines).toEqual([{ unmapped: true, channelListingId: 'MLB1226730704', title: 'Produto Teste - Não Ofertar', quantity: 1, unitPriceCents: 999 }]);
		// Its pack_id is the group: write-back sends one NF-e for the pack's shipment.
		expect(order.groupId).toBe('2000000101334825');
	});

	it('206 Partial Content example: empty buyer, string ids, no last_updated', () => {
		const order = normalize(published('order-206-partial.json'));
		expect(order).toMatchObject({
			channelOrderId: '768570754',
			account: '123456789',
			customer: { name: '' },
			createdAt: '2013-05-27T14:01:50.000Z',
			updatedAt: '2013-05-27T14:04:07.000Z',
			currency: 'BRL',
			totals: { itemsCents: 49900, shippingCents: 0, discountCents: 0, totalCents: 49900 },
		});
		expect(order.lines).toEqual([{ unmapped: true, channelListingId: 'MLB12345678', title: 'Samsung Galaxy', quantity: 1, unitPriceCents: 49900 }]);
	});
});

describe('Mercado Livre: the published order with the shapes real orders take', () => {
	const base = () => published('order-get.json');

	it('reads quantities and money sent as numeric strings; the promotion goes to the discount and totals still add up', () => {
		const raw = base();
		Object.assign(raw.order_items[0], { quantity: '2', unit_price: '50.00', full_unit_price: '59.90' });
		raw.payments[0].shipping_cost = '15.50';
		const order = normalize(raw);
		expect(order.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 5990 });
		// 2 × 59.90 + 15.50 − 2 × 9.90 = 2 × 50 + 15.50: what the buyer paid.
		expect(order.totals).toEqual({ itemsCents: 11980, shippingCents: 1550, discountCents: 1980, totalCents: 11550 });
	});

	it('a full_unit_price below unit_price is not a discount: the unit price paid is kept', () => {
		const raw = base();
		raw.order_items[0].full_unit_price = 45;
		expect(normalize(raw)).toMatchObject({ lines: [{ unitPriceCents: 5000 }], totals: { discountCents: 0, totalCents: 5000 } });
	});

	it('takes the SKU from seller_sku, else from seller_custom_field (where ML copies the chosen SKU)', () => {
		const raw = base();
		raw.order_items[0].item.seller_custom_field = ' CAM-PRETA-M ';
		const order = normalize(raw);
		expect(order.lines[0]).toMatchObject({ sku: 'CAM-PRETA-M', channelListingId: 'MLB2608564035', channelVariantId: '174390848694' });
		expect(order.lines[0].unmapped).toBeUndefined();
		expect(order.flags).toBeUndefined();
		raw.order_items[0].item.seller_sku = 'SKU-PRETO-M';
		expect(normalize(raw).lines[0].sku).toBe('SKU-PRETO-M');
	});

	it('without any currency, uses the account currency (default BRL) and flags it; an item currency is enough', () => {
		const raw = base();
		delete raw.currency_id;
		expect(normalize(raw)).toMatchObject({ currency: 'BRL', flags: ['unmapped_lines'] });
		delete raw.order_items[0].currency_id;
		expect(normalize(raw)).toMatchObject({ currency: 'BRL', flags: ['unmapped_lines', 'currency_from_account'] });
		expect(normalize(raw, { currency: 'ARS' })).toMatchObject({ currency: 'ARS', flags: ['unmapped_lines', 'currency_from_account'] });
	});

	it('reads a date without an offset at ML_ASSUMED_OFFSET (-04:00) and flags it', () => {
		const raw = { ...base(), date_created: '2022-04-08 17:01:30', last_updated: '2022-04-08T17:03:32.000' };
		expect(normalize(raw)).toMatchObject({
			createdAt: '2022-04-08T21:01:30.000Z',
			updatedAt: '2022-04-08T21:03:32.000Z',
			flags: ['unmapped_lines', 'time_zone_assumed'],
		});
	});

	it('imports empty optional fields: blank buyer names, no shipping id, no payments, null coupon and tags', () => {
		const raw = { ...base(), buyer: { id: 1, nickname: '', first_name: '', last_name: '', email: '' }, shipping: { id: null }, payments: null, coupon: null, tags: null };
		const order = normalize(raw);
		expect(order).toMatchObject({ customer: { name: '' }, status: 'paid', totals: { itemsCents: 5000, shippingCents: 0, discountCents: 0, totalCents: 5000 } });
		expect(order.customer.email).toBeUndefined();
		expect(normalize({ ...base(), shipping: null, buyer: null }).customer).toEqual({ name: '' });
	});

	it('imports a shipment whose address is null (no destination) without an address', () => {
		const order = normalize({ ...base(), shipment: { id: 41297142475, status: 'handling', substatus: null, destination: null, receiver_address: null } });
		expect(order.shippingAddress).toBeUndefined();
		expect(order).toMatchObject({ status: 'paid', fulfillmentStatus: 'unfulfilled', channelStatusRaw: 'paid | handling' });
	});

	it.each([
		['no id', (o: Record<string, any>) => delete o.id, 'mercadolivre:(no id)', 'id'],
		['no lines', (o: Record<string, any>) => (o.order_items = []), 'mercadolivre:2000003508897196', 'lines'],
	])('an order with %s is the error item, naming the order and the field', (_what, mutate, orderRef, field) => {
		const raw = base();
		mutate(raw);
		const error = (() => {
			try {
				normalize(raw);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(OrderValidationError);
		expect(error).toMatchObject({ orderRef, field });
	});
});
