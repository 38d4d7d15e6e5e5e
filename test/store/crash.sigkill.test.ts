import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, freshPgConfig, type DriverName } from './stores';
import { checkInvariants, ledgerFootprints, levelMap, nonZero } from './workers/invariants';
import { StockModel, type Snapshot } from './workers/model';
import { orderHistories } from './workers/scenario';
import { chunks, rng, startWorker } from './workers/spawn';

/**
 * A worker process is SIGKILLed in the middle of a batch. The database must hold every batch whole or not at
 * all (levels equal those of some prefix of the batches, counters equal the ledger), and applying the same
 * batches again must complete the work exactly once.
 */

const HOT = ['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4', 'HOT-5'];
const toOrder = (s: Snapshot) => order(s.id, s.status, s.lines, { minute: s.minute, warehouse: s.warehouse });

/** Expected levels and per-order footprints after the first k batches, for every k. */
function prefixStates(batches: Snapshot[][]) {
	const model = new StockModel();
	for (const sku of HOT) model.setOnHand('default', sku, 500);
	const out = [{ levels: nonZero(model.levels()), footprints: model.footprints() }];
	for (const b of batches) {
		for (const s of b) model.apply(s);
		out.push({ levels: nonZero(model.levels()), footprints: model.footprints() });
	}
	return out;
}

describe.each(DRIVERS)('%s: SIGKILL in the middle of a batch', (driver: DriverName) => {
	let dir: string;
	let store: OmsStore;
	let config: StoreConfig;
	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-crash-'));
		config = driver === 'sqlite' ? { driver: 'sqlite', path: path.join(dir, 'crash.sqlite') } : await freshPgConfig();
		store = createStore(config);
		await store.setOnHand(HOT.map((sku) => ({ sku, onHand: 500 })));
	});
	afterEach(async () => {
		await store.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('killed inside the transaction after its rows were written: nothing of the batch remains; re-applying completes it once', async () => {
		// Large enough that SQLite spills uncommitted pages into the WAL before the kill.
		const batch = orderHistories(1500, HOT, rng(7), 'k').map((h) => h[h.length - 1]);
		const worker = startWorker({ config, steps: [{ orders: batch.map(toOrder) }], pauseInTxAtStep: 0 }, dir, 'paused');
		await worker.next('ready');
		worker.child.send('go');
		await worker.next('in-tx');
		worker.child.kill('SIGKILL');
		expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });

		const [before, after] = prefixStates([batch]);
		const afterCrash = await checkInvariants(store);
		expect(afterCrash.ledger.filter((e) => e.orderKey !== null)).toEqual([]);
		expect(nonZero(levelMap(afterCrash.levels))).toEqual(before.levels);

		const first = await store.applyOrders(batch.map(toOrder));
		expect(first.filter((r) => r.outcome === 'applied').length).toBeGreaterThan(1000);
		const again = await store.applyOrders(batch.map(toOrder));
		expect(again.filter((r) => r.outcome !== 'unchanged')).toEqual([]);
		const done = await checkInvariants(store);
		expect(nonZero(levelMap(done.levels))).toEqual(after.levels);
		expect(ledgerFootprints(done.ledger)).toEqual(after.footprints);
	}, 120_000);

	test('killed at a random moment during a stream of batches: a whole prefix survives; re-applying all ends exactly once', async () => {
		const random = rng(Number(process.env.OMS_TEST_SEED ?? 99));
		// Snapshots in minute order (one writer: nothing stale), cut into large batches.
		const all = orderHistories(1200, HOT, random, 's').flat().sort((a, b) => a.minute - b.minute);
		const batches = chunks(all, 250, random);
		const states = prefixStates(batches);

		const worker = startWorker({ config, steps: batches.map((b) => ({ orders: b.map(toOrder) })) }, dir, 'stream');
		await worker.next('ready');
		worker.child.send('go');
		await worker.next('committed');
		await new Promise((r) => setTimeout(r, 5 + random() * 60));
		worker.child.kill('SIGKILL');
		await worker.exited;
		const committed = worker.messages.filter((m) => m.type === 'committed').length;
		expect(committed).toBeLessThan(batches.length); // the kill landed before the end

		const { levels, ledger } = await checkInvariants(store);
		const seen = nonZero(levelMap(levels));
		// The state is that of exactly `committed` or `committed + 1` whole batches (the last ack may be lost),
		// down to each order's own ledger rows: no order is half applied.
		const prefix = states.findIndex((st, k) => k >= committed && JSON.stringify(st.levels) === JSON.stringify(seen));
		expect([committed, committed + 1]).toContain(prefix);
		expect(ledgerFootprints(ledger)).toEqual(states[prefix].footprints);

		for (const b of batches) await store.applyOrders(b.map(toOrder));
		const done = await checkInvariants(store);
		expect(nonZero(levelMap(done.levels))).toEqual(states[batches.length].levels);
		expect(ledgerFootprints(done.ledger)).toEqual(states[batches.length].footprints);
	}, 120_000);
});
