import type { IDataObject } from 'n8n-workflow';
import type { CanonicalOrder } from '../../core/model/order';
import { orderTriggerPoll } from '../../nodes/shared/order-trigger';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { WooCommerceTrigger } from '../../nodes/WooCommerceTrigger/WooCommerceTrigger.node';
import { PollHarness } from '../harness/n8n-poll-harness';
import { TINY_RETRY } from '../channels/trigger-conformance';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';
import { DRIVERS, openFresh } from '../store/stores';
import { runSync } from '../harness/n8n-sync-harness';

/**
 * The catch-up: a run fails after its trigger emitted (the cursor moved on, the orders never reached the
 * store); OMS Status Sync → Re-Import Recent Orders reads them again and OMS Store applies each exactly once.
 */

const keys = { consumerKey: 'ck_test', consumerSecret: 'cs_test' };
const T0 = Date.parse('2026-03-10T14:20:00.000Z');
let sim: WooCommerceSimulator;
let clock = T0;

beforeEach(async () => {
	sim = new WooCommerceSimulator(keys);
	await sim.start();
	clock = T0;
});
afterEach(() => sim.stop());

const credentials = () => ({ siteUrl: `${sim.baseUrl}/`, ...keys });
const basicAuth = <T extends object>(c: IDataObject, req: T) => ({ ...req, auth: { username: String(c.consumerKey), password: String(c.consumerSecret) } });

function trigger(): PollHarness {
	const nodeType = new WooCommerceTrigger();
	nodeType.poll = orderTriggerPoll('woocommerce', { retry: TINY_RETRY, timeoutMs: 500, now: () => new Date(clock) });
	return new PollHarness({ nodeType, credentials: credentials(), authenticate: basicAuth });
}

async function reimport(hoursBack: number): Promise<IDataObject[]> {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ retry: TINY_RETRY, timeoutMs: 500, now: () => new Date(clock) });
	const out = await runSync({
		nodeType,
		parameters: { channel: 'woocommerce', operation: 'reimportOrders', hoursBack },
		credentials: { wooCommerceOmsApi: credentials() },
		authenticate: (_type, c, req) => basicAuth(c, req),
	});
	return out.map((i) => i.json);
}

const put = (n: number, minutes: number) =>
	sim.put(wooOrder({ id: 900 + n, modifiedGmt: new Date(T0 + minutes * 60_000).toISOString().slice(0, 19), createdGmt: new Date(T0 - 86_400_000 + n * 1000).toISOString().slice(0, 19), lines: [{ sku: 'Bar3', quantity: 2, subtotal: '24.00' }] }));

describe.each(DRIVERS)('catch-up after a run that failed past its trigger (%s store)', (driver) => {
	it('re-importing the last hours reserves every lost order exactly once, however often it runs', async () => {
		const { store } = await openFresh(driver);
		try {
			const h = trigger();
			await h.poll();
			for (let n = 1; n <= 60; n++) put(n, 2 + (n % 10));
			clock = T0 + 15 * 60_000;
			const emitted = (await h.poll())!;
			expect(emitted).toHaveLength(60);
			// The run failed after the trigger: nothing reached the store, and the trigger has moved on.
			clock = T0 + 30 * 60_000;
			expect(await h.poll()).toBeNull();
			expect(await store.getAvailability(['Bar3'])).toEqual([]);

			// Nightly: re-import the last 24 hours, twice (a retried run), and the late retry of the failed run.
			clock = T0 + 8 * 3600_000;
			const first = await reimport(24);
			expect(first.map((o) => o.channelOrderId).sort()).toEqual(emitted.map((o) => o.channelOrderId).sort());
			for (const batch of [first, await reimport(24), emitted]) await store.applyOrders(batch as unknown as CanonicalOrder[]);
			const [level] = await store.getAvailability(['Bar3']);
			expect(level).toMatchObject({ sku: 'Bar3', reserved: 120 });
			const reserveRows = (await store.listLedger({ sku: 'Bar3' })).filter((r) => r.reason === 'reserve');
			expect(reserveRows).toHaveLength(60);
			expect((await store.reconcile(false)).drift).toEqual([]);
		} finally {
			await store.close();
		}
	});
});

it('re-import reads only the hours asked for', async () => {
	put(1, 2);
	put(2, 60 * 5);
	clock = T0 + 6 * 3600_000;
	expect((await reimport(2)).map((o) => o.channelOrderId)).toEqual(['902']);
});
