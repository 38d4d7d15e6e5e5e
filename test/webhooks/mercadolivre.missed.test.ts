import type { IDataObject } from 'n8n-workflow';
import { missedEntryDelivery } from '../../core/channels/mercadolivre/missed-feeds';
import { mercadoLivreWebhookReader } from '../../core/channels/mercadolivre/webhook';
import { closeSharedStores } from '../../core/store/open';
import { recoverMissed } from '../../core/webhooks/recover';
import type { IntakeContext } from '../../core/webhooks/intake';
import { sweeperOf } from '../../nodes/OmsWebhookTrigger/queue';
import type { WebhookHarness } from '../harness/n8n-webhook-harness';
import { MercadoLivreNotifySimulator } from '../simulators/mercadolivre-missed';
import { mlOrder } from '../simulators/mercadolivre';
import { delivery, published, publishedJson } from './deliveries';
import { mercadoLivreTrigger } from './trigger-helpers';

/**
 * Mercado Livre's missed_feeds as the webhook trigger's reconciler. Published payload:
 * test/fixtures/published/mercadolivre/missed-feeds.json, the response example of `GET /missed_feeds?app_id=…`
 * on https://developers.mercadolivre.com.br/produto-receba-notificacoes ("Histórico das notificações"; see that
 * folder's SOURCES.md for the mirror and the one repair).
 */

afterAll(() => closeSharedStores());

type Entry = Record<string, unknown>;
const publishedEntries = () => publishedJson<{ messages: Entry[] }>('mercadolivre', 'missed-feeds.json').messages;

describe('missed_feeds entries as deliveries (published example)', () => {
	const app = '3486171129139063';

	it("an entry becomes the body ML posted (request.data, ids as sent) with the entry's _id in front", () => {
		const [first, second] = publishedEntries();
		const d = missedEntryDelivery(second);
		expect(JSON.parse(d.rawBody.toString('utf8'))).toEqual({ _id: '5da87eea5b35b865994cfd7d', ...JSON.parse((second.request as { data: string }).data) });
		// user_id is a string in the first entry's body, a number in the second: both authenticate by their digits.
		expect(mercadoLivreWebhookReader.authenticate(d, { account: '468424240', appId: app })).toBe(true);
		expect(mercadoLivreWebhookReader.authenticate(missedEntryDelivery(first), { account: '465432224', appId: app })).toBe(true);
		expect(mercadoLivreWebhookReader.authenticate(missedEntryDelivery(first), { account: '468424240', appId: app })).toBe(false);
		expect(mercadoLivreWebhookReader.authenticate(d, { account: '468424240', appId: '999' })).toBe(false);
		expect(mercadoLivreWebhookReader.read(d)).toEqual({ ignore: 'Mercado Livre topic "items" is not orders_v2 or post_purchase' });
	});

	it('an entry without request.data is read from its own fields', () => {
		const entry: Entry = { ...publishedEntries()[1], topic: 'orders_v2', resource: '/orders/2195160686' };
		delete entry.request;
		const read = mercadoLivreWebhookReader.read(missedEntryDelivery(entry));
		expect(read).toEqual({ eventId: '5da87eea5b35b865994cfd7d', channelOrderId: '2195160686', topic: 'orders_v2' });
	});

	it('recoverMissed over the published page: one refused (another seller of the app), one ignored (items), none queued', async () => {
		const accepted: string[] = [];
		const intake: IntakeContext = {
			channel: 'mercadolivre',
			account: '468424240',
			reader: mercadoLivreWebhookReader,
			secrets: { account: '468424240', appId: app },
			accept: async (read) => {
				accepted.push(read.channelOrderId);
				return 'new';
			},
		};
		const source = { pages: async function* () { yield publishedEntries().map(missedEntryDelivery); } };
		expect(await recoverMissed(source, intake)).toEqual({ read: 2, queued: 0, duplicate: 0, refused: 1, ignored: 1 });
		expect(accepted).toEqual([]);
	});
});

describe('OMS Order Webhook Trigger: Mercado Livre missed notifications (simulator)', () => {
	const TOKEN = 'APP_USR-1234567890-test';
	const CLIENT_ID = '5503910054141466';
	let sim: MercadoLivreNotifySimulator;
	let trigger: WebhookHarness;
	const make = (minutes?: number) => mercadoLivreTrigger(sim, TOKEN, CLIENT_ID, minutes === undefined ? {} : { missedFeedsMinutes: minutes });
	beforeEach(async () => {
		sim = new MercadoLivreNotifySimulator(TOKEN, CLIENT_ID);
		await sim.start();
		trigger = make();
	});
	afterEach(async () => {
		await trigger.close();
		await sim.stop();
	});

	const live = (orderId: number, id: string) =>
		delivery(published('mercadolivre', 'webhook-orders_v2.json').replace('2195160686', String(orderId)).replace('468424240', String(sim.sellerId)).replace('f9f08571-1f65-4c46-9e0a-c0f43faas1557e', id));
	const sweep = async () => {
		await trigger.startDrain();
		return sweeperOf(trigger.queue)!.sweep();
	};
	const ids = (executions: IDataObject[][]) => executions.flat().map((o) => o.channelOrderId);

	it('a sweep queues what the live webhook missed, skips what it took and what names another seller; the order is read with the token', async () => {
		for (const id of [2000000000000001, 2000000000000002, 2000000000000003]) sim.put(mlOrder({ id, lastUpdated: '2026-11-27T21:50:00Z', shipmentId: null }));
		expect(await trigger.deliver(live(2000000000000001, 'n-1'))).toMatchObject({ status: 200, items: [expect.objectContaining({ channelOrderId: '2000000000000001' })] });
		sim.lose(2000000000000001, 'n-1').lose(2000000000000002, 'n-2').lose(2000000000000003, 'n-3', { seller: 111 });
		expect(await sweep()).toEqual({ read: 3, queued: 1, duplicate: 1, refused: 1, ignored: 0 });
		expect(ids(await trigger.settle())).toEqual(['2000000000000002']);
		expect(sim.requests(/^\/orders\/2000000000000002$/)).toHaveLength(1);
		expect(sim.requests(/^\/orders\/2000000000000003$/)).toEqual([]);
		const [call] = sim.requests(/^\/missed_feeds$/);
		expect(Object.fromEntries(call.query)).toEqual({ app_id: CLIENT_ID, topic: 'orders_v2', offset: '0', limit: '50' });
		// Nothing is consumed by reading: the next sweep sees the same entries, all already taken.
		expect(await sweep()).toEqual({ read: 3, queued: 0, duplicate: 2, refused: 1, ignored: 0 });
		expect(await trigger.settle()).toEqual([]);
	});

	it('lost claims notifications (post_purchase) are read too, after the orders: the claim leads to its order', async () => {
		sim.put(mlOrder({ id: 2000000000000201, lastUpdated: '2026-11-27T21:50:00Z', shipmentId: null }));
		sim.putReturnClaim(2000000000000201, 5100000001, { status: 'shipped', units: 1 });
		sim.lose(2000000000000201, 'c-1', { claimId: 5100000001 });
		expect(await sweep()).toEqual({ read: 1, queued: 1, duplicate: 0, refused: 0, ignored: 0 });
		expect(ids(await trigger.settle())).toEqual(['2000000000000201']);
		expect(sim.requests(/^\/missed_feeds$/).map((r) => r.query.get('topic'))).toEqual(['orders_v2', 'post_purchase']);
		expect(sim.requests(/^\/post-purchase\/v1\/claims\/5100000001$/)).toHaveLength(1);
	});

	it('pages until a short page; a failed page keeps what was queued and the next sweep takes the rest', async () => {
		for (let n = 1; n <= 60; n++) {
			sim.put(mlOrder({ id: 2000000000000100 + n, lastUpdated: '2026-11-27T21:50:00Z', shipmentId: null }));
			sim.lose(2000000000000100 + n, `p-${n}`);
		}
		// The second page fails beyond the retries.
		sim.afterNext((r) => r.path === '/missed_feeds', () => {
			for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 500 }, /^\/missed_feeds$/);
		});
		expect(await sweep()).toBeUndefined();
		expect(ids(await trigger.settle())).toHaveLength(50);
		expect(await sweep()).toEqual({ read: 60, queued: 10, duplicate: 50, refused: 0, ignored: 0 });
		expect(ids(await trigger.settle())).toHaveLength(10);
		expect(sim.requests(/^\/missed_feeds$/).map((r) => r.query.get('offset'))).toEqual(expect.arrayContaining(['0', '50']));
	});

	it('0 minutes turns the sweep off', async () => {
		await trigger.close();
		trigger = make(0);
		await trigger.startDrain();
		expect(sweeperOf(trigger.queue)).toBeUndefined();
	});
});
