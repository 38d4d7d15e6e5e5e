import { decimalToCents } from '../../core/channels/common/money';
import { parseLinkHeader, pageOfLink } from '../../core/channels/common/paging';

describe('decimalToCents (shared money parser)', () => {
	it.each([
		['10.00', 1000],
		['10', 1000],
		['10.5', 1050],
		['0.29', 29],
		['1.2300', 123],
		['-9.00', -900],
		['-0.00', 0],
		[' 19.99 ', 1999],
		[0.29, 29],
		[87.9, 8790],
		[12, 1200],
		['90071992547409.91', 9007199254740991],
	])('%j → %i', (input, cents) => {
		expect(decimalToCents(input)).toBe(cents);
	});

	it.each([['1.235'], ['1,00'], ['R$ 1'], [''], ['1e3'], [0.1 + 0.2], [Number.NaN], [null], [undefined], [{}], ['90071992547409.92']])(
		'%j is rejected',
		(input) => {
			expect(decimalToCents(input)).toBeUndefined();
		},
	);
});

describe('Link header parsing (shared paging helpers)', () => {
	it('reads next/last from the Nuvemshop documentation example', () => {
		const links = parseLinkHeader(
			'<https://api.tiendanube.com/v1/123456/products?page=3&per_page=100>; rel="next",\n  <https://api.tiendanube.com/v1/123456/products?page=50&per_page=100>; rel="last"',
		);
		expect(pageOfLink(links.next)).toBe(3);
		expect(pageOfLink(links.last)).toBe(50);
		expect(parseLinkHeader(undefined)).toEqual({});
		expect(pageOfLink('not a url')).toBeUndefined();
	});
});
