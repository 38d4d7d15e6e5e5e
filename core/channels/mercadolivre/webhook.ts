import { idText, jsonBody, rawId, sameAccount } from '../../webhooks/body';
import type { DeliveryRead, WebhookDelivery, WebhookReader, WebhookSecrets } from '../../webhooks/types';

const ORDER_RESOURCE = /^\/orders\/(\d+)$/;

/**
 * Mercado Livre notifications (developers.mercadolibre.com.ar/en_us/products-receive-notifications) are not
 * signed. A notification is taken only when it names this application (application_id = the OAuth client
 * id) and this seller (user_id), and only as a pointer: the order is then read with the seller's token, so a
 * forged one can at most make the node re-read an order of this seller. ML's ids exceed 2^53, so they are
 * compared by their digits in the raw body.
 *
 * Event key: the notification's `_id` (`id` on some topics), kept across ML's retries.
 */
export const mercadoLivreWebhookReader: WebhookReader = {
	channel: 'mercadolivre',

	authenticate(delivery: WebhookDelivery, secrets: WebhookSecrets): boolean {
		const body = jsonBody(delivery);
		if (!body || typeof body.resource !== 'string' || typeof body.topic !== 'string') return false;
		return sameAccount(rawId(delivery, body, 'user_id'), secrets.account) && sameAccount(rawId(delivery, body, 'application_id'), secrets.appId);
	},

	read(delivery: WebhookDelivery): DeliveryRead {
		const body = jsonBody(delivery);
		const topic = typeof body?.topic === 'string' ? body.topic : '';
		if (topic !== 'orders_v2') return { ignore: `Mercado Livre topic "${topic}" is not orders_v2` };
		const m = ORDER_RESOURCE.exec(String(body?.resource ?? '').trim());
		if (!body || !m) return { ignore: `Mercado Livre orders_v2 resource "${String(body?.resource)}" is not /orders/{id}` };
		return { eventId: idText(body._id) ?? idText(body.id), channelOrderId: m[1], topic };
	},
};
