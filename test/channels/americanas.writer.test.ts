import { createAmericanasWriter } from '../../core/channels/americanas/writer';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { AMERICANAS_STATUS_CODES, AMERICANAS_STATUS_TYPES } from '../../core/channels/americanas/status';
import { AmericanasOmsApi } from '../../credentials/AmericanasOmsApi.credentials';
import { skyhubOrder } from '../simulators/americanas';
import { americanasContext, americanasSim, americanasWriterDriver, skyhubCode, SKYHUB_KEYS } from './conformance/drivers/americanas';
import { oneListing, tinyRetry } from './helpers/channel-test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const writer = () => createAmericanasWriter(americanasContext(tinyRetry(2).retry));
const NFE = '35260312345678000190550010000123451000123456';
const at = '2026-03-10T14:00:00-03:00';

describe('Americanas writer (SkyHub)', () => {
	beforeEach(() => americanasWriterDriver.start());
	afterEach(() => americanasWriterDriver.stop());

	it('stock: a product SKU through PUT /products/{sku} {product: {qty}}, a variation SKU through /variations/{sku}', async () => {
		const listings = await writer().resolveListings(['CAFETEIRA-110V', 'CAMISETA-P-AZUL', 'NOPE']);
		expect(Object.fromEntries(listings)).toEqual({
			'CAFETEIRA-110V': { listingId: 'CAFETEIRA-110V' },
			'CAMISETA-P-AZUL': { listingId: 'CAMISETA-P-AZUL', variantId: 'CAMISETA-P-AZUL' },
		});
		await writer().pushStock([...listings].map(([sku, listing]) => ({ sku, quantity: 5, listing: oneListing(listing) })));
		expect(
			americanasSim()
				.requests(/\/(products|variations)\//)
				.filter((r) => r.method === 'PUT')
				.map((r) => [r.path, r.body]),
		).toEqual([
			['/products/CAFETEIRA-110V', { product: { qty: 5 } }],
			['/variations/CAMISETA-P-AZUL', { variation: { qty: 5 } }],
		]);
	});

	it('invoice: the NF-e key with status order_invoiced; the code with its space is encoded in the path', async () => {
		const code = skyhubCode(1);
		americanasSim().put(skyhubOrder({ code, placedAt: at, updatedAt: at }), false);
		await writer().pushInvoice!({ channelOrderId: code, nfeKey: NFE, number: '12345', series: '1', issuedAt: at });
		const [req] = americanasSim().requests(/\/invoice$/);
		expect(req.path).toBe(`/orders/Lojas%20Americanas-1517940500001-01/invoice`);
		expect(req.body).toEqual({ status: 'order_invoiced', invoice: { key: NFE } });
		expect(americanasSim().orders.get(code)).toMatchObject({ status: { type: 'INVOICED' }, invoices: [{ key: NFE }] });
	});

	it("shipment: the order's items, its shipping method and the tracking (a URL over 200 characters left out); cancel", async () => {
		const code = skyhubCode(2);
		const items = [
			{ sku: 'CAFETEIRA-110V', qty: 2, price: 199.9 },
			{ sku: '', qty: 1, price: 10 },
		];
		americanasSim().put(skyhubOrder({ code, placedAt: at, updatedAt: at, items }), false);
		await writer().pushShipment!({
			channelOrderId: code,
			carrier: 'Correios',
			trackingCode: 'BR1321830198302DR',
			trackingUrl: `https://t.example/${'x'.repeat(200)}`,
		});
		expect(americanasSim().requests(/\/shipments$/)[0].body).toEqual({
			status: 'order_shipped',
			shipment: { code, items: [{ sku: 'CAFETEIRA-110V', qty: 2 }], track: { code: 'BR1321830198302DR', carrier: 'Correios', method: 'Econômico' } },
		});
		expect(americanasSim().orders.get(code)).toMatchObject({ status: { type: 'SHIPPED' } });
		// Shipped orders cannot be cancelled (the simulator's rule): the error carries the status.
		await expect(writer().cancelOrder!({ channelOrderId: code })).rejects.toMatchObject({ httpCode: 400 });
		const open = skyhubCode(3);
		americanasSim().put(skyhubOrder({ code: open, placedAt: at, updatedAt: at }), false);
		await writer().cancelOrder!({ channelOrderId: open });
		expect(
			americanasSim()
				.requests(/\/cancel$/)
				.map((r) => r.body),
		).toEqual([{ status: 'order_canceled' }, { status: 'order_canceled' }]);
		expect(americanasSim().orders.get(open)).toMatchObject({ status: { type: 'CANCELED' } });
	});
});

describe('Americanas writer: delivery', () => {
	beforeEach(() => americanasWriterDriver.start());
	afterEach(() => americanasWriterDriver.stop());

	it('confirms the delivery of a shipped order (status complete with the date); an order not shipped is refused', async () => {
		const code = skyhubCode(4);
		americanasSim().put(skyhubOrder({ code, placedAt: at, updatedAt: at, type: 'SHIPPED' }), false);
		await writer().confirmDelivery!({ channelOrderId: code, deliveredAt: '2026-03-12T10:00:00-03:00' });
		expect(americanasSim().requests(/\/delivery$/)[0].body).toEqual({ status: 'complete', delivered_date: '2026-03-12T10:00:00-03:00' });
		expect(americanasSim().orders.get(code)).toMatchObject({ status: { type: 'DELIVERED' } });
		const open = skyhubCode(5);
		americanasSim().put(skyhubOrder({ code: open, placedAt: at, updatedAt: at }), false);
		await expect(writer().confirmDelivery!({ channelOrderId: open })).rejects.toMatchObject({ httpCode: 400 });
	});
});

describe('AmericanasOmsApi credential', () => {
	beforeEach(() => americanasWriterDriver.start());
	afterEach(() => americanasWriterDriver.stop());

	it('sends the three SkyHub headers and tests with one order of GET /orders (never the queue); a wrong key is 401', async () => {
		const cred = new AmericanasOmsApi();
		expect(cred.authenticate.properties.headers).toMatchObject({
			'X-User-Email': '={{$credentials.email}}',
			'X-Api-Key': '={{$credentials.apiKey}}',
			'X-Accountmanager-Key': '={{$credentials.accountManagerKey}}',
		});
		expect(cred.test.request).toMatchObject({ url: '/orders', qs: { page: 1, per_page: 1 } });
		const url = `${americanasSim().baseUrl}/orders?page=1&per_page=1`;
		const headers = { 'x-user-email': SKYHUB_KEYS.email, 'x-api-key': SKYHUB_KEYS.apiKey, 'x-accountmanager-key': SKYHUB_KEYS.accountManagerKey };
		expect((await fetch(url, { headers })).status).toBe(200);
		expect((await fetch(url, { headers: { ...headers, 'x-api-key': 'wrong' } })).status).toBe(401);
	});
});

describe('README: Americanas', () => {
	it('shows the status tables the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('status.type', AMERICANAS_STATUS_TYPES));
		expect(readme).toContain(statusTableMarkdown('status.code (orders without a type)', AMERICANAS_STATUS_CODES));
	});
});
