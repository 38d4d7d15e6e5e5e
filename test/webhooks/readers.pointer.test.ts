import { magaluWebhookReader } from '../../core/channels/magalu/webhook';
import { mercadoLivreWebhookReader } from '../../core/channels/mercadolivre/webhook';
import { vtexWebhookReader } from '../../core/channels/vtex/webhook';
import { delivery, published, publishedJson } from './deliveries';

/** Readers of the channels whose deliveries only name the order, on the bodies the channels published. */

describe('VTEX hook deliveries', () => {
	/**
	 * Body: vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c "VTEX - Orders API.json",
	 * components.schemas.HookConfiguration (also the example answer of POST /api/orders/hook/config): the
	 * payload the hook posts. The secret header is one of `hook.headers` of HookConfigurationRequest.
	 */
	const raw = published('vtex', 'webhook-hook-notification.json');
	const secrets = { account: 'automacaoqa', headerName: 'X-OMS-Hook-Secret', headerValue: 's3cret-value', appId: 'vtexappkey-appvtex' };
	const signed = delivery(raw, { 'Content-Type': 'application/json', 'X-OMS-Hook-Secret': 's3cret-value' });

	it('the published hook payload: authenticated by the secret header and its Origin; a pointer keyed on the transition', () => {
		expect(vtexWebhookReader.authenticate(signed, secrets)).toBe(true);
		expect(vtexWebhookReader.authenticate(signed, { ...secrets, appId: undefined })).toBe(true);
		expect(vtexWebhookReader.read(signed)).toEqual({
			eventId: 'v52277740atmc-01|ready-for-handling|2019-08-14T17:11:39.2550122Z',
			channelOrderId: 'v52277740atmc-01',
			topic: 'ready-for-handling',
		});
	});

	it('a wrong or missing secret header, another account or another app key is refused', () => {
		expect(vtexWebhookReader.authenticate(delivery(raw, { 'X-OMS-Hook-Secret': 's3cret-valuE' }), secrets)).toBe(false);
		expect(vtexWebhookReader.authenticate(delivery(raw), secrets)).toBe(false);
		expect(vtexWebhookReader.authenticate(signed, { ...secrets, account: 'otherstore' })).toBe(false);
		expect(vtexWebhookReader.authenticate(signed, { ...secrets, appId: 'vtexappkey-other' })).toBe(false);
		expect(vtexWebhookReader.authenticate(signed, { ...secrets, headerName: '' })).toBe(false);
		const moved = delivery(raw.replace('"automacaoqa"', '"otherstore"'), { 'X-OMS-Hook-Secret': 's3cret-value' });
		expect(vtexWebhookReader.authenticate(moved, secrets)).toBe(false);
	});

	it("saving a hook configuration posts {hookConfig: 'ping'}: a handshake", () => {
		expect(vtexWebhookReader.handshake!(delivery('{"hookConfig":"ping"}'))).toBe('VTEX hook ping');
		expect(vtexWebhookReader.handshake!(signed)).toBeUndefined();
	});
});

describe('Mercado Livre notifications', () => {
	/**
	 * https://developers.mercadolibre.com.ar/en_us/products-receive-notifications ("Last Updated
	 * 2025-09-16"), "Get the details": the orders_v2 and items notification examples. Read through a verbatim
	 * copy of the page stored in a public repository (find_string id 59858868862).
	 */
	const ordersV2 = published('mercadolivre', 'webhook-orders_v2.json');
	const secrets = { account: '468424240', appId: '5503910054141466' };

	it('the published orders_v2 notification: this app and seller; a pointer keyed on its _id', () => {
		expect(mercadoLivreWebhookReader.authenticate(delivery(ordersV2), secrets)).toBe(true);
		expect(mercadoLivreWebhookReader.read(delivery(ordersV2))).toEqual({ eventId: 'f9f08571-1f65-4c46-9e0a-c0f43faas1557e', channelOrderId: '2195160686', topic: 'orders_v2' });
	});

	it('another seller or another application is refused (nothing is signed: these are the checks)', () => {
		expect(mercadoLivreWebhookReader.authenticate(delivery(ordersV2), { ...secrets, account: '468424241' })).toBe(false);
		expect(mercadoLivreWebhookReader.authenticate(delivery(ordersV2), { ...secrets, appId: '5503910054141467' })).toBe(false);
		expect(mercadoLivreWebhookReader.authenticate(delivery(ordersV2), { ...secrets, appId: undefined })).toBe(false);
		expect(mercadoLivreWebhookReader.authenticate(delivery('{"topic":"orders_v2"}'), secrets)).toBe(false);
		expect(mercadoLivreWebhookReader.authenticate(delivery('not json'), secrets)).toBe(false);
	});

	it('ids beyond 2^53 are compared by their digits, not by the rounded number', () => {
		const big = '9007199254740993123';
		const body = ordersV2.replace('5503910054141466', big);
		expect(mercadoLivreWebhookReader.authenticate(delivery(body), { ...secrets, appId: big })).toBe(true);
		expect(mercadoLivreWebhookReader.authenticate(delivery(body), { ...secrets, appId: String(Number(big)) })).toBe(false);
	});

	it('the published items notification is ignored; a resource that is not /orders/{id} too', () => {
		const items = published('mercadolivre', 'webhook-items.json');
		expect(mercadoLivreWebhookReader.authenticate(delivery(items), { account: '123456789', appId: '2069392825111111' })).toBe(true);
		expect(mercadoLivreWebhookReader.read(delivery(items))).toEqual({ ignore: 'Mercado Livre topic "items" is not orders_v2 or post_purchase' });
		const odd = ordersV2.replace('/orders/2195160686', '/orders/2195160686/billing_info');
		expect(mercadoLivreWebhookReader.read(delivery(odd))).toEqual({ ignore: 'Mercado Livre orders_v2 resource "/orders/2195160686/billing_info" is not /orders/{id}' });
	});
});

describe('Mercado Livre claims notifications (post_purchase)', () => {
	/**
	 * https://developers.mercadolivre.com.br/produto-receba-notificacoes, "Post Purchase": the claims notification
	 * example (webhook-post_purchase.json; the mirror and its repairs in that folder's SOURCES.md). Its event id is
	 * `id`, its resource printed without the leading slash.
	 */
	const claims = published('mercadolivre', 'webhook-post_purchase.json');
	const secrets = { account: '123456789', appId: '89745685555' };

	it('the published notification: this app and seller; queued as claim:<id>, keyed on its id', () => {
		expect(mercadoLivreWebhookReader.authenticate(delivery(claims), secrets)).toBe(true);
		expect(mercadoLivreWebhookReader.read(delivery(claims))).toEqual({ eventId: '5e2827f2-99b7-474e-b68b-6a86e934cc7e', channelOrderId: 'claim:5108684499', topic: 'post_purchase' });
	});

	it('claims_actions, the prefixed and the older resources, and the older topic name read the same claim', () => {
		const actions = claims.replace('["claims"]', '["claims_actions"]');
		for (const body of [actions, claims.replace('"post-purchase/', '"/post-purchase/'), claims.replace('"post-purchase/v1/claims/', '"/v1/claims/'), claims.replace('"post_purchase"', '"claims"')]) {
			expect(mercadoLivreWebhookReader.read(delivery(body))).toMatchObject({ channelOrderId: 'claim:5108684499' });
		}
	});

	it('another seller or application is refused; a resource that is not a claim is ignored', () => {
		expect(mercadoLivreWebhookReader.authenticate(delivery(claims), { ...secrets, account: '123456780' })).toBe(false);
		expect(mercadoLivreWebhookReader.authenticate(delivery(claims), { ...secrets, appId: '89745685556' })).toBe(false);
		const detail = claims.replace('claims/5108684499', 'claims/5108684499/actions-history');
		expect(mercadoLivreWebhookReader.read(delivery(detail))).toEqual({ ignore: 'Mercado Livre post_purchase resource "post-purchase/v1/claims/5108684499/actions-history" is not /post-purchase/v1/claims/{id}' });
	});
});

describe('Magalu deliveries', () => {
	/**
	 * https://developers.magalu.com/docs/seller-pedidos/webhooks.en/ "Orders" and "Deliveries": the page
	 * publishes the bodies with placeholders (`"status": "new|approved|cancelled|finished"`, `"<order id>"`,
	 * `"<url_order>"`), stored as published; the tests fill them with one of the listed statuses, the order id of
	 * the get_order example and [?] an order URL on the API host (the URL's form is not documented).
	 */
	const fill = (template: string, status: string, id: string, resource: string) =>
		template.replace(/"status": "[^"]+"/, `"status": "${status}"`).replace(/"<(order|delivery) id>"/, `"${id}"`).replace(/"<url_(order|delivery)>"/, `"${resource}"`);
	const orderId = 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee';
	const order = fill(published('magalu', 'webhook-order.json'), 'approved', orderId, `https://api.magalu.com/seller/v1/orders/${orderId}`);

	it('an order event in the documented shape: accepted as a pointer to the order (no event id documented)', () => {
		expect(publishedJson('magalu', 'webhook-order.json')).toHaveProperty('data.params');
		expect(magaluWebhookReader.authenticate(delivery(order), { account: 'loja' })).toBe(true);
		expect(magaluWebhookReader.read(delivery(order))).toEqual({ channelOrderId: orderId, topic: 'order approved' });
	});

	it('anything else is refused: another shape, an unlisted status, a resource that does not name the id', () => {
		expect(magaluWebhookReader.authenticate(delivery(published('magalu', 'webhook-order.json')), { account: 'loja' })).toBe(false);
		expect(magaluWebhookReader.authenticate(delivery(order.replace('"approved"', '"paid"')), { account: 'loja' })).toBe(false);
		expect(magaluWebhookReader.authenticate(delivery(order.replace(`orders/${orderId}`, 'orders/other')), { account: 'loja' })).toBe(false);
		expect(magaluWebhookReader.authenticate(delivery(`{"id": "${orderId}"}`), { account: 'loja' })).toBe(false);
	});

	it('a delivery event (each listed status) is queued as a reference to the delivery, resolved to its order when read', () => {
		for (const status of ['shipped', 'approved', 'cancelled', 'delivered']) {
			const d = fill(published('magalu', 'webhook-delivery.json'), status, 'b92d568f-7ec8-423c-aed8-75224fcaaf50', 'https://api.magalu.com/seller/v1/deliveries/b92d568f-7ec8-423c-aed8-75224fcaaf50');
			expect(magaluWebhookReader.authenticate(delivery(d), { account: 'loja' })).toBe(true);
			expect(magaluWebhookReader.read(delivery(d))).toEqual({ channelOrderId: 'delivery:b92d568f-7ec8-423c-aed8-75224fcaaf50', topic: `delivery ${status}` });
		}
	});
});
