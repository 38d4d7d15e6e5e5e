import type { CanonicalOrder } from '../../core/model/order';
import { closeSharedStores } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { MercadoLivreSimulator, mlOrder, mlShipment } from '../simulators/mercadolivre';
import { openFresh } from '../store/stores';
import { delivery, published } from './deliveries';
import { mercadoLivreTrigger } from './trigger-helpers';

/**
 * Mercado Livre claims notifications (topic post_purchase) through the OMS Order Webhook Trigger into Apply: the
 * notification names a claim (published example webhook-post_purchase.json, "Receba notificações" → "Post
 * Purchase"; see that folder's SOURCES.md), the node reads the claim for its order, then the order with its
 * returns (claims search, v2 returns), so a buyer return reaches `returned` without waiting for the poll.
 */

afterAll(() => closeSharedStores());

const TOKEN = 'APP_USR-claims-webhook';
const CLIENT_ID = '89745685555';
const ORDER = 2000009229357366;
const CLAIM = 5108684499;

describe('OMS Order Webhook Trigger: Mercado Livre claims', () => {
	let sim: MercadoLivreSimulator;
	let trigger: WebhookHarness;
	let store: OmsStore;
	beforeEach(async () => {
		sim = new MercadoLivreSimulator(TOKEN);
		await sim.start();
		trigger = mercadoLivreTrigger(sim, TOKEN, CLIENT_ID);
		({ store } = await openFresh('sqlite'));
		await store.setOnHand([{ sku: 'CAM-AZ-M', onHand: 10 }]);
		sim.put(mlOrder({ id: ORDER, lastUpdated: '2026-11-20T18:00:00Z', shipmentId: 4455, lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPrice: 50, itemId: 'MLB3840513395' }] }));
		sim.shipments.set(4455, mlShipment(4455, 'delivered'));
	});
	afterEach(async () => {
		await trigger.close();
		await store.close();
		await sim.stop();
	});

	/** The published post_purchase notification, for this simulator's seller; `id` its notification id. */
	const notification = (id = '5e2827f2-99b7-474e-b68b-6a86e934cc7e', claim = CLAIM, seller = String(sim.sellerId)) =>
		delivery(published('mercadolivre', 'webhook-post_purchase.json').replace('123456789', seller).replace('5108684499', String(claim)).replace('5e2827f2-99b7-474e-b68b-6a86e934cc7e', id));
	const apply = async (items: unknown[] | undefined) => store.applyOrders((items ?? []) as unknown as CanonicalOrder[]);
	const onHand = async () => (await store.getAvailability(['CAM-AZ-M']))[0].onHand;

	it('a return in the seller\'s hands: the claim leads to the order, emitted `returned`; Apply restocks; the retry emits nothing', async () => {
		// The order was delivered and deducted; the buyer returns both units (the claim names no mediation on the order).
		sim.putReturnClaim(ORDER, CLAIM, { status: 'shipped', units: 2, itemId: 'MLB3840513395' });
		const before = await trigger.deliver(notification('n-1'));
		expect(before.items).toEqual([expect.objectContaining({ channelOrderId: String(ORDER), status: 'delivered' })]);
		await apply(before.items);
		expect(await onHand()).toBe(8);

		sim.putReturnClaim(ORDER, CLAIM, { status: 'delivered', units: 2, itemId: 'MLB3840513395' });
		const back = await trigger.deliver(notification('n-2'));
		expect(back.status).toBe(200);
		expect(back.items).toEqual([expect.objectContaining({ channel: 'mercadolivre', channelOrderId: String(ORDER), status: 'returned' })]);
		expect((back.items![0] as unknown as CanonicalOrder).lines[0]).toMatchObject({ sku: 'CAM-AZ-M', quantity: 2, returnedQuantity: 2 });
		expect(sim.requests(new RegExp(`^/post-purchase/v1/claims/${CLAIM}$`))).toHaveLength(2);
		const [applied] = await apply(back.items);
		expect(applied.effects).toEqual([{ effect: 'restock', key: 'restock', lines: [{ sku: 'CAM-AZ-M', quantity: 2 }] }]);
		expect(await onHand()).toBe(10);

		// ML's retry of the same notification (same id): 200, nothing read, nothing emitted.
		const claimReads = sim.requests(/claims/).length;
		expect(await trigger.deliver(notification('n-2'))).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests(/claims/)).toHaveLength(claimReads);
	});

	it('another seller: 401, nothing read; a claim about a payment (not an order): 200, nothing emitted', async () => {
		expect(await trigger.deliver(notification('n-3', CLAIM, '111'))).toMatchObject({ status: 401, items: undefined });
		expect(sim.requests()).toEqual([]);
		sim.putReturnClaim(ORDER, 777, { status: 'delivered', units: 1 });
		sim.claims.get(ORDER)!.find((c) => c.claim.id === 777)!.claim.resource = 'payment';
		expect(await trigger.deliver(notification('n-4', 777))).toMatchObject({ status: 200, items: undefined });
		expect(sim.requests(/^\/orders\//)).toEqual([]);
	});
});
