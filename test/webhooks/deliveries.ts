import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookDelivery } from '../../core/webhooks/types';

/** Test deliveries built the way each channel signs them (headers lower-cased, as Node hands them over). */

export const published = (channel: string, name: string): string => readFileSync(join(__dirname, '../fixtures/published', channel, name), 'utf8');
export const publishedJson = <T = Record<string, unknown>>(channel: string, name: string): T => JSON.parse(published(channel, name)) as T;

export function delivery(body: string | Buffer, headers: Record<string, string | undefined> = {}): WebhookDelivery {
	const lower: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers)) if (v !== undefined) lower[k.toLowerCase()] = v;
	return { rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), headers: lower };
}

export const hmacBase64 = (secret: string, body: string | Buffer): string => createHmac('sha256', secret).update(body).digest('base64');
export const hmacHex = (secret: string, body: string | Buffer): string => createHmac('sha256', secret).update(body).digest('hex');

/** A Shopify delivery of `order` (REST-shaped) for `shop`, signed with the app's client secret. */
export function shopifyDelivery(order: unknown, o: { secret: string; shop: string; topic?: string; eventId?: string }): WebhookDelivery {
	const body = JSON.stringify(order);
	return delivery(body, {
		'X-Shopify-Topic': o.topic ?? 'orders/updated',
		'X-Shopify-Hmac-Sha256': hmacBase64(o.secret, body),
		'X-Shopify-Shop-Domain': o.shop,
		'X-Shopify-API-Version': '2026-01',
		'X-Shopify-Webhook-Id': `wh-${o.eventId ?? 'x'}`,
		'X-Shopify-Event-Id': o.eventId,
	});
}

/** A WooCommerce delivery as class-wc-webhook.php deliver() sends it (body = trimmed wp_json_encode). */
export function wooDelivery(order: unknown, o: { secret: string; topic?: string; deliveryId?: string }): WebhookDelivery {
	const body = JSON.stringify(order);
	const [resource, event] = (o.topic ?? 'order.updated').split('.');
	return delivery(body, {
		'Content-Type': 'application/json',
		'X-WC-Webhook-Source': 'https://shop.example.com/',
		'X-WC-Webhook-Topic': o.topic ?? 'order.updated',
		'X-WC-Webhook-Resource': resource,
		'X-WC-Webhook-Event': event,
		'X-WC-Webhook-Signature': hmacBase64(o.secret, body),
		'X-WC-Webhook-ID': '31',
		'X-WC-Webhook-Delivery-ID': o.deliveryId ?? 'c2e0bd2b0ad0c0c15f7f8d6c1a5c8e4b',
	});
}

/** A Nuvemshop notification {store_id, event, id} signed (hex) with the app secret. */
export function nuvemshopDelivery(body: { store_id: number | string; event: string; id: number | string }, secret: string): WebhookDelivery {
	const raw = JSON.stringify(body);
	return delivery(raw, { 'Content-Type': 'application/json', 'X-Linkedstore-HMAC-SHA256': hmacHex(secret, raw) });
}
