import type { WebhookDelivery } from '../../core/webhooks/types';
import { delivery, hmacHex, shopifyDelivery, wooDelivery } from '../webhooks/deliveries';
import type { SimRequest, SimResponse } from './http-sim';
import type { NuvemshopSimulator } from './nuvemshop';
import type { ShopifySimulator } from './shopify';
import { json } from './sim-paging';
import type { VtexSimulator } from './vtex';
import type { WooCommerceSimulator } from './woocommerce';

/**
 * Webhook registration on the simulators, after each channel's documented API, and the signed deliveries a
 * registration makes (signed as the channel signs them, with what was registered), for the webhook trigger's
 * tests. Installed on a simulator with `install…(sim, auth)`.
 */

export interface SimWebhook {
	id: string;
	topic: string;
	url: string;
	status: string;
	secret?: string;
	headers?: Record<string, string>;
}

const bad = (status: number, body: unknown): SimResponse => json(status, body);

/* ------------------------------------------------------------------------------------------------------ */

/** wc/v3 webhooks (woocommerce-rest-api-docs wp-api-v3/_webhooks.md); Basic auth with the consumer keys. */
export class WooWebhooks {
	readonly hooks: SimWebhook[] = [];
	private next = 31;

	constructor(
		private readonly sim: WooCommerceSimulator,
		private readonly keys: { consumerKey: string; consumerSecret: string },
	) {
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) =>
			this.authorized(req) ? h(req, p) : bad(401, { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
		sim.route('GET', '/wp-json/wc/v3/webhooks', guarded((req) => this.list(req)));
		sim.route('POST', '/wp-json/wc/v3/webhooks', guarded((req) => this.create(req)));
		sim.route('DELETE', '/wp-json/wc/v3/webhooks/:id', guarded((req, p) => this.remove(req, p.id)));
	}

	private authorized(req: SimRequest): boolean {
		const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
		const [key, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [];
		return key === this.keys.consumerKey && secret === this.keys.consumerSecret;
	}

	private view = (h: SimWebhook) => ({ id: Number(h.id), name: `OMS ${h.topic}`, status: h.status, topic: h.topic, resource: 'order', event: h.topic.split('.')[1], hooks: [], delivery_url: h.url });

	private list(req: SimRequest): SimResponse {
		const perPage = Number(req.query.get('per_page') ?? 10);
		const page = Number(req.query.get('page') ?? 1);
		if (!(perPage >= 1 && perPage <= 100)) return bad(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page' });
		return json(200, this.hooks.slice((page - 1) * perPage, page * perPage).map(this.view));
	}

	private create(req: SimRequest): SimResponse {
		const b = (req.body ?? {}) as { topic?: string; delivery_url?: string; secret?: string; status?: string };
		if (!b.topic || !/^(order|product|customer|coupon)\.(created|updated|deleted|restored)$/.test(b.topic)) return bad(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): topic' });
		if (!b.delivery_url || !/^https?:\/\//.test(b.delivery_url)) return bad(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): delivery_url' });
		const hook: SimWebhook = { id: String(this.next++), topic: b.topic, url: b.delivery_url, status: b.status ?? 'active', secret: b.secret };
		this.hooks.push(hook);
		// `secret` is write-only: the answer never shows it.
		return json(201, this.view(hook));
	}

	private remove(req: SimRequest, id: string): SimResponse {
		// Webhooks are not trashed: WooCommerce answers 501 woocommerce_rest_trash_not_supported without force.
		if (req.query.get('force') !== 'true') return bad(501, { code: 'woocommerce_rest_trash_not_supported', message: 'Webhooks do not support trashing.' });
		const i = this.hooks.findIndex((h) => h.id === id);
		if (i < 0) return bad(404, { code: 'woocommerce_rest_webhook_invalid_id', message: 'Invalid ID.' });
		const [h] = this.hooks.splice(i, 1);
		return json(200, this.view(h));
	}

	/** What class-wc-webhook.php failed_delivery() does after more than 5 failures. */
	disable(topic: string): void {
		for (const h of this.hooks) if (h.topic === topic) h.status = 'disabled';
	}

	/** The delivery the active webhook of `topic` makes for `order`, signed with the secret it was created with. */
	deliveryFor(topic: string, order: unknown, deliveryId?: string): WebhookDelivery {
		const h = this.hooks.find((x) => x.topic === topic && x.status === 'active');
		if (!h?.secret) throw new Error(`no active webhook with a secret for ${topic}`);
		return wooDelivery(order, { secret: h.secret, topic, deliveryId });
	}
}

/* ------------------------------------------------------------------------------------------------------ */

/** Nuvemshop /{store_id}/webhooks (TiendaNube/api-docs resources/webhook.md). */
export class NuvemshopWebhooks {
	readonly hooks: SimWebhook[] = [];
	private next = 5670;
	static readonly EVENTS = ['app/uninstalled', 'category/created', 'order/created', 'order/updated', 'order/paid', 'order/packed', 'order/fulfilled', 'order/cancelled', 'product/created', 'product/updated', 'product/deleted'];

	constructor(
		sim: NuvemshopSimulator,
		private readonly auth: { storeId: string; accessToken: string; appSecret: string },
	) {
		const guarded = (h: (req: SimRequest, p: Record<string, string>) => SimResponse) => (req: SimRequest, p: Record<string, string>) => {
			const token = /^bearer\s+(\S+)\s*$/i.exec(String(req.headers.authentication ?? ''))?.[1];
			if (!/\(.+\)/.test(req.headers['user-agent'] ?? '')) return bad(400, { code: 400, message: 'Bad Request', description: 'User-Agent required' });
			return token === auth.accessToken && p.storeId === auth.storeId ? h(req, p) : bad(401, { code: 401, message: 'Unauthorized', description: 'Invalid access token' });
		};
		sim.route('GET', '/v1/:storeId/webhooks', guarded((req) => this.list(req)));
		sim.route('POST', '/v1/:storeId/webhooks', guarded((req) => this.create(req)));
		sim.route('DELETE', '/v1/:storeId/webhooks/:id', guarded((_req, p) => this.remove(p.id)));
	}

	private view = (h: SimWebhook) => ({ id: Number(h.id), event: h.topic, url: h.url, created_at: '2026-11-20T09:11:51-03:00', updated_at: '2026-11-20T09:11:51-03:00' });

	private list(req: SimRequest): SimResponse {
		const url = req.query.get('url');
		return json(200, this.hooks.filter((h) => url === null || h.url === url).map(this.view));
	}

	private create(req: SimRequest): SimResponse {
		const b = (req.body ?? {}) as { event?: string; url?: string };
		const errors: Record<string, string[]> = {};
		if (!NuvemshopWebhooks.EVENTS.includes(String(b.event))) errors.event = [`Invalid event specified. Events allowed: ${NuvemshopWebhooks.EVENTS.join(', ')}`];
		// "You are not allowed to use a localhost/tiendanube/nuvemshop domain for webhooks."
		if (!b.url || !/^https:\/\//.test(b.url) || /localhost|tiendanube|nuvemshop/.test(new URL(b.url).host)) errors.url = ['invalid url specified'];
		if (Object.keys(errors).length) return bad(422, errors);
		const hook: SimWebhook = { id: String(this.next++), topic: String(b.event), url: String(b.url), status: 'active' };
		this.hooks.push(hook);
		return json(201, this.view(hook));
	}

	private remove(id: string): SimResponse {
		const i = this.hooks.findIndex((h) => h.id === id);
		if (i < 0) return bad(404, { code: 404, message: 'Not Found', description: 'Webhook not found' });
		this.hooks.splice(i, 1);
		return json(200, {});
	}

	/** The notification a registered event makes: {store_id, event, id}, hex HMAC with the app secret. */
	deliveryFor(event: string, orderId: number): WebhookDelivery {
		if (!this.hooks.some((h) => h.topic === event)) throw new Error(`no webhook for ${event}`);
		const raw = JSON.stringify({ store_id: Number(this.auth.storeId), event, id: orderId });
		return delivery(raw, { 'Content-Type': 'application/json', 'X-Linkedstore-HMAC-SHA256': hmacHex(this.auth.appSecret, raw) });
	}
}

/* ------------------------------------------------------------------------------------------------------ */

/**
 * VTEX /api/orders/hook/config, one per app key. POST bodies are checked against HookConfigurationRequest
 * (required filter and hook; hook requires url and headers). [?] GET without a configuration: 404 here.
 */
export class VtexHook {
	config: { filter: { type: string; status?: string[] }; hook: { url: string; headers: Record<string, string> } } | undefined;

	constructor(
		sim: VtexSimulator,
		private readonly keys: { account: string; appKey: string; appToken: string },
	) {
		const guarded = (h: (req: SimRequest) => SimResponse) => (req: SimRequest) =>
			req.headers['x-vtex-api-appkey'] === keys.appKey && req.headers['x-vtex-api-apptoken'] === keys.appToken ? h(req) : bad(403, { error: { message: 'Forbidden' } });
		sim.route('GET', '/api/orders/hook/config', guarded(() => (this.config ? json(200, this.config) : bad(404, { error: { message: 'Hook not found' } }))));
		sim.route('POST', '/api/orders/hook/config', guarded((req) => this.save(req)));
		sim.route('DELETE', '/api/orders/hook/config', guarded(() => (this.config ? ((this.config = undefined), json(200, {})) : bad(404, { error: { message: 'Hook not found' } }))));
	}

	private save(req: SimRequest): SimResponse {
		const b = req.body as { filter?: { type?: string; status?: unknown }; hook?: { url?: unknown; headers?: unknown } } | undefined;
		if (!b?.filter || !b.hook || typeof b.hook.url !== 'string' || typeof b.hook.headers !== 'object' || b.hook.headers === null) {
			return bad(400, { error: { message: 'Invalid request: filter and hook {url, headers} are required' } });
		}
		if (b.filter.type !== 'FromWorkflow' && b.filter.type !== 'FromOrders') return bad(400, { error: { message: 'Invalid filter type' } });
		if (b.filter.type === 'FromWorkflow' && !Array.isArray(b.filter.status)) return bad(400, { error: { message: 'FromWorkflow needs a status list' } });
		this.config = b as NonNullable<VtexHook['config']>;
		return json(200, { Domain: 'Fulfillment', OrderId: 'ping', State: '', LastState: '', LastChange: '', CurrentChange: '', Origin: { Account: this.keys.account, Key: this.keys.appKey } });
	}

	/** The hook's post about `orderId` (HookConfiguration shape) with the configured headers. */
	deliveryFor(orderId: string, state: string, lastChange: string): WebhookDelivery {
		if (!this.config) throw new Error('no hook configured');
		const body = {
			Domain: 'Marketplace', OrderId: orderId, State: state, LastState: 'payment-pending', LastChange: lastChange, CurrentChange: lastChange,
			Origin: { Account: this.keys.account, Key: this.keys.appKey },
		};
		return delivery(JSON.stringify(body), { 'Content-Type': 'application/json', ...this.config.hook.headers });
	}
}

/* ------------------------------------------------------------------------------------------------------ */

/** GraphQL webhookSubscriptions / webhookSubscriptionCreate / webhookSubscriptionDelete on the Shopify simulator. */
export class ShopifyWebhooks {
	readonly subscriptions: Array<{ id: string; topic: string; callbackUrl: string; format: string }> = [];
	private next = 12345;
	static readonly TOPICS = ['ORDERS_CREATE', 'ORDERS_UPDATED', 'ORDERS_PAID', 'ORDERS_CANCELLED', 'ORDERS_FULFILLED', 'PRODUCTS_CREATE', 'APP_UNINSTALLED'];

	constructor(
		sim: ShopifySimulator,
		private readonly app: { shop: string; clientSecret: string },
	) {
		sim.extraGraphql = (query, v) => {
			if (/query OmsWebhookSubscriptions/.test(query)) {
				const edges = this.subscriptions.map((s) => ({ node: { id: s.id, topic: s.topic, endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: s.callbackUrl } } }));
				return { webhookSubscriptions: { edges, pageInfo: { hasNextPage: false, endCursor: null } } };
			}
			if (/mutation OmsWebhookCreate/.test(query)) return this.create(v);
			if (/mutation OmsWebhookDelete/.test(query)) return this.remove(String(v.id));
			return undefined;
		};
	}

	private create(v: Record<string, unknown>): unknown {
		const input = (v.webhookSubscription ?? {}) as { callbackUrl?: string; format?: string };
		const userErrors = [];
		if (!ShopifyWebhooks.TOPICS.includes(String(v.topic))) return new Error(`Variable $topic of type WebhookSubscriptionTopic! was provided invalid value`);
		if (!input.callbackUrl || !/^https:\/\//.test(input.callbackUrl)) userErrors.push({ field: ['webhookSubscription', 'callbackUrl'], message: 'Address protocol http:// is not supported' });
		if (this.subscriptions.some((s) => s.topic === v.topic && s.callbackUrl === input.callbackUrl)) userErrors.push({ field: ['webhookSubscription', 'callbackUrl'], message: 'Address for this topic has already been taken' });
		if (userErrors.length) return { webhookSubscriptionCreate: { webhookSubscription: null, userErrors } };
		const sub = { id: `gid://shopify/WebhookSubscription/${this.next++}`, topic: String(v.topic), callbackUrl: String(input.callbackUrl), format: input.format ?? 'JSON' };
		this.subscriptions.push(sub);
		return { webhookSubscriptionCreate: { webhookSubscription: { id: sub.id }, userErrors: [] } };
	}

	private remove(id: string): unknown {
		const i = this.subscriptions.findIndex((s) => s.id === id);
		if (i < 0) return { webhookSubscriptionDelete: { deletedWebhookSubscriptionId: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] } };
		this.subscriptions.splice(i, 1);
		return { webhookSubscriptionDelete: { deletedWebhookSubscriptionId: id, userErrors: [] } };
	}

	/** The delivery of a subscribed topic (REST-shaped order), signed with the app's client secret. */
	deliveryFor(topic: 'ORDERS_CREATE' | 'ORDERS_UPDATED', order: unknown, eventId: string): WebhookDelivery {
		if (!this.subscriptions.some((s) => s.topic === topic)) throw new Error(`no subscription for ${topic}`);
		return shopifyDelivery(order, { secret: this.app.clientSecret, shop: this.app.shop, topic: topic.toLowerCase().replace('_', '/'), eventId });
	}
}
