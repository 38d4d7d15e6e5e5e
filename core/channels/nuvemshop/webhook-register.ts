import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import type { FoundRegistrations, WebhookRegistrar } from '../../webhooks/types';
import { expectArray, expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext } from '../types';
import { NUVEMSHOP_ORDER_EVENTS } from './webhook';

interface NuvemshopWebhook {
	id?: unknown;
	event?: unknown;
	url?: unknown;
}

/**
 * Nuvemshop /{store_id}/webhooks (TiendaNube/api-docs resources/webhook.md): one webhook per event, listed
 * with the documented `url` filter (and checked again here), created with {event, url}, removed by id. The
 * app secret signs them; there is no per-webhook secret.
 */
export function nuvemshopRegistrar(ctx: AdapterContext): WebhookRegistrar {
	const url = (path: string) => joinUrl(ctx.baseUrl, `/${encodeURIComponent(ctx.account)}/webhooks${path}`);

	return {
		async find(deliveryUrl: string): Promise<FoundRegistrations> {
			const req: HttpRequest = { method: 'GET', url: url(''), query: { url: deliveryUrl, per_page: 200 } };
			let list: NuvemshopWebhook[];
			try {
				list = expectArray(await send(ctx, req), req) as NuvemshopWebhook[];
			} catch (error) {
				// Nuvemshop answers an empty listing with 404 ("Last page is 0"), as it does for orders.
				if (error instanceof ChannelHttpError && error.httpCode === 404) list = [];
				else throw error;
			}
			const mine = list.filter((w) => w.url === deliveryUrl && NUVEMSHOP_ORDER_EVENTS.includes(String(w.event)));
			return { ids: mine.map((w) => String(w.id)), complete: NUVEMSHOP_ORDER_EVENTS.every((e) => mine.some((w) => w.event === e)), stale: [] };
		},

		async create(deliveryUrl: string): Promise<string[]> {
			const ids: string[] = [];
			for (const event of NUVEMSHOP_ORDER_EVENTS) {
				const req: HttpRequest = { method: 'POST', url: url(''), body: { event, url: deliveryUrl } };
				ids.push(String(expectObject(await send(ctx, req), req).id));
			}
			return ids;
		},

		async remove(ids: string[]): Promise<void> {
			for (const id of ids) {
				try {
					await send(ctx, { method: 'DELETE', url: url(`/${encodeURIComponent(id)}`) });
				} catch (error) {
					if (!(error instanceof ChannelHttpError && error.httpCode === 404)) throw error;
				}
			}
		},
	};
}
