import { normalizeVtexOrder } from '../../core/channels/vtex/normalize';
import { OrderValidationError } from '../../core/model/validate';
import { publishedVtex } from './helpers/vtex-published';

/**
 * VTEX's own response examples (see helpers/vtex-published.ts for each file's operation), from
 * vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c:"VTEX - Orders API.json".
 */

const lineFacts = (order: ReturnType<typeof normalizeVtexOrder>) =>
	order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.channelVariantId, l.channelListingId]);

describe('VTEX normalize: published Get order example', () => {
	const order = normalizeVtexOrder(publishedVtex('get-order'), 'luxstore', 'refId');

	it('reads id, lines, currency and status', () => {
		expect(order).toMatchObject({ channel: 'vtex', account: 'luxstore', channelOrderId: '1172452900788-01', currency: 'BRL', channelStatusRaw: 'handling' });
		expect(order).toMatchObject({ status: 'paid', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' });
		// refId is the seller's SKU; id "18" (= sellerSku) is VTEX's sku id, productId "6" the product.
		expect(lineFacts(order)).toEqual([['BIGBML', 1, 990, '18', '6']]);
		expect(order.lines[0]).toMatchObject({ channelLineId: '94913BB553334977BFD669A24E678C69', title: 'Bay Max L' });
		// price 990, not listPrice 1990 (the catalog's "from" price) nor sellingPrice (after promotions).
		expect(order.flags).toBeUndefined();
	});

	it('keeps the totals as VTEX reports them', () => {
		// The example is not self-consistent: its Items total is 99 while its one item costs 990, and value
		// (1160) is not Items + Shipping. The normaliser reports VTEX's totals, it does not repair them.
		expect(order.totals).toEqual({ itemsCents: 99, shippingCents: 300, discountCents: 0, totalCents: 1160 });
	});

	it('reads customer and address (document digits only)', () => {
		expect(order.customer).toEqual({ name: 'Rodrigo Smith', email: 'rodrigo.smith@email.com', phone: '+5561992227222', document: '84513427019' });
		expect(order.shippingAddress).toMatchObject({ street: 'Avenida Lúcio Costa', number: '126', district: 'Barra da Tijuca', city: 'Rio de Janeiro', state: 'RJ', postalCode: '22630-011', country: 'BRA' });
	});

	it('the seller SKU field is configurable: sellerSku is VTEX\'s sku id', () => {
		expect(normalizeVtexOrder(publishedVtex('get-order'), 'luxstore', 'sellerSku').lines[0].sku).toBe('18');
	});
});

describe('VTEX normalize: published order-group example (status "")', () => {
	const [first, second] = (publishedVtex('order-group') as unknown[]).map((o) => normalizeVtexOrder(o, 'str', 'refId'));

	it('imports both orders of the group with their ids, lines and currency', () => {
		expect([first.channelOrderId, second.channelOrderId]).toEqual(['v71425090str-01', 'v71425090str-02']);
		// Unit price is `price` (6999), before the DISCOUNT@MARKETPLACE price tag; sellingPrice would be 5249.
		expect(lineFacts(first)).toEqual([['11167127', 1, 6999, '5830010', '4301268']]);
		expect(lineFacts(second)).toEqual([['11455795', 1, 7999, '6229640', '4460339']]);
		expect([first.currency, second.currency]).toEqual(['BRL', 'BRL']);
	});

	it('the totals add up: Items − Discounts + Shipping (+ Tax 0) = value', () => {
		expect(first.totals).toEqual({ itemsCents: 6999, shippingCents: 209, discountCents: 1750, totalCents: 5458 });
		expect(second.totals).toEqual({ itemsCents: 7999, shippingCents: 209, discountCents: 2000, totalCents: 6208 });
		for (const { totals: t, lines } of [first, second]) {
			expect(t.itemsCents - t.discountCents + t.shippingCents).toBe(t.totalCents);
			expect(lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0)).toBe(t.itemsCents);
		}
	});

	it('no status, no authorisation, invoice or cancellation: awaiting payment, flagged status_assumed', () => {
		for (const order of [first, second]) {
			expect(order).toMatchObject({ status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled', channelStatusRaw: '', flags: ['status_assumed'] });
		}
	});
});

describe('VTEX normalize: published responses that are not orders', () => {
	const failure = (raw: unknown): OrderValidationError => {
		try {
			normalizeVtexOrder(raw, 'luxstore', 'refId');
		} catch (error) {
			if (error instanceof OrderValidationError) return error;
			throw error;
		}
		throw new Error('normalize accepted a response that is not an order');
	};

	it('a List orders entry is a summary: named, with the endpoint to fetch', () => {
		const list = publishedVtex('list-orders').list as unknown[];
		expect(list.length).toBeGreaterThan(0);
		for (const entry of list) {
			const error = failure(entry);
			expect(error).toMatchObject({ orderRef: `vtex:${(entry as { orderId: string }).orderId}`, field: 'items' });
			expect(error.message).toContain('List orders summary');
		}
	});

	it('a Feed v3 item asks for getDetails', () => {
		const [item] = publishedVtex('feed') as unknown[];
		expect(failure(item)).toMatchObject({ orderRef: 'vtex:953712004126-01', field: 'items' });
		expect(failure(item).message).toContain('Feed v3 item');
	});
});
