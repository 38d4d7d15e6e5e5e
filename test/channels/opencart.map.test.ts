import fs from 'node:fs';
import path from 'node:path';
import { mapOrder } from '../../core/channels/http';
import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';

/**
 * No OpenCart extension publishes an example answer, so this fixture is built from source, not copied: the
 * columns of oc_order and oc_order_product (opencart/opencart@7757a8e2a61a006f03f800d4c925c6a351e55925,
 * branch 3.0.x.x, upload/install/opencart.sql), plus what the CartRover listing adds (CartRover/
 * CartRover-OpenCart-RestAPI@157004026c1328856081a96e7cb9256874b193e4, upload/catalog/model/account/
 * gss_order.php: shipping_cost, shipping_iso_code_2/3, shipping_zone_code, line_item = op.* + sku + weight).
 * Values are ours; every value is text, as mysqli returns it. The second line has no SKU (products need none).
 */
const [raw] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'opencart', 'cartrover-orders.json'), 'utf8')) as unknown[];

describe('OpenCart definition: an order row of the CartRover listing', () => {
	test('maps to the canonical order: store time read at UTC (as installed), names joined, ex-tax prices, the shipping total', () => {
		const order = mapOrder(OPENCART_DEFINITION, raw, 'http', 'loja-opencart');
		expect(order).toMatchObject({
			channel: 'http',
			account: 'loja-opencart',
			channelOrderId: '1042',
			createdAt: '2026-03-10T11:02:13.000Z',
			updatedAt: '2026-03-10T11:05:40.000Z',
			status: 'paid',
			channelStatusRaw: '2',
			currency: 'BRL',
			totals: { itemsCents: 10000, shippingCents: 1500, discountCents: 0, totalCents: 11500 },
			customer: { name: 'Maria da Silva', email: 'maria@exemplo.invalid', phone: '(21) 98888-7777' },
			shippingAddress: {
				name: 'Maria da Silva',
				street: 'Rua das Flores, 123',
				complement: 'Casa 2',
				city: 'Niterói',
				state: 'Rio de Janeiro',
				postalCode: '24020-000',
				country: 'BR',
			},
			lines: [
				{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 3500, title: 'Camiseta Azul M', channelListingId: '50', channelLineId: '2201' },
				{ quantity: 1, unitPriceCents: 3000, title: 'Caneca', channelListingId: '51', channelLineId: '2202' },
			],
			paymentMethod: 'other',
		});
		expect(order.lines[1].sku).toBeUndefined();
		// The line without a SKU is kept, flagged for the consultant to map.
		expect(order.flags?.sort()).toEqual(['time_zone_assumed', 'unmapped_lines']);
	});

	test("a store set to America/Sao_Paulo: the definition's timeZoneOffset -03:00 reads its dates", () => {
		const order = mapOrder({ ...OPENCART_DEFINITION, timeZoneOffset: '-03:00' }, raw, 'http', 'loja-opencart');
		expect(order).toMatchObject({ createdAt: '2026-03-10T14:02:13.000Z', updatedAt: '2026-03-10T14:05:40.000Z' });
	});

	test('a status id the map does not know imports as paid, flagged, its raw id kept', () => {
		const order = mapOrder(OPENCART_DEFINITION, { ...(raw as object), order_status_id: '17' }, 'http', 'loja-opencart');
		expect(order).toMatchObject({ channelStatusRaw: '17' });
		expect(order.flags).toContain('status_unknown');
	});
});
