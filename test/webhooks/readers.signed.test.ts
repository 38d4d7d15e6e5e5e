import { normalizeShopifyOrder } from '../../core/channels/shopify/normalize';
import { shopifyWebhookReader } from '../../core/channels/shopify/webhook';
import { normalizeWooOrder } from '../../core/channels/woocommerce/normalize';
import { wooCommerceWebhookReader, wooWebhookSecret } from '../../core/channels/woocommerce/webhook';
import { nuvemshopWebhookReader } from '../../core/channels/nuvemshop/webhook';
import { isIgnored, type DeliveredOrder, type DeliveryRead } from '../../core/webhooks/types';
import { delivery, hmacBase64, hmacHex, nuvemshopDelivery, published, publishedJson, shopifyDelivery, wooDelivery } from './deliveries';

/** Readers of the channels that sign their deliveries, on the payloads and vectors the channels published. */

const order = (read: DeliveryRead): DeliveredOrder => {
	if (isIgnored(read)) throw new Error(`ignored: ${read.ignore}`);
	return read;
};

describe('Shopify deliveries', () => {
	/**
	 * Shopify/shopify-app-js@ef2043d4a8c4ca0adb9020d76090b2fb94979dab packages/apps/shopify-api/lib/webhooks/
	 * __tests__/validate.test.ts "returns true for valid request": apiSecretKey test_secret_key (lib/__tests__/
	 * test-config.ts), rawBody '{"foo": "bar"}', headers() of __tests__/utils.ts and the hmac it asserts.
	 */
	const vector = publishedJson<{ apiSecretKey: string; rawBody: string; headers: Record<string, string> }>('shopify', 'webhook-hmac-vector.json');
	const vectorDelivery = delivery(vector.rawBody, vector.headers);

	it("Shopify's own HMAC test vector verifies, and only with its secret and shop", () => {
		expect(shopifyWebhookReader.authenticate(vectorDelivery, { account: 'shop1.myshopify.io', secret: vector.apiSecretKey })).toBe(true);
		expect(shopifyWebhookReader.authenticate(vectorDelivery, { account: 'SHOP1.myshopify.io', secret: vector.apiSecretKey })).toBe(true);
		expect(shopifyWebhookReader.authenticate(vectorDelivery, { account: 'shop1.myshopify.io', secret: 'another_secret' })).toBe(false);
		// The same app installed on another shop signs with the same secret: the shop header decides.
		expect(shopifyWebhookReader.authenticate(vectorDelivery, { account: 'other.myshopify.com', secret: vector.apiSecretKey })).toBe(false);
		expect(shopifyWebhookReader.authenticate(delivery('{"foo": "baz"}', vector.headers), { account: 'shop1.myshopify.io', secret: vector.apiSecretKey })).toBe(false);
		const unsigned = { ...vector.headers, 'X-Shopify-Hmac-Sha256': undefined };
		expect(shopifyWebhookReader.authenticate(delivery(vector.rawBody, unsigned), { account: 'shop1.myshopify.io', secret: vector.apiSecretKey })).toBe(false);
		expect(shopifyWebhookReader.authenticate(vectorDelivery, { account: 'shop1.myshopify.io', secret: '' })).toBe(false);
	});

	it('the vector is a products/create delivery: ignored, not an order', () => {
		expect(shopifyWebhookReader.read(vectorDelivery)).toEqual({ ignore: 'Shopify topic "products/create" does not carry an order' });
	});

	/**
	 * Webhooks deliver the REST resource at the subscription's API version; the body is Shopify's published
	 * REST order of GET orders/450789469 (shopify-app-js@ef2043d4 rest/admin/__tests__/2026-01/order.test.ts
	 * test_8), unwrapped from {"order": …} as webhooks send it.
	 */
	const restOrder = (publishedJson('shopify', 'rest-order-450789469-partially-refunded.json') as { order: Record<string, unknown> }).order;
	const secrets = { account: 'jsmith.myshopify.com', secret: 'shpss_client_secret' };

	it('an orders/updated delivery: authenticated, the full order and its event id', () => {
		const d = shopifyDelivery(restOrder, { ...secrets, shop: secrets.account, eventId: 'evt-1' });
		expect(shopifyWebhookReader.authenticate(d, secrets)).toBe(true);
		const read = order(shopifyWebhookReader.read(d));
		expect(read).toMatchObject({ eventId: 'evt-1', channelOrderId: '450789469', topic: 'orders/updated' });
		const canonical = normalizeShopifyOrder(read.order, secrets.account);
		expect(canonical).toMatchObject({ channelOrderId: '450789469', currency: 'USD', status: 'paid', totals: { itemsCents: 19900, discountCents: 333, totalCents: 19965 } });
		expect(canonical.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([['IPOD2008RED', 1, 19900]]);
	});

	it('a tampered body, another secret or another shop is refused; other topics are ignored', () => {
		const d = shopifyDelivery(restOrder, { ...secrets, shop: secrets.account, eventId: 'evt-1' });
		const tampered = delivery(d.rawBody.toString().replace('"IPOD2008RED"', '"IPOD2008REX"'), d.headers as Record<string, string>);
		expect(shopifyWebhookReader.authenticate(tampered, secrets)).toBe(false);
		expect(shopifyWebhookReader.authenticate(shopifyDelivery(restOrder, { secret: 'forger', shop: secrets.account }), secrets)).toBe(false);
		expect(shopifyWebhookReader.authenticate(shopifyDelivery(restOrder, { ...secrets, shop: 'evil.myshopify.com' }), secrets)).toBe(false);
		expect(shopifyWebhookReader.read(shopifyDelivery(restOrder, { ...secrets, shop: secrets.account, topic: 'orders/edited' }))).toEqual({
			ignore: 'Shopify topic "orders/edited" does not carry an order',
		});
	});
});

describe('WooCommerce deliveries', () => {
	/**
	 * Headers: woocommerce/woocommerce-rest-api-docs@13d61967 source/includes/wp-api-v3/_webhooks.md,
	 * "Delivery/payload" (their example values); signature, delivery id and ping: woocommerce/woocommerce@00e1bc4d
	 * plugins/woocommerce/includes/class-wc-webhook.php deliver(), generate_signature(), deliver_ping().
	 * Body: the first order of the docs' "List all orders" response (wp-api-v3-list-orders.json): "the
	 * response is exactly the same as if requested via the REST API".
	 */
	const documented = publishedJson<Record<string, string>>('woocommerce', 'webhook-headers.json');
	const [listed] = publishedJson<Array<Record<string, unknown>>>('woocommerce', 'wp-api-v3-list-orders.json');
	const secret = 'woo-webhook-secret';
	const body = JSON.stringify(listed);
	const signed = delivery(body, { ...documented, 'X-WC-Webhook-ID': '31', 'X-WC-Webhook-Delivery-ID': 'ab12', 'X-WC-Webhook-Signature': hmacBase64(secret, body) });

	it('a documented order.updated delivery: authenticated, the full order, keyed on delivery id and body', () => {
		expect(wooCommerceWebhookReader.authenticate(signed, { account: 'shop', secret })).toBe(true);
		const read = order(wooCommerceWebhookReader.read(signed));
		expect(read.channelOrderId).toBe('727');
		expect(read.eventId).toMatch(/^ab12:[0-9a-f]{32}$/);
		const canonical = normalizeWooOrder(read.order, 'shop');
		expect(canonical).toMatchObject({ channelOrderId: '727', status: 'paid', currency: 'USD' });
		expect(canonical.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([[undefined, 2, 300], ['Bar3', 1, 1200]]);
	});

	it('the same delivery id on another body (same webhook, same second) is another event', () => {
		const other = JSON.stringify({ ...listed, status: 'completed' });
		const second = delivery(other, { ...documented, 'X-WC-Webhook-Delivery-ID': 'ab12', 'X-WC-Webhook-Signature': hmacBase64(secret, other) });
		expect(order(wooCommerceWebhookReader.read(second)).eventId).not.toBe(order(wooCommerceWebhookReader.read(signed)).eventId);
	});

	it('forged, tampered or unsigned deliveries are refused', () => {
		expect(wooCommerceWebhookReader.authenticate(signed, { account: 'shop', secret: 'another' })).toBe(false);
		expect(wooCommerceWebhookReader.authenticate(delivery(body.replace('"Bar3"', '"Bar4"'), signed.headers as Record<string, string>), { account: 'shop', secret })).toBe(false);
		expect(wooCommerceWebhookReader.authenticate(delivery(body, documented), { account: 'shop', secret })).toBe(false);
	});

	it("deliver_ping's unsigned `webhook_id=<id>` form body is a handshake; a signed order is not", () => {
		expect(wooCommerceWebhookReader.handshake!(delivery('webhook_id=31', { 'Content-Type': 'application/x-www-form-urlencoded' }))).toBe('WooCommerce webhook ping');
		expect(wooCommerceWebhookReader.handshake!(signed)).toBeUndefined();
	});

	it('order.deleted carries only the id: a pointer; other resources are ignored', () => {
		const deleted = wooDelivery({ id: 727 }, { secret, topic: 'order.deleted' });
		expect(wooCommerceWebhookReader.authenticate(deleted, { account: 'shop', secret })).toBe(true);
		const read = order(wooCommerceWebhookReader.read(deleted));
		expect(read).toMatchObject({ channelOrderId: '727', topic: 'order.deleted' });
		expect(read.order).toBeUndefined();
		expect(wooCommerceWebhookReader.read(wooDelivery({ id: 22 }, { secret, topic: 'product.updated' }))).toEqual({ ignore: 'WooCommerce topic "product.updated" is not about orders' });
	});

	it('without a webhook secret in the credential, one is derived from the consumer secret', () => {
		expect(wooWebhookSecret('set-by-user', 'cs_1')).toBe('set-by-user');
		expect(wooWebhookSecret('', 'cs_1')).toMatch(/^[0-9a-f]{64}$/);
		expect(wooWebhookSecret(undefined, 'cs_1')).toBe(wooWebhookSecret('', 'cs_1'));
		expect(wooWebhookSecret(undefined, 'cs_2')).not.toBe(wooWebhookSecret(undefined, 'cs_1'));
	});
});

describe('Nuvemshop deliveries', () => {
	/**
	 * Body: https://dev.nuvemshop.com.br/en/docs/erp-guide/orders/webhooks "Example Notification Payload"
	 * (order/created); the product one: TiendaNube/api-docs@0bad3276 resources/webhook.md "Example webhook
	 * content" (written there with single quotes; stored as JSON). Signature: the same page, "Verifying a
	 * webhook": hash_hmac('sha256', body, APP_SECRET), hex, in X-Linkedstore-HMAC-SHA256.
	 */
	const raw = published('nuvemshop', 'webhook-order-created.json');
	const secret = 'app-secret';
	const signed = delivery(raw, { 'X-Linkedstore-HMAC-SHA256': hmacHex(secret, raw) });

	it('the documented order/created notification: authenticated for its store, a pointer to the order', () => {
		expect(nuvemshopWebhookReader.authenticate(signed, { account: '5665778', secret })).toBe(true);
		expect(nuvemshopWebhookReader.read(signed)).toEqual({ channelOrderId: '1639882221', topic: 'order/created' });
	});

	it('another store (same app secret), another secret or a tampered body is refused', () => {
		expect(nuvemshopWebhookReader.authenticate(signed, { account: '123', secret })).toBe(false);
		expect(nuvemshopWebhookReader.authenticate(signed, { account: '5665778', secret: 'other' })).toBe(false);
		const tampered = delivery(raw.replace('1639882221', '1639882222'), signed.headers as Record<string, string>);
		expect(nuvemshopWebhookReader.authenticate(tampered, { account: '5665778', secret })).toBe(false);
		expect(nuvemshopWebhookReader.authenticate(delivery(raw), { account: '5665778', secret })).toBe(false);
		expect(nuvemshopWebhookReader.authenticate(nuvemshopDelivery({ store_id: 5665778, event: 'order/paid', id: 1 }, secret), { account: '5665778', secret })).toBe(true);
	});

	it('product events are ignored', () => {
		const product = published('nuvemshop', 'webhook-product-created.json');
		const d = delivery(product, { 'X-Linkedstore-HMAC-SHA256': hmacHex(secret, product) });
		expect(nuvemshopWebhookReader.authenticate(d, { account: '123', secret })).toBe(true);
		expect(nuvemshopWebhookReader.read(d)).toEqual({ ignore: 'Nuvemshop event "product/created" is not about orders' });
	});
});
