import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import type { FoundRegistrations, WebhookRegistrar, WebhookSecrets } from '../../webhooks/types';
import { expectArray, expectObject, joinUrl, send } from '../common/http';
import type { AdapterContext } from '../types';
import { WOO_ORDER_TOPICS } from './webhook';

interface WooWebhook {
	id?: unknown;
	topic?: unknown;
	delivery_url?: unknown;
	status?: unknown;
}

const PER_PAGE = 100;
/** More pages of webhooks than this is not a shop any more; stop rather than loop. */
const MAX_PAGES = 50;

/**
 * WooCommerce REST wc/v3 webhooks (woocommerce-rest-api-docs wp-api-v3/_webhooks.md): one webhook per topic,
 * signed with the credential's webhook secret. A webhook WooCommerce `disabled` (after 5 failed deliveries,
 * class-wc-webhook.php failed_delivery) is stale: removed and created again. A `paused` one was paused by an
 * admin and is left as it is.
 */
export function wooCommerceRegistrar(ctx: AdapterContext, secrets: WebhookSecrets): WebhookRegistrar {
	const url = (path: string) => joinUrl(ctx.baseUrl, `/wp-json/wc/v3/webhooks${path}`);

	async function listAll(): Promise<WooWebhook[]> {
		const all: WooWebhook[] = [];
		for (let page = 1; page <= MAX_PAGES; page++) {
			const req: HttpRequest = { method: 'GET', url: url(''), query: { per_page: PER_PAGE, page } };
			const batch = expectArray(await send(ctx, req), req) as WooWebhook[];
			all.push(...batch);
			if (batch.length < PER_PAGE) break;
		}
		return all;
	}

	return {
		async find(deliveryUrl: string): Promise<FoundRegistrations> {
			const mine = (await listAll()).filter((w) => w.delivery_url === deliveryUrl && WOO_ORDER_TOPICS.includes(String(w.topic)));
			const live = mine.filter((w) => w.status === 'active' || w.status === 'paused');
			const stale = mine.filter((w) => !live.includes(w));
			return {
				ids: live.map((w) => String(w.id)),
				complete: WOO_ORDER_TOPICS.every((t) => live.some((w) => w.topic === t)),
				stale: stale.map((w) => String(w.id)),
			};
		},

		async create(deliveryUrl: string): Promise<string[]> {
			if (!secrets.secret) throw new Error('WooCommerce webhooks need a secret');
			const ids: string[] = [];
			for (const topic of WOO_ORDER_TOPICS) {
				const req: HttpRequest = { method: 'POST', url: url(''), body: { name: `OMS ${topic}`, topic, delivery_url: deliveryUrl, secret: secrets.secret, status: 'active' } };
				ids.push(String(expectObject(await send(ctx, req), req).id));
			}
			return ids;
		},

		async remove(ids: string[]): Promise<void> {
			for (const id of ids) {
				try {
					await send(ctx, { method: 'DELETE', url: url(`/${encodeURIComponent(id)}`), query: { force: true } });
				} catch (error) {
					if (!(error instanceof ChannelHttpError && error.httpCode === 404)) throw error;
				}
			}
		},
	};
}
