import { OrderValidationError, validateCanonicalOrder } from '../../core/model/validate';
import { order } from '../fixtures/orders';

function errorOf(input: unknown): OrderValidationError {
	try {
		validateCanonicalOrder(input);
	} catch (error) {
		if (error instanceof OrderValidationError) return error;
		throw error;
	}
	throw new Error('expected a validation error');
}

describe('validateCanonicalOrder', () => {
	test('accepts a canonical order and defaults shipments', () => {
		const { shipments: _omitted, ...rest } = order('1', 'paid', [['A', 1]]);
		expect(validateCanonicalOrder(rest).shipments).toEqual([]);
	});

	test.each([
		['lines[1].quantity', (o: any) => (o.lines[1].quantity = 0), 'must be >= 1'],
		['lines[0].sku', (o: any) => (o.lines[0].sku = 42), 'must be a string'],
		['lines[0].quantity', (o: any) => (o.lines[0].quantity = 1e19), 'must be an integer'],
		['lines[0].quantity', (o: any) => (o.lines[0].quantity = 2_000_000_000), 'must be <='],
		['flags[0]', (o: any) => (o.flags = ['whatever']), 'must be one of'],
		['lines[0].unitPriceCents', (o: any) => (o.lines[0].unitPriceCents = 49.9), 'must be an integer'],
		['status', (o: any) => (o.status = 'approved'), 'must be one of'],
		['updatedAt', (o: any) => (o.updatedAt = 'yesterday'), 'is not a valid date'],
		['channelOrderId', (o: any) => (o.channelOrderId = 2000001234567), 'must be a string'],
		['lines', (o: any) => (o.lines = []), 'at least one line'],
		['totals.totalCents', (o: any) => (o.totals.totalCents = '10.00'), 'must be an integer'],
		['invoice.nfeKey', (o: any) => (o.invoice = { nfeKey: '123' }), 'must be 44 digits'],
		['lines[0].shippedQuantity', (o: any) => (o.lines[0].shippedQuantity = -1), 'must be >= 0'],
		['lines[1].returnedQuantity', (o: any) => (o.lines[1].returnedQuantity = 0.5), 'must be an integer'],
		['paymentMethod', (o: any) => (o.paymentMethod = 'cheque'), 'must be one of'],
		['originMarketplace', (o: any) => (o.originMarketplace = 7), 'must be a string'],
		['originMarketplace', (o: any) => (o.originMarketplace = 'X'.repeat(101)), 'at most 100'],
	])('names the order and the field: %s', (field, breakIt, reason) => {
		const o: any = order('ORD-77', 'paid', [['A', 1], ['B', 2]]);
		breakIt(o);
		const error = errorOf(o);
		expect(error.field).toBe(field);
		expect(error.orderRef).toBe(field === 'channelOrderId' ? 'shopify:2000001234567' : 'shopify:ORD-77');
		expect(error.message).toContain(reason);
	});

	test('a line without a SKU is kept, flagged unmapped, and the order says so', () => {
		const o: any = order('ORD-78', 'paid', [['A', 1], ['B', 2]]);
		delete o.lines[1].sku;
		o.lines[1].channelListingId = 'MLB123';
		const valid = validateCanonicalOrder(o);
		expect(valid.lines[1]).toMatchObject({ unmapped: true, channelListingId: 'MLB123', quantity: 2 });
		expect(valid.lines[1].sku).toBeUndefined();
		expect(valid.flags).toEqual(['unmapped_lines']);
	});

	test('a blank SKU is unmapped too; a SKU is trimmed and NFC-normalised', () => {
		const o: any = order('ORD-79', 'paid', [['A', 1], ['B', 2]]);
		o.lines[0].sku = '   ';
		o.lines[1].sku = ' Camisa-E\u0301 ';
		const valid = validateCanonicalOrder(o);
		expect(valid.lines[0]).toMatchObject({ unmapped: true });
		expect(valid.lines[1].sku).toBe('Camisa-\u00c9');
	});

	test('an open order may have no line only when flagged all_lines_removed (a change emptied it); the flag goes once a line is there', () => {
		const emptied: any = { ...order('ORD-81', 'paid', []), flags: ['all_lines_removed'] };
		expect(validateCanonicalOrder(emptied)).toMatchObject({ lines: [], flags: ['all_lines_removed'] });
		expect(errorOf({ ...emptied, flags: [] }).field).toBe('lines');
		const withLine: any = { ...order('ORD-82', 'paid', [['A', 1]]), flags: ['all_lines_removed'] };
		expect(validateCanonicalOrder(withLine).flags).toBeUndefined();
	});

	test('unmapped_lines follows the lines, whatever the input claimed', () => {
		const o: any = { ...order('ORD-80', 'paid', [['A', 1]]), flags: ['unmapped_lines', 'currency_from_account'] };
		expect(validateCanonicalOrder(o).flags).toEqual(['currency_from_account']);
	});

	test('shipped and returned units per line are kept; more than a line holds is lowered and flagged', () => {
		const o: any = order('ORD-81', 'shipped', [['A', 3], ['B', 2], ['C', 1]]);
		Object.assign(o.lines[0], { shippedQuantity: 2, returnedQuantity: 1 });
		Object.assign(o.lines[1], { shippedQuantity: 5, returnedQuantity: 4 }); // more than ordered
		Object.assign(o.lines[2], { returnedQuantity: null });
		const v = validateCanonicalOrder(o);
		expect(v.lines.map((l) => [l.shippedQuantity, l.returnedQuantity])).toEqual([[2, 1], [2, 2], [undefined, undefined]]);
		expect(v.flags).toEqual(['line_quantities_clamped']);
		// returned beyond shipped is lowered to shipped
		const r: any = order('ORD-82', 'delivered', [['A', 3]]);
		Object.assign(r.lines[0], { shippedQuantity: 1, returnedQuantity: 2 });
		expect(validateCanonicalOrder(r).lines[0]).toMatchObject({ shippedQuantity: 1, returnedQuantity: 1 });
		expect(validateCanonicalOrder(order('ORD-83', 'paid', [['A', 1]])).flags).toBeUndefined();
	});

	test('paymentMethod: a known method is kept, null means not said', () => {
		expect(validateCanonicalOrder({ ...order('ORD-84', 'pending_payment', [['A', 1]]), paymentMethod: 'boleto' }).paymentMethod).toBe('boleto');
		expect('paymentMethod' in validateCanonicalOrder({ ...order('ORD-85', 'paid', [['A', 1]]), paymentMethod: null })).toBe(false);
	});

	test('originMarketplace: trimmed when given; blank or null is absent (a hub order placed on the hub itself)', () => {
		const base = order('ORD-86', 'paid', [['A', 1]]);
		expect(validateCanonicalOrder({ ...base, channel: 'anymarket', originMarketplace: ' MERCADO_LIVRE ' }).originMarketplace).toBe('MERCADO_LIVRE');
		for (const blank of ['', '  ', null]) expect('originMarketplace' in validateCanonicalOrder({ ...base, originMarketplace: blank })).toBe(false);
	});

	test('a cancelled order may have no lines', () => {
		expect(validateCanonicalOrder({ ...order('9', 'cancelled', [['A', 1]]), lines: [] }).lines).toEqual([]);
	});

	test('a non-object is rejected with a reference that says so', () => {
		expect(errorOf('nope')).toMatchObject({ orderRef: '(not an object)', field: '(order)' });
	});
});
