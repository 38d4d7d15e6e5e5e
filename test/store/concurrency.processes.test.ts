import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { orderKeyOf } from '../../core/model/order';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { AdjustInput, OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, freshPgConfig, type DriverName } from './stores';
import { checkInvariants, ledgerFootprints, levelMap, nonZero } from './workers/invariants';
import { StockModel, type Snapshot } from './workers/model';
import { orderHistories } from './workers/scenario';
import { chunks, rng, shuffle, startWorker, type WorkerStep } from './workers/spawn';

/**
 * Four OS processes, each with its own connection/pool, apply overlapping work to one database at the same
 * time: the same order ids (each process sees a random, shuffled subset of every order's snapshots, so
 * stale and duplicate snapshots race each other), the same five hot SKUs, mixed statuses, batches of 1-12,
 * and the same idempotent stock adjustments. Whatever the interleaving, the result must be exactly the
 * single-writer result: zero drift, no effect twice, and the levels of each order's latest snapshot.
 */

const WORKERS = 4;
const HOT = ['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4', 'HOT-5'];
const SEED = Number(process.env.OMS_TEST_SEED ?? 20261120);

const toOrder = (s: Snapshot) => order(s.id, s.status, s.lines, { minute: s.minute, warehouse: s.warehouse });

function workerPlans(histories: Snapshot[][], adjusts: AdjustInput[], random: () => number): WorkerStep[][] {
	return Array.from({ length: WORKERS }, (_, w) => {
		// Every worker gets ~70% of all snapshots; each order's latest snapshot is guaranteed to one of them.
		const mine = histories.flatMap((h, i) => h.filter((s, j) => random() < 0.7 || (j === h.length - 1 && i % WORKERS === w)));
		const steps: WorkerStep[] = chunks(shuffle(mine, random), 12, random).map((batch) => ({ orders: batch.map(toOrder) }));
		for (const a of adjusts) steps.splice(Math.floor(random() * (steps.length + 1)), 0, { adjust: [a] });
		return steps;
	});
}

async function freshConfig(driver: DriverName, dir: string): Promise<StoreConfig> {
	return driver === 'sqlite' ? { driver: 'sqlite', path: path.join(dir, 'shared.sqlite') } : freshPgConfig();
}

describe.each(DRIVERS)('%s: four processes on one database', (driver) => {
	let dir: string;
	let store: OmsStore;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-conc-'));
	});
	afterEach(async () => {
		await store?.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('overlapping orders, hot SKUs and idempotent adjustments end exactly as one writer would', async () => {
		const random = rng(SEED);
		const config = await freshConfig(driver, dir);
		store = createStore(config);
		const model = new StockModel();
		await store.setOnHand(HOT.map((sku) => ({ sku, onHand: 40 })));
		for (const sku of HOT) model.setOnHand('default', sku, 40);

		const histories = orderHistories(120, HOT, random);
		const adjusts: AdjustInput[] = HOT.map((sku, i) => ({ sku, delta: i - 2, ref: `recount-${i}` }));
		const plans = workerPlans(histories, adjusts, random);

		const workers = plans.map((steps, i) => startWorker({ config, steps, gapMs: 3 }, dir, `worker-${i}`));
		await Promise.all(workers.map((w) => w.next('ready')));
		for (const w of workers) w.child.send('go');
		const exits = await Promise.all(workers.map((w) => w.exited));
		expect(workers.map((w) => w.messages.filter((m) => m.type === 'error'))).toEqual(plans.map(() => []));
		expect(exits).toEqual(plans.map(() => ({ code: 0, signal: null })));
		// The processes really interleaved: in commit order, the committing process changed many times.
		const commits = workers.flatMap((w, i) => w.messages.filter((m) => m.type === 'committed').map((m) => ({ at: m.at!, i }))).sort((a, b) => a.at - b.at);
		expect(commits.filter((c, k) => k > 0 && c.i !== commits[k - 1].i).length).toBeGreaterThan(20);

		// Expected: the counts, each adjustment once, and each order's latest snapshot.
		for (const a of adjusts) model.adjust('default', a.sku, a.delta, a.ref);
		for (const h of histories) model.apply(h[h.length - 1]);

		const { levels, ledger } = await checkInvariants(store);
		expect(nonZero(levelMap(levels))).toEqual(nonZero(model.levels()));
		expect(ledgerFootprints(ledger)).toEqual(model.footprints());
		// Each adjustment ref is in the ledger once although all four processes applied it.
		expect(ledger.filter((e) => e.reason === 'adjust').map((e) => e.ref).sort()).toEqual(adjusts.map((a) => a.ref).sort());
		// Each order reserved at most once per SKU with the initial key; re-reservations only happen after expiry.
		const reserves = ledger.filter((e) => e.reason === 'reserve').map((e) => `${e.orderKey}|${e.effectKey}|${e.sku}`);
		expect(reserves.every((r) => r.split('|')[1] === 'reserve')).toBe(true);
		expect(new Set(reserves).size).toBe(reserves.length);
		// Open reservations are exactly the open orders' latest lines, with their latest status.
		const open = (await store.listReservations({ limit: 100000 })).map((r) => `${r.orderKey} ${r.status} ${r.sku}x${r.quantity}`).sort();
		const expectedOpen = histories
			.map((h) => h[h.length - 1])
			.filter((s) => s.status === 'pending_payment' || s.status === 'paid')
			.flatMap((s) => s.lines.map(([sku, q]) => `${orderKeyOf(toOrder(s))} ${s.status} ${sku}x${q}`))
			.sort();
		expect(open).toEqual(expectedOpen);
	}, 180_000);
});
