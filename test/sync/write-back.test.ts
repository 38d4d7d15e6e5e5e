import { nfeCheckDigit, parseNfeKey } from '../../core/sync/nfe-key';
import { validateCancel, validateInvoice, validateShipment, writeBack, WriteBackInputError } from '../../core/sync/write-back';
import { FakeWriter } from './fake-writer';

/** The worked example of the NF-e manual: 43 digits weigh 644, 644 mod 11 = 6, check digit 11 − 6 = 5. */
const MANUAL_KEY = '52060433009911002506550120000007800267301615';
/** SP, 2026-03, CNPJ 12.345.678/0001-99, model 55, series 1, number 1234, check digit 8. */
const KEY = '35260312345678000199550010000012341000012348';

const invoice = (over: Record<string, unknown> = {}) => ({ channelOrderId: '1001', nfeKey: KEY, number: '1234', series: '1', issuedAt: '2026-03-10T14:20:00-03:00', ...over });

const fieldOf = (fn: () => unknown): string | undefined => {
	try {
		fn();
	} catch (error) {
		if (error instanceof WriteBackInputError) return error.field;
		throw error;
	}
	return undefined;
};

describe('NF-e access key', () => {
	test('check digit: modulus 11, weights 2..9 from the right; remainder 0 or 1 → 0', () => {
		expect(nfeCheckDigit(MANUAL_KEY.slice(0, 43))).toBe(5);
		expect(nfeCheckDigit(KEY.slice(0, 43))).toBe(8);
		// 43 zeros weigh 0: remainder 0 → 0. A 2 in the 37th place from the right (weight 6) weighs 12: remainder 1 → 0.
		expect(nfeCheckDigit('0'.repeat(43))).toBe(0);
		expect(nfeCheckDigit('000000' + '2' + '0'.repeat(36))).toBe(0);
		// A 1 at the right (weight 2): remainder 2 → 9.
		expect(nfeCheckDigit('0'.repeat(42) + '1')).toBe(9);
	});

	test('parts: series and number come out of the key', () => {
		expect(parseNfeKey(KEY)).toEqual({ uf: '35', yearMonth: '2603', issuerId: '12345678000199', model: '55', series: 1, number: 1234 });
		expect(parseNfeKey(KEY.slice(0, 43) + '9')).toEqual({ invalid: 'has a wrong check digit (typo in the key?)' });
		expect(parseNfeKey(KEY.slice(1))).toEqual({ invalid: 'must be 44 digits, got 43 characters' });
	});
});

describe('invoice validation', () => {
	test('a valid invoice, with the key as printed on the DANFE (groups of 4 digits)', () => {
		const printed = KEY.replace(/(\d{4})/g, '$1 ').trim();
		expect(validateInvoice(invoice({ nfeKey: printed, totalCents: '20900', xml: '<nfeProc/>' }))).toEqual({ ...invoice(), totalCents: 20900, xml: '<nfeProc/>' });
	});

	test.each([
		['nfeKey', { nfeKey: KEY.slice(0, 43) + '0' }, 'NF-e key has a wrong check digit'],
		['nfeKey', { nfeKey: '1234' }, 'NF-e key must be 44 digits'],
		['nfeKey', { nfeKey: '' }, 'NF-e key is empty'],
		['number', { number: '1235' }, 'Invoice number 1235 does not match the NF-e key (1234)'],
		['number', { number: '12a' }, 'Invoice number must be up to 9 digits'],
		['series', { series: '2' }, 'Invoice series 2 does not match the NF-e key (1)'],
		['issuedAt', { issuedAt: 'yesterday' }, 'Issue date is not a date'],
		['issuedAt', { issuedAt: '' }, 'Issue date is empty'],
		['channelOrderId', { channelOrderId: ' ' }, 'Channel order ID is empty'],
		['totalCents', { totalCents: 209.5 }, 'Invoice total must be whole cents'],
		['url', { url: 'ftp://x' }, 'Invoice URL must be an http(s) URL'],
	])('%s: %j is refused', (field, over, message) => {
		expect(() => validateInvoice(invoice(over))).toThrow(message);
		expect(fieldOf(() => validateInvoice(invoice(over)))).toBe(field);
	});

	test('leading zeros in number and series are the same invoice', () => {
		expect(validateInvoice(invoice({ number: '000001234', series: '001' }))).toMatchObject({ number: '000001234', series: '001' });
	});
});

describe('shipment and cancellation validation', () => {
	test('shipment needs carrier and tracking code; URL and date are checked when given', () => {
		expect(validateShipment({ channelOrderId: '1', carrier: 'Correios', trackingCode: 'AA123456789BR' })).toEqual({ channelOrderId: '1', carrier: 'Correios', trackingCode: 'AA123456789BR' });
		expect(fieldOf(() => validateShipment({ channelOrderId: '1', carrier: '', trackingCode: 'X' }))).toBe('carrier');
		expect(fieldOf(() => validateShipment({ channelOrderId: '1', carrier: 'C', trackingCode: '' }))).toBe('trackingCode');
		expect(fieldOf(() => validateShipment({ channelOrderId: '1', carrier: 'C', trackingCode: 'X', trackingUrl: 'not a url' }))).toBe('trackingUrl');
		expect(fieldOf(() => validateShipment({ channelOrderId: '1', carrier: 'C', trackingCode: 'X', shippedAt: '31/12' }))).toBe('shippedAt');
	});

	test('cancel needs the order id; the reason is optional', () => {
		expect(validateCancel({ channelOrderId: '9', reason: '' })).toEqual({ channelOrderId: '9' });
		expect(fieldOf(() => validateCancel({}))).toBe('channelOrderId');
	});
});

describe('writeBack', () => {
	test('calls the writer with the validated input', async () => {
		const writer = new FakeWriter();
		await writeBack(writer, 'Shopify', 'pushInvoice', invoice({ nfeKey: ` ${KEY} ` }));
		await writeBack(writer, 'Shopify', 'pushShipment', { channelOrderId: '1001', carrier: 'Correios', trackingCode: 'AA1BR' });
		await writeBack(writer, 'Shopify', 'cancelOrder', { channelOrderId: '1001', reason: 'customer' });
		expect(writer.invoices).toEqual([invoice()]);
		expect(writer.shipments).toEqual([{ channelOrderId: '1001', carrier: 'Correios', trackingCode: 'AA1BR' }]);
		expect(writer.cancellations).toEqual([{ channelOrderId: '1001', reason: 'customer' }]);
	});

	test('a writer without the method: "<Channel> does not support … through its API", before validating', async () => {
		const writer = new FakeWriter();
		writer.cancelOrder = undefined;
		writer.pushInvoice = undefined;
		await expect(writeBack(writer, 'Magalu', 'cancelOrder', { channelOrderId: '1' })).rejects.toThrow('Magalu does not support cancelling orders through its API');
		await expect(writeBack(writer, 'Magalu', 'pushInvoice', {})).rejects.toThrow('Magalu does not support sending invoices through its API');
	});

	test('a bad input never reaches the channel', async () => {
		const writer = new FakeWriter();
		await expect(writeBack(writer, 'Shopify', 'pushInvoice', invoice({ nfeKey: KEY.slice(0, 43) + '1' }))).rejects.toThrow(WriteBackInputError);
		expect(writer.invoices).toEqual([]);
	});
});
