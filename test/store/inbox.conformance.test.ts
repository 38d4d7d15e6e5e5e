import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { DRIVERS, openFresh, rawQuery } from './stores';

/** The webhook inbox (recordDelivery / pruneDeliveries), on both drivers. */

describe.each(DRIVERS)('webhook inbox on %s', (driver) => {
	let store: OmsStore;
	let config: StoreConfig;
	let now: Date;
	beforeEach(async () => {
		now = new Date('2026-11-20T12:00:00Z');
		({ store, config } = await openFresh(driver, { clock: () => now }));
	});
	afterEach(() => store.close());

	test('a delivery is new once; its repeat is a duplicate; the key is (channel, account, event id)', async () => {
		const d = { channel: 'shopify', account: 'loja.myshopify.com', eventId: 'evt-1' };
		expect(await store.recordDelivery(d)).toBe('new');
		expect(await store.recordDelivery(d)).toBe('duplicate');
		expect(await store.recordDelivery({ ...d, account: 'outra.myshopify.com' })).toBe('new');
		expect(await store.recordDelivery({ ...d, channel: 'woocommerce' })).toBe('new');
		expect(await store.recordDelivery({ ...d, eventId: 'evt-2' })).toBe('new');
		const rows = await rawQuery(config, "SELECT channel, account, event_id FROM oms_webhook_inbox WHERE event_id = 'evt-1' ORDER BY channel, account");
		expect(rows.map((r) => [r.channel, r.account, r.event_id])).toEqual([
			['shopify', 'loja.myshopify.com', 'evt-1'],
			['shopify', 'outra.myshopify.com', 'evt-1'],
			['woocommerce', 'loja.myshopify.com', 'evt-1'],
		]);
	});

	test('concurrent deliveries of one event: exactly one is new', async () => {
		// A second store on the same database: another n8n process (SQLite shares the file, PostgreSQL the server).
		const other = createStore(config);
		try {
			const d = { channel: 'vtex', account: 'luxstore', eventId: 'v1-01|handling|2026-11-20T11:59:00Z' };
			const outcomes = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? other : store).recordDelivery(d)));
			expect(outcomes.filter((o) => o === 'new')).toHaveLength(1);
			expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(23);
		} finally {
			await other.close();
		}
	});

	test('pruning forgets deliveries older than the cutoff, and only those', async () => {
		await store.recordDelivery({ channel: 'mercadolivre', account: '123', eventId: 'old-1', receivedAt: new Date('2026-11-01T00:00:00Z') });
		await store.recordDelivery({ channel: 'mercadolivre', account: '123', eventId: 'old-2', receivedAt: new Date('2026-11-12T23:59:59Z') });
		await store.recordDelivery({ channel: 'mercadolivre', account: '123', eventId: 'recent' });
		expect(await store.pruneDeliveries(new Date('2026-11-13T00:00:00Z'))).toBe(2);
		expect(await store.pruneDeliveries(new Date('2026-11-13T00:00:00Z'))).toBe(0);
		expect(await store.recordDelivery({ channel: 'mercadolivre', account: '123', eventId: 'recent' })).toBe('duplicate');
		// A pruned event is unknown again (channels stop retrying long before the retention ends).
		expect(await store.recordDelivery({ channel: 'mercadolivre', account: '123', eventId: 'old-1' })).toBe('new');
	});

	test('pruning a large inbox takes every row in bounded statements', async () => {
		const old = new Date('2026-10-01T00:00:00Z');
		for (let i = 0; i < 60; i++) await store.recordDelivery({ channel: 'nuvemshop', account: '1', eventId: `e${i}`, receivedAt: old });
		expect(await store.pruneDeliveries(new Date('2026-10-02T00:00:00Z'))).toBe(60);
	});

	test('bad entries are refused before the database', async () => {
		await expect(store.recordDelivery({ channel: '', account: 'a', eventId: 'e' })).rejects.toThrow('Delivery channel must be a non-empty string');
		await expect(store.recordDelivery({ channel: 'shopify', account: 'a', eventId: ' ' })).rejects.toThrow('Delivery eventId must be a non-empty string');
		await expect(store.recordDelivery({ channel: 'shopify', account: 'a', eventId: 'x'.repeat(513) })).rejects.toThrow('at most 512 characters');
		await expect(store.recordDelivery({ channel: 'shopify', account: 'a', eventId: 'e', receivedAt: new Date('nope') })).rejects.toThrow('valid date');
		await expect(store.pruneDeliveries(new Date('nope'))).rejects.toThrow('valid date');
	});

	test('an event id is data, never SQL', async () => {
		const eventId = "x'); DROP TABLE oms_webhook_inbox; --";
		expect(await store.recordDelivery({ channel: 'shopify', account: 'a', eventId })).toBe('new');
		expect(await store.recordDelivery({ channel: 'shopify', account: 'a', eventId })).toBe('duplicate');
	});

	test('a version-2 database gains the inbox on upgrade', async () => {
		const v2 = await openFresh(driver, { targetVersion: 2 });
		expect(await v2.store.schemaVersion()).toBe(2);
		await v2.store.close();
		const upgraded = createStore(v2.config);
		try {
			expect(await upgraded.recordDelivery({ channel: 'magalu', account: 'loja', eventId: 'e' })).toBe('new');
			expect(await upgraded.schemaVersion()).toBeGreaterThanOrEqual(3);
		} finally {
			await upgraded.close();
		}
	});
});
