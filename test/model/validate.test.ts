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

	test('unmapped_lines follows the lines, whatever the input claimed', () => {
		const o: any = { ...order('ORD-80', 'paid', [['A', 1]]), flags: ['unmapped_lines', 'currency_from_account'] };
		expect(validateCanonicalOrder(o).flags).toEqual(['currency_from_account']);
	});

	test('a cancelled order may have no lines', () => {
		expect(validateCanonicalOrder({ ...order('9', 'cancelled', [['A', 1]]), lines: [] }).lines).toEqual([]);
	});

	test('a non-object is rejected with a reference that says so', () => {
		expect(errorOf('nope')).toMatchObject({ orderRef: '(not an object)', field: '(order)' });
	});
});
