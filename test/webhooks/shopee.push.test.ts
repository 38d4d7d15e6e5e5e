import type { IHttpRequestOptions } from 'n8n-workflow';
import { shopeePushSignature, shopeeWebhookReader } from '../../core/channels/shopee/webhook';
import { closeSharedStores } from '../../core/store/open';
import { isIgnored, type DeliveredOrder, type DeliveryRead } from '../../core/webhooks/types';
import { ShopeeOmsApi } from '../../credentials/ShopeeOmsApi.credentials';
import { SHOPEE_KEYS } from '../channels/conformance/drivers/shopee';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { ShopeeSimulator, shopeeOrder } from '../simulators/shopee';
import { delivery, published } from './deliveries';
import { webhookTrigger } from './trigger-helpers';

/**
 * Shopee push (order status, code 3) on the published sample: test/fixtures/published/shopee/push-order-status.json,
 * the sample of https://open.shopee.com/developer-guide/18 as quoted in
 * https://qmatrix.space/callback-url-la-gi-shopee-webhook-api/ (see that folder's SOURCES.md). Signature as
 * minchao/shopee-php@3c99ea10 src/SignatureGenerator.php computes it: hex HMAC-SHA256(partner key, url|body).
 */

afterAll(() => closeSharedStores());

const URL = 'https://n8n.example.com/webhook/f0e1d2c3/webhook';
const KEY = 'partner-key-test';
const sample = published('shopee', 'push-order-status.json');
const signed = (body: string, o: { url?: string; key?: string } = {}) =>
	delivery(body, { 'Content-Type': 'application/json', Authorization: shopeePushSignature(o.key ?? KEY, o.url ?? URL, Buffer.from(body, 'utf8')) });
const withUrls = (d: ReturnType<typeof delivery>, urls = [URL]) => ({ ...d, urls });
const order = (read: DeliveryRead): DeliveredOrder => {
	if (isIgnored(read)) throw new Error(`ignored: ${read.ignore}`);
	return read;
};

describe('Shopee push reader', () => {
	const secrets = { account: '30011', secret: KEY };

	it('the published order status push, signed over the callback URL and the raw body: the order it names', () => {
		const d = withUrls(signed(sample));
		expect(shopeeWebhookReader.handshake!(d)).toBeUndefined();
		expect(shopeeWebhookReader.authenticate(d, secrets)).toBe(true);
		expect(order(shopeeWebhookReader.read(d))).toEqual({ eventId: '30011:2112132KAD867D:READY_TO_SHIP:1639390316', channelOrderId: '2112132KAD867D', topic: 'order_status_push READY_TO_SHIP' });
	});

	it('refused: another key, another URL, a changed byte, another shop, no or a malformed header, no URL to check against', () => {
		expect(shopeeWebhookReader.authenticate(withUrls(signed(sample, { key: 'other-key' })), secrets)).toBe(false);
		expect(shopeeWebhookReader.authenticate(withUrls(signed(sample, { url: `${URL}/` })), secrets)).toBe(false);
		const tampered = { ...withUrls(signed(sample)), rawBody: Buffer.from(sample.replace('READY_TO_SHIP', 'CANCELLED'), 'utf8') };
		expect(shopeeWebhookReader.authenticate(tampered, secrets)).toBe(false);
		// The same app (one partner key) pushes for every shop that authorised it: the shop decides.
		expect(shopeeWebhookReader.authenticate(withUrls(signed(sample)), { ...secrets, account: '30012' })).toBe(false);
		expect(shopeeWebhookReader.authenticate(withUrls(delivery(sample)), secrets)).toBe(false);
		expect(shopeeWebhookReader.authenticate(withUrls(delivery(sample, { Authorization: 'not-hex' })), secrets)).toBe(false);
		expect(shopeeWebhookReader.authenticate(signed(sample), secrets)).toBe(false);
		expect(shopeeWebhookReader.authenticate(withUrls(signed(sample)), { ...secrets, secret: '' })).toBe(false);
	});

	it('the production or the test URL may have been signed; other push codes are ignored; an empty body is the URL check', () => {
		const test = 'https://n8n.example.com/webhook-test/f0e1d2c3/webhook';
		expect(shopeeWebhookReader.authenticate(withUrls(signed(sample, { url: test }), [URL, test]), secrets)).toBe(true);
		const tracking = sample.replace('"code": 3', '"code": 4');
		expect(shopeeWebhookReader.read(withUrls(signed(tracking)))).toEqual({ ignore: 'Shopee push code 4 is not the order status push (3)' });
		expect(shopeeWebhookReader.handshake!(delivery(''))).toBe('Shopee callback URL check (empty body)');
	});
});

describe('Shopee push through the OMS Order Webhook Trigger', () => {
	const cred = new ShopeeOmsApi();
	let sim: ShopeeSimulator;
	let trigger: WebhookHarness;
	beforeEach(async () => {
		sim = new ShopeeSimulator(SHOPEE_KEYS);
		await sim.start();
		trigger = webhookTrigger({
			parameters: { channel: 'shopee' },
			credentialType: 'shopeeOmsApi',
			credentials: { ...SHOPEE_KEYS, baseUrl: `${sim.baseUrl}/`, accessToken: sim.token0(), refreshToken: '' },
			authenticate: (c, req) => cred.authenticate(c, req) as unknown as IHttpRequestOptions,
		});
	});
	afterEach(async () => {
		await trigger.close();
		await sim.stop();
	});

	/** The published push for this shop and order, signed for the node's URL. */
	const push = (sn: string, o: { key?: string; status?: string } = {}) =>
		signed(sample.replace('30011', SHOPEE_KEYS.shopId).replace('2112132KAD867D', sn).replace('READY_TO_SHIP', o.status ?? 'READY_TO_SHIP'), { url: trigger.url, key: o.key ?? SHOPEE_KEYS.partnerKey });

	it('a signed push reads the order with get_order_detail and emits it; its repeat emits nothing', async () => {
		sim.put(shopeeOrder({ sn: '2603PUSH00001', updatedAt: '2026-11-20T14:05:40Z', status: 'READY_TO_SHIP' }));
		expect(await trigger.activate()).toBe(true);
		const first = await trigger.deliver(push('2603PUSH00001'));
		expect(first.status).toBe(200);
		expect(first.items).toEqual([expect.objectContaining({ channel: 'shopee', account: SHOPEE_KEYS.shopId, channelOrderId: '2603PUSH00001', lines: [expect.objectContaining({ sku: 'CAM-AZ-M', quantity: 2 })] })]);
		expect(sim.requests(/get_order_detail$/)).toHaveLength(1);
		expect(await trigger.deliver(push('2603PUSH00001'))).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests(/get_order_detail$/)).toHaveLength(1);
	});

	it('forged (another key), for another shop or unsigned: 401, nothing queued and no request to Shopee', async () => {
		sim.put(shopeeOrder({ sn: '2603PUSH00002', updatedAt: '2026-11-20T14:05:40Z', status: 'CANCELLED' }));
		expect(await trigger.deliver(push('2603PUSH00002', { key: 'forged-key', status: 'CANCELLED' }))).toMatchObject({ status: 401, items: undefined });
		const otherShop = sample.replace('2112132KAD867D', '2603PUSH00002');
		expect(await trigger.deliver(signed(otherShop, { url: trigger.url, key: SHOPEE_KEYS.partnerKey }))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.deliver(delivery(sample.replace('30011', SHOPEE_KEYS.shopId)))).toMatchObject({ status: 401, items: undefined });
		expect(await trigger.settle()).toEqual([]);
		expect(sim.requests()).toEqual([]);
	});
});
