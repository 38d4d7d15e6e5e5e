import { header, jsonBody, sameAccount } from '../../webhooks/body';
import { verifyBase64Hmac } from '../../webhooks/signature';
import type { DeliveryRead, WebhookDelivery, WebhookReader, WebhookSecrets } from '../../webhooks/types';
import { legacyId } from './normalize';

/**
 * Order topics whose body is the order itself (REST-shaped, at the subscription's API version). Others
 * (orders/edited carries an order edit, orders/delete only an id, refunds/create a refund) are not orders.
 */
export const SHOPIFY_ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled'];

/**
 * Shopify: X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the raw body with the app's client secret.
 * One app (one secret) may be installed on several shops, so the shop named in X-Shopify-Shop-Domain must
 * also be the credential's. X-Shopify-Event-Id is the same on every delivery of one event (Shopify's
 * documented duplicate test); X-Shopify-Webhook-Id stands in for deliveries that predate it.
 */
export const shopifyWebhookReader: WebhookReader = {
	channel: 'shopify',

	authenticate(delivery: WebhookDelivery, secrets: WebhookSecrets): boolean {
		const signed = verifyBase64Hmac(delivery.rawBody, secrets.secret ?? '', header(delivery, 'x-shopify-hmac-sha256'));
		return signed && sameAccount(header(delivery, 'x-shopify-shop-domain'), secrets.account);
	},

	read(delivery: WebhookDelivery): DeliveryRead {
		const topic = header(delivery, 'x-shopify-topic') ?? '';
		if (!SHOPIFY_ORDER_TOPICS.includes(topic)) return { ignore: `Shopify topic "${topic}" does not carry an order` };
		const body = jsonBody(delivery);
		const id = body && legacyId(body);
		if (!body || !id) return { ignore: `Shopify ${topic} body names no order id` };
		const eventId = header(delivery, 'x-shopify-event-id') ?? header(delivery, 'x-shopify-webhook-id');
		return { eventId, channelOrderId: id, order: body, topic };
	},
};
