import type { HttpRequest } from '../../http/transport';
import type { MissedDeliveries, WebhookDelivery, WebhookSecrets } from '../../webhooks/types';
import { expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext } from '../types';
import { ML_DEFAULT_BASE_URL } from './types';

/**
 * Mercado Livre's `GET /missed_feeds?app_id=&topic=&offset=&limit=`: the notifications that got no HTTP 200
 * after the eighth attempt (1 hour), kept 2 days. Source: "Receba notificações" → "Histórico das notificações"
 * (https://developers.mercadolivre.com.br/produto-receba-notificacoes, read through a verbatim mirror,
 * stored file id 69218238970): response `{"messages": [{_id, resource, user_id, topic, application_id,
 * attempts, sent, received, request: {url, headers, data}, response: {req_time, http_code, body, headers}}]}`,
 * 10 per page by default, `limit` and `offset` to page, `topic` to filter (`items` also needs `site_id`).
 *
 * Not confirmed there, and chosen here:
 * - [?] Nothing is consumed by reading and no total is given: pages are read from offset 0 until one is short,
 *   at most MAX_PAGES a sweep; an entry read again is a duplicate (its `_id` is in the inbox).
 * - [?] The largest `limit` (50 used; the page shows 5 and 10) and whether offsets start at 0 (the `items`
 *   example sends offset=0, another example offset=1).
 * - [?] That an entry's `_id` is the `_id` the live notification carried (the example's `request.data`, the body
 *   as sent, has no `_id`). Either way the order version read afterwards is emitted once.
 * - Notifications of a topic ML disabled (slow answers) are not kept here (same page): the poll trigger stays
 *   the reconciler of last resort.
 */
export const MISSED_FEEDS_PAGE_SIZE = 50;
const MAX_PAGES = 40;

type Entry = Record<string, unknown>;

/**
 * One entry as the delivery ML first sent: the body it posted (`request.data`, whose digits are exact where a
 * parsed number is not) with the entry's `_id` in front, so the webhook reader authenticates and keys it like
 * a live notification. Without `request.data`, the entry's own fields.
 */
export function missedEntryDelivery(entry: Entry): WebhookDelivery {
	const data = (entry.request as { data?: unknown } | undefined)?.data;
	const id = typeof entry._id === 'string' || typeof entry._id === 'number' ? String(entry._id) : undefined;
	let raw: string;
	if (typeof data === 'string' && /^\s*\{/.test(data)) {
		const body = data.trim();
		raw = id !== undefined && !/"_id"\s*:/.test(body) ? `{"_id":${JSON.stringify(id)}${body === '{}' ? '' : ','}${body.slice(1)}` : body;
	} else {
		const own = { ...entry };
		delete own.request;
		delete own.response;
		raw = JSON.stringify(own);
	}
	return { rawBody: Buffer.from(raw, 'utf8'), headers: { 'content-type': 'application/json' } };
}

/** The topics the webhook reader takes (orders, then claims), each read in turn. */
const MISSED_TOPICS = ['orders_v2', 'post_purchase'];

/** The notifications ML kept for the credential's application (every seller of the app: the reader keeps this one's). */
export function mercadoLivreMissedFeeds(ctx: AdapterContext, secrets: WebhookSecrets): MissedDeliveries {
	const base = ctx.baseUrl || ML_DEFAULT_BASE_URL;
	return {
		async *pages() {
			if (!secrets.appId) throw new Error('Mercado Livre missed_feeds needs the application id (the credential\'s Client ID)');
			for (const topic of MISSED_TOPICS) {
				for (let page = 0; page < MAX_PAGES; page++) {
					const req: HttpRequest = {
						method: 'GET',
						url: joinUrl(base, '/missed_feeds'),
						query: { app_id: secrets.appId, topic, offset: page * MISSED_FEEDS_PAGE_SIZE, limit: MISSED_FEEDS_PAGE_SIZE },
					};
					const messages = expectObject(await send(ctx, req), req).messages;
					const entries = Array.isArray(messages) ? messages.filter((m): m is Entry => typeof m === 'object' && m !== null) : [];
					yield entries.map(missedEntryDelivery);
					if (!Array.isArray(messages) || messages.length < MISSED_FEEDS_PAGE_SIZE) break;
				}
			}
		},
	};
}
