import { idText, jsonBody, rawId, sameAccount } from '../../webhooks/body';
import type { DeliveryRead, WebhookDelivery, WebhookReader, WebhookSecrets } from '../../webhooks/types';
import { claimRef } from './claims';

const ORDER_RESOURCE = /^\/orders\/(\d+)$/;
/**
 * A claim notification's resource: `/post-purchase/v1/claims/{id}` (ML's page prints it without the leading
 * slash, and says the `/post-purchase` prefix was added later: the older `/v1/claims/{id}`, `/claims/{id}` too).
 */
const CLAIM_RESOURCE = /^\/?(?:post-purchase\/)?(?:v1\/)?claims\/(\d+)$/;
/** `post_purchase` (actions `claims` / `claims_actions`: the same resource); `claims` is the topic's older name. */
const CLAIM_TOPICS = new Set(['post_purchase', 'claims']);

/**
 * Mercado Livre notifications (developers.mercadolibre.com.ar/en_us/products-receive-notifications) are not
 * signed. A notification is taken only when it names this application (application_id = the OAuth client
 * id) and this seller (user_id), and only as a pointer: the order is then read with the seller's token, so a
 * forged one can at most make the node re-read an order of this seller. ML's ids exceed 2^53, so they are
 * compared by their digits in the raw body.
 *
 * Topics: `orders_v2` names the order; `post_purchase` (claims) names a claim, queued as `claim:<id>` and read
 * through the claim to its order (claims.ts), so a return reaches the order within seconds.
 * Event key: the notification's `_id` (`id` on some topics, e.g. post_purchase), kept across ML's retries.
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
		const resource = String(body?.resource ?? '').trim();
		const eventId = idText(body?._id) ?? idText(body?.id);
		if (CLAIM_TOPICS.has(topic)) {
			const claim = CLAIM_RESOURCE.exec(resource);
			if (!claim) return { ignore: `Mercado Livre ${topic} resource "${resource}" is not /post-purchase/v1/claims/{id}` };
			return { eventId, channelOrderId: claimRef(claim[1]), topic };
		}
		if (topic !== 'orders_v2') return { ignore: `Mercado Livre topic "${topic}" is not orders_v2 or post_purchase` };
		const m = ORDER_RESOURCE.exec(resource);
		if (!m) return { ignore: `Mercado Livre orders_v2 resource "${String(body?.resource)}" is not /orders/{id}` };
		return { eventId, channelOrderId: m[1], topic };
	},
};
