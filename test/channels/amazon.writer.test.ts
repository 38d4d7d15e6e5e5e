import { AMAZON_INCLUDED_DATA, LWA_TOKEN_PATH, LwaTokenProvider, withLwaAuth } from '../../core/channels/amazon';
import { createAmazonWriter } from '../../core/channels/amazon/writer';
import type { ChannelWriter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { AmazonSpApiSimulator, amazonOrder } from '../simulators/amazon';
import { tinyRetry } from './helpers/channel-test';

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const { retry } = tinyRetry(3);
const SELLER = 'A3SELLER';
const BR = 'A2Q3Y263D00KWC';
const ORDER = '702-0000001-0000001';

let sim: AmazonSpApiSimulator;
const writerWith = (options: Record<string, string> = { marketplaceIds: BR }): ChannelWriter => {
	const plain = createFetchTransport({}, 5000);
	const transport = withLwaAuth(plain, new LwaTokenProvider(lwa, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry }));
	return createAmazonWriter({ transport, baseUrl: sim.baseUrl, account: SELLER, retry, options });
};
const update = (sku: string, quantity: number) => ({ sku, quantity, listing: { listingId: sku } });
const listingPatches = () => sim.requests(/\/listings\//);

beforeEach(async () => {
	sim = new AmazonSpApiSimulator(lwa);
	await sim.start();
	sim.listing(SELLER, 'SKU-1').listing(SELLER, 'SKU 2');
});
afterEach(() => sim.stop());

describe('Amazon writer: stock', () => {
	it('uses the seller SKU as the listing key, without a call', async () => {
		expect([...(await writerWith().resolveListings(['SKU-1']))]).toEqual([['SKU-1', { listingId: 'SKU-1' }]]);
		expect(sim.log).toHaveLength(0);
	});

	it('replaces fulfillment_availability per SKU, signed, with marketplace and product type', async () => {
		const results = await writerWith({ marketplaceIds: BR, productType: 'LUGGAGE' }).pushStock([update('SKU-1', 9), update('SKU 2', 0)]);
		expect(results).toEqual([{ sku: 'SKU-1', ok: true }, { sku: 'SKU 2', ok: true }]);
		expect(sim.quantityOf(SELLER, 'SKU-1')).toBe(9);
		expect(sim.quantityOf(SELLER, 'SKU 2')).toBe(0);
		const [first, second] = listingPatches();
		expect(first.method).toBe('PATCH');
		expect(first.path).toBe(`/listings/2021-08-01/items/${SELLER}/SKU-1`);
		expect(second.path).toBe(`/listings/2021-08-01/items/${SELLER}/SKU%202`);
		expect(first.query.get('marketplaceIds')).toBe(BR);
		expect(String(first.headers['x-amz-access-token'])).toMatch(/^Atza\|/);
		expect(first.body).toEqual({
			productType: 'LUGGAGE',
			patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 9 }] }],
		});
		expect((second.body as { productType: string }).productType).toBe('LUGGAGE');
	});

	it('turns an INVALID submission into that SKU’s failure, with the issue, and publishes the others', async () => {
		const results = await writerWith().pushStock([update('NOT-LISTED', 3), update('SKU-1', 4)]);
		expect(results[0]).toMatchObject({ sku: 'NOT-LISTED', ok: false });
		expect(results[0].error?.message).toMatch(/INVALID.*90000900: SKU NOT-LISTED is not a listing/);
		expect(results[1]).toEqual({ sku: 'SKU-1', ok: true });
		expect(sim.quantityOf(SELLER, 'SKU-1')).toBe(4);
		expect((listingPatches()[0].body as { productType: string }).productType).toBe('PRODUCT');
	});

	it('needs options.marketplaceIds for stock', async () => {
		await expect(writerWith({}).pushStock([update('SKU-1', 1)])).rejects.toThrow(/options\.marketplaceIds is required/);
	});
});

describe('Amazon writer: shipment', () => {
	const putOrder = () =>
		sim.put(
			amazonOrder({
				id: ORDER, lastUpdate: new Date(Date.now() - 3_600_000).toISOString(),
				items: [{ sku: 'SKU-1', quantity: 2, unitPrice: '10.00' }, { sku: 'SKU 2', quantity: 1, unitPrice: '5.00' }],
			}),
		);
	const stored = () => sim.orders.get(ORDER) as Record<string, any>;
	const shipment = { channelOrderId: ORDER, carrier: 'Correios', trackingCode: 'BR123456789BR', shippedAt: '2024-05-02T10:00:00.000Z' };

	it("reads the order with v2026 getOrder and confirms its unfulfilled items; the order becomes SHIPPED", async () => {
		putOrder();
		await writerWith().pushShipment!(shipment);
		const [lookup] = sim.requests(/\/orders\/2026-01-01\/orders\//);
		expect(lookup.path).toBe(`/orders/2026-01-01/orders/${ORDER}`);
		expect(lookup.query.get('includedData')).toBe(AMAZON_INCLUDED_DATA);
		expect(sim.requests(/\/orders\/v0\/orders\/[^/]+$|orderItems/)).toHaveLength(0);
		const [post] = sim.requests(/shipmentConfirmation$/);
		expect(post.path).toBe(`/orders/v0/orders/${ORDER}/shipmentConfirmation`);
		expect(post.body).toEqual({
			marketplaceId: BR,
			packageDetail: {
				// Correios is not on Amazon's published carrier list: "Other", the name in carrierName.
				packageReferenceId: '1', carrierCode: 'Other', carrierName: 'Correios', trackingNumber: 'BR123456789BR', shipDate: shipment.shippedAt,
				orderItems: [{ orderItemId: '17198765432100', quantity: 2 }, { orderItemId: '17198765432101', quantity: 1 }],
			},
		});
		expect(stored().fulfillment.fulfillmentStatus).toBe('SHIPPED');
	});

	it('confirms only what is still unfulfilled, as the next package of the order', async () => {
		putOrder();
		const items = stored().orderItems;
		// One unit of the first item already went out in package 1.
		Object.assign(items[0].fulfillment, { quantityFulfilled: 1, quantityUnfulfilled: 1 });
		stored().packages.push({ packageReferenceId: '1', packageItems: [{ orderItemId: items[0].orderItemId, quantity: 1 }] });
		await writerWith().pushShipment!(shipment);
		const [post] = sim.requests(/shipmentConfirmation$/);
		expect((post.body as any).packageDetail).toMatchObject({ packageReferenceId: '2', orderItems: [{ orderItemId: '17198765432100', quantity: 1 }, { orderItemId: '17198765432101', quantity: 1 }] });
	});

	it('sends nothing when every item is already confirmed (a retry after a lost answer)', async () => {
		putOrder();
		const w = writerWith();
		await w.pushShipment!(shipment);
		await w.pushShipment!(shipment);
		expect(sim.requests(/shipmentConfirmation$/)).toHaveLength(1);
		expect(sim.requests(/\/orders\/2026-01-01\/orders\//)).toHaveLength(2);
	});

	it('surfaces the 400 of a confirmation Amazon refuses (a code the account lists but Amazon does not) and retries a 429 once', async () => {
		putOrder();
		sim.injectFault({ kind: 'status', status: 429 }, /shipmentConfirmation$/);
		await expect(writerWith({ marketplaceIds: BR, carrierCodes: 'Correios' }).pushShipment!(shipment)).rejects.toMatchObject({ httpCode: 400 });
		expect(sim.requests(/shipmentConfirmation$/)).toHaveLength(2);
		expect(stored().fulfillment.fulfillmentStatus).toBe('UNSHIPPED');
	});

	it('an unknown order fails with the 404 of getOrder, before any confirmation', async () => {
		await expect(writerWith().pushShipment!(shipment)).rejects.toMatchObject({ name: 'ChannelHttpError', httpCode: 404 });
		expect(sim.requests(/shipmentConfirmation$/)).toHaveLength(0);
	});

	it('leaves invoice and cancellation out', () => {
		const w = writerWith();
		expect(w.pushInvoice).toBeUndefined();
		expect(w.cancelOrder).toBeUndefined();
	});
});
