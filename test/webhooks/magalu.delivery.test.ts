import type { INodeParameters } from 'n8n-workflow';
import type { CanonicalOrder } from '../../core/model/order';
import { MAGALU_DEFAULT_CHANNEL_ID } from '../../core/channels/magalu';
import { closeSharedStores } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { MagaluSimulator, magaluOrder } from '../simulators/magalu';
import { openFresh } from '../store/stores';
import { delivery, published } from './deliveries';
import { webhookTrigger } from './trigger-helpers';

/**
 * Magalu delivery events through the OMS Order Webhook Trigger into OMS Store Apply: the event names a delivery
 * (developers.magalu.com/docs/seller-pedidos/webhooks.en, "Deliveries"; test/fixtures/published/magalu/
 * webhook-delivery.json, its placeholders filled), the node reads the delivery for its order, then the order,
 * and the per-delivery lines carry the change to the stock.
 */

afterAll(() => closeSharedStores());

const ORDER = 'c8be6d3d-77e6-4cd9-8d6e-dd556b3e46ee';
const D1 = 'c8be6d3d-d1';
const D2 = 'c8be6d3d-d2';

describe('Magalu delivery events', () => {
	const auth = { accessToken: 'magalu-token', channelId: MAGALU_DEFAULT_CHANNEL_ID };
	let sim: MagaluSimulator;
	let trigger: WebhookHarness;
	let stock: OmsStore;
	const make = (options: INodeParameters = {}) =>
		webhookTrigger({
			parameters: { channel: 'magalu', sellerAccount: 'loja-do-edu', options },
			credentialType: 'magaluOAuth2Api',
			credentials: { environment: 'production', channelId: auth.channelId, baseUrl: sim.baseUrl },
			authenticate: (_c, req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${auth.accessToken}` } }),
		});
	beforeEach(async () => {
		sim = new MagaluSimulator(auth);
		await sim.start();
		trigger = make();
		({ store: stock } = await openFresh('sqlite'));
		await stock.setOnHand([{ sku: 'livro_01', onHand: 10 }, { sku: 'caneca_02', onHand: 10 }]);
		// One order, two deliveries (two sellers' warehouses, or a split shipment), both approved.
		sim.put(
			magaluOrder({
				id: ORDER,
				updatedAt: '2026-11-27T20:00:00.000Z',
				deliveries: [
					{ status: 'approved', items: [{ sku: 'livro_01', quantity: 2, unitPrice: 5000 }] },
					{ status: 'approved', items: [{ sku: 'caneca_02', quantity: 3, unitPrice: 2500 }] },
				],
			}),
		);
	});
	afterEach(async () => {
		await trigger.close();
		await stock.close();
		await sim.stop();
	});

	const event = (status: string, id: string) =>
		delivery(
			published('magalu', 'webhook-delivery.json')
				.replace(/"status": "[^"]+"/, `"status": "${status}"`)
				.replace('"<delivery id>"', `"${id}"`)
				.replace('"<url_delivery>"', `"https://api.magalu.com/seller/v1/deliveries/${id}"`),
		);
	const orderEvent = () =>
		delivery(
			published('magalu', 'webhook-order.json')
				.replace(/"status": "[^"]+"/, '"status": "approved"')
				.replace('"<order id>"', `"${ORDER}"`)
				.replace('"<url_order>"', `"https://api.magalu.com/seller/v1/orders/${ORDER}"`),
		);
	const apply = async (items: unknown[] | undefined) => stock.applyOrders((items ?? []) as unknown as CanonicalOrder[]);
	const reserved = async () => Object.fromEntries((await stock.getAvailability(['livro_01', 'caneca_02'])).map((l) => [l.sku, l.reserved]));

	it('a cancelled delivery releases its lines; a shipped one ships them; each read through the delivery to its order', async () => {
		await apply((await trigger.deliver(orderEvent())).items);
		expect(await reserved()).toEqual({ livro_01: 2, caneca_02: 3 });

		sim.setDeliveryStatus(ORDER, D2, 'cancelled', '2026-11-27T20:10:00.000Z');
		const cancelled = await trigger.deliver(event('cancelled', D2));
		expect(cancelled.status).toBe(200);
		expect(cancelled.items).toEqual([expect.objectContaining({ channel: 'magalu', channelOrderId: ORDER, status: 'paid', groupId: D1 })]);
		expect((cancelled.items![0] as unknown as CanonicalOrder).lines.map((l) => [l.sku, l.quantity])).toEqual([['livro_01', 2]]);
		expect(sim.requests(new RegExp(`/seller/v1/deliveries/${D2}$`))).toHaveLength(1);
		await apply(cancelled.items);
		expect(await reserved()).toEqual({ livro_01: 2, caneca_02: 0 });

		sim.setDeliveryStatus(ORDER, D1, 'shipped', '2026-11-27T20:20:00.000Z');
		const shipped = await trigger.deliver(event('shipped', D1));
		expect(shipped.items).toEqual([expect.objectContaining({ channelOrderId: ORDER, status: 'shipped' })]);
		expect((shipped.items![0] as unknown as CanonicalOrder).lines).toEqual([expect.objectContaining({ sku: 'livro_01', quantity: 2, shippedQuantity: 2 })]);
		await apply(shipped.items);
		expect(await reserved()).toEqual({ livro_01: 0, caneca_02: 0 });
		expect((await stock.getAvailability(['livro_01'])).map((l) => l.onHand)).toEqual([8]);

		// The same event again: the order did not change, nothing is emitted.
		expect(await trigger.deliver(event('shipped', D1))).toMatchObject({ status: 200, items: undefined });
	});

	it('after the deduct point, a cancelled delivery restocks exactly its units with their own key (issue 12: on hand back to 10)', async () => {
		const lifecycle = { commitOn: 'paid' as const };
		const onHand = async () => Object.fromEntries((await stock.getAvailability(['livro_01', 'caneca_02'])).map((l) => [l.sku, l.onHand]));
		await stock.applyOrders(((await trigger.deliver(orderEvent())).items ?? []) as unknown as CanonicalOrder[], { lifecycle });
		expect(await onHand()).toEqual({ livro_01: 8, caneca_02: 7 });
		sim.setDeliveryStatus(ORDER, D2, 'cancelled', '2026-11-27T20:10:00.000Z');
		const [applied] = await stock.applyOrders(((await trigger.deliver(event('cancelled', D2))).items ?? []) as unknown as CanonicalOrder[], { lifecycle });
		expect(applied.effects).toEqual([{ effect: 'restock', key: 'restock@2', lines: [{ sku: 'caneca_02', quantity: 3 }] }]);
		expect(await onHand()).toEqual({ livro_01: 8, caneca_02: 10 });
		// The same cancellation read again moves nothing.
		sim.setDeliveryStatus(ORDER, D2, 'cancelled', '2026-11-27T20:10:00.000Z');
		expect(await trigger.deliver(event('cancelled', D2))).toMatchObject({ status: 200, items: undefined });
	});

	it('a delivery that does not name its order ends, after its attempts, as an error item naming the delivery', async () => {
		await trigger.close();
		trigger = make({ maxAttempts: 1 });
		sim.deliveryNamesOrder = false;
		const outcome = await trigger.deliver(event('cancelled', D2));
		expect(outcome.items).toEqual([
			expect.objectContaining({ error: expect.objectContaining({ orderRef: `magalu:delivery:${D2}`, field: '(read)', message: expect.stringContaining(`Magalu delivery ${D2} names no order`) }) }),
		]);
		expect(sim.requests(/\/seller\/v1\/orders\//)).toEqual([]);
	});

	it('an unknown delivery (404) emits nothing', async () => {
		expect(await trigger.deliver(event('shipped', 'no-such-delivery'))).toMatchObject({ status: 200, items: undefined });
	});
});
