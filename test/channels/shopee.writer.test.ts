import { createHmac } from 'node:crypto';
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { shopeeSign, withShopeeSigning } from '../../core/channels/shopee/api';
import { createShopeeWriter } from '../../core/channels/shopee/writer';
import { createFetchTransport } from '../../core/http/transport';
import { ShopeeOmsApi } from '../../credentials/ShopeeOmsApi.credentials';
import { ShopeeSimulator, shopeeOrder } from '../simulators/shopee';
import { oneListing, tinyRetry } from './helpers/channel-test';
import { SHOPEE_KEYS } from './conformance/drivers/shopee';

let sim: ShopeeSimulator;
beforeEach(async () => {
	sim = new ShopeeSimulator(SHOPEE_KEYS);
	await sim.start();
});
afterEach(() => sim.stop());

const writer = () =>
	createShopeeWriter({
		transport: withShopeeSigning(createFetchTransport({}, 5000), SHOPEE_KEYS, () => sim.token0()),
		baseUrl: sim.baseUrl,
		account: SHOPEE_KEYS.shopId,
		retry: tinyRetry(2).retry,
	});

describe('Shopee signature and writer', () => {
	it('signs as documented: HMAC-SHA256 of partner_id + path + timestamp (+ access_token + shop_id)', () => {
		const keys = { partnerId: '2001887', partnerKey: 'k', shopId: '322300222' };
		expect(shopeeSign(keys, '/api/v2/order/get_order_list', 1610000000, 'tok')).toBe(
			createHmac('sha256', 'k').update('2001887/api/v2/order/get_order_list1610000000tok322300222').digest('hex'),
		);
		expect(shopeeSign(keys, '/api/v2/auth/token/get', 1610000000)).toBe(
			createHmac('sha256', 'k').update('2001887/api/v2/auth/token/get1610000000').digest('hex'),
		);
	});

	it("cancels an order Shopee still lets the seller cancel (CUSTOMER_REQUEST by default); a shipped one is refused with Shopee's message", async () => {
		sim.put(shopeeOrder({ sn: 'A1', updatedAt: '2026-03-10T14:00:00Z' }), shopeeOrder({ sn: 'S1', updatedAt: '2026-03-10T14:00:00Z', status: 'SHIPPED' }));
		await writer().cancelOrder!({ channelOrderId: 'A1', reason: 'anything' });
		expect(sim.requests(/cancel_order$/)[0].body).toEqual({ order_sn: 'A1', cancel_reason: 'CUSTOMER_REQUEST' });
		expect(sim.orders.get('A1')?.order_status).toBe('IN_CANCEL');
		await expect(writer().cancelOrder!({ channelOrderId: 'S1', reason: 'COD_NOT_SUPPORTED' })).rejects.toThrow(/error_param.*can not be cancelled/);
		expect(sim.requests(/cancel_order$/)[1].body).toMatchObject({ cancel_reason: 'COD_NOT_SUPPORTED' });
	});

	it("has no shipment write (Shopee's logistics issue the tracking)", () => {
		expect(writer().pushShipment).toBeUndefined();
	});

	it('finds a variation by model_sku and an item without variations as model 0; a model in failure_list is refused', async () => {
		sim.putItem(501, 'CAMISETA', [{ id: 9001, sku: 'CAM-P', stock: 1 }]).putItem(502, 'CANECA', [{ id: 0, sku: 'CANECA', stock: 3 }]);
		const found = await writer().resolveListings(['CAM-P', 'CANECA', 'NADA']);
		expect(Object.fromEntries(found)).toEqual({ 'CAM-P': { listingId: '501', variantId: '9001' }, CANECA: { listingId: '502', variantId: '0' } });
		const results = await writer().pushStock([
			{ sku: 'CAM-P', quantity: 7, listing: oneListing(found.get('CAM-P')) },
			{ sku: 'X', quantity: 1, listing: { listingId: '501', variantId: '12345' } },
		]);
		expect(results).toEqual([
			{ sku: 'CAM-P', ok: true },
			expect.objectContaining({ sku: 'X', ok: false, error: expect.objectContaining({ message: expect.stringContaining('model not found') }) }),
		]);
		expect(sim.stockOf('CAM-P')).toBe(7);
	});
});

describe('ShopeeOmsApi credential', () => {
	const helper = {
		helpers: {
			httpRequest: async (o: IHttpRequestOptions) => {
				const url = new URL(o.url);
				for (const [k, v] of Object.entries(o.qs ?? {})) url.searchParams.set(k, String(v));
				const res = await fetch(url, { method: o.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(o.body) });
				if (!res.ok) throw new Error(`HTTP ${res.status}`);
				return res.json();
			},
		},
	} as unknown as IHttpRequestHelper;

	it('exchanges the code, then renews with the refresh token; a wrong code fails; the test request is signed', async () => {
		const cred = new ShopeeOmsApi();
		const base = { ...SHOPEE_KEYS, baseUrl: sim.baseUrl, refreshToken: '' };
		const first = await cred.preAuthentication.call(helper, base);
		expect(first).toEqual({ accessToken: 'ACCESS_1', refreshToken: 'REFRESH_1' });
		expect(sim.requests(/token\/get$/)[0].body).toEqual({ partner_id: 2001887, shop_id: 322300222, code: 'auth-code' });
		expect(await cred.preAuthentication.call(helper, { ...base, ...first })).toEqual({ accessToken: 'ACCESS_2', refreshToken: 'REFRESH_2' });
		await expect(cred.preAuthentication.call(helper, { ...base, code: 'wrong' })).rejects.toThrow(/403/);
		const signed = await cred.authenticate({ ...base, accessToken: 'ACCESS_2' }, { url: cred.test.request.url!, baseURL: sim.baseUrl });
		const url = new URL(`${sim.baseUrl}${cred.test.request.url}`);
		for (const [k, v] of Object.entries(signed.qs ?? {})) url.searchParams.set(k, String(v));
		expect((await fetch(url)).status).toBe(200);
		url.searchParams.set('sign', '0'.repeat(64));
		expect((await fetch(url)).status).toBe(403);
	});
});
