import { idText, jsonBody, rawId, sameAccount, header } from '../../webhooks/body';
import { verifyHexHmac } from '../../webhooks/signature';
import type { DeliveryRead, WebhookDelivery, WebhookReader, WebhookSecrets } from '../../webhooks/types';

/** The order events the node registers (one webhook per event). */
export const NUVEMSHOP_ORDER_EVENTS = ['order/created', 'order/updated', 'order/paid', 'order/packed', 'order/fulfilled', 'order/cancelled'];

/**
 * Nuvemshop / Tiendanube (TiendaNube/api-docs resources/webhook.md): X-Linkedstore-HMAC-SHA256 is the hex
 * HMAC-SHA256 of the body with the app's secret; the body is only `{store_id, event, id}`. One app secret
 * signs every store the app is installed on, so store_id must be the credential's store.
 *
 * No event id: the same body is sent for every update of an order, so a key built from it would hide the
 * next real update. Deliveries are de-duplicated on the order version read afterwards instead.
 */
export const nuvemshopWebhookReader: WebhookReader = {
	channel: 'nuvemshop',

	authenticate(delivery: WebhookDelivery, secrets: WebhookSecrets): boolean {
		const signed = verifyHexHmac(delivery.rawBody, secrets.secret ?? '', header(delivery, 'x-linkedstore-hmac-sha256'));
		const body = signed ? jsonBody(delivery) : undefined;
		return signed && body !== undefined && sameAccount(rawId(delivery, body, 'store_id'), secrets.account);
	},

	read(delivery: WebhookDelivery): DeliveryRead {
		const body = jsonBody(delivery);
		const event = typeof body?.event === 'string' ? body.event : '';
		if (!event.startsWith('order/')) return { ignore: `Nuvemshop event "${event}" is not about orders` };
		const id = body && (rawId(delivery, body, 'id') ?? idText(body.id));
		if (!id) return { ignore: `Nuvemshop ${event} names no order id` };
		return { channelOrderId: id, topic: event };
	},
};
