import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAmazonAdapter } from '../../core/channels/amazon';
import type { HttpTransport } from '../../core/http/transport';
import { createFetchTransport } from '../../core/http/transport';
import { validateCanonicalOrder } from '../../core/model/validate';

/**
 * Amazon's own response examples for the Orders API v2026-01-01, copied as published (data only) from
 *   amzn/selling-partner-api-models@34dc93fe45f37c9a0b2e56823c808f68b4f81754:models/orders-api-model/orders_2026-01-01.json
 * The path of each example inside that file is given where it is used.
 */
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/amazon', name), 'utf8'));
const firstOrder = (body: Record<string, unknown>) => (Array.isArray(body.orders) ? body.orders[0] : body.order);

const adapter = createAmazonAdapter({ transport: createFetchTransport(), baseUrl: 'https://sellingpartnerapi-na.amazon.com', account: 'A3SELLER' });
const normalize = (name: string) => validateCanonicalOrder(adapter.normalize(firstOrder(load(name))));

describe('Amazon normalize: Amazon-published searchOrders examples', () => {
	// paths./orders/2026-01-01/orders.get.responses.200.examples["application/json"] (operation searchOrders)
	it('the US business order: two SKUs at a unit price each, tax and tip in the grand total, delivered packages', () => {
		const order = normalize('searchOrders.example.json');
		expect(order).toMatchObject({
			channelOrderId: '123-4567890-1234567',
			createdAt: '2024-12-25T10:30:00.000Z',
			updatedAt: '2024-12-25T14:45:00.000Z',
			status: 'delivered',
			fulfillmentStatus: 'delivered',
			channelStatusRaw: 'SHIPPED (packages DELIVERED)',
			currency: 'USD',
			// ITEM 149.97 = 2 × 49.99 + 49.99; grandTotal 154.99 adds TAX 0.02 and DELIVERY_TIP 5.00.
			totals: { itemsCents: 14997, shippingCents: 0, discountCents: 0, totalCents: 15499 },
			customer: { name: 'John Smith', email: 'buyer-email@marketplace.amazon.com', phone: '555-123-4567' },
			shippingAddress: { street: '123 Main Street', complement: 'Suite 456', city: 'Seattle', state: 'WA', postalCode: '98101', country: 'US' },
			shipments: [{ carrier: 'UPS', trackingCode: '1Z999AA1234567890', shippedAt: '2024-12-25T14:00:00.000Z' }],
		});
		expect(order.lines).toEqual([
			// fulfillment.quantityFulfilled: every unit shipped, counted per line.
			{ sku: 'ECHO-DOT-4-CHARCOAL', quantity: 2, shippedQuantity: 2, unitPriceCents: 4999, channelLineId: '12345678901234', channelListingId: 'B08N5WRWNW', title: 'Echo Dot (4th Gen) | Smart speaker with Alexa | Charcoal' },
			{ sku: 'FIRE-TV-4K-2021', quantity: 1, shippedQuantity: 1, unitPriceCents: 4999, channelLineId: '12345678901235', channelListingId: 'B07XJ8C8F5', title: 'Fire TV Stick 4K with Alexa Voice Remote' },
		]);
		expect(order.warehouse).toBeUndefined();
		expect(order.flags).toBeUndefined();
	});

	// paths./orders/2026-01-01/orders.get.responses.200.x-amzn-api-sandbox.static[0].response (searchOrders, JP)
	it('the Japanese FBA order: yen carry no decimals, canonical cents are yen × 100', () => {
		const order = normalize('searchOrders.sandbox-jp.json');
		expect(order).toMatchObject({
			channelOrderId: '250-1234567-8901234',
			status: 'shipped',
			fulfillmentStatus: 'fulfilled',
			currency: 'JPY',
			warehouse: 'amazon-fba',
			// grandTotal "19940" (yen) = 5980 + 2 × 6980.
			totals: { itemsCents: 1994000, shippingCents: 0, discountCents: 0, totalCents: 1994000 },
		});
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.channelListingId])).toEqual([
			['ECHO-DOT-4-JP-CHARCOAL', 1, 598000, 'B08C1W5N87'],
			['FIRE-TV-4K-MAX-JP', 2, 698000, 'B07PFFMP9P'],
		]);
	});

	// paths./orders/2026-01-01/orders.get.responses.200.x-amzn-api-sandbox.static[2].response (searchOrders, BR)
	it('the Brazilian business order: unshipped with the NF-e still processing is paid, not invoiced', () => {
		const order = normalize('searchOrders.sandbox-br.json');
		expect(order).toMatchObject({
			channelOrderId: '171-2345678-9012345',
			status: 'paid',
			paymentStatus: 'authorized',
			fulfillmentStatus: 'unfulfilled',
			channelStatusRaw: 'UNSHIPPED',
			currency: 'BRL',
			totals: { itemsCents: 159990, shippingCents: 0, discountCents: 0, totalCents: 159990 },
			lines: [{ sku: 'DELL-I15-BR-001', quantity: 1, unitPriceCents: 159990, channelListingId: 'B09B8V1LZ3', channelLineId: '17123456789012' }],
			// The buyer's tax registration (type VAT in this example); the marketplace's CNPJ is not the buyer's.
			customer: { name: 'Carlos Oliveira', document: '1234567890' },
			shippingAddress: { street: 'Avenida Paulista', number: '1000', complement: 'Sala 301', district: 'Bela Vista', city: 'São Paulo', state: 'SP', postalCode: '01310-100', country: 'BR' },
		});
	});

	it('the adapter reads the published page: orders as listed and Amazon’s own nextToken as the page token', async () => {
		const body = load('searchOrders.example.json');
		const transport: HttpTransport = async () => ({ status: 200, headers: {}, body });
		const a = createAmazonAdapter({ transport, baseUrl: 'https://sellingpartnerapi-na.amazon.com', account: 'A3SELLER', options: { marketplaceIds: 'ATVPDKIKX0DER' } });
		const page = await a.listChanged({ since: '2024-12-25T00:00:00Z', until: '2024-12-25T15:00:00Z', pageSize: 100 });
		expect(page.nextPageToken).toBe('2YgYW55IGNhcm5hbCBwbGVhc3VyZS4');
		expect(page.items.map((o) => a.identify(o))).toEqual([{ channelOrderId: '123-4567890-1234567', updatedAt: '2024-12-25T14:45:00.000Z' }]);
	});
});

describe('Amazon normalize: Amazon-published getOrder examples', () => {
	// paths./orders/2026-01-01/orders/{orderId}.get.responses.200.examples["application/json"] (operation getOrder)
	it('the UK order: unit price × 3, shipping from the order-level breakdown, package in transit', () => {
		const order = normalize('getOrder.example.json');
		expect(order).toMatchObject({
			channelOrderId: '202-1234567-8901234',
			status: 'shipped',
			fulfillmentStatus: 'fulfilled',
			currency: 'GBP',
			// ITEM 89.97 = 3 × 29.99; SHIPPING 10.00; TAX 4.00; grandTotal 103.97.
			totals: { itemsCents: 8997, shippingCents: 1000, discountCents: 0, totalCents: 10397 },
			lines: [{ sku: 'ECHO-DOT-4-UK-CHARCOAL-3PACK', quantity: 3, unitPriceCents: 2999, channelListingId: 'B08DFPV54V', channelLineId: '20212345678901' }],
			shipments: [{ carrier: 'Royal Mail', trackingCode: 'RR123456789GB', shippedAt: '2024-12-26T14:00:00.000Z' }],
		});
	});

	// paths./orders/2026-01-01/orders/{orderId}.get.responses.200.x-amzn-api-sandbox.static[0].response (getOrder, BR)
	it('the Brazilian order: Brazil’s split address fields are preferred', () => {
		const order = normalize('getOrder.sandbox-br.json');
		expect(order).toMatchObject({
			channelOrderId: '171-9876543-2109876',
			createdAt: '2024-12-24T20:30:00.000Z',
			status: 'paid',
			currency: 'BRL',
			totals: { itemsCents: 29990, shippingCents: 0, discountCents: 0, totalCents: 29990 },
			lines: [{ sku: 'ECHO-DOT-4-BR-PRETO', quantity: 1, unitPriceCents: 29990, channelListingId: 'B08N5WRWNW', channelLineId: '17198765432109' }],
			customer: { name: 'Maria Silva Santos', email: 'buyer-email@marketplace.amazon.com.br', phone: '+55 11 98765-4321' },
			shippingAddress: {
				name: 'Maria Silva Santos', street: 'Rua das Flores', number: '123', complement: 'Apartamento 45', district: 'Vila Madalena',
				city: 'São Paulo', state: 'SP', postalCode: '01234-567', country: 'BR',
			},
			shipments: [],
		});
	});

	// paths./orders/2026-01-01/orders/{orderId}.get.responses.200.x-amzn-api-sandbox.static[2].response (getOrder, US)
	it('an order served without the BUYER dataset: no customer name, tax only in the total', () => {
		const order = normalize('getOrder.sandbox-us.json');
		expect(order).toMatchObject({
			channelOrderId: '114-9876543-1234567',
			currency: 'USD',
			totals: { itemsCents: 3999, shippingCents: 0, discountCents: 0, totalCents: 4999 },
			lines: [{ sku: 'ECHO-POP-US-BLK', quantity: 1, unitPriceCents: 3999 }],
			customer: { name: '' },
		});
		expect(order.customer.email).toBeUndefined();
	});
});

describe('Amazon per-line shipped units (published examples)', () => {
	it('the BR sandbox order, UNSHIPPED: quantityFulfilled 0 of 1', () => {
		expect(normalize('getOrder.sandbox-br.json').lines.map((l) => [l.quantity, l.shippedQuantity])).toEqual([[1, 0]]);
	});

	it('derived: the getOrder example as PARTIALLY_SHIPPED with one of its three units fulfilled ships one unit', () => {
		// getOrder.example.json (paths./orders/2026-01-01/orders/{orderId}.get…), its item's fulfillment counts and
		// the order's fulfillmentStatus changed as Amazon reports an order shipped in parts.
		const body = load('getOrder.example.json') as { order: Record<string, any> };
		const order = JSON.parse(JSON.stringify(body.order)) as Record<string, any>;
		order.fulfillment.fulfillmentStatus = 'PARTIALLY_SHIPPED';
		order.orderItems[0].fulfillment = { ...order.orderItems[0].fulfillment, quantityFulfilled: 1, quantityUnfulfilled: 2 };
		const canonical = validateCanonicalOrder(adapter.normalize(order));
		expect(canonical).toMatchObject({ status: 'shipped', fulfillmentStatus: 'partial' });
		expect(canonical.lines.map((l) => [l.quantity, l.shippedQuantity])).toEqual([[3, 1]]);
	});
});
