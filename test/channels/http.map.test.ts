import { mapOrder, parseChannelDefinition, parseMappingDefinition, ChannelDefinitionError } from '../../core/channels/http';
import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import { identifyMapped } from '../../core/channels/http/map';
import { OrderValidationError } from '../../core/model/validate';
import { httpOrder } from '../simulators/httpchan';

/** The mapping the configurable channel and OMS Store's Map JSON share, on the README's example definition. */
const def = parseMappingDefinition(JSON.stringify(EXAMPLE_DEFINITION));
const map = (raw: unknown) => mapOrder(def, raw, 'http', 'minhaloja');
const base = () => httpOrder({ id: 77, updatedAt: '2026-03-10T14:00:00Z', createdAt: '2026-03-10T13:00:00Z' });

function refusal(raw: unknown): OrderValidationError {
	try {
		map(raw);
	} catch (error) {
		if (error instanceof OrderValidationError) return error;
		throw error;
	}
	throw new Error('the order was mapped');
}

describe('configurable HTTP channel: mapping', () => {
	test('numbers as text (ids, quantities, prices, totals) map to a canonical order', () => {
		const o = map(base());
		expect(o).toMatchObject({
			channel: 'http',
			account: 'minhaloja',
			channelOrderId: '77',
			createdAt: '2026-03-10T13:00:00.000Z',
			updatedAt: '2026-03-10T14:00:00.000Z',
			status: 'paid',
			paymentStatus: 'paid',
			channelStatusRaw: 'pago',
			currency: 'BRL',
			paymentMethod: 'pix',
			totals: { itemsCents: 9980, shippingCents: 1500, discountCents: 0, totalCents: 11480 },
			customer: { name: 'Fulana de Tal', email: 'fulana@exemplo.invalid', document: '12345678909' },
			shippingAddress: { street: 'Rua Exemplo', number: '10', city: 'Niterói', state: 'RJ', postalCode: '24000-000', country: 'BR', name: 'Fulana de Tal' },
			lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 4990, channelListingId: '881', channelLineId: '770', title: 'Produto CAM-AZ-M' }],
		});
		expect(o.flags).toBeUndefined();
	});

	test('optional fields absent: no customer, address, payment, shipping, discount, total, status or currency', () => {
		const raw = { id: 'A-1', updated_at: '2026-03-10T14:00:00Z', items: [{ sku: 'X', quantity: 3, price: 10 }] };
		const o = map(raw);
		expect(o).toMatchObject({
			channelOrderId: 'A-1',
			createdAt: '2026-03-10T14:00:00.000Z',
			currency: 'BRL',
			customer: { name: '' },
			channelStatusRaw: '(none)',
			status: 'paid',
			paymentStatus: 'unknown',
		});
		expect(o.totals).toEqual({ itemsCents: 3000, shippingCents: 0, discountCents: 0, totalCents: 3000 });
		expect(o.shippingAddress).toBeUndefined();
		expect(o.paymentMethod).toBeUndefined();
		// No status said: imported as paid (units reserved), flagged; a currency path mapped but empty is flagged too.
		expect(o.flags).toEqual(['currency_from_account', 'status_unknown']);
	});

	test('a line without a SKU is kept unmapped, the order flagged', () => {
		const raw = base();
		(raw.items as object[]).push({ id: 9, name: 'Brinde', quantity: '1', price: '0.00', product_id: 12 });
		const o = map(raw);
		expect(o.lines[1]).toEqual({ unmapped: true, quantity: 1, unitPriceCents: 0, title: 'Brinde', channelListingId: '12', channelLineId: '9' });
		expect(o.flags).toEqual(['unmapped_lines']);
	});

	test('a status the map does not know: imported as paid, flagged status_unknown, the raw value kept', () => {
		const o = map({ ...base(), status: 'em_separacao_custom' });
		expect(o).toMatchObject({
			status: 'paid',
			paymentStatus: 'unknown',
			fulfillmentStatus: 'unknown',
			channelStatusRaw: 'em_separacao_custom',
			flags: ['status_unknown'],
		});
		expect(map({ ...base(), status: 'cancelado' })).toMatchObject({ status: 'cancelled' });
	});

	test('a payment method outside the table is "other"; a date without a zone is read at -03:00 and flagged', () => {
		const o = map({ ...base(), payment: { method: 'crediario' }, updated_at: '2026-03-10 11:00:00' });
		expect(o.paymentMethod).toBe('other');
		expect(o.updatedAt).toBe('2026-03-10T14:00:00.000Z');
		expect(o.flags).toEqual(['time_zone_assumed']);
	});

	test('Unix times (seconds, milliseconds, digits as text) and money in cents', () => {
		const cents = parseMappingDefinition({ ...EXAMPLE_DEFINITION, money: 'cents' });
		const raw = {
			...base(),
			updated_at: 1773151200,
			created_at: '1773147600000',
			total: '11480',
			shipping_total: 1500,
			discount_total: 0,
			items: [{ sku: 'A', quantity: 2, price: '4990' }],
		};
		const o = mapOrder(cents, raw, 'http', 'x');
		expect([o.updatedAt, o.createdAt]).toEqual(['2026-03-10T14:00:00.000Z', '2026-03-10T13:00:00.000Z']);
		expect(o.totals).toEqual({ itemsCents: 9980, shippingCents: 1500, discountCents: 0, totalCents: 11480 });
	});

	test('an order without an id is refused naming the id field', () => {
		const { id: _id, ...raw } = base();
		expect(refusal(raw)).toMatchObject({ orderRef: 'http:(no id)', field: 'id' });
	});

	test('an order without lines, or with an empty line list, is refused naming the line array', () => {
		const { items: _items, ...raw } = base();
		expect(refusal(raw)).toMatchObject({ orderRef: 'http:77', field: 'items' });
		expect(refusal({ ...base(), items: [] })).toMatchObject({ orderRef: 'http:77', field: 'items' });
	});

	test('a line without units or price, or with a price that is not money, names the line field', () => {
		expect(refusal({ ...base(), items: [{ sku: 'A', price: '1.00' }] })).toMatchObject({ orderRef: 'http:77', field: 'items[0].quantity' });
		expect(refusal({ ...base(), items: [{ sku: 'A', quantity: 1 }] })).toMatchObject({
			field: 'items[0].price',
			message: expect.stringContaining('is required'),
		});
		expect(refusal({ ...base(), items: [{ sku: 'A', quantity: 1, price: 'R$ 10' }] })).toMatchObject({ field: 'items[0].price' });
		expect(refusal({ ...base(), total: '-1.00' })).toMatchObject({ field: 'total', message: expect.stringContaining('must not be negative') });
	});

	test('an order without a change time falls back to its creation; with neither it is refused', () => {
		const { updated_at: _u, ...raw } = base();
		expect(map(raw).updatedAt).toBe('2026-03-10T13:00:00.000Z');
		const { created_at: _c, ...none } = raw;
		expect(refusal(none)).toMatchObject({ field: 'updated_at' });
		expect(() => identifyMapped(def, none, 'http')).toThrow(OrderValidationError);
	});
});

describe('configurable HTTP channel: the definition names the setting that is wrong', () => {
	const withMap = (m: object) => ({ ...EXAMPLE_DEFINITION, map: { ...EXAMPLE_DEFINITION.map, ...m } });
	const settingOf = (input: unknown, parse: (i: unknown) => unknown = parseChannelDefinition) => {
		try {
			parse(input);
		} catch (error) {
			expect(error).toBeInstanceOf(ChannelDefinitionError);
			return (error as ChannelDefinitionError).setting;
		}
		throw new Error('accepted');
	};

	test('the README example is a valid definition', () => {
		expect(parseChannelDefinition(JSON.stringify(EXAMPLE_DEFINITION)).list.paging).toEqual({
			style: 'offset',
			param: 'offset',
			sizeParam: 'limit',
			maxSize: 100,
			firstPage: 1,
		});
	});

	test.each([
		['not JSON', '{"map": ', '(definition)'],
		['an unknown canonical field', withMap({ 'customer.cpf': 'x' }), 'map.customer.cpf'],
		['a required field unmapped', { ...EXAMPLE_DEFINITION, map: { id: 'id', updatedAt: 'u', 'lines.quantity': 'items[].q' } }, 'map.lines.unitPrice'],
		['line fields on two arrays', withMap({ 'lines.sku': 'products[].sku' }), 'map.lines.quantity'],
		['a line field without []', withMap({ 'lines.sku': 'items.sku' }), 'map.lines.sku'],
		['a status that is not canonical', { ...EXAMPLE_DEFINITION, statusMap: { pago: 'approved' } }, 'statusMap.pago'],
		['a bad zone', { ...EXAMPLE_DEFINITION, timeZoneOffset: 'America/Sao_Paulo' }, 'timeZoneOffset'],
	])('%s', (_name, input, setting) => {
		expect(settingOf(input, parseMappingDefinition)).toBe(setting);
	});

	test.each([
		['page paging without a page size parameter', { style: 'page' }, 'list.paging.sizeParam'],
		['cursor paging without where the next cursor is', { style: 'cursor' }, 'list.paging.nextCursorPath'],
		['an unknown style', { style: 'scroll' }, 'list.paging.style'],
	])('%s', (_name, paging, setting) => {
		expect(settingOf({ ...EXAMPLE_DEFINITION, list: { ...EXAMPLE_DEFINITION.list, paging } })).toBe(setting);
	});

	test('a request to a full URL is refused: the credential header goes only to its base URL', () => {
		expect(settingOf({ ...EXAMPLE_DEFINITION, list: { ...EXAMPLE_DEFINITION.list, path: 'https://elsewhere.example/orders' } })).toBe('list.path');
		expect(settingOf({ ...EXAMPLE_DEFINITION, writes: { stock: { method: 'PUT', path: '//elsewhere.example/x' } } })).toBe('writes.stock.path');
	});
});
