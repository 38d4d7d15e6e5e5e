import { normalizeVtexOrder } from '../../core/channels/vtex/normalize';
import { createFetchTransport } from '../../core/http/transport';
import { createVtexAdapter } from '../../core/channels/vtex';
import { expectInvalidOrder } from './helpers/channel-test';
import { publishedVtex } from './helpers/vtex-published';

/**
 * What real VTEX orders send besides the happy path, each case a variant of VTEX's own examples
 * (vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c:"VTEX - Orders API.json": Get order and
 * Get orders by order group ID, see helpers/vtex-published.ts): only the fields named in each test change.
 */
const normalize = (raw: unknown, currency?: string) => normalizeVtexOrder(raw, 'luxstore', 'refId', currency);
const adapter = createVtexAdapter({ transport: createFetchTransport(), baseUrl: 'https://luxstore.vtexcommercestable.com.br', account: 'luxstore' });
/** The first order of the order-group example: status "", no authorisation, invoice or cancellation. */
const groupOrder = () => publishedVtex('order-group')[0];
const OUTPUT_PACKAGE = { type: 'Output', invoiceNumber: '24382', invoiceKey: null, issuanceDate: '2024-10-10T10:10:20+00:00', trackingNumber: null, courier: 'PAC Correios' };

describe('VTEX intake: an order without a status', () => {
	it.each([
		['cancellationData.CancellationDate', { cancellationData: { Reason: 'Item size was too large.', CancellationDate: '2024-10-11T09:14:41.3695207Z' } }, 'cancelled', 'unknown', 'unfulfilled'],
		['an Output invoice package', { packageAttachment: { packages: [OUTPUT_PACKAGE] } }, 'invoiced', 'paid', 'unfulfilled'],
		['a tracked Output invoice package', { packageAttachment: { packages: [{ ...OUTPUT_PACKAGE, trackingNumber: 'TRK-1' }] } }, 'shipped', 'paid', 'fulfilled'],
		['invoicedDate', { invoicedDate: '2024-10-10T10:17:40.5322681+00:00' }, 'invoiced', 'paid', 'unfulfilled'],
		['authorizedDate', { authorizedDate: '2024-10-09T19:26:29.6117258+00:00' }, 'paid', 'paid', 'unfulfilled'],
	])('is derived from %s, not flagged', (_evidence, patch, status, paymentStatus, fulfillmentStatus) => {
		const order = normalize({ ...groupOrder(), ...patch });
		expect(order).toMatchObject({ status, paymentStatus, fulfillmentStatus, channelStatusRaw: '' });
		expect(order.flags).toBeUndefined();
	});

	it('the latest step wins: cancelled over invoiced over paid', () => {
		const all = { authorizedDate: '2024-10-09T19:26:29Z', invoicedDate: '2024-10-10T10:17:40Z', cancellationData: { CancellationDate: '2024-10-11T09:14:41Z' } };
		expect(normalize({ ...groupOrder(), ...all }).status).toBe('cancelled');
		expect(normalize({ ...groupOrder(), ...all, cancellationData: { CancellationDate: null } }).status).toBe('invoiced');
	});

	it.each([[null], [undefined], ['  ']])('status %j with nothing to tell: awaiting payment, flagged status_assumed', (status) => {
		const order = normalize({ ...groupOrder(), status });
		expect(order).toMatchObject({ status: 'pending_payment', paymentStatus: 'pending', channelStatusRaw: '', flags: ['status_assumed'] });
	});

	it('a status VTEX does send still wins over the dates', () => {
		expect(normalize({ ...groupOrder(), status: 'handling', invoicedDate: '2024-10-10T10:17:40Z' })).toMatchObject({ status: 'paid', channelStatusRaw: 'handling' });
	});

	it('a bad date used as evidence is named', () => {
		expectInvalidOrder(adapter, { ...groupOrder(), authorizedDate: 'yesterday' }, 'vtex:v71425090str-01', 'authorizedDate');
	});
});

describe('VTEX intake: change orders (an item removed to quantity 0)', () => {
	/** The Get order example after a change: a second item removed (quantity 0), as changesAttachment records. */
	const changed = () => {
		const raw = publishedVtex('get-order');
		raw.items.push({ ...raw.items[0], uniqueId: 'REMOVED-1', id: '1234568358', refId: 'BIGBMLL', name: 'Bay Max L', quantity: 0, price: 3290 });
		return raw;
	};

	it('a line of quantity 0 is dropped, the rest imported', () => {
		const order = normalize(changed());
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['BIGBML', 1, 990]]);
		expect(order.flags).toBeUndefined();
	});

	it('no line left on an order that is not cancelled: the one error, naming items', () => {
		const raw = changed();
		raw.items[0].quantity = '0';
		expectInvalidOrder(adapter, raw, 'vtex:1172452900788-01', 'items');
	});

	it('no line left on a cancelled order: imported without lines (the store releases what it held)', () => {
		const raw = { ...changed(), status: 'canceled' };
		raw.items[0].quantity = 0;
		expect(normalize(raw)).toMatchObject({ status: 'cancelled', lines: [] });
	});

	it('a negative quantity is still an error naming the item', () => {
		const raw = changed();
		raw.items[1].quantity = -1;
		expectInvalidOrder(adapter, raw, 'vtex:1172452900788-01', 'items[1].quantity');
	});
});

describe('VTEX intake: lines without the seller SKU', () => {
	it.each([[null], [''], [undefined]])('refId %j: an unmapped line keeping VTEX sku id, product id and line id', (refId) => {
		const raw = publishedVtex('get-order');
		raw.items[0].refId = refId;
		const order = normalize(raw);
		expect(order.lines).toEqual([
			{ unmapped: true, quantity: 1, unitPriceCents: 990, channelLineId: '94913BB553334977BFD669A24E678C69', channelListingId: '6', channelVariantId: '18', title: 'Bay Max L' },
		]);
		expect(order.flags).toEqual(['unmapped_lines']);
	});

	it('without `id` the variant is the sellerSku; a mapped line beside it keeps its SKU', () => {
		const raw = publishedVtex('get-order');
		raw.items.push({ ...raw.items[0], refId: null, id: null, sellerSku: '19', uniqueId: 'SECOND' });
		const order = normalize(raw);
		expect(order.lines.map((l) => [l.sku, l.unmapped, l.channelVariantId])).toEqual([['BIGBML', undefined, '18'], [undefined, true, '19']]);
	});
});

describe('VTEX intake: loose field types and empty optional fields', () => {
	it('numbers sent as strings', () => {
		const raw = publishedVtex('order-group')[1];
		Object.assign(raw.items[0], { quantity: '2', price: '7999' });
		raw.totals = raw.totals.map((t: { id: string; value: number }) => ({ ...t, value: String(t.value) }));
		raw.value = '6208';
		const order = normalize(raw);
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['11455795', 2, 7999]]);
		expect(order.totals).toEqual({ itemsCents: 7999, shippingCents: 209, discountCents: 2000, totalCents: 6208 });
	});

	it('a decimal where cents are expected is named', () => {
		const raw = publishedVtex('get-order');
		raw.totals[0].value = '9.90';
		expectInvalidOrder(adapter, raw, 'vtex:1172452900788-01', 'totals[0].value');
	});

	it('clientProfileData with null and "" fields; null clientProfileData', () => {
		const raw = publishedVtex('get-order');
		Object.assign(raw.clientProfileData, { email: '', phone: null, lastName: null, document: '' });
		expect(normalize(raw).customer).toEqual({ name: 'Rodrigo' });
		expect(normalize({ ...publishedVtex('get-order'), clientProfileData: null }).customer).toEqual({ name: '' });
	});

	it('a corporate buyer without corporateName is named by tradeName, else by the person', () => {
		const raw = publishedVtex('get-order');
		Object.assign(raw.clientProfileData, { isCorporate: true, corporateName: null, tradeName: 'Lux Ltda', corporateDocument: '12.345.678/0001-90' });
		expect(normalize(raw).customer).toMatchObject({ name: 'Lux Ltda', document: '12345678000190' });
		raw.clientProfileData.tradeName = '';
		expect(normalize(raw).customer.name).toBe('Rodrigo Smith');
	});

	it('null shippingData (a pickup order): no shipping address', () => {
		const order = normalize({ ...publishedVtex('get-order'), shippingData: null });
		expect(order.shippingAddress).toBeUndefined();
		expect(order.lines).toHaveLength(1);
	});
});

describe('VTEX intake: currency', () => {
	it('from storePreferencesData.currencyCode', () => {
		expect(normalize({ ...groupOrder(), storePreferencesData: { ...groupOrder().storePreferencesData, currencyCode: 'ARS' } }).currency).toBe('ARS');
	});

	it.each([
		['no storePreferencesData', { storePreferencesData: undefined }],
		['a null storePreferencesData', { storePreferencesData: null }],
		['an empty currencyCode', { storePreferencesData: { countryCode: 'BRA', currencyCode: '' } }],
	])('%s: the account currency (BRL by default), flagged currency_from_account', (_label, patch) => {
		const raw = { ...publishedVtex('get-order'), ...patch };
		expect(normalize(raw)).toMatchObject({ currency: 'BRL', flags: ['currency_from_account'] });
		expect(normalize(raw, 'USD')).toMatchObject({ currency: 'USD', flags: ['currency_from_account'] });
	});
});
