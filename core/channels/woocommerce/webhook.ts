import { createHmac } from 'node:crypto';
import { header, idText, jsonBody, sha256Hex } from '../../webhooks/body';
import { verifyBase64Hmac } from '../../webhooks/signature';
import type { DeliveryRead, WebhookDelivery, WebhookReader, WebhookSecrets } from '../../webhooks/types';

/** The topics the node registers: a trashed order arrives as order.deleted (its status then reads "trash"). */
export const WOO_ORDER_TOPICS = ['order.created', 'order.updated', 'order.deleted'];

/**
 * The webhook secret when the credential sets none: derived from the consumer secret, so registration and
 * verification agree without storing anything (n8n's own trigger keeps a generated one in static data).
 */
export function wooWebhookSecret(credentialSecret: string | undefined, consumerSecret: string): string {
	if (credentialSecret && credentialSecret.trim() !== '') return credentialSecret;
	return createHmac('sha256', consumerSecret).update('n8n-nodes-oms webhook secret').digest('hex');
}

/**
 * WooCommerce (class-wc-webhook.php): X-WC-Webhook-Signature is the base64 HMAC-SHA256 of the JSON body with
 * the webhook's secret. Creating a webhook posts an unsigned form body `webhook_id=<id>` (deliver_ping) that
 * must be answered 200.
 *
 * X-WC-Webhook-Delivery-ID is wp_hash(webhook id + the current second): two deliveries of one webhook in the
 * same second share it. The event key is that id plus a digest of the body, so only a repeat of the same
 * delivery is a duplicate.
 */
export const wooCommerceWebhookReader: WebhookReader = {
	channel: 'woocommerce',

	handshake(delivery: WebhookDelivery): string | undefined {
		const body = delivery.rawBody.toString('utf8').trim();
		return /^webhook_id=\d+$/.test(body) && header(delivery, 'x-wc-webhook-signature') === undefined ? 'WooCommerce webhook ping' : undefined;
	},

	authenticate(delivery: WebhookDelivery, secrets: WebhookSecrets): boolean {
		return verifyBase64Hmac(delivery.rawBody, secrets.secret ?? '', header(delivery, 'x-wc-webhook-signature'));
	},

	read(delivery: WebhookDelivery): DeliveryRead {
		const topic = header(delivery, 'x-wc-webhook-topic') ?? '';
		if (header(delivery, 'x-wc-webhook-resource') !== 'order' || !topic.startsWith('order.')) return { ignore: `WooCommerce topic "${topic}" is not about orders` };
		const body = jsonBody(delivery);
		const id = body && idText(body.id);
		if (!body || !id) return { ignore: `WooCommerce ${topic} body names no order id` };
		const deliveryId = header(delivery, 'x-wc-webhook-delivery-id');
		const eventId = deliveryId ? `${deliveryId}:${sha256Hex(delivery.rawBody).slice(0, 32)}` : undefined;
		// order.deleted (and anything without lines) carries only the id: the order is read from the API.
		const full = Array.isArray(body.line_items) && header(delivery, 'x-wc-webhook-event') !== 'deleted';
		return { eventId, channelOrderId: id, topic, ...(full ? { order: body } : {}) };
	},
};
