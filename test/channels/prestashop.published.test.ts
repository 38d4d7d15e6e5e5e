import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { PRESTASHOP_DEFAULT_STATES, prestaShopStates } from '../../core/channels/prestashop';
import { normalizePrestaShopOrder } from '../../core/channels/prestashop/normalize';

/**
 * PrestaShop publishes no filled JSON order for its webservice: its docs give the blank schema (PrestaShop/
 * docs@880c2e8bd0ec841819e48d9e7511626e8fd682b9:webservice/resources/orders.md, the order's fields and its
 * associations.order_rows fields). The orders it does publish are its demo shop's, installed with every shop
 * (PrestaShop/PrestaShop install-dev/fixtures/fashion/data): orders.xml@0fa6a04cf7c236167e9d18c15be4d975e54d9c18
 * (copied whole), order_detail.xml@3cf7dd4fa7f22975e488a2ff8cd09f11af5309b3 (orders 1 and 2),
 * customer.xml@342462813f47fb8086bb91292fc6057665b31b56 and address.xml@03a773019feb972e40148845f8594b81f2f6d708
 * (the customer and address the orders name). Their field names are the ObjectModel's, which the webservice
 * answers under the same names; `asWebservice` below renders them as GET /api/orders?display=full&
 * output_format=JSON lists an order (every value a string; order_detail rows as order_rows with the schema's
 * fields), and getDetails' records beside it. What the install sets itself is filled in and said so: the
 * numeric ids the fixtures' relation names become, date_add/date_upd (the install time), the currency (1 is the
 * shop's default: a Brazilian shop's BRL here).
 */
type Json = Record<string, any>;
const dir = join(__dirname, '../fixtures/published/prestashop');
const xml = (file: string) => readFileSync(join(dir, file), 'utf8');

/** The <tag …>…</tag> entities of a fixture file: attributes and text children, as PrestaShop reads them. */
function entities(text: string, tag: string): Json[] {
	return [...text.matchAll(new RegExp(`<${tag} ([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => {
		const e: Json = {};
		for (const a of m[1].matchAll(/(\w+)="([^"]*)"/g)) e[a[1]] = a[2];
		for (const c of m[2].matchAll(/<(\w+)>([^<]*)<\/\1>|<(\w+)\/>/g)) e[c[1] ?? c[3]] = c[2] ?? '';
		return e;
	});
}

const ROW_FIELDS = [
	'product_id',
	'product_attribute_id',
	'product_quantity',
	'product_name',
	'product_reference',
	'product_ean13',
	'product_upc',
	'product_price',
	'unit_price_tax_incl',
	'unit_price_tax_excl',
];
const RELATION_IDS: Record<string, string> = {
	John: '2',
	My_address: '5',
	My_carrier: '2',
	'Hummingbird_printed_t-shirt': '1',
	Hummingbird_printed_sweater: '2',
	The_adventure_begins_Framed_poster: '4',
	Mug_Today_is_a_good_day: '6',
};
const num = (name: string) => RELATION_IDS[name] ?? /(\d+)$/.exec(name)?.[1] ?? '0';

function asWebservice(n: number): Json {
	const order = entities(xml('orders.xml'), 'orders').find((o) => o.id === `orders_${n}`)!;
	const rows = entities(xml('order_detail-orders-1-2.xml'), 'order_detail').filter((d) => d.id_order === String(n));
	const [customer] = entities(xml('customer-address.xml'), 'customer');
	const [address] = entities(xml('customer-address.xml'), 'address');
	const out: Json = { ...order, id: String(n), date_add: '2026-03-10 09:00:00', date_upd: '2026-03-10 09:05:00' };
	for (const k of ['id_carrier', 'id_customer', 'id_cart', 'id_address_delivery', 'id_address_invoice']) out[k] = num(order[k]);
	out.associations = {
		order_rows: rows.map((d) => ({ id: num(d.id), ...Object.fromEntries(ROW_FIELDS.map((f) => [f, f.endsWith('_id') ? num(d[f]) : d[f]])) })),
	};
	return {
		...out,
		customer: { ...customer, id: '2' },
		address_delivery: { ...address, id: '5', id_customer: '2', id_country: '21' },
		currency: { id: '1', iso_code: 'BRL' },
		country: { id: '21', iso_code: address.id_country },
	};
}

const normalize = (raw: unknown, states = PRESTASHOP_DEFAULT_STATES) => normalizePrestaShopOrder(raw, 'loja', '-03:00', states);
const edit = (n: number, change: (o: Json) => void): Json => {
	const copy = asWebservice(n);
	change(copy);
	return copy;
};

describe('PrestaShop published payloads (the demo shop every install carries)', () => {
	it('the order and order_rows fields read are the ones the published schema lists', () => {
		const schema = readFileSync(join(dir, 'orders-schema.xml'), 'utf8');
		for (const f of [
			'id_address_delivery',
			'id_currency',
			'id_customer',
			'current_state',
			'module',
			'date_add',
			'date_upd',
			'shipping_number',
			'payment',
			'total_paid',
			'total_paid_tax_incl',
			'total_shipping',
			'total_shipping_tax_incl',
			...ROW_FIELDS.filter((f) => f !== 'unit_price_tax_excl'),
			'unit_price_tax_incl',
		]) {
			expect(schema).toContain(`<${f}>`);
		}
	});

	it('order 1 (Canceled, two combinations paid by check): lines by product_reference, tax-included prices, the buyer and address', () => {
		const order = normalize(asWebservice(1));
		expect(order).toMatchObject({
			channel: 'prestashop',
			account: 'loja',
			channelOrderId: '1',
			createdAt: '2026-03-10T12:00:00.000Z',
			updatedAt: '2026-03-10T12:05:00.000Z',
			status: 'cancelled',
			channelStatusRaw: '6',
			currency: 'BRL',
			customer: { name: 'John DOE', email: 'pub@prestashop.com', phone: '0102030405' },
			shippingAddress: { name: 'John DOE', street: '16, Main street', complement: '2nd floor', city: 'Miami', postalCode: '33133', country: 'US' },
			paymentMethod: 'other',
		});
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.channelListingId, l.channelVariantId])).toEqual([
			['demo_2', 1, 2390, '1', '46'],
			['demo_3', 1, 3590, '2', '62'],
		]);
		expect(order.totals).toEqual({ itemsCents: 5980, shippingCents: 200, discountCents: 0, totalCents: 6180 });
		expect(order.flags ?? []).toEqual([]);
	});

	it('order 2 (awaiting check payment): a product without combination (attribute 0) and two units of a poster', () => {
		const order = normalize(asWebservice(2));
		expect(order).toMatchObject({ status: 'pending_payment', paymentStatus: 'pending' });
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.channelVariantId])).toEqual([
			['demo_2', 2, 2900, '75'],
			['demo_6', 1, 1190, undefined],
		]);
		// The demo's total_paid (169.90) is more than its rows (69.90): kept as charged, no discount invented.
		expect(order.totals).toEqual({ itemsCents: 6990, shippingCents: 0, discountCents: 0, totalCents: 16990 });
	});

	it('numbers as JSON numbers, six-decimal prices, a row without product_reference (unmapped), empty optional fields', () => {
		const order = normalize(
			edit(1, (o) => {
				o.associations.order_rows[0].product_quantity = 1;
				o.associations.order_rows[0].unit_price_tax_incl = '9.775000';
				o.associations.order_rows[1].product_reference = '';
				o.address_delivery.address2 = '';
				o.address_delivery.phone = '';
				o.shipping_number = '';
				delete o.customer;
				delete o.country;
			}),
		);
		expect(order.lines[0]).toMatchObject({ sku: 'demo_2', quantity: 1, unitPriceCents: 978 });
		expect(order.lines[1]).toMatchObject({ unmapped: true, channelListingId: '2' });
		expect(order.lines[1].sku).toBeUndefined();
		expect(order.flags).toContain('unmapped_lines');
		expect(order.customer).toEqual({ name: 'John DOE' });
		expect(order.shippingAddress).toEqual({ name: 'John DOE', street: '16, Main street', city: 'Miami', postalCode: '33133', country: '' });
		expect(order.shipments).toEqual([]);
	});

	it("current_state through the shop's table: the stock ids, the Order States setting over them, an unknown id flagged", () => {
		expect(normalize(edit(1, (o) => (o.current_state = '4')))).toMatchObject({ status: 'shipped', fulfillmentStatus: 'fulfilled' });
		expect(normalize(edit(1, (o) => (o.current_state = '8')))).toMatchObject({ status: 'pending_payment', paymentStatus: 'failed' });
		expect(normalize(edit(1, (o) => (o.current_state = '13')))).toMatchObject({ status: 'paid', paymentStatus: 'pending' });
		const odd = normalize(edit(1, (o) => (o.current_state = '14')));
		expect(odd).toMatchObject({ status: 'paid', paymentStatus: 'unknown', channelStatusRaw: '14', flags: ['status_unknown'] });
		const pix = prestaShopStates('14=paid; 4=delivered');
		expect(
			normalize(
				edit(1, (o) => (o.current_state = '14')),
				pix,
			),
		).toMatchObject({ status: 'paid', paymentStatus: 'paid' });
		expect(
			normalize(
				edit(1, (o) => (o.current_state = '4')),
				pix,
			),
		).toMatchObject({ status: 'delivered' });
		expect(() => prestaShopStates('14=pago')).toThrow(/"14=pago"/);
	});

	it('an order without id or without rows is refused naming the field; a bad date names it', () => {
		expect(() => normalize(edit(1, (o) => delete o.id))).toThrow(/prestashop:\(no id\).*id/);
		expect(() => normalize(edit(1, (o) => (o.associations.order_rows = [])))).toThrow(/order_rows/);
		expect(() => normalize(edit(1, (o) => (o.date_add = 'ontem')))).toThrow(/date_add/);
		expect(() => normalize(edit(1, (o) => delete o.currency))).toThrow(/currency\.iso_code/);
	});

	it("the README's status table is the adapter's default table", () => {
		expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(statusTableMarkdown('current_state (stock id)', PRESTASHOP_DEFAULT_STATES));
	});
});
