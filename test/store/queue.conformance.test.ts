import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { DRIVERS, openFresh } from './stores';

/** The webhook delivery queue (acceptDelivery, claims, renew, complete, fail, status), on both drivers. */

const Q = 'wf-1:node-1';
const delivery = (n: number, extra: object = {}) => ({ queue: Q, channel: 'woocommerce', account: 'loja.example', eventId: `d-${n}`, channelOrderId: String(n), topic: 'order.created', body: JSON.stringify({ id: n }), ...extra });

describe.each(DRIVERS)('webhook delivery queue on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	let now: Date;
	const tick = (ms: number) => (now = new Date(now.getTime() + ms));
	beforeEach(async () => {
		now = new Date('2026-11-27T12:00:00Z');
		({ store, config } = await openFresh(driver, { clock: () => now }));
	});
	afterEach(() => store.close());

	test('an accepted delivery is queued once; a repeated event id queues nothing; pointers queue without a body', async () => {
		expect(await store.acceptDelivery(delivery(1))).toBe('new');
		expect(await store.acceptDelivery(delivery(1))).toBe('duplicate');
		// No event id (Nuvemshop, Magalu): nothing to de-duplicate on, always queued.
		expect(await store.acceptDelivery({ queue: Q, channel: 'nuvemshop', account: '1', channelOrderId: '77' })).toBe('new');
		expect(await store.acceptDelivery({ queue: Q, channel: 'nuvemshop', account: '1', channelOrderId: '77' })).toBe('new');
		// The event id is the same de-duplication recordDelivery uses.
		expect(await store.recordDelivery({ channel: 'woocommerce', account: 'loja.example', eventId: 'd-1' })).toBe('duplicate');
		expect(await store.queueStatus(Q)).toEqual({ pending: 3, claimed: 0, failed: 0, oldestPendingAt: '2026-11-27T12:00:00.000Z' });
		const rows = await store.claimDeliveries(Q, 'a', { limit: 10, ttlMs: 60_000 });
		expect(rows.map((r) => [r.channel, r.channelOrderId, r.body, r.topic, r.attempts])).toEqual([
			['woocommerce', '1', '{"id":1}', 'order.created', 0],
			['nuvemshop', '77', null, null, 0],
			['nuvemshop', '77', null, null, 0],
		]);
		expect(await store.queueStatus('another-queue')).toEqual({ pending: 0, claimed: 0, failed: 0, oldestPendingAt: null });
	});

	test('claims take the oldest first, up to the limit, and never the same row twice until the claim expires', async () => {
		for (let i = 1; i <= 5; i++) await store.acceptDelivery(delivery(i));
		const a = await store.claimDeliveries(Q, 'a', { limit: 3, ttlMs: 60_000 });
		const b = await store.claimDeliveries(Q, 'b', { limit: 3, ttlMs: 60_000 });
		expect(a.map((r) => r.channelOrderId)).toEqual(['1', '2', '3']);
		expect(b.map((r) => r.channelOrderId)).toEqual(['4', '5']);
		expect(await store.claimDeliveries(Q, 'c', { limit: 3, ttlMs: 60_000 })).toEqual([]);
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 0, claimed: 5 });
		// a renews; b's process died: its claims expire and c takes them.
		tick(50_000);
		await store.renewDeliveries(Q, 'a', a.map((r) => r.seq), 60_000);
		tick(20_000);
		const c = await store.claimDeliveries(Q, 'c', { limit: 10, ttlMs: 60_000 });
		expect(c.map((r) => r.channelOrderId)).toEqual(['4', '5']);
		// b finishes late: the rows are c's now, b completes nothing; c does.
		expect(await store.completeDeliveries(Q, 'b', b.map((r) => r.seq))).toBe(0);
		expect(await store.completeDeliveries(Q, 'c', c.map((r) => r.seq))).toBe(2);
		expect(await store.completeDeliveries(Q, 'a', a.map((r) => r.seq))).toBe(3);
		expect(await store.queueStatus(Q)).toEqual({ pending: 0, claimed: 0, failed: 0, oldestPendingAt: null });
	});

	test('concurrent drains on two connections claim disjoint rows', async () => {
		for (let i = 1; i <= 40; i++) await store.acceptDelivery(delivery(i));
		const other = createStore(config, { clock: () => now });
		try {
			const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).claimDeliveries(Q, `h${i}`, { limit: 7, ttlMs: 60_000 })));
			const seqs = claims.flat().map((r) => r.seq);
			expect(new Set(seqs).size).toBe(seqs.length);
			expect(seqs).toHaveLength(40);
		} finally {
			await other.close();
		}
	});

	test('a failure gives the rows back with backoff, as retried rows; they park after the maximum attempts', async () => {
		await store.acceptDelivery(delivery(1));
		await store.acceptDelivery(delivery(2));
		const [r1, r2] = await store.claimDeliveries(Q, 'a', { limit: 10, ttlMs: 60_000 });
		await store.failDeliveries(Q, 'a', [r1.seq], { error: 'execution 12 failed', maxAttempts: 2 });
		// Not due for 30 s; fresh claims never take a retried row.
		expect(await store.claimDeliveries(Q, 'b', { limit: 10, ttlMs: 60_000, retried: true })).toEqual([]);
		tick(30_000);
		expect(await store.claimDeliveries(Q, 'b', { limit: 10, ttlMs: 60_000 })).toEqual([]);
		const again = await store.claimDeliveries(Q, 'b', { limit: 10, ttlMs: 60_000, retried: true });
		expect(again.map((r) => [r.seq, r.attempts])).toEqual([[r1.seq, 1]]);
		await store.failDeliveries(Q, 'b', [r1.seq], { error: 'execution 13 failed', maxAttempts: 2 });
		tick(3600_000);
		expect(await store.claimDeliveries(Q, 'c', { limit: 10, ttlMs: 60_000, retried: true })).toEqual([]);
		// r1 parked; r2's claim lapsed (a never renewed it): due again, still named a's until someone claims it.
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 1, claimed: 0, failed: 1 });
		// Only the holder's claims are given back.
		await store.failDeliveries(Q, 'z', [r2.seq], { error: 'not mine', maxAttempts: 1 });
		expect(await store.completeDeliveries(Q, 'a', [r2.seq])).toBe(1);
		// The retention prune forgets parked rows with the ids; waiting rows are never pruned.
		await store.acceptDelivery(delivery(3));
		expect(await store.pruneDeliveries(new Date(now.getTime() + 1))).toBe(4);
		expect(await store.queueStatus(Q)).toMatchObject({ pending: 1, failed: 0 });
	});

	test('the backoff doubles from 30 s', async () => {
		await store.acceptDelivery(delivery(1));
		const due: number[] = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			const t0 = now.getTime();
			const [row] = await store.claimDeliveries(Q, 'a', { limit: 1, ttlMs: 1000, retried: attempt > 0 });
			await store.failDeliveries(Q, 'a', [row.seq], { error: 'x', maxAttempts: 10 });
			let waited = 0;
			while ((await store.claimDeliveries(Q, 'probe', { limit: 1, ttlMs: 1, retried: true })).length === 0) waited = tick(5_000).getTime() - t0;
			due.push(waited);
			tick(1); // the probe's 1 ms claim lapses
		}
		expect(due).toEqual([30_000, 60_000, 120_000]);
	});

	test('bad inputs are refused before the database', async () => {
		await expect(store.acceptDelivery({ ...delivery(1), queue: '' })).rejects.toThrow('Delivery queue must be a non-empty string');
		await expect(store.acceptDelivery({ ...delivery(1), channelOrderId: ' ' })).rejects.toThrow('Delivery channelOrderId');
		await expect(store.acceptDelivery({ ...delivery(1), eventId: 'x'.repeat(513) })).rejects.toThrow('at most 512');
		await expect(store.claimDeliveries(Q, 'a', { limit: 0, ttlMs: 1000 })).rejects.toThrow('1 to 10000 rows');
		await expect(store.claimDeliveries(Q, 'a', { limit: 1, ttlMs: 0 })).rejects.toThrow('whole number of milliseconds');
		await expect(store.completeDeliveries(Q, 'a', [0])).rejects.toThrow('positive integers');
		await expect(store.failDeliveries(Q, 'a', [1], { error: 'x', maxAttempts: 0 })).rejects.toThrow('maxAttempts');
	});

	test('a body and an id are data, never SQL', async () => {
		const evil = "x'); DROP TABLE oms_webhook_queue; --";
		expect(await store.acceptDelivery({ ...delivery(1), channelOrderId: evil, body: evil, topic: evil })).toBe('new');
		const [row] = await store.claimDeliveries(Q, 'a', { limit: 1, ttlMs: 1000 });
		expect([row.channelOrderId, row.body, row.topic]).toEqual([evil, evil, evil]);
	});

	test('a version-9 database gains the queue on upgrade, keeping the ids it had', async () => {
		const v6 = await openFresh(driver, { targetVersion: 9 });
		await v6.store.recordDelivery({ channel: 'shopify', account: 's', eventId: 'old' });
		await v6.store.close();
		const upgraded = createStore(v6.config);
		try {
			expect(await upgraded.acceptDelivery({ queue: Q, channel: 'shopify', account: 's', eventId: 'old', channelOrderId: '1' })).toBe('duplicate');
			expect(await upgraded.acceptDelivery({ queue: Q, channel: 'shopify', account: 's', eventId: 'new', channelOrderId: '1' })).toBe('new');
			expect(await upgraded.schemaVersion()).toBeGreaterThanOrEqual(10);
		} finally {
			await upgraded.close();
		}
	});
});
