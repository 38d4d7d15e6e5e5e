import type { SimRequest, SimResponse } from './http-sim';
import { MercadoLivreSimulator, mlError } from './mercadolivre';
import { intParam, json } from './sim-paging';

/**
 * Mercado Livre's missed notifications, as "Receba notificações" → "Histórico das notificações"
 * (developers.mercadolivre.com.br/produto-receba-notificacoes; fixture missed-feeds.json) documents
 * `GET /missed_feeds?app_id=…`: the notifications of the application (every seller that authorised it) that
 * got no HTTP 200, `{"messages": [...]}` with the body as sent in `request.data`; 10 per page unless `limit`;
 * `offset`; `topic` filters; `topic=items` without `site_id` answers 400. Chosen here where the page is silent:
 * entries stay after being read (no acknowledgement exists), oldest first, `limit` at most 100, `app_id`
 * required (400) and only this simulator's application answered.
 */
export class MercadoLivreNotifySimulator extends MercadoLivreSimulator {
	/** What GET /missed_feeds lists, oldest first. */
	readonly missed: Array<Record<string, unknown>> = [];

	constructor(
		accessToken: string,
		readonly appId: string,
		sellerId?: number,
	) {
		super(accessToken, sellerId);
		this.route('GET', '/missed_feeds', (req) => this.guard(req) ?? this.missedFeeds(req));
	}

	/**
	 * An orders_v2 (or, with `claimId`, a post_purchase claims) notification ML gave up on, in the published entry's shape: the body it posted (as
	 * `request.data`, ids as numbers) and its failed answer.
	 */
	lose(orderId: number, id: string, o: { seller?: number | string; appId?: string; topic?: string; claimId?: number } = {}): this {
		const sent = '2026-11-27T22:00:00.000Z';
		const topic = o.claimId !== undefined ? 'post_purchase' : o.topic ?? 'orders_v2';
		const resource = o.claimId !== undefined ? `/post-purchase/v1/claims/${o.claimId}` : `/orders/${orderId}`;
		const seller = String(o.seller ?? this.sellerId);
		const app = o.appId ?? this.appId;
		const data = `{"resource":"${resource}","user_id":${seller},"topic":"${topic}","application_id":${app},"attempts":1,"sent":"${sent}","received":"${sent}"}`;
		this.missed.push({
			_id: id,
			resource,
			user_id: Number(seller),
			topic,
			application_id: Number(app),
			attempts: 8,
			sent,
			received: sent,
			request: { url: 'https://n8n.example.com/webhook/x/webhook', headers: { accept: 'application/json', 'content-type': 'application/json', 'content-length': data.length }, data },
			response: { req_time: 5001, http_code: 503, body: '', headers: {} },
		});
		return this;
	}

	private missedFeeds(req: SimRequest): SimResponse {
		const appId = req.query.get('app_id');
		if (!appId) return mlError(400, 'bad_request', 'app_id is required');
		const topic = req.query.get('topic');
		if (topic === 'items' && !req.query.get('site_id')) return mlError(400, 'bad_request', 'site_id is required for topic items');
		const limit = intParam(req.query, 'limit', 10, 1, 100);
		const offset = intParam(req.query, 'offset', 0, 0, 100_000);
		if (limit === undefined || offset === undefined) return mlError(400, 'bad_request', 'invalid limit or offset');
		const listed = this.missed.filter((m) => String(m.application_id) === appId && (topic === null || m.topic === topic));
		return json(200, { messages: listed.slice(offset, offset + limit) });
	}
}
