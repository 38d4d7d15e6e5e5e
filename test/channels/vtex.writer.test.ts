import { createVtexWriter } from '../../core/channels/vtex/writer';
import type { ChannelWriter, ListingRef } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { tinyRetry } from './helpers/channel-test';

const creds = { appKey: 'vtexappkey-luxstore-ABCDEF', appToken: 'secret-token' };
const { retry } = tinyRetry(3);
const NFE_KEY = '35240512345678000190550010000012341000012345';

let sim: VtexSimulator;
const writerWith = (options: Record<string, string> = { warehouseId: '1_1' }, appToken = creds.appToken): ChannelWriter =>
	createVtexWriter({
		transport: createFetchTransport({ 'x-vtex-api-appkey': creds.appKey, 'x-vtex-api-apptoken': appToken }, 5000),
		baseUrl: sim.baseUrl,
		account: 'luxstore',
		retry,
		options,
	});
const listing = (skuId: string): ListingRef => ({ listingId: skuId });
const ORDER = '1172452900788-01';
const putOrder = (status = 'ready-for-handling', packages?: Parameters<typeof vtexOrder>[0]['packages']) =>
	sim.setOrder(
		vtexOrder({
			orderId: ORDER, status, lastChange: '2024-05-01T10:00:00Z', shipping: 500,
			items: [{ refId: 'BIGBML', quantity: 2, price: 990, skuId: '18' }, { refId: 'SMLBML', quantity: 1, price: 1500, skuId: '19' }],
			packages,
		}),
		false,
	);

beforeEach(async () => {
	sim = new VtexSimulator(creds);
	await sim.start();
	sim.catalog.set('BIGBML', '18').set('SMLBML', '19');
});
afterEach(() => sim.stop());

describe('VTEX writer: listings and stock', () => {
	it('resolves seller RefIds to VTEX sku ids, leaving unknown ones out', async () => {
		const found = await writerWith().resolveListings(['BIGBML', 'NOPE', 'SMLBML']);
		expect([...found]).toEqual([
			['BIGBML', { listingId: '18' }],
			['SMLBML', { listingId: '19' }],
		]);
		expect(sim.requests(/stockkeepingunitidbyrefid/).map((r) => r.path)).toContain('/api/catalog_system/pvt/sku/stockkeepingunitidbyrefid/NOPE');
	});

	it('fails clearly without options.warehouseId, for listings and stock alike', async () => {
		const w = writerWith({});
		await expect(w.resolveListings(['BIGBML'])).rejects.toThrow(/options\.warehouseId is required/);
		await expect(w.pushStock([{ sku: 'BIGBML', quantity: 1, listing: listing('18') }])).rejects.toThrow(/warehouseId/);
		expect(sim.log).toHaveLength(0);
	});

	it('sets the quantity per SKU and warehouse, one request each, through the quantity-only PATCH', async () => {
		const w = writerWith();
		expect(w.stockBatchSize).toBe(1);
		const results = await w.pushStock([
			{ sku: 'BIGBML', quantity: 7, listing: listing('18') },
			{ sku: 'SMLBML', quantity: 0, listing: listing('19') },
		]);
		expect(results).toEqual([{ sku: 'BIGBML', ok: true }, { sku: 'SMLBML', ok: true }]);
		expect(sim.stockOf('18')).toBe(7);
		expect(sim.stockOf('19')).toBe(0);
		const patch = sim.requests(/inventory/)[0];
		expect(patch.method).toBe('PATCH');
		expect(patch.path).toBe('/api/logistics/pvt/inventory/skus/18/warehouses/1_1/quantity');
		expect(patch.body).toEqual({ quantity: 7, unlimitedQuantity: false });
	});
});

describe('VTEX writer: invoice, tracking, cancellation', () => {
	const invoice = { channelOrderId: ORDER, nfeKey: NFE_KEY, number: '1234', series: '1', issuedAt: '2024-05-01T09:00:00-03:00', url: 'https://nfe.example.com/1234.xml' };

	it('posts the invoice with the order items at unit price and the value in cents, and the order becomes invoiced', async () => {
		putOrder();
		await writerWith().pushInvoice!({ ...invoice, totalCents: 3980 });
		const post = sim.requests(/\/invoice$/)[0];
		expect(post.body).toEqual({
			type: 'Output', issuanceDate: invoice.issuedAt, invoiceNumber: '1234', invoiceValue: '3980', invoiceKey: NFE_KEY, invoiceUrl: invoice.url,
			items: [{ id: '18', price: 990, quantity: 2 }, { id: '19', price: 1500, quantity: 1 }],
		});
		const order = sim.orders.get(ORDER)!;
		expect(order.status).toBe('invoiced');
		expect((order.packageAttachment as { packages: unknown[] }).packages).toEqual([expect.objectContaining({ invoiceNumber: '1234', invoiceKey: NFE_KEY, invoiceValue: 3980 })]);
	});

	it("uses the order's value when no total is given", async () => {
		putOrder();
		await writerWith().pushInvoice!(invoice);
		expect((sim.requests(/\/invoice$/)[0].body as { invoiceValue: string }).invoiceValue).toBe(String(990 * 2 + 1500 + 500));
	});

	it('patches the tracking onto the invoice named by the order, and needs an invoice first', async () => {
		putOrder();
		const w = writerWith();
		const shipment = { channelOrderId: ORDER, carrier: 'Correios', trackingCode: 'BR123456789BR', trackingUrl: 'https://rastreio.example/BR123456789BR', shippedAt: '2024-05-02T10:00:00Z' };
		await expect(w.pushShipment!(shipment)).rejects.toThrow(/no invoice yet/);
		await w.pushInvoice!(invoice);
		await w.pushShipment!(shipment);
		const patch = sim.requests(/\/invoice\/1234$/)[0];
		expect(patch.method).toBe('PATCH');
		expect(patch.body).toEqual({ courier: 'Correios', trackingNumber: 'BR123456789BR', trackingUrl: shipment.trackingUrl, dispatchedDate: shipment.shippedAt });
		const [pkg] = (sim.orders.get(ORDER)!.packageAttachment as { packages: Array<Record<string, unknown>> }).packages;
		expect(pkg).toMatchObject({ trackingNumber: 'BR123456789BR', courier: 'Correios' });
	});

	it('sends trackingUrl and dispatchedDate as null when absent: the schema requires all four keys', async () => {
		putOrder();
		const w = writerWith();
		await w.pushInvoice!(invoice);
		await w.pushShipment!({ channelOrderId: ORDER, carrier: 'Correios', trackingCode: 'BR123456789BR' });
		const patch = sim.requests(/\/invoice\/1234$/)[0];
		expect(patch.rawBody).toBe('{"courier":"Correios","trackingNumber":"BR123456789BR","trackingUrl":null,"dispatchedDate":null}');
		const [pkg] = (sim.orders.get(ORDER)!.packageAttachment as { packages: Array<Record<string, unknown>> }).packages;
		expect(pkg).toMatchObject({ trackingNumber: 'BR123456789BR', trackingUrl: null, dispatchedDate: null });
	});

	it('the simulator refuses what the schema refuses: the old tracking body without its null keys is a 400', async () => {
		putOrder();
		await writerWith().pushInvoice!(invoice);
		const res = await fetch(`${sim.baseUrl}/api/oms/pvt/orders/${ORDER}/invoice/1234`, {
			method: 'PATCH',
			headers: { 'x-vtex-api-appkey': creds.appKey, 'x-vtex-api-apptoken': creds.appToken, accept: 'application/json', 'content-type': 'application/json' },
			body: JSON.stringify({ courier: 'Correios', trackingNumber: 'BR123456789BR' }),
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/body\.trackingUrl: is required; body\.dispatchedDate: is required/);
	});

	it('refuses, before any write, an invoice without a value or with items VTEX cannot take', async () => {
		sim.setOrder({ ...vtexOrder({ orderId: ORDER, status: 'ready-for-handling', lastChange: '2024-05-01T10:00:00Z' }), value: undefined }, false);
		await expect(writerWith().pushInvoice!(invoice)).rejects.toThrow(/no invoice value/);
		await expect(writerWith().pushInvoice!({ ...invoice, totalCents: 0 })).rejects.toThrow(/no invoice value/);
		sim.setOrder({ ...vtexOrder({ orderId: ORDER, status: 'ready-for-handling', lastChange: '2024-05-01T10:00:00Z' }), items: [{ id: '18', quantity: 1 }] }, false);
		await expect(writerWith().pushInvoice!({ ...invoice, totalCents: 990 })).rejects.toThrow(/items\[0\] needs id, integer price/);
		expect(sim.requests(/\/invoice$/)).toHaveLength(0);
	});

	it('cancels with the reason; an invoiced order is refused with the channel error', async () => {
		putOrder();
		await writerWith().cancelOrder!({ channelOrderId: ORDER, reason: 'Out of stock' });
		expect(sim.requests(/\/cancel$/)[0].body).toEqual({ reason: 'Out of stock' });
		expect(sim.orders.get(ORDER)!.status).toBe('canceled');

		putOrder('invoiced', [{ invoiceNumber: '99' }]);
		await expect(writerWith().cancelOrder!({ channelOrderId: ORDER })).rejects.toMatchObject({ httpCode: 400 });
	});

	it('retries a 429 on the invoice POST without posting twice', async () => {
		putOrder();
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '1' }, /\/invoice$/);
		await writerWith().pushInvoice!(invoice);
		expect(sim.requests(/\/invoice$/)).toHaveLength(2);
		expect((sim.orders.get(ORDER)!.packageAttachment as { packages: unknown[] }).packages).toHaveLength(1);
	});
});
